// SPDX-License-Identifier: MIT
#include "source_shape.hpp"

#include <cctype>
#include <initializer_list>
#include <string>

namespace marginalia::plugins::footnotes {
namespace {

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool has_year(std::string_view text) {
  for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
    if (i > 0 && std::isdigit(static_cast<unsigned char>(text[i - 1]))) continue;
    if (i + 4 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 4]))) continue;
    bool digits = true;
    for (std::size_t k = 0; k < 4; ++k) digits = digits && std::isdigit(static_cast<unsigned char>(text[i + k]));
    if (!digits) continue;
    int year = std::stoi(std::string(text.substr(i, 4)));
    if (year >= 1500 && year <= 2099) return true;
  }
  return false;
}

bool has_quoted_title(std::string_view text) {
  std::size_t open = text.find("\xE2\x80\x9C");  // “
  if (open != std::string_view::npos && text.find("\xE2\x80\x9D", open) != std::string_view::npos) return true;
  std::size_t straight = text.find('"');
  return straight != std::string_view::npos && text.find('"', straight + 1) != std::string_view::npos;
}

// "R46909", "IF12780", "H.R. 1234", "S. 12": a document number.
bool has_document_number(std::string_view text) {
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (!std::isupper(static_cast<unsigned char>(text[i]))) continue;
    if (i > 0 && std::isalpha(static_cast<unsigned char>(text[i - 1]))) continue;
    std::size_t j = i;
    while (j < text.size() && std::isupper(static_cast<unsigned char>(text[j]))) ++j;
    std::size_t digits = j;
    while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
    if (j - i <= 3 && digits - j >= 3) return true;
  }
  return false;
}

std::size_t count(std::string_view text, char c) {
  std::size_t n = 0;
  for (char x : text) n += x == c;
  return n;
}

// "Sharma, …", "Department of the Treasury, Illicit Finance…", "Brill and Hassett, Revenue…": a
// short run of capitalised words (an author or an agency), a comma, then a capitalised title.
bool author_then_title(std::string_view text) {
  std::size_t comma = text.find(',');
  if (comma == std::string_view::npos || comma == 0 || comma > 80) return false;
  std::size_t words = 0, start = 0;
  std::string_view head = text.substr(0, comma);
  while (start < head.size()) {
    std::size_t end = head.find(' ', start);
    if (end == std::string_view::npos) end = head.size();
    std::string_view word = head.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    ++words;
    bool connector = word == "and" || word == "of" || word == "the" || word == "for" || word == "&" || word == "et" || word == "al." ||
                     word == "on" || word == "de" || word == "van" || word == "von";
    if (!connector && !std::isupper(static_cast<unsigned char>(word[0]))) return false;
  }
  if (words == 0 || words > 7) return false;
  std::size_t after = comma + 1;
  while (after < text.size() && text[after] == ' ') ++after;
  if (after >= text.size()) return false;
  unsigned char next = static_cast<unsigned char>(text[after]);
  return std::isupper(next) || std::isdigit(next) || next == '"' || text.compare(after, 3, "\xE2\x80\x9C") == 0;
}

bool contains_any(const std::string& lower, std::initializer_list<const char*> needles) {
  for (const char* needle : needles)
    if (lower.find(needle) != std::string::npos) return true;
  return false;
}

}  // namespace

NoteShape classify_note(std::string_view text) {
  std::string lower = lower_ascii(text);
  std::size_t start = lower.find_first_not_of(" \t\n*_");
  if (start == std::string::npos) return NoteShape::no_source;
  std::string_view head = std::string_view(lower).substr(start);
  for (const char* back : {"ibid", "id.", "op. cit", "loc. cit", "see note", "see footnote", "see endnote", "see above", "see below",
                           "see supra", "supra note", "see the section", "see section", "see appendix", "see figure", "see table",
                           "see chapter", "see part "})
    if (head.rfind(back, 0) == 0) return NoteShape::back_reference;
  if (contains_any(lower, {"http://", "https://", "www.", "doi:", "doi.org/", "isbn"})) return NoteShape::source;
  std::string_view original = text.substr(start);
  bool signals = has_quoted_title(text) || contains_any(lower, {"et al", "vol.", " pp.", " p. ", "(p. ", "press", "journal",
                                                                 "crs report", "crs in focus", "crs insight", "docket", "report no",
                                                                 "working paper", "testimony", " cong.,", " sess.,", "s. doc.",
                                                                 "h. doc.", "(ser. "}) ||
                 (has_document_number(text) && count(text, ',') >= 1) || author_then_title(original) ||
                 (has_year(text) && count(text, ',') >= 1);
  return signals ? NoteShape::source : NoteShape::no_source;
}

}  // namespace marginalia::plugins::footnotes
