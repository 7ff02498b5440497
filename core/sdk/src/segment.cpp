// SPDX-License-Identifier: MIT
#include "marginalia/sdk/segment.hpp"

#include <algorithm>
#include <iterator>
#include <string>

#include "marginalia/sdk/text.hpp"
#include "marginalia/sdk/unicode.hpp"

namespace marginalia::sdk {
inline namespace MARGINALIA_SDK_NAMESPACE {
namespace {

constexpr std::size_t npos = std::string_view::npos;

// Abbreviations a capitalised word or a number often follows: titles, months and weekdays,
// references, company forms. "etc." is not here: it ends sentences as often as not, and a
// missed split costs more than a wrong one.
constexpr std::string_view kAbbreviations[] = {
    "mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "prof", "st", "hon", "rev", "gen", "col", "capt", "lt", "sgt", "adm",
    "sen", "rep", "gov", "jr", "sr",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "no", "nos", "vol", "pp", "p", "fig", "art", "ed", "eds", "al", "cf", "vs", "ca", "approx", "e.g", "i.e",
    "inc", "ltd", "co", "corp"};

// Abbreviations that are also English words ("he said no.", "the sun."): they count in lower
// case only before a number ("no. 5", "fig. 3"), otherwise only when capitalised ("No.", "Sat.").
constexpr std::string_view kAlsoWords[] = {"no", "art", "fig", "sat", "sun", "wed", "mar"};

bool is_terminal(char32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x2026; }
bool is_closer(char32_t c) { return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0xBB; }
bool is_opener(char32_t c) { return c == '"' || c == '\'' || c == '(' || c == '[' || c == 0x201C || c == 0x2018 || c == 0xAB || c == 0x201E; }

std::string lower_ascii(std::string_view word) {
  std::string out(word);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool number_follows(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    std::size_t at = pos;
    char32_t c = sdk::next_code_point(text, at);
    if (!sdk::is_space(c)) return sdk::is_ascii_digit(c);
    pos = at;
  }
  return false;
}

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

// One pass over `within`: the boundary test shared by split_sentences and ends_sentence.
class SentenceScanner {
 public:
  SentenceScanner(std::string_view text, Span within, const SentenceContext& context)
      : text_(text), begin_(within.begin), end_(std::min<std::size_t>(within.end, text.size())), context_(context) {}

  // Where the sentence whose stop ends just before `p` ends: closing marks, further stops and a
  // glued note marker stay in it; then space and the start of a sentence must follow. npos when
  // they do not; the end of `within` when it comes first. `more_stops` tells "?!" and "..."
  // from a lone period; `run_end` is where the stops and closing marks end, the same for every
  // stop of the run, so a caller can skip the run (linear on "......").
  std::size_t boundary_after(std::size_t p, bool& more_stops, std::size_t& run_end) const {
    while (p < end_) {
      std::size_t q = p;
      char32_t c = sdk::next_code_point(text_, q);
      if (is_terminal(c) || is_closer(c)) {
        more_stops = more_stops || is_terminal(c);
        p = q;
        continue;
      }
      if (std::size_t marker_end = marker_at(p); marker_end != npos) {
        p = marker_end;
        continue;
      }
      break;
    }
    run_end = p;
    if (p >= end_) return end_;
    std::size_t q = p;
    if (!sdk::is_space(sdk::next_code_point(text_, q))) return npos;  // "3.5", "e.g.,", "example.com"
    std::size_t next = p;
    while (next < end_) {
      std::size_t at = next;
      if (!sdk::is_space(sdk::next_code_point(text_, at))) break;
      next = at;
    }
    if (next >= end_) return end_;
    return starts_sentence(sdk::next_code_point(text_, next)) ? p : npos;
  }

  // The end of the sentence whose stop starts at `stop`, or npos when it does not end one.
  std::size_t sentence_end_at(std::size_t stop, std::size_t sentence_begin, std::size_t& run_end) const {
    std::size_t pos = stop;
    char32_t c = sdk::next_code_point(text_, pos);
    run_end = pos;
    if (!is_terminal(c)) return npos;
    bool more_stops = false;
    std::size_t end = boundary_after(pos, more_stops, run_end);
    if (end == npos || end >= end_) return end;
    if (c == '.' && !more_stops && is_abbreviation_before(text_, sentence_begin, stop)) return npos;
    return end;
  }

  std::vector<Span> split() const {
    std::vector<Span> sentences;
    std::size_t start = begin_, pos = begin_;
    auto close = [&](std::size_t at) {
      Span sentence = trimmed(text_, start, std::min(at, end_));
      if (!sentence.empty()) sentences.push_back(sentence);
      start = at;
    };
    const std::vector<Span>& quotations = context_.quotations;
    auto quote = std::lower_bound(quotations.begin(), quotations.end(), begin_,
                                  [](const Span& q, std::size_t value) { return q.end <= value; });
    while (pos < end_) {
      while (quote != quotations.end() && quote->end <= pos) ++quote;
      if (quote != quotations.end() && quote->begin <= pos) {
        // A stop inside a quotation ends the sentence around it only when it is the quotation's last word.
        std::size_t back = quote->end;
        char32_t last = 0;
        for (int k = 0; k < 3 && back > quote->begin; ++k) {
          last = sdk::previous_code_point(text_, back);
          if (!is_closer(last) && !sdk::is_space(last)) break;
        }
        pos = quote->end;
        if (is_terminal(last)) {
          bool more_stops = false;
          std::size_t run_end = pos;
          if (std::size_t end = boundary_after(pos, more_stops, run_end); end != npos) {
            close(end);
            pos = end;
          }
        }
        continue;
      }
      std::size_t here = pos;
      char32_t c = sdk::next_code_point(text_, pos);
      if (!is_terminal(c)) continue;
      std::size_t run_end = pos;
      std::size_t end = sentence_end_at(here, start, run_end);
      if (end == npos) {
        pos = std::max(pos, run_end);
        continue;
      }
      if (end >= end_) break;
      close(end);
      pos = end;
    }
    close(end_);
    return sentences;
  }

 private:
  std::size_t marker_at(std::size_t p) const {
    const std::vector<Span>& markers = context_.markers;
    auto it = std::lower_bound(markers.begin(), markers.end(), p, [](const Span& m, std::size_t value) { return m.begin < value; });
    return it != markers.end() && it->begin == p && !it->empty() ? it->end : npos;
  }

  std::string_view text_;
  std::size_t begin_, end_;
  const SentenceContext& context_;
};

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
  if (first == word.size() && unicode::is_upper(lead)) return true;  // an initial: "J. Smith", "Ł. Nowak"
  if (word.find('.') != std::string_view::npos) return true;      // "U.S.", "e.g."
  std::string lowered = lower_ascii(word);
  if (std::find(std::begin(kAbbreviations), std::end(kAbbreviations), lowered) == std::end(kAbbreviations)) return false;
  if (std::find(std::begin(kAlsoWords), std::end(kAlsoWords), lowered) == std::end(kAlsoWords)) return true;
  return unicode::is_upper(lead) || number_follows(text, dot + 1);
}

bool starts_sentence(char32_t c) {
  return (unicode::is_letter(c) && !unicode::is_lower(c)) || sdk::is_ascii_digit(c) || is_opener(c);
}

bool is_word_character(char32_t c) { return unicode::is_letter(c) || is_ascii_digit(c); }

std::vector<Span> split_sentences(std::string_view text, Span within) { return split_sentences(text, within, SentenceContext{}); }

std::vector<Span> split_sentences(std::string_view text, Span within, const SentenceContext& context) {
  return SentenceScanner(text, within, context).split();
}

bool ends_sentence(std::string_view text, Span within, std::size_t stop) {
  SentenceContext none;
  SentenceScanner scanner(text, within, none);
  if (stop < within.begin || stop >= std::min<std::size_t>(within.end, text.size())) return false;
  std::size_t run_end = stop;
  return scanner.sentence_end_at(stop, within.begin, run_end) != npos;
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
