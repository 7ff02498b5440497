// SPDX-License-Identifier: MIT
// A bound on JSON nesting, checked before any DOM is built. nlohmann's parser is iterative, but
// copying, comparing, dumping and schema-validating a value recurse once per level, so a file
// nested 200,000 levels deep would crash the process that touches it. Every JSON the tool reads
// (configuration, plugin options, baselines, sources.json, worker options) passes this first.
#pragma once

#include <cstddef>
#include <string_view>

namespace marginalia::input {

/// The deepest nesting accepted in any JSON the tool reads (RELIABILITY.md §7).
inline constexpr std::size_t max_json_depth = 64;

/// Where a text first nests arrays and objects deeper than allowed.
struct DepthProblem {
  bool too_deep = false;
  /// Byte offset of the bracket that opens the level past the limit.
  std::size_t offset = 0;
};

/// Scans `text` once (strings and escapes skipped) for nesting deeper than `limit`. Invalid JSON
/// is not an error here: the parser reports it.
DepthProblem json_depth_problem(std::string_view text, std::size_t limit = max_json_depth);

}  // namespace marginalia::input
