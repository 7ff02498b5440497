// SPDX-License-Identifier: MIT
// Markdown reports through cmark-gfm (CommonMark + GFM tables, autolinks, strikethrough and
// footnotes). The reader walks cmark's tree, copies each text node into the document and maps
// it back to its source bytes; it adds what cmark leaves to the application: YAML front matter
// (metadata), `[^label]` references with no definition (kept by cmark as plain text), footnote
// definitions that nothing references (dropped by cmark), notes sections written as numbered
// lines or table rows, and footnote markers fused to words by an HTML-to-Markdown converter.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "marginalia/sdk/code_spans.hpp"
#include "marginalia/sdk/text.hpp"
#include "model/text_normalizer.hpp"
#include "readers/dateline.hpp"
#include "readers/directive_comments.hpp"
#include "readers/fused_marker_detector.hpp"
#include "readers/html_notes.hpp"
#include "readers/markdown_html_notes.hpp"
#include "readers/notes_section.hpp"
#include "readers/reader.hpp"
#include "util/lines.hpp"

namespace marginalia::readers {
namespace {

using sdk::BlockKind;
using sdk::Span;

struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct ParserDeleter {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};

std::string trim(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t\"'");
  if (b == std::string_view::npos) return {};
  std::size_t e = s.find_last_not_of(" \t\"'");
  return std::string(s.substr(b, e + 1 - b));
}

// Front matter is blanked in place (newlines kept) so cmark's line numbers stay those of the file.
void take_front_matter(std::string& text, model::DocumentBuilder& builder) {
  if (text.rfind("---\n", 0) != 0) return;
  std::size_t close = text.find("\n---\n", 3);
  std::size_t close_dots = text.find("\n...\n", 3);
  if (close_dots < close) close = close_dots;
  if (close == std::string::npos) {
    if (text.size() >= 8 && (text.compare(text.size() - 4, 4, "\n---") == 0)) close = text.size() - 4;
    else return;
  }
  std::string_view block(text.data() + 4, close - 4 + 1);
  std::size_t start = 0;
  while (start < block.size()) {
    std::size_t end = block.find('\n', start);
    if (end == std::string_view::npos) end = block.size();
    std::string_view line = block.substr(start, end - start);
    std::size_t colon = line.find(':');
    if (colon != std::string_view::npos && colon > 0 && line[0] != ' ') {
      std::string key = trim(line.substr(0, colon));
      for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string value = trim(line.substr(colon + 1));
      if (key == "date" || key == "published" || key == "publication_date") {
        if (auto iso = parse_date_line(value)) builder.set_metadata("date", *iso);
        else if (value.size() >= 10) {
          if (auto iso_prefix = parse_date_line(value.substr(0, 10))) builder.set_metadata("date", *iso_prefix);
        }
      } else if (key == "title" || key == "author" || key == "lang" || key == "language") {
        builder.set_metadata(key == "lang" ? "language" : key, value);
      }
    }
    start = end + 1;
  }
  std::size_t end = std::min(text.size(), close + 4);
  for (std::size_t i = 0; i < end; ++i)
    if (text[i] != '\n') text[i] = ' ';
}

// kramdown attribute lists and extensions ("{: .warning }", "{:toc}", "{::options … /}") are
// markup, not text: a line holding only one, or one ending a line, is blanked in place (newlines
// and offsets kept) before cmark sees it.
void blank_attribute_lists(std::string& text) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    // Searched within the line: a search from the line's end back through the whole text made
    // a long document without attribute lists quadratic (26 s for 1 MB).
    std::string_view line(text.data() + start, end - start);
    std::size_t in_line = line.rfind("{:");
    if (in_line != std::string_view::npos) {
      std::size_t open = start + in_line;
      std::size_t close = line.find('}', in_line);
      if (close != std::string_view::npos) close += start;
      std::size_t tail = close == std::string::npos ? close : text.find_first_not_of(" \t\r", close + 1);
      bool ends_line = close != std::string::npos && close < end && (tail == std::string::npos || tail >= end);
      bool whole_line = text.find_first_not_of(" \t", start) == open;
      bool after_text = open > start && (text[open - 1] == ' ' || text[open - 1] == '\t');
      if (ends_line && (whole_line || after_text))
        for (std::size_t i = open; i <= close; ++i) text[i] = ' ';
    }
    start = end + 1;
  }
}

// Pandoc inline notes "text.^[Note text.]": the "^" is the marker, the bracketed text the note.
// They are numbered with the document's other notes by the reader, so their labels are names.
void find_inline_notes(model::DocumentBuilder& builder, const sdk::CodeSpans& code) {
  const sdk::Document& document = builder.document();
  std::vector<std::pair<Span, Span>> found;  // marker, body
  for (const sdk::Block& block : document.blocks) {
    if (block.kind == BlockKind::note || block.kind == BlockKind::metadata) continue;
    std::string_view text = document.slice(block.span);
    for (std::size_t pos = text.find("^["); pos != std::string_view::npos; pos = text.find("^[", pos + 1)) {
      // `^[note]` in backticks shows the syntax: no note.
      if ((pos > 0 && text[pos - 1] == '\\') || code.at(block.span.begin + static_cast<std::uint32_t>(pos))) continue;
      int depth = 0;
      std::size_t close = std::string_view::npos;
      for (std::size_t at = pos + 1; at < text.size(); ++at) {
        if (text[at] == '[') ++depth;
        else if (text[at] == ']' && --depth == 0) { close = at; break; }
      }
      if (close == std::string_view::npos || close == pos + 2) continue;
      std::uint32_t base = block.span.begin;
      found.push_back({{base + static_cast<std::uint32_t>(pos), base + static_cast<std::uint32_t>(pos + 1)},
                       {base + static_cast<std::uint32_t>(pos + 2), base + static_cast<std::uint32_t>(close)}});
      pos = close;
    }
  }
  int number = 0;
  for (auto& [marker, body] : found) {
    std::string label = "inline-" + std::to_string(++number);
    builder.add_note_ref(marker, label);
    builder.add_note(label, body, body);
  }
}

