// SPDX-License-Identifier: MIT
#include "writers/code_point_index.hpp"

#include <algorithm>

namespace marginalia::writers {
namespace {

constexpr std::uint32_t kStride = 256;

bool starts_code_point(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) != 0x80; }

}  // namespace

CodePointIndex::CodePointIndex(std::string_view text) : text_(text) {
  checkpoints_.reserve(text.size() / kStride + 1);
  std::uint32_t count = 0;
  for (std::uint32_t i = 0; i < text.size(); ++i) {
    if (i % kStride == 0) checkpoints_.push_back(count);
    count += starts_code_point(text[i]) ? 1 : 0;
  }
}

std::uint32_t CodePointIndex::before(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  if (checkpoints_.empty()) return 0;
  std::uint32_t checkpoint = std::min<std::uint32_t>(offset / kStride, static_cast<std::uint32_t>(checkpoints_.size() - 1));
  std::uint32_t count = checkpoints_[checkpoint];
  for (std::uint32_t i = checkpoint * kStride; i < offset; ++i) count += starts_code_point(text_[i]) ? 1 : 0;
  return count;
}

std::uint32_t CodePointIndex::between(std::uint32_t from, std::uint32_t to) const {
  return to > from ? before(to) - before(from) : 0;
}

}  // namespace marginalia::writers
