// SPDX-License-Identifier: MIT
/// @file code_spans.hpp
/// Inline code is literal, not prose: `printf("%s\n")`, `2024-02-30`, `http://localhost:8080`
/// in backticks are examples, not a quotation, a date or a citation. Readers record each piece of
/// inline code as an `Element` named "code"; `CodeSpans` gathers them once so a plugin can ask,
/// for many positions, whether one lies in code (as Vale and textlint skip inline code).
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "marginalia/sdk/document.hpp"
#include "marginalia/sdk/span.hpp"
#include "marginalia/sdk/version.hpp"

namespace marginalia::sdk {
inline namespace MARGINALIA_SDK_NAMESPACE {

/// The document's inline code as sorted, disjoint spans; each query is a binary search.
class CodeSpans {
 public:
  CodeSpans() = default;
  /// Collects the elements named "code" of `document` (nested or touching ones merge).
  explicit CodeSpans(const Document& document) {
    for (const Element& element : document.elements)
      if (element.name == "code" && !element.span.empty()) spans_.push_back(element.span);
    std::sort(spans_.begin(), spans_.end());
    std::size_t kept = 0;
    for (const Span& span : spans_) {
      if (kept > 0 && span.begin <= spans_[kept - 1].end) spans_[kept - 1].end = std::max(spans_[kept - 1].end, span.end);
      else spans_[kept++] = span;
    }
    spans_.resize(kept);
  }

  /// True when the document has no inline code.
  bool empty() const { return spans_.empty(); }
  /// The code spans, sorted and disjoint.
  const std::vector<Span>& spans() const { return spans_; }

  /// The code span holding the byte at `offset`, or nullptr when that byte is not code.
  const Span* at(std::uint32_t offset) const {
    auto after = std::upper_bound(spans_.begin(), spans_.end(), offset, [](std::uint32_t value, const Span& span) { return value < span.begin; });
    if (after == spans_.begin()) return nullptr;
    const Span& candidate = *(after - 1);
    return offset < candidate.end ? &candidate : nullptr;
  }
  /// True when every byte of non-empty `span` is code (an empty span: when its position is).
  bool contains(Span span) const {
    const Span* code = at(span.begin);
    return code != nullptr && span.end <= code->end;
  }
  /// True when `span` shares at least one byte with code.
  bool overlaps(Span span) const {
    if (span.empty()) return at(span.begin) != nullptr;
    auto after = std::lower_bound(spans_.begin(), spans_.end(), span.end, [](const Span& code, std::uint32_t value) { return code.begin < value; });
    return after != spans_.begin() && (after - 1)->end > span.begin;
  }
  /// True when `span` cuts into code: it shares bytes with a code span without holding all of
  /// it (a word match inside `x = "abc`, or one that runs into it), as opposed to a sentence
  /// that merely contains a piece of code.
  bool cuts(Span span) const {
    if (span.empty()) return at(span.begin) != nullptr;
    auto after = std::lower_bound(spans_.begin(), spans_.end(), span.end, [](const Span& code, std::uint32_t value) { return code.begin < value; });
    for (auto it = after; it != spans_.begin();) {
      --it;
      if (it->end <= span.begin) break;
      if (!span.contains(*it)) return true;
    }
    return false;
  }

 private:
  std::vector<Span> spans_;
};

}  // namespace MARGINALIA_SDK_NAMESPACE
}  // namespace marginalia::sdk
