// SPDX-License-Identifier: MIT
#include "util/code_point_index.hpp"

#include <algorithm>

namespace marginalia::util {
namespace {

bool starts_code_point(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) != 0x80; }

}  // namespace

CodePointIndex::CodePointIndex(std::string_view text) {
  checkpoints_.reserve(text.size() / kStride + 1);
  std::uint32_t count = 0;
  for (std::uint32_t i = 0; i < text.size(); ++i) {
    if (i % kStride == 0) checkpoints_.push_back(count);
    count += starts_code_point(text[i]) ? 1 : 0;
  }
}

std::uint32_t CodePointIndex::before(std::string_view text, std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text.size()));
  if (checkpoints_.empty()) return 0;
  std::uint32_t checkpoint = std::min<std::uint32_t>(offset / kStride, static_cast<std::uint32_t>(checkpoints_.size() - 1));
  std::uint32_t count = checkpoints_[checkpoint];
  for (std::uint32_t i = checkpoint * kStride; i < offset; ++i) count += starts_code_point(text[i]) ? 1 : 0;
  return count;
}

std::uint32_t CodePointIndex::offset_of(std::string_view text, std::uint32_t from, std::uint32_t end, std::uint32_t target) const {
  end = std::min<std::uint32_t>(end, static_cast<std::uint32_t>(text.size()));
  // The last checkpoint at or before the target (and not before `from`), then at most one stride.
  auto after = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), target);
  std::uint32_t at = after == checkpoints_.begin() ? 0 : static_cast<std::uint32_t>(after - checkpoints_.begin() - 1) * kStride;
  std::uint32_t count;
  if (at <= from) {
    at = from;
    count = before(text, from);
  } else {
    count = checkpoints_[at / kStride];
  }
  for (; at < end; ++at) {
    if (!starts_code_point(text[at])) continue;
    if (count == target) return at;
    ++count;
  }
  return end;
}

}  // namespace marginalia::util
