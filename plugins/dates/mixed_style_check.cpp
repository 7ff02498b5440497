// SPDX-License-Identifier: MIT
// Style is compared within running text only: datelines (and place-and-date lines the reader
// took for paragraphs), labelled fields, metadata and notes often follow a house or citation
// format of their own, block quotations keep their author's style, and a numeric dateline
// beside written dates in the body is normal.
#include <algorithm>
#include <string_view>

#include "date_checks.hpp"

namespace marginalia::plugins::dates {
namespace {

bool running_text(sdk::BlockKind kind) {
  return kind == sdk::BlockKind::paragraph || kind == sdk::BlockKind::list_item || kind == sdk::BlockKind::heading;
}

int words_in(std::string_view s) {
  int words = 0;
  bool in_word = false;
  for (char c : s) {
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
    if (letter && !in_word) ++words;
    in_word = letter;
  }
  return words;
}

// A date set apart from the prose keeps the format of its own convention: a place-and-date line
// closing a preface or heading a letter ("LONDON, _July 5th, 1901_.", "Wednesday, July 3, 1817."),
// or the value of a labelled field ("Release Date: January 10, 2011 [EBook #34901]").
bool set_apart(const ScannedDocument& scanned, const FoundDate& f) {
  std::string_view block = scanned.document->slice(f.block_span);
  const sdk::Span span = f.expression.span;
  if (span.begin < f.block_span.begin || span.end > f.block_span.end) return false;
  std::string_view before = block.substr(0, span.begin - f.block_span.begin);
  std::string_view after = block.substr(span.end - f.block_span.begin);
  bool only_punctuation_after = true;
  for (char c : after)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) only_punctuation_after = false;
  if (only_punctuation_after && words_in(before) <= 3) return true;
  std::size_t last = before.find_last_not_of(" \t");
  return last != std::string_view::npos && before[last] == ':' && words_in(before) <= 4 && before.find('.') == std::string_view::npos;
}

// "[7] Thomas Pooley, Bodmin Assizes, July 31, 1857.": the text of a note whose block the
// reader did not take for a note still follows the citation format of notes.
bool note_text(const ScannedDocument& scanned, const FoundDate& f) {
  std::string_view block = scanned.document->slice(f.block_span);
  std::size_t i = 0;
  while (i < block.size() && (block[i] == ' ' || block[i] == '\t')) ++i;
  if (i >= block.size() || block[i] != '[') return false;
  std::size_t j = i + 1;
  while (j < block.size() && block[j] >= '0' && block[j] <= '9') ++j;
  return j > i + 1 && j < block.size() && block[j] == ']';
}

// Plain text sets quotations and verse off by indenting every line ("  8th or 9th November, bad
// humor." quoted from a notebook): they keep their author's style. A first-line indent alone
// is a paragraph's.
bool indented_block(const ScannedDocument& scanned, const FoundDate& f) {
  if (scanned.document->format != "text") return false;
  std::string_view text = scanned.document->text;
  auto indented_line_at = [&](std::size_t line_start, std::size_t first_char) {
    return first_char >= line_start + 2 && text.substr(line_start, 2) == "  ";
  };
  std::size_t line_start = f.block_span.begin;
  while (line_start > 0 && text[line_start - 1] != '\n') --line_start;
  if (!indented_line_at(line_start, f.block_span.begin)) return false;
  for (std::size_t i = f.block_span.begin; i < f.block_span.end; ++i) {
    if (text[i] != '\n' || i + 1 >= f.block_span.end) continue;
    std::size_t next = i + 1, first = next;
    while (first < f.block_span.end && (text[first] == ' ' || text[first] == '\r')) ++first;
    if (first < f.block_span.end && !indented_line_at(next, first)) return false;
  }
  return true;
}

bool styled_prose(const ScannedDocument& scanned, const FoundDate& f) {
  return running_text(f.block) && !set_apart(scanned, f) && !note_text(scanned, f) && !indented_block(scanned, f);
}

const char* describe(DateStyle style) {
  switch (style) {
    case DateStyle::day_month: return "day-month (24 April 2024)";
    case DateStyle::month_day: return "month-day (April 24, 2024)";
    case DateStyle::slash_day_first: return "day-first numeric (24/04/2024)";
    case DateStyle::slash_month_first: return "month-first numeric (04/24/2024)";
    default: return "";
  }
}

void compare(const ScannedDocument& scanned, DateStyle a, DateStyle b, bool only_running_text, std::vector<sdk::Finding>& out) {
  const FoundDate* first_a = nullptr;
  const FoundDate* first_b = nullptr;
  int count_a = 0, count_b = 0;
  for (const FoundDate& f : scanned.dates) {
    if (only_running_text && !styled_prose(scanned, f)) continue;
    if (f.expression.style == a) { ++count_a; if (!first_a) first_a = &f; }
    if (f.expression.style == b) { ++count_b; if (!first_b) first_b = &f; }
  }
  // A house style needs two examples: one date of each kind is too little to say which is the slip.
  if (!count_a || !count_b || std::max(count_a, count_b) < 2) return;
  // The majority is the house style; on a tie, the style used first.
  bool a_wins = count_a > count_b || (count_a == count_b && first_a->expression.span.begin < first_b->expression.span.begin);
  DateStyle minority = a_wins ? b : a;
  const FoundDate* example = a_wins ? first_a : first_b;
  int majority_count = a_wins ? count_a : count_b;
  for (const FoundDate& f : scanned.dates) {
    if (only_running_text && !styled_prose(scanned, f)) continue;
    if (f.expression.style != minority) continue;
    sdk::Finding finding = code_table.finding(code_mixed_styles, f.expression.span,
                                              quoted(*scanned.document, f.expression.span) + " is written " + describe(minority) +
                                              " but the document writes " + std::to_string(majority_count) + " date" + (majority_count == 1 ? "" : "s") +
                                              " " + describe(example->expression.style));
    finding.related.push_back({example->expression.span, "first date in the document's main style"});
    out.push_back(std::move(finding));
  }
}

}  // namespace

void check_mixed_styles(const ScannedDocument& scanned, std::vector<sdk::Finding>& out) {
  compare(scanned, DateStyle::day_month, DateStyle::month_day, true, out);
  compare(scanned, DateStyle::slash_day_first, DateStyle::slash_month_first, false, out);
}

}  // namespace marginalia::plugins::dates
