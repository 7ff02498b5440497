// SPDX-License-Identifier: MIT
// HTML reports through libxml2's HTML parser (html_tree.cpp builds a tree whose text nodes
// know their input bytes). `h1`–`h6` → headings, `p`/`dd`/`td`… → paragraphs, `li` → list
// items, `blockquote` → block quotes, `a href` → links, footnote markers and notes as
// html_notes.cpp finds them (notes after the body); `q`, `blockquote`, `time`, `cite`, `abbr`
// → `Document::elements`, and `code`, `kbd`, `samp`, `tt`, `var` → elements named "code".
// `<head>`, `script`, `style`, `nav`, `pre`, forms, media, comments and hidden elements are not
// report text. Metadata: `<title>`, `<meta name="date">` (and the Dublin Core, citation and Open
// Graph spellings), the first `<time datetime>`, `<html lang>`, `<meta name="author">`.
#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "readers/dateline.hpp"
#include "readers/directive_comments.hpp"
#include "readers/html_notes.hpp"
#include "readers/html_region.hpp"
#include "readers/html_tree.hpp"
#include "readers/markup_text.hpp"
#include "readers/reader.hpp"

namespace marginalia::readers {
namespace {

using sdk::BlockKind;
using sdk::Span;
using namespace html;

bool one_of(std::string_view name, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (name == n) return true;
  return false;
}

bool is_skipped(const HtmlNode& node) {
  if (one_of(node.name, {"head", "script", "style", "nav", "noscript", "template", "svg", "math", "iframe", "object", "embed",
                         "canvas", "select", "option", "textarea", "button", "audio", "video", "map", "datalist", "pre",
                         "title", "input"}))
    return true;
  return node.has_attribute("hidden") || node.attribute("aria-hidden") == "true";
}

bool is_container(std::string_view name) {
  return one_of(name, {"html", "body", "div", "section", "article", "main", "header", "footer", "aside", "ul", "ol", "dl", "table",
                       "thead", "tbody", "tfoot", "tr", "figure", "details", "fieldset", "hgroup", "center", "menu", "form"});
}

bool paragraph_element(std::string_view name) {
  return one_of(name, {"p", "dt", "dd", "td", "th", "caption", "figcaption", "address", "summary", "legend"});
}

bool kept_element(std::string_view name) { return one_of(name, {"q", "blockquote", "time", "cite", "abbr"}) || is_code_element(name); }

// An ISO date from a metadata value: "2024-05-06", "2024-05-06T10:00:00Z", "6 May 2024".
std::string iso_date(std::string_view value) {
  std::string v = collapse_space(value);
  auto digit = [&](std::size_t i) { return i < v.size() && v[i] >= '0' && v[i] <= '9'; };
  if (v.size() >= 10 && digit(0) && digit(1) && digit(2) && digit(3) && v[4] == '-' && digit(5) && digit(6) && v[7] == '-' && digit(8) && digit(9))
    return v.substr(0, 10);
  if (v.size() == 7 && digit(0) && digit(3) && v[4] == '-' && digit(5) && digit(6)) return v;
  if (v.size() == 4 && digit(0) && digit(1) && digit(2) && digit(3)) return v;
  if (auto parsed = parse_date_line(v, NumericDateOrder::month_first)) return *parsed;
  return {};
}

class HtmlWalker {
 public:
  HtmlWalker(const ReaderInput& input, model::DocumentBuilder& builder, const HtmlTree& tree, const HtmlNotes& notes)
      : input_(input.input.text), builder_(builder), tree_(tree), notes_(notes), text_(builder, true), flow_(text_) {}

  void read() {
    metadata();
    region_ = find_content_region(tree_);
    builder_.set_metadata("content-region", region_.description);
    walk(region_.node, false);
    text_.end_block();
    for (int note : notes_.notes()) {
      const std::string& label = *notes_.note_label(note);
      flow_.begin_note(label);
      std::uint32_t begin = text_.offset();
      walk(note, true);
      flow_.end_note();
      Span span = builder_.document().blocks.back().span;
      if (span.empty()) {
        // An empty note is reported at its own element, not at the end of the note before it.
        builder_.anchor(node(note).raw_begin);
        builder_.append_synthetic("\n\n");
        span = {begin, begin};
      }
      builder_.add_note(label, span, body_after_label(span, label));
    }
  }

