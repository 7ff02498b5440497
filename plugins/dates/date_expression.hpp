// SPDX-License-Identifier: MIT
// One date or time expression found in a document: where it is, its TimeML value, the TEI
// attributes it normalises to, and the facts the checks need.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <marginalia/sdk/document.hpp>
#include <marginalia/sdk/span.hpp>

namespace marginalia::plugins::dates {

/// TimeML's expression types.
enum class TimexType : std::uint8_t { date, time, duration, set };

/// How precisely a date is known.
enum class Granularity : std::uint8_t { none, century, decade, year, half, quarter, season, month, week, day };

/// How a full date (day and month) is written; used to find mixed styles.
enum class DateStyle : std::uint8_t {
  none,               ///< not a full written date
  day_month,          ///< 24 April 2024
  month_day,          ///< April 24, 2024
  iso,                ///< 2024-04-24
  dotted,             ///< 24.04.2024 (always day first)
  slash_day_first,    ///< 24/04/2024, or read so
  slash_month_first,  ///< 04/24/2024, or read so
};

/// The tense of the clause around an expression.
enum class Tense : std::uint8_t { unknown, past, present, future };

/// A date, time, duration or set expression.
struct DateExpression {
  sdk::Span span;   ///< the text a TEI `<date>` wraps ("since 2022", "24–26 April 2024")
  sdk::Span timex;  ///< the TimeML extent, without leading signals such as "since"
  TimexType type = TimexType::date;
  Granularity granularity = Granularity::none;
  std::string value;                  ///< TimeML value: "2024-05", "P75Y", "PRESENT_REF", "XXXX-05"
  std::vector<sdk::Attribute> tei;    ///< TEI attributes of its `<date>`/`<time>` (README, "TEI mapping"); empty when none is valid
  bool bounded = false;               ///< first_day/last_day are set
  std::int64_t first_day = 0, last_day = 0;  ///< the days the expression covers (day numbers)
  bool explicit_year = false;         ///< the year is written, not inferred
  bool year_certain = false;          ///< written, or inferred beyond doubt (README, "Year-less dates")
  bool anchored = false;              ///< resolved against the document date or an earlier date
  bool range = false;                 ///< a range or "since": from/to
  DateStyle style = DateStyle::none;

  bool impossible = false;            ///< "31 April 2023": no such day
  int impossible_day = 0, impossible_month = 0, impossible_year = -1;

  int stated_weekday = -1;            ///< the weekday written beside a full date, 0 = Monday
  sdk::Span weekday_span;             ///< the written weekday word

  bool ambiguous = false;             ///< numeric date readable both ways ("04/05/2024")
  int numeric_first = 0, numeric_second = 0, numeric_year = 0;
  char numeric_separator = 0;

  /// For a range of two dates ("from 2009 to 2011"): each end's TimeML extent and value, as a
  /// TimeML annotation (and the MEANTIME scorer) counts them; for "since 2022", the one date.
  /// Each is marked as a `<date>` nested in the range's.
  struct Endpoint {
    sdk::Span timex;
    std::string value;
    std::vector<sdk::Attribute> tei;  ///< the end's own dating attributes, nested in the range's
  };
  std::vector<Endpoint> endpoints;

  std::uint32_t first_token = 0, end_token = 0;  ///< token range inside its block (scan time only)
};

}  // namespace marginalia::plugins::dates
