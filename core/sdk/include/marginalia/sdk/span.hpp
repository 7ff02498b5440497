// SPDX-License-Identifier: MIT
/// @file span.hpp
/// A half-open byte range into a document's UTF-8 text.
#pragma once

#include <cstdint>

#include "marginalia/sdk/version.hpp"

namespace marginalia::sdk {
inline namespace MARGINALIA_SDK_NAMESPACE {

/// A half-open range `[begin, end)` of byte offsets into `Document::text`.
/// Offsets always fall on UTF-8 character boundaries; the host maps them to line:column.
struct Span {
  /// Offset of the first byte.
  std::uint32_t begin = 0;
  /// Offset one past the last byte; equal to `begin` for an empty span (a position).
  std::uint32_t end = 0;

  /// Number of bytes covered.
  constexpr std::uint32_t size() const { return end - begin; }
  /// True when the span covers no byte.
  constexpr bool empty() const { return end == begin; }
  /// True when `other` lies entirely inside this span.
  constexpr bool contains(Span other) const { return begin <= other.begin && other.end <= end; }
  /// True when the two spans share at least one byte.
  constexpr bool overlaps(Span other) const { return begin < other.end && other.begin < end; }
};

/// Spans compare by begin, then end.
constexpr bool operator==(Span a, Span b) { return a.begin == b.begin && a.end == b.end; }
constexpr bool operator!=(Span a, Span b) { return !(a == b); }
constexpr bool operator<(Span a, Span b) { return a.begin != b.begin ? a.begin < b.begin : a.end < b.end; }

}  // namespace MARGINALIA_SDK_NAMESPACE
}  // namespace marginalia::sdk
