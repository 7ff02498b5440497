// SPDX-License-Identifier: MIT
// Strict parsing of the values command-line options take. A limit that silently fails to
// apply is worse than a refused command: `--timeout -1` once became 49 days, and
// `--memory-limit 17592186044416` overflowed to "no limit". Digits only (no sign, no space),
// range and overflow checked; nullopt means "refuse with a usage error".
#pragma once

#include <optional>
#include <string_view>

namespace marginalia::config {

/// A decimal count in [min, max].
std::optional<unsigned long long> parse_count(std::string_view text, unsigned long long min, unsigned long long max);

/// A size in bytes: digits with an optional K, M or G suffix (binary multiples), in [1, max_bytes].
std::optional<unsigned long long> parse_size(std::string_view text, unsigned long long max_bytes);

/// A calendar date YYYY-MM-DD (years 1–9999, the month's real number of days, leap years included).
bool is_iso_date(std::string_view text);

}  // namespace marginalia::config
