// SPDX-License-Identifier: MIT
// Footnotes written as raw HTML inside Markdown, as converters and hand-editors leave them:
// markers `<sup><a href="#fn1" id="fnref1">1</a></sup>` or `<sup>[5](#footnote-5)</sup>`, notes
// in an HTML block `<div class="footnotes"><ol><li id="fn:1">…</li></ol></div>`. What counts as
// a note link, a note id or a back-link is the HTML reader's classification (html_notes.hpp);
// this file only reads inline tags and the notes of one HTML block for the Markdown walker.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "readers/html_tree.hpp"

namespace marginalia::readers::markdown_html {

/// One inline HTML tag as cmark hands it over ("<a href=\"#fn1\">", "</sup>").
struct InlineTag {
  /// Lower-case element name.
  std::string name;
  bool closing = false;
  bool self_closing = false;
  /// The tag as an element (name and attributes), for the HTML classification.
  html::HtmlNode element() const;
  std::vector<std::pair<std::string, std::string>> attributes;
};

/// Reads one tag; nullopt for a comment, a declaration or anything that is no tag.
std::optional<InlineTag> parse_inline_tag(std::string_view literal);

/// One piece of a note's text: decoded text and the block-relative bytes it came from.
struct NotePiece {
  std::string text;
  std::uint32_t raw_begin = 0, raw_end = 0;
};

/// One note found in an HTML block.
struct BlockNote {
  std::string label;
  /// The note element's id ("fn:1"), which markers point at; may be empty.
  std::string id;
  /// Where the note element starts, relative to the block.
  std::uint32_t begin = 0;
  /// Its text without back-links, in order; a piece with empty raw range separates paragraphs.
  std::vector<NotePiece> pieces;
};

/// How many `<ol>` and `<ul>` lists `html` opens and does not close (negative when it closes
/// more than it opens).
int unclosed_lists(std::string_view html);

/// The notes of an HTML block (a footnotes section, `aside role=doc-footnote`); none when it
/// holds no note convention.
std::vector<BlockNote> notes_in_html_block(std::string_view block);

}  // namespace marginalia::readers::markdown_html