// Labels of footnote definitions written at the start of a line: "[^label]: text".
std::vector<std::string> definition_labels(std::string_view text) {
  std::vector<std::string> labels;
  util::for_each_line(text, [&](std::string_view line) {
    std::size_t indent = 0;
    while (indent < line.size() && indent < 4 && line[indent] == ' ') ++indent;
    if (indent >= 4 || line.substr(indent).rfind("[^", 0) != 0) return;
    std::size_t close = line.find("]:", indent + 2);
    if (close == std::string_view::npos || close <= indent + 2) return;
    std::string_view label = line.substr(indent + 2, close - indent - 2);
    if (label.find_first_of(" \t[]") == std::string_view::npos) labels.emplace_back(label);
  });
  return labels;
}

// Where whole lines were taken out of the text cmark parses: maps its offsets back to the input.
class RemovedLines {
 public:
  /// Records that `length` input bytes were taken out where the parsed text is at `parsed_at`.
  void add(std::uint32_t parsed_at, std::uint32_t length) {
    removed_ += length;
    cuts_.push_back({parsed_at, removed_});
  }
  std::uint32_t to_input(std::uint32_t parsed) const {
    auto after = std::upper_bound(cuts_.begin(), cuts_.end(), parsed, [](std::uint32_t p, const auto& cut) { return p < cut.first; });
    return after == cuts_.begin() ? parsed : parsed + (after - 1)->second;
  }

 private:
  std::vector<std::pair<std::uint32_t, std::uint32_t>> cuts_;  // (parsed offset, bytes removed up to it)
  std::uint32_t removed_ = 0;
};

// CommonMark lets an HTML comment interrupt a paragraph, so a directive written inside one
// would split it in two (and a quotation would lose its speaker). The directive's lines are
// taken out of the text cmark parses; the file and the source map keep them.
std::string without_directive_lines(std::string_view text, const std::vector<FoundDirective>& directives, RemovedLines& removed) {
  std::string out;
  out.reserve(text.size());
  std::size_t copied = 0;
  for (const FoundDirective& directive : directives) {
    if (!directive.error.empty()) continue;  // an unclosed comment runs to the end as an HTML block anyway
    std::size_t begin = text.rfind('\n', directive.begin);
    begin = begin == std::string_view::npos || directive.begin == 0 ? 0 : begin + 1;
    std::size_t end = text.find('\n', directive.end);
    end = end == std::string_view::npos ? text.size() : end + 1;
    if (begin < copied) continue;
    out.append(text.substr(copied, begin - copied));
    removed.add(static_cast<std::uint32_t>(out.size()), static_cast<std::uint32_t>(end - begin));
    copied = end;
  }
  out.append(text.substr(copied));
  return out;
}

