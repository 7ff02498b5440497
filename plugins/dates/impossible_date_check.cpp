// SPDX-License-Identifier: MIT
#include "calendar.hpp"
#include "date_checks.hpp"

namespace marginalia::plugins::dates {

const sdk::CodeTable code_table{
    {code_impossible_date, sdk::Severity::error, "A date that does not exist, such as 31 April or 29 February of a common year."},
    {code_weekday_mismatch, sdk::Severity::warning, "A weekday written beside a date is not the weekday that date falls on."},
    {code_date_after_document, sdk::Severity::warning, "A date after the document's own date is spoken of as past."},
    {code_ambiguous_numeric_date, sdk::Severity::warning, "An all-numeric date reads as two different days and nothing settles the order."},
    {code_mixed_styles, sdk::Severity::note, "Dates are written day-month in some places and month-day in others."},
    {code_event_date_conflict, sdk::Severity::warning, "The same named event is given two different dates."},
    {code_tei_date_mismatch, sdk::Severity::warning, "A TEI <date when> disagrees with the date its text gives."},
};

std::string written_date(std::int64_t day) {
  CivilDate d = civil_from_day_number(day);
  return std::to_string(d.day) + " " + std::string(month_name(d.month)) + " " + std::to_string(d.year);
}

std::string quoted(const sdk::Document& document, sdk::Span span) {
  std::string out = "'";
  out += document.slice(span);
  out += "'";
  return out;
}

void check_impossible_dates(const ScannedDocument& scanned, std::vector<sdk::Finding>& out) {
  for (const FoundDate& f : scanned.dates) {
    const DateExpression& e = f.expression;
    if (!e.impossible) continue;
    std::string why;
    int month = e.impossible_month;
    std::string name(month_name(month));
    if (e.impossible_day > 31 || e.impossible_day < 1) {
      why = "no month has a day " + std::to_string(e.impossible_day);
    } else if (month == 2 && e.impossible_day == 29 && e.impossible_year >= 0) {
      why = "February " + std::to_string(e.impossible_year) + " has 28 days (" + std::to_string(e.impossible_year) + " is not a leap year)";
    } else {
      int year = e.impossible_year >= 0 ? e.impossible_year : 2024;
      why = name + " has " + std::to_string(days_in_month(year, month)) + " days";
    }
    sdk::Finding finding = code_table.finding(code_impossible_date, e.span,
                                              quoted(*scanned.document, e.span) + " is not a date: " + why);
    out.push_back(std::move(finding));
  }
}

}  // namespace marginalia::plugins::dates
