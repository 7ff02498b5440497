// SPDX-License-Identifier: MIT
#include "scanned_document.hpp"

#include <algorithm>

#include <marginalia/sdk/code_spans.hpp>

#include "event_phrase.hpp"
#include "token.hpp"

namespace marginalia::plugins::dates {
namespace {

// Reads an ambiguous numeric date in the order the rest of the document shows.
void settle_order(ScannedDocument& scanned) {
  int day_first = 0, month_first = 0, day_month_words = 0, month_day_words = 0;
  for (const FoundDate& f : scanned.dates) {
    switch (f.expression.style) {
      case DateStyle::slash_day_first: ++day_first; break;
      case DateStyle::slash_month_first: ++month_first; break;
      case DateStyle::day_month: ++day_month_words; break;
      case DateStyle::month_day: ++month_day_words; break;
      default: break;
    }
  }
  NumericOrder order = NumericOrder::automatic;
  if (day_first && !month_first) order = NumericOrder::day_first;
  else if (month_first && !day_first) order = NumericOrder::month_first;
  else if (!day_first && !month_first) {
    if (day_month_words > month_day_words) order = NumericOrder::day_first;
    else if (month_day_words > day_month_words) order = NumericOrder::month_first;
  }
  scanned.inferred_order = order;
  if (order == NumericOrder::automatic) return;
  for (FoundDate& f : scanned.dates) {
    DateExpression& e = f.expression;
    if (!e.ambiguous) continue;
    int month = order == NumericOrder::day_first ? e.numeric_second : e.numeric_first;
    int day = order == NumericOrder::day_first ? e.numeric_first : e.numeric_second;
    if (!is_valid_date(e.numeric_year, month, day)) continue;
    e.value = iso_day(e.numeric_year, month, day);
    e.tei = {{"when", e.value}};
    e.bounded = true;
    e.first_day = e.last_day = day_number(e.numeric_year, month, day);
    f.order_inferred = true;
  }
}

std::string lower_word(std::string_view text, const Token& t) {
  std::string out(text.substr(t.begin, t.end - t.begin));
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

bool document_date_of(const sdk::Document& document, CivilDate& out) {
  std::string_view value = document.meta("date");
  if (value.size() > 10) value = value.substr(0, 10);
  return parse_iso(value, out) && out.day > 0;
}

ScannedDocument scan_document(const sdk::Document& document, NumericOrder order) {
  ScannedDocument scanned;
  scanned.document = &document;
  scanned.configured_order = order;
  scanned.has_document_date = document_date_of(document, scanned.document_date);

  ScanSettings settings;
  settings.has_document_date = scanned.has_document_date;
  settings.document_date = scanned.document_date;
  settings.order = order;
  DateScanner scanner(document.text, settings);

  std::vector<sdk::Span> note_refs;
  note_refs.reserve(document.note_refs.size());
  for (const sdk::NoteRef& ref : document.note_refs) note_refs.push_back(ref.span);
  std::sort(note_refs.begin(), note_refs.end());

  const sdk::CodeSpans code(document);
  std::vector<sdk::Block> whole;
  const std::vector<sdk::Block>* blocks = &document.blocks;
  if (blocks->empty()) {
    whole.push_back({sdk::BlockKind::paragraph, {0, static_cast<std::uint32_t>(document.text.size())}, 0, {}});
    blocks = &whole;
  }
  std::vector<Token> tokens;
  std::vector<DateExpression> found;
  for (const sdk::Block& block : *blocks) {
    if (block.span.empty()) continue;
    tokenize(document.text, block.span, note_refs, tokens);
    found.clear();
    bool heading = block.kind == sdk::BlockKind::heading || block.kind == sdk::BlockKind::title || block.kind == sdk::BlockKind::dateline;
    scanner.scan(tokens, found, heading);
    for (DateExpression& e : found) {
      if (code.overlaps(e.span)) continue;  // `2024-02-30` in code is an example, not a date
      FoundDate f;
      f.block = block.kind;
      f.block_span = block.span;
      if (e.type == TimexType::date || e.type == TimexType::time) {
        f.cues = tense_cues(document.text, tokens, e.first_token, e.end_token);
        if (e.first_token > 0 && tokens[e.first_token - 1].kind == TokenKind::word)
          f.signal = lower_word(document.text, tokens[e.first_token - 1]);
        if (e.first_token > 1 && tokens[e.first_token - 2].kind == TokenKind::word)
          f.signal_before = lower_word(document.text, tokens[e.first_token - 2]);
        if (e.granularity == Granularity::day || e.granularity == Granularity::month)
          f.event = event_phrase(document.text, tokens, e.first_token, e.end_token);
      }
      f.expression = std::move(e);
      scanned.dates.push_back(std::move(f));
    }
  }
  std::stable_sort(scanned.dates.begin(), scanned.dates.end(),
                   [](const FoundDate& a, const FoundDate& b) { return a.expression.span.begin < b.expression.span.begin; });
  if (order == NumericOrder::automatic) settle_order(scanned);
  return scanned;
}

}  // namespace marginalia::plugins::dates
