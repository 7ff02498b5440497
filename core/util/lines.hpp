// SPDX-License-Identifier: MIT
// Text split at '\n', for the line-based formats the tool keeps (fixture expectations, lists
// stored one item per line in the URL cache).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace marginalia::util {

/// The lines of `text` without their '\n' ("a\nb\n" → {"a", "b"}; "" → {}); a '\r' stays.
std::vector<std::string> split_lines(std::string_view text);

}  // namespace marginalia::util
