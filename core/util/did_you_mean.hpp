// SPDX-License-Identifier: MIT
// "Did you mean": the known name closest to a mistyped one (an option, a command, a finding
// code), for messages only.
#pragma once

#include <string>
#include <vector>

namespace marginalia::util {

/// The candidate `word` most likely meant, or empty: a candidate whose part after the last '/'
/// equals `word` (`weekday-mismatch` → `dates/weekday-mismatch`), else the nearest by edit
/// distance when it is within a third of the word's length (at least 1, at most 3).
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

/// " (did you mean 'X'?)" or empty, to append to a message.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace marginalia::util
