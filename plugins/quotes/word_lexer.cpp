// SPDX-License-Identifier: MIT
#include "word_lexer.hpp"

#include <algorithm>

#include <marginalia/sdk/text.hpp>

#include "letter_classes.hpp"

namespace marginalia::plugins::quotes {

namespace {

bool is_word_char(char32_t c) { return is_letter(c) || sdk::is_ascii_digit(c); }
bool is_apostrophe(char32_t c) { return c == 0x2019 || c == '\'' || c == 0x02BC; }
bool is_joiner(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

// Words after which a period belongs to the word token ("Mr.", "U.S.", "J."): titles and initials
// only, in their written case. Sentence ends are sdk::split_sentences' (a wider list: months,
// "No.", "Co."); taking that list here made "Co." and "MR." name tokens and moved speakers.
bool takes_period(std::string_view word) {
  static constexpr std::string_view list[] = {"Adm", "Capt", "Col", "Dr", "Gen", "Gov", "Hon", "Jr", "Lt", "Messrs",
                                              "Mlle", "Mme", "Mr", "Mrs", "Ms", "Prof", "Rep", "Rev", "Sen", "Sgt",
                                              "Sr", "St", "al", "cf", "vs"};
  std::size_t first = 0;
  if (!word.empty() && is_upper(sdk::next_code_point(word, first)) && first == word.size()) return true;  // "J.", "Ž.
  for (std::string_view entry : list)
    if (entry == word) return true;
  return false;
}

}  // namespace

std::string fold(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (std::size_t i = 0; i < word.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (c == 0xE2 && i + 2 < word.size() && static_cast<unsigned char>(word[i + 1]) == 0x80 &&
        static_cast<unsigned char>(word[i + 2]) == 0x99) {
      out.push_back('\'');
      i += 2;
      continue;
    }
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c));
  }
  return out;
}

void lex(std::string_view text, sdk::Span range, const std::vector<QuoteRef>& quotes,
         const std::vector<sdk::NoteRef>& markers, std::vector<Token>& out) {
  auto next_quote = std::lower_bound(quotes.begin(), quotes.end(), range.begin,
                                     [](const QuoteRef& q, std::uint32_t value) { return q.span.end <= value; });
  auto next_marker = std::lower_bound(markers.begin(), markers.end(), range.begin,
                                      [](const sdk::NoteRef& r, std::uint32_t value) { return r.span.begin < value; });
  std::size_t i = range.begin;
  const std::size_t end = std::min<std::size_t>(range.end, text.size());
  while (i < end) {
    while (next_quote != quotes.end() && next_quote->span.end <= i) ++next_quote;
    while (next_marker != markers.end() && next_marker->span.begin < i) ++next_marker;
    if (next_quote != quotes.end() && next_quote->span.begin <= i) {
      Token t;
      t.kind = TokenKind::quote;
      t.span = {static_cast<std::uint32_t>(i), std::min<std::uint32_t>(next_quote->span.end, static_cast<std::uint32_t>(end))};
      t.stem_end = t.span.end;
      t.quote = next_quote->index;
      out.push_back(t);
      i = t.span.end;
      continue;
    }
    if (next_marker != markers.end() && next_marker->span.begin == i && !next_marker->span.empty()) {
      Token t;
      t.kind = TokenKind::marker;
      t.span = next_marker->span;
      t.stem_end = t.span.end;
      out.push_back(t);
      i = next_marker->span.end;
      continue;
    }
    std::size_t after = i;
    char32_t c = sdk::next_code_point(text, after);
    if (sdk::is_space(c)) { i = after; continue; }
    if (!is_word_char(c)) {
      Token t;
      t.kind = TokenKind::punct;
      t.span = {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(after)};
      t.stem_end = t.span.end;
      t.punct = c;
      out.push_back(t);
      i = after;
      continue;
    }
    // A word: letters and digits, with apostrophes and hyphens inside, up to a fused marker.
    std::size_t limit = end;
    if (next_marker != markers.end() && next_marker->span.begin < limit) limit = next_marker->span.begin;
    if (next_quote != quotes.end() && next_quote->span.begin < limit) limit = next_quote->span.begin;
    Token t;
    t.kind = TokenKind::word;
    std::size_t start = i;
    std::size_t p = after;
    bool upper_seen = is_upper(c), lower_seen = is_lower(c);
    int letters = is_letter(c) ? 1 : 0;
    t.capitalized = is_upper(c);
    while (p < limit) {
      std::size_t q = p;
      char32_t d = sdk::next_code_point(text, q);
      if (is_word_char(d)) {
        upper_seen |= is_upper(d);
        lower_seen |= is_lower(d);
        letters += is_letter(d) ? 1 : 0;
        p = q;
        continue;
      }
      if ((is_apostrophe(d) || is_joiner(d)) && q < limit) {
        std::size_t r = q;
        char32_t e = sdk::next_code_point(text, r);
        if (is_word_char(e)) { p = q; continue; }
      }
      break;
    }
    // Plural possessive "allies’ " and abbreviations "Mr." / "U.S.".
    std::size_t word_end = p;
    if (p < limit) {
      std::size_t q = p;
      char32_t d = sdk::next_code_point(text, q);
      if (is_apostrophe(d) && p > start && text[p - 1] == 's') {
        t.possessive = true;
        t.stem_end = static_cast<std::uint32_t>(p);
        word_end = q;
      } else if (d == '.' && takes_period(text.substr(start, p - start))) {
        word_end = q;
        // U.S. / e.g.: letter-period pairs.
        while (word_end + 1 < limit && is_word_char(static_cast<unsigned char>(text[word_end])) && text[word_end + 1] == '.') {
          unsigned char letter = static_cast<unsigned char>(text[word_end]);
          upper_seen |= letter >= 'A' && letter <= 'Z';
          lower_seen |= letter >= 'a' && letter <= 'z';
          ++letters;
          word_end += 2;
        }
      }
    }
    t.span = {static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(word_end)};
    if (!t.possessive) {
      t.stem_end = t.span.end;
      std::string_view w = text.substr(start, p - start);
      for (std::string_view ending : {std::string_view("\xE2\x80\x99s"), std::string_view("'s")}) {
        if (w.size() > ending.size() && w.compare(w.size() - ending.size(), ending.size(), ending) == 0) {
          t.possessive = true;
          t.stem_end = static_cast<std::uint32_t>(p - ending.size());
        }
      }
    }
    t.all_caps = upper_seen && !lower_seen && letters >= 2;
    out.push_back(t);
    i = word_end;
  }
}

}  // namespace marginalia::plugins::quotes
