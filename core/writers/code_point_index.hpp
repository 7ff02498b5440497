// SPDX-License-Identifier: MIT
// Code-point counts between byte offsets of a UTF-8 text in near-constant time. TEI pointers
// count code points from a block's start; counting afresh for each of 80,000 findings in one
// long paragraph was quadratic.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace marginalia::writers {

/// Code points of `text` before every 256th byte; the text must outlive the index.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view text);
  /// Code points in bytes [from, to) (offsets clamped to the text).
  std::uint32_t between(std::uint32_t from, std::uint32_t to) const;

 private:
  std::uint32_t before(std::uint32_t offset) const;
  std::string_view text_;
  std::vector<std::uint32_t> checkpoints_;
};

}  // namespace marginalia::writers
