// SPDX-License-Identifier: MIT
// The named event a date is attached to: "the joint statement of 4 February 2022" and
// "the 5 February 2022 joint statement" both give "joint statement".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "token.hpp"

namespace marginalia::plugins::dates {

/// The event phrase of the date on tokens [first, end): its last two nouns, lower-case, joined
/// by a space; empty when the date does not sit in a determiner-led noun phrase of at least two
/// words ("the meeting of 4 May" gives nothing: one word names too many different meetings).
std::string event_phrase(std::string_view text, const std::vector<Token>& tokens, std::size_t first, std::size_t end);

}  // namespace marginalia::plugins::dates
