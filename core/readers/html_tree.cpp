// SPDX-License-Identifier: MIT
#include "readers/html_tree.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <mutex>

#include "readers/markup_text.hpp"

namespace marginalia::readers::html {
namespace {

std::string lower(const char* s) {
  std::string out(s ? s : "");
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

class TreeBuilder {
 public:
  explicit TreeBuilder(std::string_view input) : input_(input) {
    tree_.nodes.emplace_back();  // the root
  }

  void set_context(htmlParserCtxtPtr context) { context_ = context; }
  HtmlTree take() {
    // Text lived as offsets while the storage grew; now it stays put, the views can be made.
    for (std::size_t i = 0; i < tree_.nodes.size(); ++i) {
      HtmlNode& node = tree_.nodes[i];
      if (node.is_text) node.text = std::string_view(*tree_.texts).substr(text_spans_[i].first, text_spans_[i].second);
    }
    return std::move(tree_);
  }

  static void on_start(void* user, const xmlChar* name, const xmlChar** attributes) {
    static_cast<TreeBuilder*>(user)->start(reinterpret_cast<const char*>(name), reinterpret_cast<const char**>(attributes));
  }
  static void on_end(void* user, const xmlChar*) { static_cast<TreeBuilder*>(user)->end(); }
  static void on_characters(void* user, const xmlChar* text, int length) {
    static_cast<TreeBuilder*>(user)->characters(reinterpret_cast<const char*>(text), length);
  }
  static void on_ignored(void*, const xmlChar*, int) {}

 private:
  std::uint32_t position() const {
    long consumed = xmlByteConsumed(context_);
    return static_cast<std::uint32_t>(std::clamp<long>(consumed, 0, static_cast<long>(input_.size())));
  }

  int append(HtmlNode node, std::pair<std::size_t, std::size_t> text = {0, 0}) {
    int index = static_cast<int>(tree_.nodes.size());
    text_spans_.push_back(text);
    node.parent = current_;
    HtmlNode& parent = tree_.nodes[static_cast<std::size_t>(current_)];
    int previous = parent.last_child;
    tree_.nodes.push_back(std::move(node));
    HtmlNode& updated_parent = tree_.nodes[static_cast<std::size_t>(current_)];
    if (previous < 0) updated_parent.first_child = index;
    else tree_.nodes[static_cast<std::size_t>(previous)].next_sibling = index;
    updated_parent.last_child = index;
    return index;
  }

  void start(const char* name, const char** attributes) {
    HtmlNode node;
    node.name = *tree_.names.insert(lower(name)).first;
    for (const char** a = attributes; a && a[0]; a += 2) node.attributes.emplace_back(lower(a[0]), a[1] ? a[1] : "");
    // The parser stands on the start tag's closing '>' here; an implied element has no tag.
    std::uint32_t at = position();
    std::size_t open = at < input_.size() && at > 0 ? input_.rfind('<', at) : std::string_view::npos;
    if (node.name.empty()) node.name = *tree_.names.insert("unknown").first;
    bool real = open != std::string_view::npos && open >= last_end_ &&
                input_.size() > open + 1 && std::tolower(static_cast<unsigned char>(input_[open + 1])) == node.name[0];
    node.raw_begin = node.raw_end = real ? static_cast<std::uint32_t>(open) : at;
    current_ = append(std::move(node));
    if (real) {
      std::uint32_t after = at;
      if (after < input_.size() && input_[after] == '/') ++after;
      if (after < input_.size() && input_[after] == '>') ++after;
      last_end_ = after;
    }
  }

  void end() {
    if (current_ > 0) current_ = tree_.nodes[static_cast<std::size_t>(current_)].parent;
    last_end_ = std::max(last_end_, position());
  }

  void characters(const char* text, int length) {
    if (length <= 0) return;
    std::string_view value(text, static_cast<std::size_t>(length));
    std::uint32_t end = position();
    std::uint32_t begin = last_end_;
    // Plain text ends where the parser stands and equals the input bytes before it.
    if (end >= value.size() && input_.substr(end - value.size(), value.size()) == value) begin = end - static_cast<std::uint32_t>(value.size());
    begin = std::min(begin, end);
    HtmlNode& parent = tree_.nodes[static_cast<std::size_t>(current_)];
    if (parent.last_child >= 0) {
      HtmlNode& last = tree_.nodes[static_cast<std::size_t>(parent.last_child)];
      // libxml2 delivers long text in pieces; adjacent verbatim pieces make one node.
      auto& last_text = text_spans_[static_cast<std::size_t>(parent.last_child)];
      if (last.is_text && last.raw_end == begin && last_text.first + last_text.second == tree_.texts->size() &&
          last_text.second == last.raw_end - last.raw_begin &&
          input_.substr(last.raw_begin, last_text.second) == std::string_view(*tree_.texts).substr(last_text.first) &&
          input_.substr(begin, end - begin) == value) {
        tree_.texts->append(value);
        last_text.second += value.size();
        last.raw_end = end;
        last_end_ = end;
        return;
      }
    }
    HtmlNode node;
    node.is_text = true;
    node.raw_begin = begin;
    node.raw_end = end;
    std::size_t offset = tree_.texts->size();
    tree_.texts->append(value);
    append(std::move(node), {offset, value.size()});
    last_end_ = end;
  }

  std::string_view input_;
  htmlParserCtxtPtr context_ = nullptr;
  HtmlTree tree_;
  int current_ = 0;
  std::uint32_t last_end_ = 0;
  std::vector<std::pair<std::size_t, std::size_t>> text_spans_{{0, 0}};
};

struct ContextDeleter {
  void operator()(htmlParserCtxtPtr context) const {
    if (context->myDoc) xmlFreeDoc(context->myDoc);
    htmlFreeParserCtxt(context);
  }
};

}  // namespace

std::string_view HtmlNode::attribute(std::string_view key) const {
  for (const auto& entry : attributes)
    if (entry.first == key) return entry.second;
  return {};
}

bool HtmlNode::has_attribute(std::string_view key) const {
  for (const auto& entry : attributes)
    if (entry.first == key) return true;
  return false;
}

HtmlTree parse_html(std::string_view input) {
  static std::once_flag initialised;
  std::call_once(initialised, [] { xmlInitParser(); });
  TreeBuilder builder(input);
  htmlSAXHandler sax;
  std::memset(&sax, 0, sizeof sax);
  sax.startElement = &TreeBuilder::on_start;
  sax.endElement = &TreeBuilder::on_end;
  sax.characters = &TreeBuilder::on_characters;
  sax.ignorableWhitespace = &TreeBuilder::on_characters;
  sax.cdataBlock = &TreeBuilder::on_ignored;  // script and style content
  std::unique_ptr<htmlParserCtxt, ContextDeleter> context(
      htmlCreatePushParserCtxt(&sax, &builder, nullptr, 0, nullptr, XML_CHAR_ENCODING_NONE));
  if (!context) return builder.take();
  builder.set_context(context.get());
  htmlCtxtUseOptions(context.get(), HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
                                        HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE);
  // UTF-8 without an encoder: libxml2 then neither guesses Latin-1 nor copies the input through
  // a converter, so its byte count is an offset into `input`.
  context->charset = XML_CHAR_ENCODING_UTF8;
  // Pushed in slices: each slice is parsed as it arrives, so memory stays near the input size.
  constexpr std::size_t kSlice = 1 << 16;
  for (std::size_t at = 0; at < input.size(); at += kSlice) {
    std::size_t n = std::min(kSlice, input.size() - at);
    htmlParseChunk(context.get(), input.data() + at, static_cast<int>(n), 0);
  }
  htmlParseChunk(context.get(), nullptr, 0, 1);
  return builder.take();
}

std::string text_content(const HtmlTree& tree, int node, std::size_t limit) {
  std::string raw;
  int current = tree.nodes[static_cast<std::size_t>(node)].first_child;
  while (current >= 0 && raw.size() < limit) {
    const HtmlNode& n = tree.nodes[static_cast<std::size_t>(current)];
    if (n.is_text) raw.append(n.text);
    if (!n.is_text && n.first_child >= 0) { current = n.first_child; continue; }
    int next = current;
    while (next >= 0 && next != node && tree.nodes[static_cast<std::size_t>(next)].next_sibling < 0) next = tree.nodes[static_cast<std::size_t>(next)].parent;
    if (next < 0 || next == node) break;
    current = tree.nodes[static_cast<std::size_t>(next)].next_sibling;
  }
  return collapse_space(raw);
}

bool has_direct_text(const HtmlTree& tree, int node) {
  for (int child = tree.nodes[static_cast<std::size_t>(node)].first_child; child >= 0; child = tree.nodes[static_cast<std::size_t>(child)].next_sibling) {
    const HtmlNode& n = tree.nodes[static_cast<std::size_t>(child)];
    if (n.is_text && n.text.find_first_not_of(" \t\n\r") != std::string::npos) return true;
  }
  return false;
}

bool class_contains(const HtmlNode& node, std::string_view word) {
  std::string value(node.attribute("class"));
  for (char& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return value.find(word) != std::string::npos;
}

bool is_code_element(std::string_view name) {
  return name == "code" || name == "kbd" || name == "samp" || name == "tt" || name == "var";
}

}  // namespace marginalia::readers::html
