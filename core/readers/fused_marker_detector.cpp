// SPDX-License-Identifier: MIT
#include "readers/fused_marker_detector.hpp"

#include <cctype>
#include <string>

#include "marginalia/sdk/text.hpp"

namespace marginalia::readers {
namespace {

int superscript_digit(char32_t c) {
  switch (c) {
    case 0x2070: return 0;
    case 0x00B9: return 1;
    case 0x00B2: return 2;
    case 0x00B3: return 3;
    default: return (c >= 0x2074 && c <= 0x2079) ? static_cast<int>(c - 0x2070) : -1;
  }
}

bool is_closing_punctuation(char32_t c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == 0x201D || c == 0x2019 || c == '"' ||
         c == '\'' || c == ')' || c == ']' || c == '!' || c == '?' || c == 0xBB;
}

// What may follow a marker: the end, a space, or punctuation that does not continue a number.
bool acceptable_after(std::string_view text, std::size_t pos, std::size_t end) {
  if (pos >= end) return true;
  std::size_t cursor = pos;
  char32_t next = sdk::next_code_point(text, cursor);
  if (sdk::is_space(next)) return true;
  bool continues_number = next == '.' || next == ',' || next == ':' || next == '-' || next == 0x2013 || next == '/';
  if (continues_number) {
    if (cursor >= end) return next != '-' && next != '/';
    std::size_t after = cursor;
    char32_t following = sdk::next_code_point(text, after);
    if (sdk::is_ascii_digit(following)) return false;   // 12.5, 1,000, 2:30, 1-2, 24/7
    if (next == '-' || next == 0x2013 || next == '/') return false;  // 12-point
    return true;
  }
  return next == ';' || next == ')' || next == ']' || next == 0x201D || next == 0x2019 || next == '"' ||
         next == '\'' || next == '!' || next == '?' || next == 0x2014 || next == 0xBB;
}

// Classifies the left context of a digit run starting at `pos`: 0 = not fused, 1 = weak, 2 = strong.
int left_strength(std::string_view text, std::size_t pos, std::size_t range_begin) {
  if (pos <= range_begin) return 0;
  std::size_t cursor = pos;
  char32_t prev = sdk::previous_code_point(text, cursor);
  if (sdk::is_letter(prev)) {
    // Walk back over the word: an all-capitals token ("G7", "FY26", "COVID19") is likely a name.
    bool all_upper = true, any_lower = false;
    std::size_t word = pos;
    while (word > range_begin) {
      std::size_t probe = word;
      char32_t c = sdk::previous_code_point(text, probe);
      if (!sdk::is_letter(c)) break;
      if (sdk::is_lower(c)) { any_lower = true; all_upper = false; }
      word = probe;
    }
    if (all_upper && !any_lower) return 1;
    // "km2", "m3", "(x2)": a unit or factor, not a word a note hangs on.
    std::size_t letters = 0;
    for (std::size_t cursor_word = word; cursor_word < pos; ++letters) sdk::next_code_point(text, cursor_word);
    if (letters <= 2) return 1;
    return 2;
  }
  if (is_closing_punctuation(prev)) {
    if (cursor <= range_begin) return 0;
    std::size_t before_cursor = cursor;
    char32_t before = sdk::previous_code_point(text, before_cursor);
    if (sdk::is_ascii_digit(before)) {
      // "June 2023.5": only a year before the point makes a marker plausible ("12.5", "2.1" are numbers).
      std::size_t digits_begin = before_cursor + 1, probe = before_cursor + 1;
      while (digits_begin > range_begin && sdk::is_ascii_digit(static_cast<unsigned char>(text[digits_begin - 1]))) --digits_begin;
      std::size_t count = probe - digits_begin;
      if (count != 4) return 0;
      int year = std::stoi(std::string(text.substr(digits_begin, 4)));
      return year >= 1000 && year <= 2999 ? 1 : 0;
    }
    if (sdk::is_letter(before) || is_closing_punctuation(before) || before == '%') return 2;
    return 0;
  }
  return 0;
}

// "1.E.8", "1.F.3.", "2.b.4": the digits are a part of a dotted paragraph number (the Project
// Gutenberg licence, statutes, manuals), not a marker fused to a word.
bool in_outline_number(std::string_view text, std::size_t pos, std::size_t range_begin, std::size_t end) {
  auto outline_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.'; };
  std::size_t begin = pos;
  while (begin > range_begin && outline_char(text[begin - 1])) --begin;
  std::size_t finish = pos;
  while (finish < end && outline_char(text[finish])) ++finish;
  std::string_view token = text.substr(begin, finish - begin);
  if (token.empty() || !std::isdigit(static_cast<unsigned char>(token[0]))) return false;
  std::size_t dots = 0, segment = 0;
  bool letter = false;
  for (char c : token) {
    if (c == '.') { ++dots; segment = 0; continue; }
    if (++segment > 3) return false;
    letter = letter || std::isalpha(static_cast<unsigned char>(c));
  }
  return letter && dots >= 2;
}

bool starts_sentence_after(std::string_view text, std::size_t pos, std::size_t end) {
  while (pos < end) {
    std::size_t cursor = pos;
    char32_t c = sdk::next_code_point(text, cursor);
    if (sdk::is_space(c)) { pos = cursor; continue; }
    return sdk::is_upper(c) || c == 0x201C || c == '"' || c == '(' || c == '[';
  }
  return true;
}

}  // namespace

std::vector<MarkerCandidate> find_marker_candidates(std::string_view text, const std::vector<sdk::Span>& ranges) {
  std::vector<MarkerCandidate> out;
  for (sdk::Span range : ranges) {
    std::size_t pos = range.begin, end = std::min<std::size_t>(range.end, text.size());
    while (pos < end) {
      unsigned char byte = static_cast<unsigned char>(text[pos]);
      if (byte >= '0' && byte <= '9') {
        std::size_t run_end = pos;
        while (run_end < end && text[run_end] >= '0' && text[run_end] <= '9') ++run_end;
        std::size_t length = run_end - pos;
        if (length <= 3 && text[pos] != '0' && acceptable_after(text, run_end, end) && !in_outline_number(text, pos, range.begin, end)) {
          int strength = left_strength(text, pos, range.begin);
          // A weak candidate must end a sentence: what follows starts a new one or nothing does.
          if (strength == 1 && !starts_sentence_after(text, run_end, end)) strength = 0;
          if (strength > 0)
            out.push_back({{static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(run_end)},
                           static_cast<std::uint32_t>(std::stoul(std::string(text.substr(pos, length)))),
                           strength == 2});
        }
        pos = run_end;
        continue;
      }
      if (byte < 0x80) { ++pos; continue; }
      std::size_t cursor = pos;
      char32_t c = sdk::next_code_point(text, cursor);
      if (superscript_digit(c) >= 0) {
        std::uint32_t value = 0;
        std::size_t run_end = pos;
        while (run_end < end) {
          std::size_t probe = run_end;
          int digit = superscript_digit(sdk::next_code_point(text, probe));
          if (digit < 0) break;
          value = value * 10 + static_cast<std::uint32_t>(digit);
          run_end = probe;
        }
        if (value > 0 && value < 10000)
          out.push_back({{static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(run_end)}, value, true});
        pos = run_end;
        continue;
      }
      pos = cursor;
    }
  }
  return out;
}

std::vector<sdk::NoteRef> select_markers(const std::vector<MarkerCandidate>& candidates,
                                         const std::set<std::uint32_t>& note_labels) {
  std::vector<sdk::NoteRef> out;
  std::uint32_t highest = 0;
  const bool have_notes = !note_labels.empty();
  for (const MarkerCandidate& candidate : candidates) {
    std::uint32_t value = candidate.value;
    bool labelled = note_labels.count(value) > 0;
    bool accept = false;
    if (value == highest + 1) {
      accept = candidate.strong || !have_notes || labelled;
    } else if (candidate.strong && value > highest + 1) {
      // A gap: markers lost in conversion, or a numbering defect worth reporting. Notes that
      // exist vouch for a wider jump.
      std::uint32_t reach = (have_notes && labelled) ? 60 : 3;
      accept = value <= highest + reach;
    } else if (candidate.strong && value <= highest && value + 3 > highest) {
      accept = true;  // a repeat or a swap close to the running number: reported by footnotes
    }
    if (!accept) continue;
    out.push_back({candidate.span, std::to_string(value)});
    if (value > highest) highest = value;
  }
  return out;
}

std::vector<sdk::NoteRef> detect_fused_markers(std::string_view text, const std::vector<sdk::Span>& ranges,
                                               const std::set<std::uint32_t>& note_labels) {
  return select_markers(find_marker_candidates(text, ranges), note_labels);
}

}  // namespace marginalia::readers
