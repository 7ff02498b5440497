// SPDX-License-Identifier: MIT
// A unified diff of two line lists (the format of `diff -u`, readable by `patch`), for
// `marginalia test-plugin` to show how a fixture's expectations differ from what a plugin reports.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace marginalia::util {

/// The unified diff turning `before` into `after`, with `context` unchanged lines around each
/// change; "" when they are equal. `first_line` is the 1-based line of the file where both
/// lists start, so hunk headers name the file's own lines.
std::string unified_diff(const std::vector<std::string>& before, const std::vector<std::string>& after, const std::string& before_name,
                         const std::string& after_name, std::size_t first_line = 1, std::size_t context = 3);

}  // namespace marginalia::util
