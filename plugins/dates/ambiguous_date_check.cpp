// SPDX-License-Identifier: MIT
#include "calendar.hpp"
#include "date_checks.hpp"

namespace marginalia::plugins::dates {

void check_ambiguous_numeric_dates(const ScannedDocument& scanned, std::vector<sdk::Finding>& out) {
  for (const FoundDate& f : scanned.dates) {
    const DateExpression& e = f.expression;
    if (!e.ambiguous || f.order_inferred) continue;
    int y = e.numeric_year;
    std::string day_first = written_date(day_number(y, e.numeric_second, e.numeric_first));
    std::string month_first = written_date(day_number(y, e.numeric_first, e.numeric_second));
    sdk::Finding finding = code_table.finding(code_ambiguous_numeric_date, e.span,
                                              quoted(*scanned.document, e.span) + " can be read as " + day_first + " (day first) or " + month_first +
                                              " (month first); write the month as a word or set the numeric_order option");
    out.push_back(std::move(finding));
  }
}

}  // namespace marginalia::plugins::dates