 private:
  struct Frame {
    bool block = false, container = false, list = false, kept = false, link = false, marker = false;
    std::uint32_t begin = 0;
  };

  const HtmlNode& node(int index) const { return tree_.nodes[static_cast<std::size_t>(index)]; }

  // Notes written "1. Text" keep their label in the text but not in the body.
  Span body_after_label(Span span, const std::string& label) const {
    std::string_view text = builder_.document().slice(span);
    if (text.compare(0, label.size(), label) != 0) return span;
    std::size_t at = label.size();
    if (at < text.size() && (text[at] == '.' || text[at] == ')' || text[at] == ']')) ++at;
    if (at < text.size() && text[at] != ' ') return span;
    while (at < text.size() && text[at] == ' ') ++at;
    return {span.begin + static_cast<std::uint32_t>(at), span.end};
  }

  void walk(int start, bool note_body) {
    std::vector<Frame> stack;
    int current = note_body ? node(start).first_child : start;
    if (current < 0) return;
    int top = note_body ? start : node(start).parent;
    for (;;) {
      stack.emplace_back();
      bool descend = enter(current, stack.back());
      int child = descend ? node(current).first_child : -1;
      if (child >= 0) { current = child; continue; }
      for (;;) {
        leave(current, stack.back());
        stack.pop_back();
        if (!note_body && current == start) return;
        int next = node(current).next_sibling;
        if (next >= 0) { current = next; break; }
        current = node(current).parent;
        if (current == top || current < 0) return;
      }
    }
  }

  bool enter(int index, Frame& frame) {
    const HtmlNode& n = node(index);
    if (n.is_text) {
      if (!flow_.open_now() && n.text.find_first_not_of(" \t\n\r") == std::string::npos) return false;
      flow_.ensure();
      text_.append_parsed(n.text, input_, n.raw_begin, n.raw_end);
      return false;
    }
    if (index == 0) return true;
    if (is_skipped(n) || is_cookie_banner(n)) return false;
    // Inside a marked content region, sidebars are furniture too (notes are read apart).
    if (region_.node > 0 && !flow_.in_note() && n.name == "aside") return false;
    if (!flow_.in_note() && notes_.note_label(index)) return false;  // read after the body
    if (flow_.in_note() && notes_.is_back_link(index)) return false;
    std::string_view name = n.name;
    if (name == "br") { text_.request_break(TextBreak::line, n.raw_begin, 4); return false; }
    if (name == "hr" || name == "img") { flow_.container_boundary(); return false; }

    if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
      open(frame, BlockKind::heading, name[1] - '0', {});
    } else if (name == "li") {
      std::string number;
      if (n.parent >= 0 && node(n.parent).name == "ol") number = list_number(index);
      open(frame, BlockKind::list_item, std::max(1, list_depth_), number);
    } else if (name == "blockquote") {
      open(frame, BlockKind::block_quote, 0, {});
    } else if (paragraph_element(name)) {
      open(frame, BlockKind::paragraph, 0, {});
    } else if (!flow_.open_now() && has_direct_text(tree_, index)) {
      open(frame, BlockKind::paragraph, 0, {});  // text straight in a div
    } else if (is_container(name) || !flow_.open_now()) {
      flow_.container_boundary();
      frame.container = true;
    }
    if (name == "ul" || name == "ol") { frame.list = true; ++list_depth_; }
    if (kept_element(name) || name == "a" || notes_.marker_label(index)) {
      frame.begin = text_.offset();
      frame.kept = kept_element(name);
    }
    if (notes_.marker_label(index)) {
      frame.marker = true;
    } else if (name == "a") {
      std::string_view href = n.attribute("href");
      std::string lower(href.substr(0, 11));
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (!href.empty() && href[0] != '#' && lower != "javascript:") {
        frame.link = true;
      }
    }
    return true;
  }