// Walks cmark's tree with iterators and explicit state, never recursion: a document of 50,000
// nested block quotes or emphasis runs must not exhaust the stack.
class MarkdownWalker {
 public:
  MarkdownWalker(std::string_view input, std::size_t original_lines, const RemovedLines& removed, model::DocumentBuilder& builder)
      : input_(input), original_lines_(original_lines), removed_(removed), builder_(builder) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < input.size(); ++i)
      if (input[i] == '\n') line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
  }

  void walk_document(cmark_node* document) {
    cmark_iter* iter = cmark_iter_new(document);
    cmark_event_type event;
    while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
      cmark_node* node = cmark_iter_get_node(iter);
      if (node == document) continue;
      if (event == CMARK_EVENT_EXIT) {
        if (cmark_node_get_type(node) == CMARK_NODE_BLOCK_QUOTE) --quote_depth_;
        if (cmark_node_get_type(node) == CMARK_NODE_LIST) --list_depth_;
        continue;
      }
      if (synthetic(node)) { cmark_iter_reset(iter, node, CMARK_EVENT_EXIT); continue; }
      if (enter_block(node)) cmark_iter_reset(iter, node, CMARK_EVENT_EXIT);
    }
    cmark_iter_free(iter);
  }

  bool saw_gfm_footnotes() const { return saw_gfm_footnotes_; }
  /// True when notes or markers were written as raw HTML.
  bool saw_html_notes() const { return !html_markers_.empty() || !html_note_ids_.empty(); }

  // Markers written as raw HTML get their labels once every note is known: a marker that
  // points at a note's id takes its label; a bare superscript number stays a marker only when
  // a note carries that number.
  void resolve_html_markers() {
    std::set<std::string> labels;
    for (const sdk::Note& note : builder_.document().notes) labels.insert(note.label);
    for (const HtmlMarker& marker : html_markers_) {
      std::string label = marker.label;
      auto note = html_note_ids_.find(marker.target);
      if (!marker.target.empty() && note != html_note_ids_.end()) label = builder_.document().notes[note->second].label;
      else if (marker.target.empty() && !labels.count(label)) continue;
      if (!label.empty()) builder_.add_note_ref(marker.span, label);
    }
  }
  /// Notes (indices into the document's notes) read from entries under a bibliography heading.
  const std::vector<std::size_t>& bibliography_notes() const { return bibliography_notes_; }

  void flush_notes() {
    for (auto& [node, label] : deferred_notes_) {
      builder_.separate_blocks();
      std::uint32_t begin = builder_.offset();
      builder_.begin_block(BlockKind::note, 0, label);
      cursor_ = node_start(node);
      anchor(cursor_);
      inlines_of(node);
      builder_.end_block();
      Span body = builder_.document().blocks.back().span;
      if (body.empty()) {
        body = {begin, begin};
        builder_.append_synthetic("\n\n");  // the next note must not start at the empty one's anchor
      }
      builder_.add_note(label, body, body);
    }
  }

 private:
  // The builder takes input offsets; the walker works in the parsed text's.
  void append(std::string_view text, std::uint32_t at) { builder_.append(text, removed_.to_input(at)); }
  void append_replacing(std::string_view text, std::uint32_t at, std::uint32_t length) {
    std::uint32_t begin = removed_.to_input(at);
    builder_.append_replacing(text, begin, removed_.to_input(at + length) - begin);
  }
  void anchor(std::uint32_t at) { builder_.anchor(removed_.to_input(at)); }

  // cmark's columns count bytes but expand tabs, so they are clamped to the line and moved back
  // to a character boundary: an offset must never cut a UTF-8 sequence.
  std::uint32_t offset_of(int line, int column) const {
    if (line < 1 || static_cast<std::size_t>(line) > line_starts_.size()) return static_cast<std::uint32_t>(input_.size());
    std::size_t index = static_cast<std::size_t>(line) - 1;
    std::uint32_t line_end = index + 1 < line_starts_.size() ? line_starts_[index + 1] : static_cast<std::uint32_t>(input_.size());
    std::uint32_t offset = line_starts_[index] + static_cast<std::uint32_t>(std::max(column, 1) - 1);
    offset = std::min(offset, line_end);
    while (offset > line_starts_[index] && offset < input_.size() && (static_cast<unsigned char>(input_[offset]) & 0xC0) == 0x80) --offset;
    return offset;
  }
  bool synthetic(cmark_node* node) const {
    return static_cast<std::size_t>(cmark_node_get_start_line(node)) > original_lines_;
  }
  std::uint32_t node_start(cmark_node* node) const {
    return offset_of(cmark_node_get_start_line(node), cmark_node_get_start_column(node));
  }
  std::uint32_t node_end(cmark_node* node) const {
    std::uint32_t last = offset_of(cmark_node_get_end_line(node), cmark_node_get_end_column(node));
    return std::min<std::uint32_t>(last + 1, static_cast<std::uint32_t>(input_.size()));
  }
  static std::string type_name(cmark_node* node) {
    const char* name = cmark_node_get_type_string(node);
    return name ? name : "";
  }

  // Handles a block on entry; returns true when its subtree has been consumed.
  bool enter_block(cmark_node* node) {
    if (joined_html_.count(node)) return true;  // read with the HTML block before it
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_HEADING: {
        block(node, BlockKind::heading, cmark_node_get_heading_level(node));
        std::string_view heading = builder_.document().slice(builder_.document().blocks.back().span);
        section_kind_ = notes_heading_kind(heading);
        in_notes_section_ = section_kind_ != NotesHeading::none;
        return true;
      }
      case CMARK_NODE_PARAGRAPH:
        paragraph(node);
        return true;
      case CMARK_NODE_LIST:
        ++list_depth_;
        list_next_[node] = cmark_node_get_list_start(node);
        return false;
      case CMARK_NODE_ITEM: {
        cmark_node* list = cmark_node_parent(node);
        bool ordered = list && cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
        item_label_[node] = ordered ? std::to_string(list_next_[list]++) : std::string();
        return false;
      }
      case CMARK_NODE_BLOCK_QUOTE:
        ++quote_depth_;
        return false;
      case CMARK_NODE_FOOTNOTE_DEFINITION:
        saw_gfm_footnotes_ = true;
        deferred_notes_.push_back({node, definition_label(node)});
        return true;
      case CMARK_NODE_HTML_BLOCK: {
        cmark_node* last = end_of_html_list(node);
        for (cmark_node* next = node; next != last;) joined_html_.insert(next = cmark_node_next(next));
        html_block(node_start(node), node_end(last));
        return true;
      }
      case CMARK_NODE_CODE_BLOCK:
      case CMARK_NODE_THEMATIC_BREAK:
        return true;
      default:
        break;
    }
    if (type_name(node) == "table") {
      for (cmark_node* row = cmark_node_first_child(node); row; row = cmark_node_next(row))
        for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell))
          if (cmark_node_first_child(cell)) block(cell, BlockKind::paragraph, 0);
      return true;
    }
    return false;
  }

  void paragraph(cmark_node* node) {
    cmark_node* parent = cmark_node_parent(node);
    if (parent && cmark_node_get_type(parent) == CMARK_NODE_ITEM) {
      auto label = item_label_.find(parent);
      std::string number = label != item_label_.end() ? label->second : std::string();
      if (label != item_label_.end()) label->second.clear();  // only an item's first paragraph carries its number
      std::string id = leading_note_anchor(node);
      if (!id.empty()) {
        html_note_ids_[id] = builder_.document().notes.size();
        note_from_node(node, number.empty() ? html_digits(id) : number);
      } else if (in_notes_section_ && !number.empty()) {
        note_from_node(node, number);
      } else {
        block(node, BlockKind::list_item, list_depth_, number);
      }
      return;
    }
    if (quote_depth_ > 0) { block(node, BlockKind::block_quote, 0); return; }
    if (in_notes_section_) { notes_paragraph(node); return; }
    block(node, BlockKind::paragraph, 0);
  }

  // `1. <a id="footnote-1"></a>Text [↑](#footnote-ref-1)` (a Word document converted to
  // Markdown): an item that opens with an anchor carrying a note id is that note. Its id.
  std::string leading_note_anchor(cmark_node* paragraph) const {
    cmark_node* first = cmark_node_first_child(paragraph);
    if (!first || cmark_node_get_type(first) != CMARK_NODE_HTML_INLINE) return {};
    const char* literal = cmark_node_get_literal(first);
    auto tag = markdown_html::parse_inline_tag(literal ? literal : "");
    if (!tag || tag->closing || (tag->name != "a" && tag->name != "span")) return {};
    html::HtmlNode element = tag->element();
    std::string id(element.attribute("id"));
    if (id.empty()) id = std::string(element.attribute("name"));
    return html::is_note_id(id) ? id : std::string();
  }

  static std::string html_digits(std::string_view id) {
    std::size_t end = id.size();
    while (end > 0 && !std::isdigit(static_cast<unsigned char>(id[end - 1]))) --end;
    std::size_t begin = end;
    while (begin > 0 && std::isdigit(static_cast<unsigned char>(id[begin - 1]))) --begin;
    return begin < end ? std::string(id.substr(begin, end - begin)) : std::string(id);
  }

  // CommonMark ends an HTML block at a blank line, so a note `<li>` of several paragraphs
  // (`<p>First.</p>`, a blank line, `<p>Second.</p>`) is split over several blocks. A list left
  // open is read whole, up to the block that closes it: the last node to read with `node`.
  cmark_node* end_of_html_list(cmark_node* node) {
    std::string_view first = input_.substr(node_start(node), node_end(node) - node_start(node));
    if (unclosed_html_.count(node) || first.find("<li") == std::string_view::npos) return node;
    int depth = markdown_html::unclosed_lists(first);
    std::vector<cmark_node*> scanned;
    for (cmark_node* next = cmark_node_next(node); depth > 0 && next; next = cmark_node_next(next)) {
      cmark_node_type type = cmark_node_get_type(next);
      if ((type != CMARK_NODE_HTML_BLOCK && type != CMARK_NODE_PARAGRAPH) || synthetic(next)) break;
      depth += markdown_html::unclosed_lists(input_.substr(node_start(next), node_end(next) - node_start(next)));
      if (depth <= 0) return next;
      scanned.push_back(next);
    }
    // Never closed: each block on its own, as CommonMark reads it. The blocks scanned are not
    // scanned again from each of them, so a run of unclosed lists costs linear time.
    unclosed_html_.insert(scanned.begin(), scanned.end());
    return node;
  }

  // A footnotes section written as HTML (`<div class="footnotes"><ol><li id="fn:1">…`): its
  // notes, read with the HTML reader's conventions; any other HTML block is not running text.
  void html_block(std::uint32_t begin, std::uint32_t end) {
    end = std::min<std::uint32_t>(end, static_cast<std::uint32_t>(input_.size()));
    if (end <= begin) return;
    std::string_view source = input_.substr(begin, end - begin);
    if (source.find("<li") == std::string_view::npos && source.find("<aside") == std::string_view::npos) return;
    for (markdown_html::BlockNote& note : markdown_html::notes_in_html_block(source)) {
      builder_.separate_blocks();
      std::uint32_t note_begin = builder_.offset();
      builder_.begin_block(BlockKind::note, 0, note.label);
      anchor(begin + std::min<std::uint32_t>(note.begin, end - begin));
      bool space = false, wrote = false;
      for (const markdown_html::NotePiece& piece : note.pieces) {
        if (piece.raw_end == 0 && piece.raw_begin == 0) { space = space || wrote; continue; }
        if (piece.raw_begin > piece.raw_end || piece.raw_end > source.size()) continue;  // libxml2 recovered oddly
        std::string_view raw = input_.substr(begin + piece.raw_begin, piece.raw_end - piece.raw_begin);
        bool verbatim = raw == piece.text;
        std::size_t i = 0;
        const std::string& t = piece.text;
        while (i < t.size()) {
          if (std::isspace(static_cast<unsigned char>(t[i]))) { space = space || wrote; ++i; continue; }
          std::size_t j = i;
          while (j < t.size() && !std::isspace(static_cast<unsigned char>(t[j]))) ++j;
          if (space) builder_.append_synthetic(" ");
          space = false;
          if (verbatim) append(std::string_view(t).substr(i, j - i), begin + piece.raw_begin + static_cast<std::uint32_t>(i));
          else append_replacing(std::string_view(t).substr(i, j - i), begin + piece.raw_begin, piece.raw_end - piece.raw_begin);
          wrote = true;
          i = j;
        }
      }
      builder_.end_block();
      Span body = builder_.document().blocks.back().span;
      if (body.empty()) {
        body = {note_begin, note_begin};
        builder_.append_synthetic("\n\n");
      }
      if (!note.id.empty()) html_note_ids_[note.id] = builder_.document().notes.size();
      builder_.add_note(note.label, body, body);
    }
  }

  std::string definition_label(cmark_node* node) {
    // cmark keeps only the ordinal; the label is in the source line "[^label]:".
    std::uint32_t line_begin = line_starts_[static_cast<std::size_t>(cmark_node_get_start_line(node)) - 1];
    std::size_t open = input_.find("[^", line_begin);
    std::size_t close = input_.find("]:", open == std::string_view::npos ? line_begin : open);
    if (open == std::string_view::npos || close == std::string_view::npos) return std::to_string(++anonymous_);
    std::string label(input_.substr(open + 2, close - open - 2));
    if (label.empty() || label.size() > 100 || label.find_first_of(" \t\n[]") != std::string::npos ||
        model::find_invalid_utf8(label) != std::string::npos)
      return std::to_string(++anonymous_);
    return label;
  }

  void block(cmark_node* node, BlockKind kind, int level, std::string number = {}) {
    builder_.separate_blocks();
    builder_.begin_block(kind, level, std::move(number));
    cursor_ = node_start(node);
    inlines_of(node);
    builder_.end_block();
  }

  void note_from_node(cmark_node* node, const std::string& label) {
    builder_.separate_blocks();
    builder_.begin_block(BlockKind::note, 0, label);
    cursor_ = node_start(node);
    inlines_of(node);
    builder_.end_block();
    Span body = builder_.document().blocks.back().span;
    add_section_note(label, body);
  }

  void add_section_note(const std::string& label, Span body) {
    if (section_kind_ == NotesHeading::bibliography) bibliography_notes_.push_back(builder_.document().notes.size());
    builder_.add_note(label, body, body);
  }

  // A paragraph under a notes heading: each line that starts with a label ("1. …", "[1] …",
  // "| 1. | … |" from converted tables) opens a note; other lines continue the previous one.
  void notes_paragraph(cmark_node* node) {
    std::uint32_t begin = node_start(node), end = std::min<std::uint32_t>(node_end(node), static_cast<std::uint32_t>(input_.size()));
    std::uint32_t line_start = begin;
    bool any = false;
    while (line_start < end) {
      std::uint32_t line_end = static_cast<std::uint32_t>(std::min<std::size_t>(input_.find('\n', line_start), end));
      std::string_view line = input_.substr(line_start, line_end - line_start);
      std::size_t skip = 0;
      while (skip < line.size() && (line[skip] == ' ' || line[skip] == '|')) ++skip;
      auto label = parse_note_label(line.substr(skip), false);
      if (label) {
        std::uint32_t body_begin = line_start + static_cast<std::uint32_t>(skip + label->body_begin);
        while (body_begin < line_end && (input_[body_begin] == ' ' || input_[body_begin] == '|')) ++body_begin;
        std::uint32_t body_end = line_end;
        while (body_end > body_begin && (input_[body_end - 1] == ' ' || input_[body_end - 1] == '|')) --body_end;
        builder_.separate_blocks();
        builder_.begin_block(BlockKind::note, 0, label->label);
        append(input_.substr(body_begin, body_end - body_begin), body_begin);
        builder_.end_block();
        Span body = builder_.document().blocks.back().span;
        add_section_note(label->label, body);
        any = true;
      } else if (any && !builder_.document().notes.empty()) {
        std::string_view rest = line.substr(skip);
        if (!rest.empty()) {
          builder_.append_synthetic(" ");
          append(rest, line_start + static_cast<std::uint32_t>(skip));
          builder_.document().blocks.back().span.end = builder_.offset();
          builder_.document().notes.back().span.end = builder_.offset();
          builder_.document().notes.back().body.end = builder_.offset();
        }
      }
      line_start = line_end + 1;
    }
    if (!any) block(node, BlockKind::paragraph, 0);
  }

  // Appends `literal` found at or after the cursor in the source; falls back to the node's start.
  void append_literal(std::string_view literal, cmark_node* node) {
    if (literal.empty()) return;
    std::uint32_t hint = cmark_node_get_start_line(node) > 0 ? node_start(node) : cursor_;
    std::size_t found = input_.find(literal, hint);
    if (found != std::string_view::npos && found - hint <= 64 + literal.size()) {
      append(literal, static_cast<std::uint32_t>(found));
      cursor_ = static_cast<std::uint32_t>(found + literal.size());
      return;
    }
    std::uint32_t length = cmark_node_get_start_line(node) > 0 && node_end(node) > hint ? node_end(node) - hint : 1;
    append_replacing(literal, hint, length);
    cursor_ = hint + length;
  }

  // The text of a block's inlines, in order; nested paragraphs (in a footnote definition) are
  // separated by a blank line.
  void inlines_of(cmark_node* root) {
    struct OpenLink { std::uint32_t begin; cmark_node* node; };
    std::vector<OpenLink> links;
    bool first_paragraph = true;
    cmark_iter* iter = cmark_iter_new(root);
    cmark_event_type event;
    while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
      cmark_node* node = cmark_iter_get_node(iter);
      if (node == root) continue;
      cmark_node_type type = cmark_node_get_type(node);
      if (event == CMARK_EVENT_EXIT) {
        if (type == CMARK_NODE_LINK && !links.empty()) {
          const char* url = cmark_node_get_url(node);
          std::string_view target = url ? url : "";
          // `<sup>[5](#footnote-5)</sup>`, `[[1]](#footnote-1)`: a link that is a note marker.
          bool marker = target.size() > 1 && target[0] == '#' && (sup_depth_ > 0 || html::is_note_id(target.substr(1)));
          if (marker) {
            Span span{links.back().begin, builder_.offset()};
            html_markers_.push_back({span, html::clean_label(builder_.document().slice(span)), std::string(target.substr(1))});
            marker_in_sup_ = true;
          } else if (!target.empty()) {
            builder_.add_link({links.back().begin, builder_.offset()}, url);
          }
          if (cmark_node_get_start_line(node) > 0) cursor_ = std::max(cursor_, node_end(node));
          links.pop_back();
        }
        continue;
      }
      const char* literal = cmark_node_get_literal(node);
      switch (type) {
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
          if (!first_paragraph) builder_.append_synthetic("\n\n");
          first_paragraph = false;
          cursor_ = node_start(node);
          break;
        case CMARK_NODE_TEXT:
          append_literal(literal ? literal : "", node);
          break;
        case CMARK_NODE_CODE: {
          // A backtick span reads on in its sentence but is literal: plugins leave it alone.
          std::uint32_t begin = builder_.offset();
          append_literal(literal ? literal : "", node);
          if (builder_.offset() > begin) builder_.add_element({{begin, builder_.offset()}, "code", {}});
          break;
        }
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK: {
          std::size_t newline = input_.find('\n', cursor_);
          if (newline != std::string_view::npos) {
            append("\n", static_cast<std::uint32_t>(newline));
            cursor_ = static_cast<std::uint32_t>(newline + 1);
          } else {
            builder_.append_synthetic("\n");
          }
          break;
        }
        case CMARK_NODE_LINK: {
          // "[↩](#fnref1)", "[↑](#footnote-ref-1)": a note's way back to its marker, not text.
          const char* url = cmark_node_get_url(node);
          std::string_view target = url ? url : "";
          if (target.size() > 1 && target[0] == '#' && html::is_marker_id(target.substr(1))) {
            if (cmark_node_get_start_line(node) > 0) cursor_ = std::max(cursor_, node_end(node));
            cmark_iter_reset(iter, node, CMARK_EVENT_EXIT);
            break;
          }
          links.push_back({builder_.offset(), node});
          if (cmark_node_get_start_line(node) > 0) cursor_ = node_start(node);
          break;
        }
        case CMARK_NODE_HTML_INLINE:
          inline_tag(literal ? literal : "");
          break;
        case CMARK_NODE_IMAGE:
        case CMARK_NODE_CODE_BLOCK:
        case CMARK_NODE_HTML_BLOCK:
          cmark_iter_reset(iter, node, CMARK_EVENT_EXIT);  // alt text and code are not running text
          break;
        case CMARK_NODE_FOOTNOTE_REFERENCE: {
          saw_gfm_footnotes_ = true;
          std::uint32_t begin = node_start(node), end = node_end(node);
          std::string_view source = input_.substr(begin, end - begin);
          bool bracketed = source.size() > 3 && source.compare(0, 2, "[^") == 0 && source.back() == ']';
          if (!bracketed) {
            // cmark's source positions drift on indented continuation lines and inside
            // emphasis; the reference is the next "[^label]" after what was read so far.
            std::size_t open = input_.find("[^", cursor_);
            std::size_t close = open == std::string_view::npos ? open : input_.find(']', open + 2);
            if (open != std::string_view::npos && close != std::string_view::npos && open - cursor_ <= 256 && close - open <= 102) {
              begin = static_cast<std::uint32_t>(open);
              end = static_cast<std::uint32_t>(close + 1);
              source = input_.substr(begin, end - begin);
              bracketed = source.find_first_of(" \t\n") == std::string_view::npos;
            }
          }
          std::string label = bracketed ? std::string(source.substr(2, source.size() - 3)) : std::string(literal ? literal : "");
          if (model::find_invalid_utf8(label) != std::string::npos) label = literal ? literal : "";
          std::uint32_t text_begin = builder_.offset();
          append_replacing(label, begin, end - begin);
          builder_.add_note_ref({text_begin, builder_.offset()}, label);
          cursor_ = end;
          break;
        }
        default:
          break;  // emphasis, strong, strikethrough: their children carry the text
      }
    }
    cmark_iter_free(iter);
    sup_depth_ = 0;
    code_depth_ = 0;
    open_marker_.reset();
  }

  // Raw HTML tags between the text: `<sup>` and `<a href="#fn1">` open a marker, whose text
  // runs to the closing tag; a `<sup>` holding only a number may be a marker too.
  void inline_tag(std::string_view literal) {
    auto tag = markdown_html::parse_inline_tag(literal);
    if (!tag) return;
    if (html::is_code_element(tag->name) && !tag->self_closing) {
      // Raw HTML inline code, as a backtick span.
      if (!tag->closing) {
        if (code_depth_++ == 0) code_begin_ = builder_.offset();
      } else if (code_depth_ > 0 && --code_depth_ == 0 && builder_.offset() > code_begin_) {
        builder_.add_element({{code_begin_, builder_.offset()}, "code", {}});
      }
      return;
    }
    if (tag->name == "sup" && !tag->self_closing) {
      if (!tag->closing) {
        if (sup_depth_++ == 0) { sup_begin_ = builder_.offset(); marker_in_sup_ = false; }
        return;
      }
      if (sup_depth_ == 0 || --sup_depth_ > 0) return;
      Span span{sup_begin_, builder_.offset()};
      std::string label = html::clean_label(builder_.document().slice(span));
      bool number = !label.empty() && label.size() <= 4 &&
                    std::all_of(label.begin(), label.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
      if (!marker_in_sup_ && number) html_markers_.push_back({span, label, {}});
      return;
    }
    if (tag->name != "a") return;
    if (tag->closing) {
      if (!open_marker_) return;
      Span span{open_marker_->first, builder_.offset()};
      html_markers_.push_back({span, html::clean_label(builder_.document().slice(span)), open_marker_->second});
      marker_in_sup_ = true;
      open_marker_.reset();
      return;
    }
    html::HtmlNode element = tag->element();
    if (html::is_note_link(element, sup_depth_ > 0)) open_marker_ = std::make_pair(builder_.offset(), std::string(element.attribute("href").substr(1)));
  }

  std::string_view input_;
  std::size_t original_lines_;
  const RemovedLines& removed_;
  model::DocumentBuilder& builder_;
  std::vector<std::uint32_t> line_starts_;
  std::uint32_t cursor_ = 0;
  bool in_notes_section_ = false;
  NotesHeading section_kind_ = NotesHeading::none;
  std::vector<std::size_t> bibliography_notes_;
  bool saw_gfm_footnotes_ = false;
  int anonymous_ = 0;
  int quote_depth_ = 0;
  int code_depth_ = 0;             // raw `<code>` tags open in the current block
  std::uint32_t code_begin_ = 0;
  int list_depth_ = 0;
  std::unordered_map<cmark_node*, int> list_next_;
  std::unordered_map<cmark_node*, std::string> item_label_;
  std::vector<std::pair<cmark_node*, std::string>> deferred_notes_;
  // Raw HTML markers: text span, label as printed, the id they point at ("" for a bare <sup>).
  struct HtmlMarker {
    Span span;
    std::string label;
    std::string target;
  };
  std::vector<HtmlMarker> html_markers_;
  std::unordered_map<std::string, std::size_t> html_note_ids_;  // note id → index into notes
  std::unordered_set<cmark_node*> joined_html_;  // blocks read as part of an HTML list opened before them
  std::unordered_set<cmark_node*> unclosed_html_;  // blocks after an HTML list that is never closed
  int sup_depth_ = 0;
  std::uint32_t sup_begin_ = 0;
  bool marker_in_sup_ = false;
  std::optional<std::pair<std::uint32_t, std::string>> open_marker_;
};

