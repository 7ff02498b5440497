// SPDX-License-Identifier: MIT
// The text writer the markup readers (TEI, HTML, DOCX) share: it sits between a tree walker and
// `model::DocumentBuilder`, collapses the white space that markup uses for layout into single
// spaces, decodes XML character references, and keeps every piece mapped to its input bytes.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "marginalia/sdk/document.hpp"
#include "model/document.hpp"

namespace marginalia::readers {

/// What separates the next text from the previous one.
enum class TextBreak { none, space, line, paragraph };

/// An entity reference that was kept as text because nothing defines it (no DTD is ever read).
struct UnexpandedEntity {
  std::string name;
  std::uint32_t count = 0;
  /// Where the first reference sits in the document text.
  sdk::Span first;
};

/// Whitespace-aware, source-mapped text output for markup readers.
class MarkupText {
 public:
  /// `collapse` = markup white space (space, tab, LF, CR) is layout and becomes one space.
  MarkupText(model::DocumentBuilder& builder, bool collapse);

  model::DocumentBuilder& builder() { return builder_; }
  /// True while a block is open.
  bool in_block() const { return in_block_; }
  /// True when the open block has received text.
  bool block_has_text() const { return has_text_; }
  /// Opens a block (closing any open one) after a blank-line separator.
  void begin_block(sdk::BlockKind kind, int level = 0, std::string number = {});
  /// Closes the open block; separators still pending are dropped.
  void end_block();

  /// Appends input bytes [begin, end) of `input`; with `decode`, XML character references
  /// (`&amp;`, `&#x2014;`) are decoded and unknown entity references kept as text and recorded.
  void append_source(std::string_view input, std::uint32_t begin, std::uint32_t end, bool decode);
  /// Appends `text` that a parser decoded from input bytes [raw_begin, raw_end): mapped byte for
  /// byte when the bytes equal the text, otherwise as one replacement.
  void append_parsed(std::string_view text, std::string_view input, std::uint32_t raw_begin, std::uint32_t raw_end);
  /// Appends `text` (a footnote label, a URL) standing for `raw_length` input bytes; returns
  /// where it landed (after any pending separator).
  sdk::Span append_atom(std::string_view text, std::uint32_t raw_begin, std::uint32_t raw_length);
  /// Asks for a separator before the next text (never at the start of a block).
  void request_break(TextBreak kind, std::uint32_t raw_begin, std::uint32_t raw_length);

  /// Where the next text will start.
  std::uint32_t offset() const { return builder_.offset(); }
  /// Entity references kept as text, by name.
  std::vector<UnexpandedEntity> unexpanded_entities() const;

 private:
  void flush_break();
  void append_verbatim(std::string_view input, std::uint32_t begin, std::uint32_t end);
  void append_decoded_reference(std::string_view input, std::uint32_t begin, std::uint32_t& cursor, std::uint32_t end);

  model::DocumentBuilder& builder_;
  bool collapse_;
  bool in_block_ = false;
  bool has_text_ = false;
  TextBreak pending_ = TextBreak::none;
  std::uint32_t pending_begin_ = 0, pending_length_ = 0;
  std::map<std::string, UnexpandedEntity> entities_;
};

/// Block structure over a `MarkupText` for tree walkers: blocks nest (a list inside a
/// paragraph), the outer block resumes after an inner one, text standing directly in a container
/// gets an implicit paragraph, and while a note is read every block is a paragraph break in it.
class BlockFlow {
 public:
  explicit BlockFlow(MarkupText& text) : text_(text) {}

  /// Opens a block; a paragraph inside an item or block quote takes that block's kind.
  void open(sdk::BlockKind kind, int level, std::string number);
  /// Closes the block `open` started.
  void close();
  /// A container starts or ends: an implicit paragraph ends with it.
  void container_boundary();
  /// Makes sure text has a block to go into.
  void ensure();
  /// True when text would go into an open (or resumable) block.
  bool open_now() const { return in_note_ || !stack_.empty() || text_.in_block(); }
  /// Reads a note: one note block, inner blocks become paragraph breaks.
  void begin_note(std::string label);
  void end_note();
  bool in_note() const { return in_note_; }

 private:
  struct Open {
    sdk::BlockKind kind;
    int level;
  };
  MarkupText& text_;
  std::vector<Open> stack_;
  bool implicit_ = false;
  bool in_note_ = false;
};

/// Decodes one XML character reference body ("amp", "#38", "#x26"); 0 when it is not one of
/// the five predefined entities or a valid character reference.
char32_t decode_xml_reference(std::string_view body);

/// `text` with runs of ASCII white space collapsed to one space and both ends trimmed.
std::string collapse_space(std::string_view text);

}  // namespace marginalia::readers
