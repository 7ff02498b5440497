// SPDX-License-Identifier: MIT
#include "marginalia/sdk/segment.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "marginalia/sdk/text.hpp"
#include "marginalia/sdk/unicode.hpp"

namespace marginalia::sdk {
inline namespace MARGINALIA_SDK_NAMESPACE {
namespace {

// Abbreviations a capitalised word often follows: titles, months, references, company forms.
// "etc." is not here: it ends sentences as often as not, and a missed split costs more than a
// wrong one.
constexpr std::array<std::string_view, 36> kAbbreviations = {
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vs", "cf", "e.g", "i.e", "gen", "col", "sen", "rep", "gov", "jr", "sr",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig", "vol", "pp", "art", "approx"};

bool is_terminal(char32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x2026; }
bool is_closer(char32_t c) { return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0xBB; }
bool is_opener(char32_t c) { return c == '"' || c == '\'' || c == '(' || c == '[' || c == 0x201C || c == 0x2018 || c == 0xAB || c == 0x201E; }

std::string lower_ascii(std::string_view word) {
  std::string out(word);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

bool is_abbreviation_before(std::string_view text, std::size_t begin, std::size_t dot) {
  std::size_t start = dot;
  while (start > begin) {
    std::size_t at = start;
    char32_t c = sdk::previous_code_point(text, at);
    if (!unicode::is_letter(c) && c != '.') break;
    start = at;
  }
  std::string_view word = text.substr(start, dot - start);
  if (word.empty()) return false;
  std::size_t first = 0;
  char32_t lead = sdk::next_code_point(word, first);
  if (first == word.size() && unicode::is_upper(lead)) return true;  // an initial: "J. Smith"
  if (word.find('.') != std::string_view::npos) return true;      // "U.S.", "e.g."
  std::string lowered = lower_ascii(word);
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), lowered) != kAbbreviations.end();
}

namespace {

Span trimmed(std::string_view text, std::size_t begin, std::size_t end) {
  while (begin < end) {
    std::size_t at = begin;
    if (!sdk::is_space(sdk::next_code_point(text, at))) break;
    begin = at;
  }
  while (end > begin) {
    std::size_t at = end;
    if (!sdk::is_space(sdk::previous_code_point(text, at))) break;
    end = at;
  }
  return {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
}

}  // namespace

bool is_word_character(char32_t c) { return unicode::is_letter(c) || is_ascii_digit(c); }

std::vector<Span> split_sentences(std::string_view text, Span within) {
  std::vector<Span> sentences;
  std::size_t start = within.begin, pos = within.begin, end = within.end;
  auto close = [&](std::size_t at) {
    Span sentence = trimmed(text, start, at);
    if (!sentence.empty()) sentences.push_back(sentence);
    start = at;
  };
  while (pos < end) {
    std::size_t here = pos;
    char32_t c = sdk::next_code_point(text, pos);
    if (!is_terminal(c)) continue;
    bool lone_period = c == '.';
    std::size_t after = pos;
    while (after < end) {  // "?!", "...", then closing quotation marks and brackets
      std::size_t next = after;
      char32_t d = sdk::next_code_point(text, next);
      if (!is_terminal(d) && !is_closer(d)) break;
      if (d == '.' || is_terminal(d)) lone_period = false;
      after = next;
    }
    if (after >= end) break;
    std::size_t look = after;
    char32_t space = sdk::next_code_point(text, look);
    if (!sdk::is_space(space)) continue;  // "3.5", "e.g.,", "example.com"
    while (look < end) {
      std::size_t next = look;
      if (!sdk::is_space(sdk::next_code_point(text, next))) break;
      look = next;
    }
    if (look >= end) break;
    std::size_t peek = look;
    char32_t first = sdk::next_code_point(text, peek);
    if (!unicode::is_upper(first) && !is_ascii_digit(first) && !is_opener(first)) continue;
    if (lone_period && is_abbreviation_before(text, start, here)) continue;
    close(after);
    pos = after;
  }
  close(end);
  return sentences;
}

std::vector<Span> split_words(std::string_view text, Span within) {
  std::vector<Span> words;
  std::size_t pos = within.begin;
  while (pos < within.end) {
    std::size_t begin = pos;
    char32_t c = sdk::next_code_point(text, pos);
    if (!is_word_character(c)) continue;
    std::size_t end = pos;
    char32_t last = c;
    while (end < within.end) {
      std::size_t next = end;
      char32_t d = sdk::next_code_point(text, next);
      if (is_word_character(d)) {
        end = next;
        last = d;
        continue;
      }
      // Joiners count only between two word characters: "don't", "well-known", "3.5", "1,000".
      bool apostrophe_or_hyphen = d == '\'' || d == 0x2019 || d == '-' || d == 0x2011;
      bool number_joiner = (d == '.' || d == ',') && sdk::is_ascii_digit(last);
      if (!apostrophe_or_hyphen && !number_joiner) break;
      std::size_t after = next;
      if (after >= within.end) break;
      char32_t e = sdk::next_code_point(text, after);
      if (number_joiner ? !sdk::is_ascii_digit(e) : !is_word_character(e)) break;
      end = after;
      last = e;
    }
    words.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)});
    pos = end;
  }
  return words;
}

}  // namespace MARGINALIA_SDK_NAMESPACE
}  // namespace marginalia::sdk
