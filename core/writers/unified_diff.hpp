// SPDX-License-Identifier: MIT
// A unified diff (`diff -u`: ---/+++ headers, @@ hunks, three lines of context) of a file and
// the same file with byte edits applied, for `marginalia check --fix-dry-run`. Built from the
// edits themselves, so no line matching is needed; `patch -p0` applies it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace marginalia::writers {

/// Bytes [begin, end) of a file replaced by `text`.
struct ByteEdit {
  std::uint32_t begin = 0, end = 0;
  std::string text;
};

/// The unified diff turning `before` into `before` with `edits` (sorted, not overlapping)
/// applied, with `path` on both header lines; empty when there is no edit.
std::string unified_diff(const std::string& path, std::string_view before, const std::vector<ByteEdit>& edits);

}  // namespace marginalia::writers
