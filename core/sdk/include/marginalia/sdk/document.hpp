// SPDX-License-Identifier: MIT
/// @file document.hpp
/// The read-only document model every plugin checks, whatever the input format was.
///
/// A reader turns a plain-text, Markdown, TEI, HTML or DOCX file into one `Document`: the
/// report's text as UTF-8 (characters kept as they are, NBSP included; line ends normalised to
/// LF), its blocks, the inline items the reader recognised and the markup the source carried.
/// All positions are `Span`s into `text`; the host maps them back to the file's line:column.
/// Fields are only ever appended within a major API version.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "marginalia/sdk/span.hpp"
#include "marginalia/sdk/version.hpp"

namespace marginalia::sdk {
inline namespace MARGINALIA_SDK_NAMESPACE {

/// What a block of the document is.
enum class BlockKind {
  title,       ///< the report's title
  dateline,    ///< a line giving the report's date ("23.07.2024.")
  heading,     ///< a section heading; `level` and `number` are set
  paragraph,   ///< running text
  list_item,   ///< one bulleted or numbered item; `number` holds "1" for "1." items
  note,        ///< one footnote or endnote; `number` holds its label
  block_quote, ///< a paragraph inside a block quotation
  metadata,    ///< a front-matter or header line that is not running text
};

/// A name/value pair (metadata entries, element attributes, mark attributes).
struct Attribute {
  /// The name, e.g. "date" or "when".
  std::string name;
  /// The value, as text.
  std::string value;
};

/// One block of text: a title, heading, paragraph, list item, note…
struct Block {
  /// What the block is.
  BlockKind kind = BlockKind::paragraph;
  /// The block's text, without list bullets or note labels.
  Span span;
  /// Heading level (1 = top) or list nesting depth (1 = outermost); 0 otherwise.
  int level = 0;
  /// The heading's section number ("2.1"), list item's number or note's label; may be empty.
  std::string number;
};

/// A hyperlink or bare URL recognised by the reader.
struct Link {
  /// The link's visible text (for a bare URL, the URL itself).
  Span span;
  /// The link target as written in the source.
  std::string target;
};

/// A footnote marker in running text ("West1", "[^3]", "¹").
struct NoteRef {
  /// The marker's own characters (the digits "1" of "West1").
  Span span;
  /// The label it refers to ("1", "3", "note-a").
  std::string label;
};

/// A footnote or endnote.
struct Note {
  /// The label the note carries ("1").
  std::string label;
  /// The whole note, label included when the label is part of the text.
  Span span;
  /// The note's text after its label; empty for an empty note.
  Span body;
};

/// Markup the source itself carried (a TEI `<date when>`, an HTML `<q>`…), kept for plugins that
/// compare the markup with the text it wraps. Inline code is an element named "code" whatever
/// the source wrote (Markdown backticks, HTML `<code>`/`<kbd>`/`<samp>`/`<tt>`/`<var>`, TEI
/// `<code>`/`<ident>`, a DOCX run in a code character style): literal text, not prose, which
/// shipped plugins do not check (see code_spans.hpp). Code blocks are not in the text at all.
struct Element {
  /// The text the element wraps.
  Span span;
  /// The element's local name ("date", "quote", "q", "ref").
  std::string name;
  /// Its attributes, in source order.
  std::vector<Attribute> attributes;
};

/// The document a plugin checks. Built by the host; plugins receive it as `const Document&`
/// and must not keep pointers into it after `check` returns.
struct Document {
  /// The input file's path as given on the command line.
  std::string path;
  /// The input format: "text", "markdown", "tei", "html" or "docx".
  std::string format;
  /// The report's text, valid UTF-8, blocks separated by blank lines.
  std::string text;
  /// Blocks in reading order; notes come last.
  std::vector<Block> blocks;
  /// Links and bare URLs the reader recognised, in text order.
  std::vector<Link> links;
  /// Footnote markers, in text order.
  std::vector<NoteRef> note_refs;
  /// Notes, in source order.
  std::vector<Note> notes;
  /// Markup carried over from the source, in text order.
  std::vector<Element> elements;
  /// Document metadata: "title", "date" (ISO 8601 when known), "language", "author"…, and
  /// "note-labels": "names" when note labels are names the reader never sees (GFM `[^label]`,
  /// numbered on display in order of first reference), "qualified" when numbering restarts by
  /// part and labels read "part:label" ("chapter-2:14"); absent when labels are what is printed.
  /// "unnumbered-notes": the labels, one per line, of notes the source gave no number (a TEI
  /// `note` without `@n`), which the reader numbered as a renderer would; absent when none.
  std::vector<Attribute> metadata;

  /// The text of `span`.
  std::string_view slice(Span span) const {
    return std::string_view(text).substr(span.begin, span.end - span.begin);
  }
  /// The value of metadata entry `name`, or an empty view when absent.
  std::string_view meta(std::string_view name) const {
    for (const Attribute& entry : metadata)
      if (entry.name == name) return entry.value;
    return {};
  }
};

}  // namespace MARGINALIA_SDK_NAMESPACE
}  // namespace marginalia::sdk
