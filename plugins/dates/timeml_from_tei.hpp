// SPDX-License-Identifier: MIT
// The way back from the plugin's TEI to TimeML: the TIMEX3 type and value a `<date>` or
// `<time>` written by the plugin stands for (README, "TEI mapping"). The MEANTIME scorer reads
// the TEI users get through it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <marginalia/sdk/document.hpp>

#include "date_expression.hpp"

namespace marginalia::plugins::dates {

/// A TIMEX3 reading of a TEI element.
struct TimexReading {
  TimexType type = TimexType::date;
  std::string value;  ///< TimeML value ("2013-03-23T15:00Z", "2013-Q1", "P1W", "PAST_REF")
};

/// The TIMEX3 reading of element `name` ("date" or "time") with `attributes`; false when they
/// say nothing a TIMEX3 value can hold.
bool timeml_from_tei(std::string_view name, const std::vector<sdk::Attribute>& attributes, TimexReading& out);

}  // namespace marginalia::plugins::dates
