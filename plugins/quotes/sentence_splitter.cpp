// SPDX-License-Identifier: MIT
#include "sentence_splitter.hpp"

#include <algorithm>
#include <cctype>

#include <marginalia/sdk/text.hpp>

#include "letter_classes.hpp"

namespace marginalia::plugins::quotes {

namespace {

bool abbreviation_before(std::string_view text, std::size_t period, std::size_t floor) {
  std::size_t start = period;
  while (start > floor && (std::isalpha(static_cast<unsigned char>(text[start - 1])) || text[start - 1] == '.')) --start;
  std::string_view word = text.substr(start, period - start);
  if (word.empty()) return false;
  if (word.size() == 1 && std::isupper(static_cast<unsigned char>(word[0]))) return true;  // an initial: "J. Smith"
  if (word.find('.') != std::string_view::npos) return true;                               // "U.S.", "e.g."
  static constexpr std::string_view list[] = {"Adm", "Capt", "Col", "Dr", "Gen", "Gov", "Hon", "Jr", "Lt", "Messrs", "Mlle",
                                              "Mme", "Mr", "Mrs", "Ms", "Prof", "Rep", "Rev", "Sen", "Sgt", "Sr", "St", "al",
                                              "cf", "vs", "No", "Nos", "Vol", "vol", "pp", "p", "Fig", "fig", "approx", "ca",
                                              "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
                                              "Inc", "Ltd", "Co", "Corp", "Art", "ed", "eds"};
  for (std::string_view entry : list)
    if (entry == word) return true;
  return false;
}

bool closing_mark(char32_t c) { return c == 0x201D || c == 0x2019 || c == '"' || c == '\'' || c == 0xBB || c == ')' || c == ']'; }

bool starts_sentence(char32_t c) {
  return is_upper(c) || c == 0x201C || c == 0x2018 || c == '"' || c == 0xAB || c == 0x201E || c == '(' || c == '[' ||
         sdk::is_ascii_digit(c) || (is_letter(c) && !is_lower(c));
}

}  // namespace

std::vector<sdk::Span> split_sentences(std::string_view text, sdk::Span block, const std::vector<QuoteRef>& quotes,
                                       const std::vector<sdk::NoteRef>& markers) {
  std::vector<sdk::Span> sentences;
  auto quote = std::lower_bound(quotes.begin(), quotes.end(), block.begin,
                                [](const QuoteRef& q, std::uint32_t value) { return q.span.end <= value; });
  auto marker = std::lower_bound(markers.begin(), markers.end(), block.begin,
                                 [](const sdk::NoteRef& r, std::uint32_t value) { return r.span.begin < value; });
  const std::size_t end = std::min<std::size_t>(block.end, text.size());
  std::size_t start = block.begin;
  auto skip_space = [&](std::size_t p) {
    while (p < end) {
      std::size_t q = p;
      if (!sdk::is_space(sdk::next_code_point(text, q))) break;
      p = q;
    }
    return p;
  };
  start = skip_space(start);
  // After terminal punctuation at `p`: closing marks, more punctuation and a fused marker stay
  // in the sentence; a boundary needs white space and then something that starts a sentence.
  auto boundary_after = [&](std::size_t p) -> std::size_t {
    while (p < end) {
      std::size_t q = p;
      char32_t c = sdk::next_code_point(text, q);
      if (closing_mark(c) || c == '.' || c == '!' || c == '?' || c == 0x2026) { p = q; continue; }
      while (marker != markers.end() && marker->span.begin < p) ++marker;
      if (marker != markers.end() && marker->span.begin == p && !marker->span.empty()) { p = marker->span.end; continue; }
      break;
    }
    if (p >= end) return end;
    std::size_t q = p;
    if (!sdk::is_space(sdk::next_code_point(text, q))) return std::string_view::npos;
    std::size_t next = skip_space(p);
    if (next >= end) return end;
    std::size_t r = next;
    if (!starts_sentence(sdk::next_code_point(text, r))) return std::string_view::npos;
    return p;
  };
  std::size_t i = start;
  while (i < end) {
    while (quote != quotes.end() && quote->span.end <= i) ++quote;
    if (quote != quotes.end() && quote->span.begin <= i) {
      // A quotation ending in . ! ? before a capital ends the sentence around it ("Bingley." Next…).
      std::size_t inner_end = quote->span.end;
      std::size_t p = inner_end;
      char32_t last = 0;
      for (int k = 0; k < 3 && p > quote->span.begin; ++k) {
        last = sdk::previous_code_point(text, p);
        if (!closing_mark(last) && !sdk::is_space(last)) break;
      }
      i = quote->span.end;
      if (last == '.' || last == '!' || last == '?' || last == 0x2026) {
        std::size_t b = boundary_after(i);
        if (b != std::string_view::npos) {
          sentences.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(b)});
          start = skip_space(b);
          i = start;
        }
      }
      continue;
    }
    char c = text[i];
    if (c == '.' || c == '!' || c == '?') {
      if (c == '.' && abbreviation_before(text, i, start)) { ++i; continue; }
      std::size_t b = boundary_after(i + 1);
      if (b != std::string_view::npos) {
        sentences.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(b)});
        start = skip_space(b);
        i = start;
        continue;
      }
    }
    ++i;
  }
  if (start < end) {
    std::size_t e = end;
    while (e > start && (text[e - 1] == ' ' || text[e - 1] == '\n' || text[e - 1] == '\t')) --e;
    if (e > start) sentences.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(e)});
  }
  return sentences;
}

}  // namespace marginalia::plugins::quotes