// `[^label]` left as text: cmark keeps references to undefined notes literally.
void find_undefined_references(model::DocumentBuilder& builder, const sdk::CodeSpans& code) {
  const sdk::Document& document = builder.document();
  std::vector<std::pair<Span, std::string>> found;
  for (const sdk::Block& block : document.blocks) {
    if (block.kind == BlockKind::note) continue;
    std::string_view text = document.slice(block.span);
    std::size_t pos = 0;
    while ((pos = text.find("[^", pos)) != std::string_view::npos) {
      std::size_t close = text.find(']', pos + 2);
      if (close == std::string_view::npos) break;
      std::string_view label = text.substr(pos + 2, close - pos - 2);
      if (!label.empty() && label.find_first_of(" \t\n[") == std::string_view::npos &&
          (close + 1 >= text.size() || text[close + 1] != ':')) {
        Span span{block.span.begin + static_cast<std::uint32_t>(pos), block.span.begin + static_cast<std::uint32_t>(close + 1)};
        if (!code.overlaps(span)) found.push_back({span, std::string(label)});
      }
      pos = close;
    }
  }
  for (auto& [span, label] : found) builder.add_note_ref(span, label);
}

void find_fused_markers(model::DocumentBuilder& builder, const sdk::CodeSpans& code) {
  const sdk::Document& document = builder.document();
  std::vector<Span> ranges;
  for (const sdk::Block& block : document.blocks)
    if (block.kind == BlockKind::paragraph || block.kind == BlockKind::list_item || block.kind == BlockKind::block_quote)
      ranges.push_back(block.span);
  std::set<std::uint32_t> labels;
  for (const sdk::Note& note : document.notes)
    if (!note.label.empty() && note.label.size() < 6 && std::isdigit(static_cast<unsigned char>(note.label[0])))
      labels.insert(static_cast<std::uint32_t>(std::stoul(note.label)));
  for (sdk::NoteRef& ref : detect_fused_markers(document.text, ranges, labels))
    if (!code.overlaps(ref.span)) builder.add_note_ref(ref.span, ref.label);
}

