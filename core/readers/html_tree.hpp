// SPDX-License-Identifier: MIT
// An HTML document as a flat tree built from libxml2's SAX events (HTML_PARSE_NONET, RECOVER,
// NOERROR, NOWARNING; the document's own charset hint ignored: the input is UTF-8 by then).
// libxml2's DOM keeps only a line per node; its SAX callbacks run with the parser's byte
// position at hand, so each text node here carries the exact input bytes it came from.
// Nodes live in one vector linked by index, so no walk over them ever needs recursion.
#pragma once

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace marginalia::readers::html {

/// One element or text node.
struct HtmlNode {
  bool is_text = false;
  /// Lower-case element name; empty for text. Views into the tree's own storage.
  std::string_view name;
  /// Attributes in source order, names lower-case.
  std::vector<std::pair<std::string, std::string>> attributes;
  /// Decoded text of a text node.
  std::string_view text;
  /// Input bytes of a text node, or the start tag's '<' of an element (end = begin when the
  /// parser implied the element).
  std::uint32_t raw_begin = 0, raw_end = 0;
  int parent = -1, first_child = -1, last_child = -1, next_sibling = -1;

  /// The value of attribute `name`, or an empty view.
  std::string_view attribute(std::string_view name) const;
  bool has_attribute(std::string_view name) const;
};

/// The parsed document: node 0 is a synthetic root. Move-only: nodes view its storage.
struct HtmlTree {
  std::vector<HtmlNode> nodes;
  /// All text nodes' text, back to back; on the heap so moving the tree keeps the views valid
  /// (a moved short string would take its characters along).
  std::unique_ptr<std::string> texts = std::make_unique<std::string>();
  /// Element names seen, each once (a set never moves its strings).
  std::set<std::string> names;

  HtmlTree() = default;
  HtmlTree(HtmlTree&&) = default;
  HtmlTree& operator=(HtmlTree&&) = default;
  HtmlTree(const HtmlTree&) = delete;
  HtmlTree& operator=(const HtmlTree&) = delete;
};

/// Parses `input` (valid UTF-8). Never fails: libxml2 recovers from any markup error.
HtmlTree parse_html(std::string_view input);

/// The text of `node` and its descendants, white space collapsed; reading stops after about
/// `limit` bytes.
std::string text_content(const HtmlTree& tree, int node, std::size_t limit = 1 << 20);

/// True when `node` has a text child holding more than white space.
bool has_direct_text(const HtmlTree& tree, int node);

/// True when the class attribute of `node` holds a class containing `word`.
bool class_contains(const HtmlNode& node, std::string_view word);

/// True for the elements of inline code: `code`, keyboard input `kbd`, program output `samp`,
/// teletype `tt` and variables `var` — literal text that reads on in its sentence, recorded as
/// one element, "code" (`pre` is not report text at all). Shared by the HTML reader and raw
/// HTML inside Markdown.
bool is_code_element(std::string_view name);

}  // namespace marginalia::readers::html
