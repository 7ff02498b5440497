// SPDX-License-Identifier: MIT
// Recognises a line that is only a date (a report's dateline or a metadata value) and gives its
// ISO 8601 form, so readers can record the document's own date.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace marginalia::readers {

/// Order of day and month in an all-numeric date such as 04/10/2026.
enum class NumericDateOrder { day_first, month_first };

/// The ISO date ("2024-07-23") of a line that holds only a date: "23.07.2024.", "2024-07-23",
/// "23 July 2024", "July 23, 2024", "04/10/2026" (read in `order`). Nothing otherwise.
std::optional<std::string> parse_date_line(std::string_view line, NumericDateOrder order = NumericDateOrder::day_first);

/// The month number (1-12) of an English month name or its three-letter abbreviation.
int month_from_name(std::string_view name);

}  // namespace marginalia::readers
