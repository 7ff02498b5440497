// SPDX-License-Identifier: MIT
#include "readers/markdown_html_notes.hpp"

#include <cctype>

#include "readers/html_notes.hpp"

namespace marginalia::readers::markdown_html {
namespace {

bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == ':' || c == '_'; }

bool block_element(std::string_view name) {
  for (const char* n : {"p", "li", "div", "br", "blockquote", "section", "aside", "ol", "ul", "dd", "dt"})
    if (name == n) return true;
  return false;
}

}  // namespace

html::HtmlNode InlineTag::element() const {
  html::HtmlNode node;
  node.name = name;
  node.attributes = attributes;
  return node;
}

std::optional<InlineTag> parse_inline_tag(std::string_view s) {
  if (s.size() < 3 || s[0] != '<' || s.back() != '>') return std::nullopt;
  InlineTag tag;
  std::size_t i = 1;
  if (s[i] == '/') { tag.closing = true; ++i; }
  if (i >= s.size() || !std::isalpha(static_cast<unsigned char>(s[i]))) return std::nullopt;
  while (i < s.size() && name_char(s[i])) tag.name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(s[i++]))));
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    if (i >= s.size() || s[i] == '>') break;
    if (s[i] == '/') { tag.self_closing = true; ++i; continue; }
    std::string name;
    while (i < s.size() && name_char(s[i])) name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(s[i++]))));
    if (name.empty()) { ++i; continue; }
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    std::string value;
    if (i < s.size() && s[i] == '=') {
      ++i;
      while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
      if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
        char quote = s[i++];
        std::size_t end = s.find(quote, i);
        if (end == std::string_view::npos) end = s.size() - 1;
        value = std::string(s.substr(i, end - i));
        i = end + 1;
      } else {
        while (i < s.size() && s[i] != '>' && !std::isspace(static_cast<unsigned char>(s[i]))) value.push_back(s[i++]);
      }
    }
    tag.attributes.emplace_back(std::move(name), std::move(value));
  }
  return tag;
}

int unclosed_lists(std::string_view html) {
  int depth = 0;
  // Each tag runs from a '<' to the next '>'; the scan resumes after it, so the cost is linear.
  for (std::size_t at = html.find('<'); at != std::string_view::npos;) {
    std::size_t close = html.find('>', at);
    if (close == std::string_view::npos) break;
    std::size_t inner = html.rfind('<', close);  // "<<ol>" or "a < b <ol>": the last '<' opens the tag
    std::optional<InlineTag> tag = parse_inline_tag(html.substr(inner, close + 1 - inner));
    if (tag && !tag->self_closing && (tag->name == "ol" || tag->name == "ul")) depth += tag->closing ? -1 : 1;
    at = html.find('<', close + 1);
  }
  return depth;
}

namespace {

// The note's text without its back-links, depth-first without recursion.
template <class BackLink>
std::vector<NotePiece> pieces_of(const html::HtmlTree& tree, int note, BackLink&& back_link) {
  std::vector<NotePiece> pieces;
  int current = tree.nodes[static_cast<std::size_t>(note)].first_child;
  while (current >= 0) {
    const html::HtmlNode& node = tree.nodes[static_cast<std::size_t>(current)];
    bool skip = back_link(current);
    if (!skip && node.is_text) pieces.push_back({std::string(node.text), node.raw_begin, node.raw_end});
    if (!skip && !node.is_text && block_element(node.name) && !pieces.empty()) pieces.push_back({"\n\n", 0, 0});
    if (!skip && !node.is_text && node.first_child >= 0) { current = node.first_child; continue; }
    int next = current;
    while (next >= 0 && next != note && tree.nodes[static_cast<std::size_t>(next)].next_sibling < 0) next = tree.nodes[static_cast<std::size_t>(next)].parent;
    if (next < 0 || next == note) break;
    current = tree.nodes[static_cast<std::size_t>(next)].next_sibling;
  }
  return pieces;
}

}  // namespace

std::vector<BlockNote> notes_in_html_block(std::string_view block) {
  std::vector<BlockNote> out;
  html::HtmlTree tree = html::parse_html(block);
  html::HtmlNotes notes = html::HtmlNotes::find(tree);
  for (int note : notes.notes()) {
    const html::HtmlNode& element = tree.nodes[static_cast<std::size_t>(note)];
    out.push_back({*notes.note_label(note), std::string(element.attribute("id")), element.raw_begin,
                   pieces_of(tree, note, [&](int node) { return notes.is_back_link(node); })});
  }
  if (!out.empty()) return out;
  // A blank line ends an HTML block in CommonMark, so `<div class="footnotes">` may stand apart
  // from its `<ol>`: a list whose every item carries a note id is a notes list all the same.
  for (std::size_t i = 1; i < tree.nodes.size(); ++i) {
    const html::HtmlNode& list = tree.nodes[i];
    if (list.name != "ol" && list.name != "ul") continue;
    std::vector<int> items;
    bool all = true;
    for (int c = list.first_child; c >= 0; c = tree.nodes[static_cast<std::size_t>(c)].next_sibling) {
      const html::HtmlNode& child = tree.nodes[static_cast<std::size_t>(c)];
      if (child.is_text) continue;
      all = all && child.name == "li" && html::is_note_id(child.attribute("id"));
      items.push_back(c);
    }
    if (!all || items.empty()) continue;
    for (int item : items) {
      const html::HtmlNode& element = tree.nodes[static_cast<std::size_t>(item)];
      auto back_link = [&](int node) {
        const html::HtmlNode& n = tree.nodes[static_cast<std::size_t>(node)];
        std::string_view href = n.attribute("href");
        return n.name == "a" && href.size() > 1 && href[0] == '#' && html::is_marker_id(href.substr(1));
      };
      out.push_back({html::digits_of(element.attribute("id")), std::string(element.attribute("id")), element.raw_begin,
                     pieces_of(tree, item, back_link)});
    }
  }
  return out;
}

}  // namespace marginalia::readers::markdown_html