// A numbered list under "References" or "Sources" is a bibliography, not notes, unless the
// text points into it: where GFM footnotes carry the notes, or no marker cites an entry, its
// entries are list items.
void drop_uncited_bibliography(model::DocumentBuilder& builder, const std::vector<std::size_t>& entries, bool gfm) {
  if (entries.empty()) return;
  sdk::Document& document = builder.document();
  std::set<std::string> cited;
  for (const sdk::NoteRef& ref : document.note_refs) cited.insert(ref.label);
  bool any_cited = false;
  for (std::size_t index : entries) any_cited = any_cited || cited.count(document.notes[index].label);
  if (any_cited && !gfm) return;
  std::set<std::uint32_t> starts;
  std::vector<sdk::Note> kept;
  std::set<std::size_t> dropped(entries.begin(), entries.end());
  for (std::size_t i = 0; i < document.notes.size(); ++i) {
    if (dropped.count(i)) starts.insert(document.notes[i].body.begin);
    else kept.push_back(document.notes[i]);
  }
  document.notes = std::move(kept);
  for (sdk::Block& block : document.blocks)
    if (block.kind == BlockKind::note && starts.count(block.span.begin)) block.kind = BlockKind::list_item;
}

// Report metadata written as "**Publication Date:** 04/10/2026" (CRS and similar converters).
void find_header_date(const std::string& text, model::DocumentBuilder& builder) {
  if (!builder.document().meta("date").empty()) return;
  std::size_t limit = std::min<std::size_t>(text.size(), 4000);
  std::string_view head(text.data(), limit);
  for (std::string_view key : {"Publication Date:", "Date:", "Published:"}) {
    std::size_t at = head.find(key);
    if (at == std::string_view::npos) continue;
    std::size_t begin = at + key.size();
    std::size_t end = head.find('\n', begin);
    std::string value(head.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin));
    std::string cleaned;
    for (char c : value) if (c != '*') cleaned.push_back(c);
    if (auto iso = parse_date_line(cleaned, NumericDateOrder::month_first)) {
      builder.set_metadata("date", *iso);
      return;
    }
  }
}

}  // namespace

