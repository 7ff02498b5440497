// SPDX-License-Identifier: MIT
#include "model/part_map.hpp"

#include <algorithm>

namespace marginalia::model {

std::size_t PartMap::first_ending_after(std::uint32_t source_offset) const {
  // Pieces do not overlap and are sorted, so their ends are sorted too.
  auto found = std::upper_bound(pieces.begin(), pieces.end(), source_offset,
                                [](std::uint32_t offset, const PartPiece& piece) { return offset < piece.source_begin + piece.length; });
  return static_cast<std::size_t>(found - pieces.begin());
}

std::uint64_t fingerprint(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

}  // namespace marginalia::model
