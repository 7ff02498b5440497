// SPDX-License-Identifier: MIT
// The source map: every byte offset of a Document's text back to the 1-based line and column
// of the input file it came from. Readers fill it while they build the text (core/readers);
// reporters and writers query it (core/reporters, core/writers). Columns count Unicode code
// points; CRLF, lone CR and a UTF-8 byte-order mark are handled.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/part_map.hpp"
#include "util/code_point_index.hpp"

namespace marginalia::model {

/// A 1-based line and column (in code points) of the input file.
struct Position {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
};

/// A half-open range of source bytes.
struct SourceRange {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

/// Maps text offsets to source offsets piecewise, and source offsets to line:column.
class SourceMap {
 public:
  SourceMap() = default;
  /// A map over the file bytes `source` (kept by copy, for column counting and line display).
  explicit SourceMap(std::string source);

  /// Sets how the reader's input (the normalised file text: no BOM, LF line ends, controls
  /// replaced) relates to the file bytes: pairs (input offset, source offset) in increasing
  /// order, each starting a run where both advance together. Empty means identity.
  void set_input_breaks(std::vector<std::pair<std::uint32_t, std::uint32_t>> breaks) {
    input_breaks_ = std::move(breaks);
  }

  /// Records that text bytes [text_begin, text_begin + length) came from input bytes
  /// [source_begin, source_begin + source_length). Segments must be added in text order.
  void add_segment(std::uint32_t text_begin, std::uint32_t length, std::uint32_t source_begin,
                   std::uint32_t source_length);
  /// Same as above with equal lengths (text copied verbatim).
  void add_segment(std::uint32_t text_begin, std::uint32_t length, std::uint32_t source_begin) {
    add_segment(text_begin, length, source_begin, length);
  }

  /// The source byte offset of an input offset (the reader's normalised text).
  std::uint32_t input_to_source(std::uint32_t input_offset) const;
  /// The source byte offset a text offset came from. Offsets between segments map to the end
  /// of the previous segment; inside a segment whose lengths differ (an entity, an escape), to
  /// the segment's start.
  std::uint32_t to_source(std::uint32_t text_offset) const;
  /// The source bytes text bytes [text_begin, text_end) came from: from where the first came
  /// from to just after the last (an entity or escape whole), so markup after the span is never
  /// included. An empty span is the point `to_source(text_begin)`. Shared by every writer that
  /// goes back from a finding to the file: quick fixes, `--fix`, Word comments.
  SourceRange source_range(std::uint32_t text_begin, std::uint32_t text_end) const;
  /// True when text bytes [text_begin, text_end) are a verbatim copy of the source bytes of
  /// `source_range` (no entity, escape, markup, collapsed space or normalised line end between
  /// them), so replacing those source bytes replaces exactly that text. An empty span must sit
  /// inside a verbatim run.
  bool copies_verbatim(std::string_view text, std::uint32_t text_begin, std::uint32_t text_end) const;
  /// The line:column of a source byte offset.
  Position position_of_source(std::uint32_t source_offset) const;
  /// The line:column a text offset came from.
  Position position(std::uint32_t text_offset) const { return position_of_source(to_source(text_offset)); }
  /// The text of 1-based `line`, without its line end.
  std::string_view line_text(std::uint32_t line) const;
  /// The byte offset within `line_text(line)` of 1-based `column`, clamped to the line's length.
  std::size_t column_offset(std::uint32_t line, std::uint32_t column) const;
  /// Number of lines in the source.
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }
  /// The source bytes.
  const std::string& source() const { return source_; }

  /// For a package input (DOCX): where each piece of the source came from. Shared by copies.
  void set_part_map(PartMap map) { part_map_ = std::make_shared<const PartMap>(std::move(map)); }
  /// The part map, or nullptr for a file that is its own source (every text format).
  const PartMap* part_map() const { return part_map_.get(); }

 private:
  struct Segment {
    std::uint32_t text_begin, text_length, source_begin, source_length;
  };
  std::string source_;
  std::vector<std::uint32_t> line_starts_;
  // A column costs at most one stride of counting however long its line is (a minified page is
  // one line with thousands of findings).
  util::CodePointIndex code_points_;
  std::vector<Segment> segments_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> input_breaks_;
  std::shared_ptr<const PartMap> part_map_;

  std::uint32_t text_to_input(std::uint32_t text_offset) const;
  // The input offset just after the input bytes text byte `text_offset` came from.
  std::uint32_t text_to_input_after(std::uint32_t text_offset) const;
};

}  // namespace marginalia::model
