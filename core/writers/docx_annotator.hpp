// SPDX-License-Identifier: MIT
// Findings as Word comments in a copy of the draft (`marginalia check draft.docx --annotate
// OUT.docx`): every finding becomes a comment by "marginalia" anchored on its words — a finding
// in a footnote or endnote on the note's marker in the text, its comment saying which note — and,
// on request, a certain fix (a finding with a replacement) becomes a tracked change the editor
// accepts or rejects. Only word/document.xml, the comments part, its relationship and its content
// type are rewritten; every other entry is copied unchanged
// (writers/docx_package). The way back from a finding to a run is the DOCX reader's part map
// (model/part_map.hpp); the run splitting is writers/docx_part_editor.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "merge/merge.hpp"

namespace marginalia::writers {

/// How to annotate.
struct AnnotateOptions {
  /// Also write each certain fix (a finding with a replacement) as a tracked change.
  bool tracked_fixes = false;
  /// Author of the comments and tracked changes.
  std::string author = "marginalia";
  /// Initials shown beside the comments.
  std::string initials = "m";
  /// Date of the comments and changes (ISO 8601, "2024-09-12T08:00:00Z"); empty = none.
  std::string date;
};

/// What an annotated copy holds.
struct AnnotateSummary {
  /// Comments written (one per finding).
  std::size_t comments = 0;
  /// Of which about a footnote or endnote (anchored on its marker in the text).
  std::size_t in_notes = 0;
  /// Fixes written as tracked changes.
  std::size_t tracked_changes = 0;
};

/// An annotated package, or why there is none.
struct AnnotateResult {
  /// The bytes of the annotated DOCX file; empty when it could not be made.
  std::optional<std::string> bytes;
  AnnotateSummary summary;
  /// When `bytes` is empty: "annotate/not-docx", "annotate/changed-input" or "annotate/bad-package".
  std::string code;
  /// When `bytes` is empty: what is wrong, lower-case, no trailing period.
  std::string message;
};

/// Writes the findings of `report` into a copy of `package`, the DOCX file the report was read
/// from (the same bytes: a file changed since is refused).
AnnotateResult annotate_docx(std::string_view package, const merge::DocumentReport& report, const AnnotateOptions& options);

}  // namespace marginalia::writers
