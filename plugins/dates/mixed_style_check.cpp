// SPDX-License-Identifier: MIT
// Style is compared within running text only: datelines, metadata and notes often follow a
// house or citation format of their own, block quotations keep their author's style, and a
// numeric dateline beside written dates in the body is normal.
#include <algorithm>

#include "date_checks.hpp"

namespace marginalia::plugins::dates {
namespace {

bool running_text(sdk::BlockKind kind) {
  return kind == sdk::BlockKind::paragraph || kind == sdk::BlockKind::list_item || kind == sdk::BlockKind::heading;
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
    if (only_running_text && !running_text(f.block)) continue;
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
    if (only_running_text && !running_text(f.block)) continue;
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
