// SPDX-License-Identifier: MIT
#include "calendar.hpp"

#include <cstdio>

namespace marginalia::plugins::dates {

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return days[month - 1] + (month == 2 && is_leap_year(year) ? 1 : 0);
}

bool is_valid_date(int year, int month, int day) { return day >= 1 && day <= days_in_month(year, month); }

// Howard Hinnant's days_from_civil: exact for the whole proleptic Gregorian calendar.
std::int64_t day_number(int year, int month, int day) {
  std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
  std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  std::int64_t yoe = y - era * 400;
  std::int64_t mp = (month + 9) % 12;
  std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
  std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civil_from_day_number(std::int64_t days) {
  days += 719468;
  std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  std::int64_t doe = days - era * 146097;
  std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t y = yoe + era * 400;
  std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  std::int64_t mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

int weekday_of(std::int64_t days) {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  std::int64_t w = (days + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

CivilDate add_months(CivilDate date, int months) {
  int index = date.year * 12 + (date.month - 1) + months;
  CivilDate out{index / 12, index % 12 + 1, date.day};
  if (out.day > 0) {
    int last = days_in_month(out.year, out.month);
    if (out.day > last) out.day = last;
  }
  return out;
}

void iso_week_of(std::int64_t days, int& week_year, int& week) {
  // The ISO week belongs to the year of its Thursday.
  std::int64_t thursday = days - weekday_of(days) + 3;
  CivilDate t = civil_from_day_number(thursday);
  week_year = t.year;
  week = static_cast<int>((thursday - day_number(t.year, 1, 1)) / 7 + 1);
}

std::int64_t monday_of_iso_week(int week_year, int week) {
  std::int64_t jan4 = day_number(week_year, 1, 4);
  return jan4 - weekday_of(jan4) + static_cast<std::int64_t>(week - 1) * 7;
}

std::string iso_day(int year, int month, int day) {
  char buffer[32];
  if (year < 0) std::snprintf(buffer, sizeof buffer, "--%02d-%02d", month, day);
  else std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

std::string iso_month(int year, int month) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  return buffer;
}

std::string iso_year(int year) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d", year);
  return buffer;
}

bool parse_iso(std::string_view text, CivilDate& out) {
  auto digits = [&](std::size_t at, std::size_t n, int& value) {
    if (at + n > text.size()) return false;
    value = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      value = value * 10 + (text[i] - '0');
    }
    return true;
  };
  out = {};
  if (!digits(0, 4, out.year)) return false;
  if (text.size() == 4) return true;
  if (text.size() < 7 || text[4] != '-' || !digits(5, 2, out.month) || out.month < 1 || out.month > 12) return false;
  if (text.size() == 7) return true;
  if (text.size() != 10 || text[7] != '-' || !digits(8, 2, out.day)) return false;
  return is_valid_date(out.year, out.month, out.day);
}

std::string_view weekday_name(int weekday) {
  static const char* names[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  return weekday >= 0 && weekday < 7 ? names[weekday] : "";
}

std::string_view month_name(int month) {
  static const char* names[] = {"January", "February", "March",     "April",   "May",      "June",
                                "July",    "August",   "September", "October", "November", "December"};
  return month >= 1 && month <= 12 ? names[month - 1] : "";
}

}  // namespace marginalia::plugins::dates
