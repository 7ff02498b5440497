// SPDX-License-Identifier: MIT
// Editing one WordprocessingML part (word/document.xml, footnotes, endnotes) to anchor comments:
// runs are split where a finding's span begins or ends (the new run gets a copy of the run
// properties, so bold stays bold), and `w:commentRangeStart`, `w:commentRangeEnd` and a run with
// `w:commentReference` go between the runs. With a replacement, the runs of the span can also be
// wrapped in a tracked deletion followed by a tracked insertion of the new text. Elements are
// addressed by the byte offset of their name in the part's XML, as the DOCX reader recorded them
// (model/part_map.hpp); the part is parsed from the same bytes, so the offsets agree.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <pugixml.hpp>

namespace marginalia::writers::docx {

/// A place in a part: `offset` bytes into the text of the element whose name starts at byte
/// `element` of the part (for an element without text, 0 is before it and anything else after).
struct PartPlace {
  std::uint32_t element = 0;
  std::uint32_t offset = 0;
};

/// One comment to anchor in the part.
struct CommentAnchor {
  /// The comment's `w:id` in word/comments.xml.
  std::uint32_t comment_id = 0;
  /// Where the commented words begin and end (`end` not before `begin`).
  PartPlace begin, end;
  /// Text to propose as a tracked change replacing the words, or nothing.
  std::optional<std::string> replacement;
};

/// What became of one anchor.
struct AnchorOutcome {
  /// False when an element it names is not in the part (the file changed since it was read).
  bool anchored = false;
  /// True when the replacement was written as a tracked deletion and insertion.
  bool tracked_change = false;
};

/// One WordprocessingML part, parsed for editing.
class PartEditor {
 public:
  /// Parses `xml` keeping everything the part holds; false with `error` when it is not XML.
  bool load(std::string xml, std::string& error);

  /// Anchors `anchors`; tracked changes carry `author` and `date` (none when empty), their ids
  /// taken from `next_id` upwards.
  std::vector<AnchorOutcome> annotate(const std::vector<CommentAnchor>& anchors, const std::string& author, const std::string& date,
                                      std::uint32_t& next_id);

  /// The part as XML.
  std::string save() const;

 private:
  pugi::xml_document document_;
  std::string xml_;
  /// "w:" or whatever prefix the part binds to WordprocessingML.
  std::string prefix_;
};

}  // namespace marginalia::writers::docx
