// SPDX-License-Identifier: MIT
// A unified diff (`diff -u`: ---/+++ headers, @@ hunks, three lines of context) between two
// versions of a file, for `marginalia check --fix-dry-run`. Fixes change words inside lines, so
// two versions with as many lines are compared line by line; otherwise the lines both share at
// the start and at the end are context and the rest one change. Either way `patch -p0` applies it.
#pragma once

#include <string>
#include <string_view>

namespace marginalia::writers {

/// The unified diff turning `before` into `after`, with `path` on both header lines; empty when
/// they are equal.
std::string unified_diff(const std::string& path, std::string_view before, std::string_view after);

}  // namespace marginalia::writers
