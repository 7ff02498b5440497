// SPDX-License-Identifier: MIT
// Finds footnote markers that a conversion fused to the preceding word or punctuation
// ("West1", "base”.2", "June 2023.5", "States,16", "crisis”13", "¹"). Digits alone are
// ambiguous, so candidates are accepted by their running sequence (1, 2, 3…): "12.5 percent",
// "12-point", section and list numbers never qualify. Used by the plain-text reader and by the
// Markdown reader for reports converted without `[^n]` footnotes.
#pragma once

#include <cstdint>
#include <set>
#include <string_view>
#include <vector>

#include "marginalia/sdk/document.hpp"

namespace marginalia::readers {

/// A digit run that could be a fused footnote marker.
struct MarkerCandidate {
  sdk::Span span;
  std::uint32_t value = 0;
  /// Strong: fused to a word or to punctuation after a word. Weak: after a number and a point
  /// ("2023.5") or fused to an all-capitals token ("G7"), accepted only as the exact next number.
  bool strong = false;
};

/// All candidates inside `ranges` of `text`, in text order.
std::vector<MarkerCandidate> find_marker_candidates(std::string_view text, const std::vector<sdk::Span>& ranges);

/// The candidates that form the document's marker sequence. `note_labels` holds the numeric
/// labels of the notes present (empty when the document has no notes section).
std::vector<sdk::NoteRef> select_markers(const std::vector<MarkerCandidate>& candidates,
                                         const std::set<std::uint32_t>& note_labels);

/// Both steps.
std::vector<sdk::NoteRef> detect_fused_markers(std::string_view text, const std::vector<sdk::Span>& ranges,
                                               const std::set<std::uint32_t>& note_labels);

}  // namespace marginalia::readers