ReadResult read_markdown(const ReaderInput& input) {
  model::DocumentBuilder builder(input.path, "markdown", make_source_map(input));
  std::string text = input.input.text;
  take_front_matter(text, builder);
  blank_attribute_lists(text);
  find_header_date(text, builder);
  std::vector<FoundDirective> directives = find_markdown_directives(text);
  RemovedLines removed;
  if (!directives.empty()) text = without_directive_lines(text, directives, removed);
  record_directives(std::move(directives), builder);

  std::size_t original_lines = 1;
  for (char c : text) original_lines += c == '\n';
  // cmark drops footnote definitions nothing references; a reference for each label, placed
  // after the document, keeps them in the tree. Nodes past the original last line are ignored.
  std::string parsed = text;
  std::vector<std::string> labels = definition_labels(text);
  if (!labels.empty()) {
    parsed += "\n\n";
    for (const std::string& label : labels) parsed += "[^" + label + "] ";
    parsed += "\n";
  }

  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  std::unique_ptr<cmark_node, NodeDeleter> root;
  {
    // cmark-gfm keeps the inline parser's special characters in one process-wide table that
    // attaching an extension adds to and freeing a parser removes from; parsers on other threads
    // would lose the autolink characters mid-parse (bare URLs silently not linked). So parsing is
    // serialised; walking the finished tree is not.
    static std::mutex cmark_mutex;
    std::lock_guard<std::mutex> lock(cmark_mutex);
    std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_FOOTNOTES | CMARK_OPT_SOURCEPOS));
    for (const char* name : {"table", "autolink", "strikethrough"})
      if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name))
        cmark_parser_attach_syntax_extension(parser.get(), extension);
    cmark_parser_feed(parser.get(), parsed.data(), parsed.size());
    root.reset(cmark_parser_finish(parser.get()));
  }

  MarkdownWalker walker(parsed, original_lines, removed, builder);
  walker.walk_document(root.get());
  walker.flush_notes();
  builder.end_block();
  walker.resolve_html_markers();
  if (builder.document().meta("title").empty()) {
    for (const sdk::Block& block : builder.document().blocks)
      if (block.kind == BlockKind::heading && block.level == 1) {
        builder.set_metadata("title", std::string(builder.document().slice(block.span)));
        break;
      }
  }
  // Note syntax inside inline code (`[^2]`, `^[note]`, "West1") shows the syntax: no marker.
  // These passes add notes and markers, never elements, so the code spans are gathered once.
  const sdk::CodeSpans code(builder.document());
  find_undefined_references(builder, code);
  std::size_t notes_before = builder.document().notes.size();
  find_inline_notes(builder, code);
  bool inline_notes = builder.document().notes.size() > notes_before;
  if (!walker.saw_gfm_footnotes() && !inline_notes && !walker.saw_html_notes()) find_fused_markers(builder, code);
  // A GFM label is a name: the reader sees numbers given in order of first reference.
  if (walker.saw_gfm_footnotes() || inline_notes) builder.set_metadata("note-labels", "names");
  drop_uncited_bibliography(builder, walker.bibliography_notes(), walker.saw_gfm_footnotes());
  ReadResult result;
  result.document = builder.finish();
  return result;
}

}  // namespace marginalia::readers
