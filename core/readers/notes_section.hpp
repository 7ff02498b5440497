// SPDX-License-Identifier: MIT
// What a notes section looks like in text: its heading ("Notes", "Endnotes", "Footnotes",
// "References") and the label that starts each entry ("1.", "1", "[1]", "1)", "¹").
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace marginalia::readers {

/// What a heading announces: notes ("Notes", "Endnotes", "Footnotes") or a bibliography
/// ("References", "Sources", "Bibliography", "Works cited"), whose entries are notes only when
/// markers in the text point at them.
enum class NotesHeading { none, notes, bibliography };

/// The kind of `line` when it is only a notes-section heading, case-insensitive, with an
/// optional colon or leading "#" marks.
NotesHeading notes_heading_kind(std::string_view line);

/// True when `line` is a notes or bibliography heading.
inline bool is_notes_heading(std::string_view line) { return notes_heading_kind(line) != NotesHeading::none; }

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
