// SPDX-License-Identifier: MIT
#include "source_shape.hpp"

#include <cctype>
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

}  // namespace

NoteShape classify_note(std::string_view text) {
  std::string lower = lower_ascii(text);
  std::size_t start = lower.find_first_not_of(" \t\n*_");
  std::string_view head = start == std::string::npos ? std::string_view() : std::string_view(lower).substr(start);
  if (head.rfind("ibid", 0) == 0 || head.rfind("id.", 0) == 0 || head.rfind("op. cit", 0) == 0 || head.rfind("loc. cit", 0) == 0 ||
      head.rfind("see note", 0) == 0 || head.rfind("see above", 0) == 0 || head.rfind("see supra", 0) == 0)
    return NoteShape::back_reference;
  if (lower.find("http://") != std::string::npos || lower.find("https://") != std::string::npos || lower.find("www.") != std::string::npos)
    return NoteShape::source;
  if (lower.find("doi:") != std::string::npos || lower.find("doi.org/") != std::string::npos) return NoteShape::source;
  if (lower.find("isbn") != std::string::npos) return NoteShape::source;
  bool year = has_year(text);
  bool bibliographic = has_quoted_title(text) || lower.find("et al") != std::string::npos || lower.find("vol.") != std::string::npos ||
                       lower.find(" pp.") != std::string::npos || lower.find(" p. ") != std::string::npos ||
                       lower.find("press") != std::string::npos || lower.find("journal") != std::string::npos || count(text, ',') >= 2;
  if (year && bibliographic) return NoteShape::source;
  if (has_document_number(text) && count(text, ',') >= 1 && lower.find("see ") != std::string::npos) return NoteShape::source;
  return NoteShape::no_source;
}

}  // namespace marginalia::plugins::footnotes
