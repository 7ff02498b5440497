// SPDX-License-Identifier: MIT
// Notes as transcribers of printed books write them in plain text (Project Gutenberg and the
// like): "[12]" markers in the running text, "[12] text" entries after the paragraph or at the
// end, "[Footnote 12: text]" blocks, and "†"/"‡" symbol notes. Numbering often restarts in each
// letter, chapter or page; `settle_notes` finds where and qualifies the labels by their part
// ("part-3:1") so every marker meets its own note.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "marginalia/sdk/document.hpp"

namespace marginalia::readers {

/// A note found in the text, before the labels are settled.
struct TextNote {
  std::string label;
  sdk::Span span;
  sdk::Span body;
  /// Index of the note's block in the document, to demote it when the note is dropped.
  std::size_t block = 0;
  /// A "[12] text" line outside a notes section: a note only when a marker vouches for it.
  bool tentative = false;
  /// Notes of one bibliography-style section ("References") share a group; the group is kept
  /// only when a marker points into it. 0 = no group.
  int group = 0;
};

/// A marker found in the running text.
struct TextMarker {
  sdk::Span span;
  std::string label;
};

/// The label of a bracketed marker or entry at `pos` ("[12]", "[01]", "[*]", "[†]", "[A]") and
/// the offset after its closing bracket.
std::optional<std::pair<std::string, std::size_t>> bracket_label(std::string_view text, std::size_t pos);

/// A "[Footnote 12: text]" block (also "[Note 12: …]").
struct FootnoteBlock {
  std::string label;
  std::size_t body_begin = 0, body_end = 0;
  /// Offset after the closing bracket.
  std::size_t end = 0;
};

/// The block opening at `pos` (a '['), its closing bracket found by nesting, within `limit`.
std::optional<FootnoteBlock> parse_footnote_block(std::string_view text, std::size_t pos, std::size_t limit);

/// "[12]" and "†" markers inside `ranges`: bracketed labels and symbols fused to the word or
/// punctuation before them, never at the start of a line (there they open an entry).
std::vector<TextMarker> find_bracket_markers(std::string_view text, const std::vector<sdk::Span>& ranges);

/// Drops tentative notes no marker vouches for (a "[1] = Whole-note" legend is no note) and
/// bibliography groups nothing cites; then, where a marker reuses a label after that label's note
/// has been given, starts a new numbering part and qualifies every label by its part. Returns
/// the block indices of dropped notes.
std::vector<std::size_t> settle_notes(std::vector<TextNote>& notes, std::vector<TextMarker>& markers);

}  // namespace marginalia::readers
