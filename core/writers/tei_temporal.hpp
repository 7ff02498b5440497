// SPDX-License-Identifier: MIT
// How a date mark becomes a TEI `<date>` or `<time>`: which attributes it may carry and which
// values tei_all.rng accepts for each (W3C dates and times, ISO weeks, ISO durations).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <marginalia/sdk/document.hpp>

namespace marginalia::writers {

/// The element a date mark is written as, with the attributes that survived validation.
struct TemporalElement {
  std::string name;  ///< "time" when a value holds a time of day, else "date"
  std::vector<std::pair<std::string, std::string>> attributes;
};

/// The element for a date mark's attributes; values the schema would reject are dropped.
TemporalElement temporal_element(const std::vector<sdk::Attribute>& attributes);

/// True for a value `@when`, `@from`, `@to`, `@notBefore` and `@notAfter` accept: a date,
/// year, year-month, month-day, month, time or date-time ("2024-07-23T15:00:00Z").
bool valid_w3c_temporal(std::string_view value);

/// True for an ISO 8601 duration such as "P75Y", "P1W", "PT30M" or "P2.5Y" (`@dur-iso`).
bool valid_iso_duration(std::string_view value);

/// True for a W3C value or an ISO week ("2013-W12", "2013-W12-5") (`@when-iso`).
bool valid_iso_temporal(std::string_view value);

}  // namespace marginalia::writers
