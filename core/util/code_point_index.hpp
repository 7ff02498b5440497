// SPDX-License-Identifier: MIT
// Code-point counts between byte offsets of a UTF-8 text in near-constant time. TEI pointers
// count code points from a block's start and editors count columns in code points; counting
// afresh for each of 80,000 findings on one long line was quadratic.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace marginalia::util {

/// Code points of a text before every 256th byte. The index keeps no reference to the text
/// (its owner may move it), so every query is given the same text again.
class CodePointIndex {
 public:
  CodePointIndex() = default;
  explicit CodePointIndex(std::string_view text);
  /// Code points in bytes [0, offset) (clamped to the text).
  std::uint32_t before(std::string_view text, std::uint32_t offset) const;
  /// Code points in bytes [from, to) (offsets clamped to the text).
  std::uint32_t between(std::string_view text, std::uint32_t from, std::uint32_t to) const {
    return to > from ? before(text, to) - before(text, from) : 0;
  }
  /// The byte offset in [from, end) where code point number `target` (counted from the text's
  /// start) begins, or `end` when the range holds fewer.
  std::uint32_t offset_of(std::string_view text, std::uint32_t from, std::uint32_t end, std::uint32_t target) const;

 private:
  static constexpr std::uint32_t kStride = 256;
  std::vector<std::uint32_t> checkpoints_;
};

}  // namespace marginalia::util
