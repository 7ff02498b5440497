// SPDX-License-Identifier: MIT
// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), used to
// validate, compare, shift and name dates without touching the C library's time zone state.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace marginalia::plugins::dates {

/// A calendar day.
struct CivilDate {
  int year = 0;
  int month = 0;  ///< 1-12
  int day = 0;    ///< 1-31
};

/// True for leap years.
bool is_leap_year(int year);
/// Days in `month` (1-12) of `year`; 0 for an invalid month.
int days_in_month(int year, int month);
/// True when the day exists.
bool is_valid_date(int year, int month, int day);
/// Day number of a date (1970-01-01 = 0); the date need not be valid (days overflow forward).
std::int64_t day_number(int year, int month, int day);
/// The date of a day number.
CivilDate civil_from_day_number(std::int64_t days);
/// Day of the week of a day number: 0 = Monday … 6 = Sunday.
int weekday_of(std::int64_t days);
/// Adds `months` to a year/month pair, keeping the day when it exists (clamped otherwise).
CivilDate add_months(CivilDate date, int months);
/// The ISO 8601 week (year, week 1-53) containing a day number.
void iso_week_of(std::int64_t days, int& week_year, int& week);
/// The day number of the Monday of ISO week `week` of `week_year`.
std::int64_t monday_of_iso_week(int week_year, int week);

/// "2024-07-23", "2024-07", "2024" and "--07-23" (year < 0 means unknown year).
std::string iso_day(int year, int month, int day);
std::string iso_month(int year, int month);
std::string iso_year(int year);

/// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a W3C date) into its parts; missing parts are 0.
/// Returns false when the text is not one of those forms.
bool parse_iso(std::string_view text, CivilDate& out);

/// English weekday name, "Monday" for 0.
std::string_view weekday_name(int weekday);
/// English month name, "January" for 1.
std::string_view month_name(int month);

}  // namespace marginalia::plugins::dates
