// SPDX-License-Identifier: MIT
// Does a note's text cite a source? A URL, a DOI or ISBN, or a bibliographic shape: a year
// with a quoted title, an author list, a volume/page reference or a report number.
#pragma once

#include <string_view>

namespace marginalia::plugins::footnotes {

/// What a note's text amounts to as a citation.
enum class NoteShape {
  source,       ///< cites something checkable
  back_reference, ///< "Ibid.", "Id.", "See note 4": refers to an earlier note
  dated_remark, ///< a year and commas only ("Vienna, 1815, …"): perhaps a source, perhaps a remark
  no_source,    ///< commentary or a bare statute cite with nothing to check
};

/// Classifies the text of one note.
NoteShape classify_note(std::string_view text);

}  // namespace marginalia::plugins::footnotes
