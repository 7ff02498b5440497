// SPDX-License-Identifier: MIT
// What the scanner's source files share: the parsed point and match structures and the small
// helpers that render TimeML values. Private to the scanner.
#pragma once

#include <string>
#include <string_view>

#include "date_scanner.hpp"
#include "lexicon.hpp"

namespace marginalia::plugins::dates {

struct DateScanner::Point {
  Granularity g = Granularity::none;
  int year = -1;  // -1: not written and not yet resolved
  int month = 0, day = 0;
  int part = 0;   // quarter 1-4, half 1-2, season 1-4, ISO week, decade (199), century (19)
  int mod = 0;    // a Part value: early, mid, late, end, beginning
  bool explicit_year = false;
  bool year_certain = false;  // the year comes from a date written in the same sentence or near the document date
  bool needs_year = false;    // a month, day or quarter written without its year
  bool weekday_only = false;  // "on Monday": the day comes from the tense
  bool weekend = false;
  bool anchored = false;
  bool impossible = false;
  DateStyle style = DateStyle::none;
  int stated_weekday = -1;
  sdk::Span weekday_span;
  bool ambiguous = false;
  int na = 0, nb = 0;
  char separator = 0;
  int hour = -1, minute = -1, day_part = 0;
  bool utc = false;
};

struct DateScanner::Match {
  std::size_t begin = 0, end = 0;              // tokens of the marked span
  std::size_t timex_begin = 0, timex_end = 0;  // TimeML extent when it differs (both 0 otherwise)
  std::size_t first_begin = 0, first_end = 0, second_begin = 0, second_end = 0;  // range ends
  TimexType type = TimexType::date;
  enum class Shape { point, range, since, literal } shape = Shape::point;
  Point p, q;
  std::string literal;
};

namespace scanner_detail {

inline constexpr int unknown_year = -1;

inline int digits_value(const Token& t) { return static_cast<int>(t.value); }

inline const char* unit_letter(Unit u) {
  switch (u) {
    case Unit::day: return "D";
    case Unit::week: return "W";
    case Unit::weekend: return "WE";
    case Unit::fortnight: return "W";
    case Unit::month: return "M";
    case Unit::quarter: return "Q";
    case Unit::half: return "H";
    case Unit::year: return "Y";
    case Unit::decade: return "Y";
    case Unit::century: return "Y";
    case Unit::hour: return "H";
    case Unit::minute: return "M";
  }
  return "";
}

// A TimeML duration value: "P75Y", "PT30M", "PXY" (count < 0 means unspecified).
inline std::string duration_value(Unit unit, int count) {
  int n = count;
  if (unit == Unit::decade && n > 0) n *= 10;
  if (unit == Unit::century && n > 0) n *= 100;
  if (unit == Unit::fortnight && n > 0) n *= 2;
  std::string out = (unit == Unit::hour || unit == Unit::minute) ? "PT" : "P";
  out += n < 0 ? "X" : std::to_string(n);
  out += unit == Unit::decade && n < 0 ? "DE" : unit_letter(unit);
  return out;
}

inline std::string two(int v) {
  char b[8];
  std::snprintf(b, sizeof b, "%02d", v);
  return b;
}

inline std::string year_text(int year) { return year == unknown_year ? std::string("XXXX") : iso_year(year); }

inline bool is_weekday_exception(std::string_view previous) {
  static const WordSet names({"black", "good", "super", "cyber", "ash", "holy", "easter", "palm", "bloody", "maundy", "blue", "giving"});
  return names.contains(previous);
}

}  // namespace scanner_detail

}  // namespace marginalia::plugins::dates