  void leave(int index, Frame& frame) {
    const HtmlNode& n = node(index);
    if (n.is_text) return;
    if (frame.marker || frame.link || frame.kept) {
      Span span = model::trim_span(builder_.document().text, {std::min(frame.begin, text_.offset()), text_.offset()});
      if (frame.marker && !span.empty()) builder_.add_note_ref(span, *notes_.marker_label(index));
      if (frame.link) builder_.add_link(span, collapse_space(n.attribute("href")));
      if (frame.kept) {
        std::vector<sdk::Attribute> attributes;
        for (const auto& [key, value] : n.attributes) attributes.push_back({key, value});
        builder_.add_element({span, is_code_element(n.name) ? std::string("code") : std::string(n.name), std::move(attributes)});
      }
    }
    if (frame.block) flow_.close();
    if (frame.container) flow_.container_boundary();
    if (frame.list) --list_depth_;
  }

  void open(Frame& frame, BlockKind kind, int level, std::string number) {
    frame.block = true;
    flow_.open(kind, level, std::move(number));
  }

  std::string list_number(int index) const {
    const HtmlNode& n = node(index);
    std::string_view value = n.attribute("value");
    if (!value.empty() && value.size() < 7 && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return std::string(value);
    int number = 1;
    std::string_view start = node(n.parent).attribute("start");
    if (!start.empty() && start.size() < 7 && std::all_of(start.begin(), start.end(), [](char c) { return c >= '0' && c <= '9'; }))
      number = std::stoi(std::string(start));
    for (int c = node(n.parent).first_child; c >= 0 && c != index; c = node(c).next_sibling)
      if (node(c).name == "li") ++number;
    return std::to_string(number);
  }

  void metadata() {
    std::string title, date, time_date, author, language;
    for (std::size_t i = 1; i < tree_.nodes.size(); ++i) {
      const HtmlNode& n = tree_.nodes[i];
      if (n.is_text) continue;
      int index = static_cast<int>(i);
      if (n.name == "title" && title.empty()) title = text_content(tree_, index, 4096);
      if (n.name == "html" && language.empty()) language = collapse_space(n.attribute("lang"));
      if (n.name == "meta") {
        std::string key(n.attribute("name").empty() ? n.attribute("property") : n.attribute("name"));
        for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string_view content = n.attribute("content");
        if (date.empty() && one_of(key, {"date", "dc.date", "dcterms.date", "dc.date.issued", "dcterms.issued", "citation_publication_date",
                                         "citation_date", "article:published_time", "publication_date", "pubdate"}))
          date = iso_date(content);
        if (author.empty() && one_of(key, {"author", "dc.creator", "citation_author"})) author = collapse_space(content);
      }
      if (n.name == "time" && time_date.empty()) time_date = iso_date(n.attribute("datetime"));
    }
    if (date.empty()) date = time_date;
    if (title.empty())
      for (std::size_t i = 1; i < tree_.nodes.size() && title.empty(); ++i)
        if (tree_.nodes[i].name == "h1") title = text_content(tree_, static_cast<int>(i), 4096);
    if (!title.empty()) builder_.set_metadata("title", title);
    if (!date.empty()) builder_.set_metadata("date", date);
    if (!author.empty()) builder_.set_metadata("author", author);
    if (!language.empty()) builder_.set_metadata("language", language);
  }

  std::string_view input_;
  model::DocumentBuilder& builder_;
  const HtmlTree& tree_;
  const HtmlNotes& notes_;
  MarkupText text_;
  BlockFlow flow_;
  ContentRegion region_;
  int list_depth_ = 0;
};

}  // namespace

ReadResult read_html(const ReaderInput& input) {
  HtmlTree tree = parse_html(input.input.text);
  HtmlNotes notes = HtmlNotes::find(tree);
  model::DocumentBuilder builder(input.path, "html", make_source_map(input));
  record_directives(find_html_directives(input.input.text), builder);
  HtmlWalker walker(input, builder, tree, notes);
  walker.read();
  if (notes.qualified()) builder.set_metadata("note-labels", "qualified");
  ReadResult result;
  result.document = builder.finish();
  return result;
}

}  // namespace marginalia::readers
