// SPDX-License-Identifier: MIT
// What a notes section looks like in text: its heading ("Notes", "Endnotes", "Footnotes",
// "References") and the label that starts each entry ("1.", "1", "[1]", "1)", "¹").
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace marginalia::readers {

/// True when `line` is only a notes-section heading, case-insensitive, with an optional colon
/// or leading "#" marks.
bool is_notes_heading(std::string_view line);

/// A note label at the start of a line.
struct NoteLabel {
  /// The label's digits in ASCII ("12").
  std::string label;
  /// Offset in the line where the label starts and where the note's text starts.
  std::size_t label_begin = 0;
  std::size_t body_begin = 0;
};

/// The label starting `line` (after optional indentation), when the line opens a note entry.
/// `bare_numbers` also accepts "12 Text" (no punctuation), which only makes sense inside a
/// notes section.
std::optional<NoteLabel> parse_note_label(std::string_view line, bool bare_numbers);

}  // namespace marginalia::readers
