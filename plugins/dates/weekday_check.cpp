// SPDX-License-Identifier: MIT
#include "calendar.hpp"
#include "date_checks.hpp"

namespace marginalia::plugins::dates {
namespace {

// The correct weekday written the way the text wrote the wrong one ("Mon", "MONDAY").
std::string same_form(std::string_view written, int weekday) {
  std::string name(weekday_name(weekday));
  if (written.size() < 6) {  // every full weekday name has at least six letters
    std::size_t length = written.size();
    if (weekday == 1 && length == 4) name = "Tues";
    else if (weekday == 3 && length >= 4) name = length == 4 ? "Thur" : "Thurs";
    else name = name.substr(0, 3);
  }
  bool all_upper = written.size() > 1;
  for (char c : written)
    if (c >= 'a' && c <= 'z') all_upper = false;
  bool all_lower = !written.empty() && written[0] >= 'a' && written[0] <= 'z';
  for (char& c : name) {
    if (all_upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (all_lower && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return name;
}

}  // namespace

void check_weekdays(const ScannedDocument& scanned, std::vector<sdk::Finding>& out) {
  for (const FoundDate& f : scanned.dates) {
    const DateExpression& e = f.expression;
    if (e.stated_weekday < 0 || !e.bounded || e.granularity != Granularity::day || e.range) continue;
    if (e.ambiguous && !f.order_inferred) continue;
    // Only against a year the text writes or leaves beyond doubt: a memoir's "Sunday, October
    // 16" read in the wrong year is not the author's slip.
    if (!e.year_certain) continue;
    int actual = weekday_of(e.first_day);
    if (actual == e.stated_weekday) continue;
    const sdk::Document& document = *scanned.document;
    std::string date = written_date(e.first_day);
    sdk::Finding finding = code_table.finding(code_weekday_mismatch, e.weekday_span,
                                              quoted(document, e.weekday_span) + " does not match " + date + ", which is a " +
                                              std::string(weekday_name(actual)));
    if (!e.explicit_year) finding.message += " (the text gives no year; " + std::to_string(civil_from_day_number(e.first_day).year) + " is taken from the dates around it)";
    // The right weekday is certain only when the text writes the whole date: a year taken from
    // the dates around, or a day and month read in an inferred order, may be the wrong part.
    if (e.explicit_year && !e.ambiguous) finding.replacement = same_form(document.slice(e.weekday_span), actual);
    finding.related.push_back({e.span, "the date"});
    out.push_back(std::move(finding));
  }
}

}  // namespace marginalia::plugins::dates
