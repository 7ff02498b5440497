// SPDX-License-Identifier: MIT
// The document model of the core: the SDK's read-only `Document` that plugins see, plus what
// only the host needs (the source map, findings the reader itself raised). Readers build it
// with `DocumentBuilder`, which keeps the text and the source map in step.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "marginalia/sdk/document.hpp"
#include "marginalia/sdk/finding.hpp"
#include "model/source_map.hpp"

namespace marginalia::model {

/// A comment (Markdown and HTML `<!-- -->`, a plain-text `[…]` line) or a TEI processing
/// instruction whose content starts with "marginalia-": the raw material of an inline
/// suppression, recorded by the reader that saw it and read by core/merge/suppressions.
struct DirectiveComment {
  /// The content between the delimiters, white space trimmed.
  std::string content;
  /// The whole comment's bytes in the file: [source_begin, source_end).
  std::uint32_t source_begin = 0, source_end = 0;
  /// Why the comment itself is malformed (never closed); empty when it is well-formed.
  std::string error;
};

/// A document as read: what plugins check, and how to map it back to the file.
struct LoadedDocument {
  sdk::Document document;
  SourceMap source_map;
  /// Warnings the reader raised (replaced control characters, unknown markup…), code `reader/…`.
  std::vector<sdk::Finding> reader_findings;
  /// Suppression comments in file order; they add nothing to the document's text or blocks.
  std::vector<DirectiveComment> directive_comments;
};

/// Appends text to a document while recording where each piece came from in the reader's input
/// (the normalised file text), and collects blocks and inline items with their spans.
class DocumentBuilder {
 public:
  DocumentBuilder(std::string path, std::string format, SourceMap source_map);

  /// Current end of the text, as an offset.
  std::uint32_t offset() const { return static_cast<std::uint32_t>(document_.text.size()); }
  /// Appends `text` copied verbatim from input offset `input_begin`.
  void append(std::string_view text, std::uint32_t input_begin);
  /// Appends `text` that stands for `input_length` input bytes at `input_begin` (an entity, an
  /// escape); positions inside it map to `input_begin`.
  void append_replacing(std::string_view text, std::uint32_t input_begin, std::uint32_t input_length);
  /// Records that the current offset stands for input offset `input_offset`, without appending
  /// text (an empty note still points at its own label).
  void anchor(std::uint32_t input_offset) { source_map_.add_segment(offset(), 0, input_offset, 0); }
  /// Appends text with no origin (separators); positions map to the previous piece's end.
  void append_synthetic(std::string_view text);

  /// Starts a block at the current offset; `end_block` closes it at the current offset.
  void begin_block(sdk::BlockKind kind, int level = 0, std::string number = {});
  void end_block();
  /// Separates blocks with a blank line unless the text is empty or already ends with one.
  void separate_blocks();

  /// Adds a block whose span is already known (readers that append the whole text first).
  void add_block(sdk::Block block) { document_.blocks.push_back(std::move(block)); }
  /// Adds inline items (spans are text offsets).
  void add_link(sdk::Span span, std::string target) { document_.links.push_back({span, std::move(target)}); }
  void add_note_ref(sdk::Span span, std::string label) { document_.note_refs.push_back({span, std::move(label)}); }
  void add_note(std::string label, sdk::Span span, sdk::Span body) {
    document_.notes.push_back({std::move(label), span, body});
  }
  void add_element(sdk::Element element) { document_.elements.push_back(std::move(element)); }
  void set_metadata(std::string name, std::string value);
  void add_reader_finding(sdk::Finding finding) { findings_.push_back(std::move(finding)); }
  /// Records a suppression comment found at input bytes [input_begin, input_end).
  void add_directive_comment(std::string content, std::uint32_t input_begin, std::uint32_t input_end, std::string error = {}) {
    directives_.push_back({std::move(content), source_map_.input_to_source(input_begin), source_map_.input_to_source(input_end), std::move(error)});
  }

  /// Read access while building.
  const sdk::Document& document() const { return document_; }
  sdk::Document& document() { return document_; }

  /// Finishes: sorts inline items by position and hands the document over.
  LoadedDocument finish();

 private:
  sdk::Document document_;
  SourceMap source_map_;
  std::vector<sdk::Finding> findings_;
  std::vector<DirectiveComment> directives_;
  bool in_block_ = false;
};

/// Trims ASCII and Unicode white space from both ends of `span` within `text`.
sdk::Span trim_span(std::string_view text, sdk::Span span);

}  // namespace marginalia::model
