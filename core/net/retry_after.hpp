// SPDX-License-Identifier: MIT
// Reading a Retry-After header (RFC 9110 §10.2.3): delay seconds or an HTTP date.
#pragma once

#include <ctime>
#include <optional>
#include <string_view>

#include "net/fetch_settings.hpp"

namespace marginalia::net {

/// The wait a Retry-After value asks for, measured from `now`: a date in the past gives 0.
/// Nothing when the value is neither a number of seconds nor a date.
std::optional<Milliseconds> parse_retry_after(std::string_view value, std::time_t now);

}  // namespace marginalia::net
