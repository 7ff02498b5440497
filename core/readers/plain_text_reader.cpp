// SPDX-License-Identifier: MIT
// Plain-text reports laid out like the seed: an optional dateline, a title, bulleted key
// findings, numbered headings, paragraphs separated by blank lines, footnote markers fused to
// words, and optionally a notes section at the end. The text is kept byte for byte; blocks are
// spans over it, so the source map is the identity (after normalisation).
#include <cctype>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "marginalia/sdk/text.hpp"
#include "readers/bracket_notes.hpp"
#include "readers/dateline.hpp"
#include "readers/directive_comments.hpp"
#include "readers/fused_marker_detector.hpp"
#include "readers/notes_section.hpp"
#include "readers/reader.hpp"

namespace marginalia::readers {
namespace {

using sdk::Block;
using sdk::BlockKind;
using sdk::Span;

struct Line {
  std::uint32_t begin = 0, end = 0;  // without the LF
  bool blank = true;
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    Line line{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end), true};
    for (std::size_t pos = start; pos < end;) {
      if (!sdk::is_space(sdk::next_code_point(text, pos))) { line.blank = false; break; }
    }
    lines.push_back(line);
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

std::string_view view(std::string_view text, const Line& line) { return text.substr(line.begin, line.end - line.begin); }

// Leading white space (spaces, tabs, NBSP) in code points, and where the content starts.
std::size_t skip_indent(std::string_view line, int* width = nullptr) {
  std::size_t pos = 0;
  int columns = 0;
  while (pos < line.size()) {
    std::size_t probe = pos;
    char32_t c = sdk::next_code_point(line, probe);
    if (c == '\t') columns += 4;
    else if (c == ' ' || c == 0xA0) columns += 1;
    else break;
    pos = probe;
  }
  if (width) *width = columns;
  return pos;
}

// Offset (in the line) of an item's text after a bullet, or npos when the line has no bullet.
std::size_t bullet_content(std::string_view line) {
  std::size_t pos = skip_indent(line);
  if (pos >= line.size()) return std::string_view::npos;
  std::size_t after = pos;
  char32_t c = sdk::next_code_point(line, after);
  bool bullet = c == 0x2022 || c == 0x00B7 || c == 0x25AA || c == 0x25E6 || c == 0x2023 || c == 0x25CF ||
                c == 0x2043 || c == '-' || c == '*' || c == 0x2013 || c == 0x2014;
  if (!bullet) return std::string_view::npos;
  std::size_t content = after;
  int spaces = 0;
  while (content < line.size()) {
    std::size_t probe = content;
    char32_t s = sdk::next_code_point(line, probe);
    if (s != ' ' && s != '\t' && s != 0xA0) break;
    content = probe;
    ++spaces;
  }
  if (spaces == 0 || content >= line.size()) return std::string_view::npos;
  return content;
}

std::size_t code_points(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

// A note marker after the stop ("…in May.*", "…in May.†", "…in May.[4]", "…in May.12") ends
// the sentence all the same: the line's end before the marker, when one is there.
std::size_t before_trailing_marker(std::string_view line, std::size_t end) {
  std::size_t at = end;
  if (at >= 3 && (line.compare(at - 3, 3, "\xE2\x80\xA0") == 0 || line.compare(at - 3, 3, "\xE2\x80\xA1") == 0)) at -= 3;
  else if (at > 0 && line[at - 1] == '*') while (at > 0 && line[at - 1] == '*') --at;
  else if (at > 0 && line[at - 1] == ']') {
    std::size_t open = line.rfind('[', at - 1);
    if (open == std::string_view::npos || open + 2 > at - 1 || at - 1 - open > 4) return end;
    for (std::size_t k = open + 1; k + 1 < at; ++k)
      if (!std::isdigit(static_cast<unsigned char>(line[k]))) return end;
    at = open;
  } else {
    while (at > 0 && end - at < 3 && std::isdigit(static_cast<unsigned char>(line[at - 1]))) --at;
    if (at == end || at == 0 || std::isdigit(static_cast<unsigned char>(line[at - 1]))) return end;
  }
  if (at == 0) return end;
  char before = line[at - 1];
  bool stop = before == '.' || before == '!' || before == '?' || before == '"' || static_cast<unsigned char>(before) >= 0x80;
  return stop ? at : end;
}

bool ends_like_sentence(std::string_view line) {
  std::size_t end = line.size();
  while (end > 0 && sdk::is_space(static_cast<unsigned char>(line[end - 1]))) --end;
  if (end == 0) return false;
  end = before_trailing_marker(line, end);
  std::size_t cursor = end;
  char32_t last = sdk::previous_code_point(line, cursor);
  return last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?' ||
         last == 0x201D || last == '"' || last == 0x2019 || last == ')' || last == 0x2026;
}

bool starts_upper(std::string_view text) {
  std::size_t pos = 0;
  char32_t c = text.empty() ? 0 : sdk::next_code_point(text, pos);
  return sdk::is_upper(c) || sdk::is_ascii_digit(c);
}

// "2.1 Russia has no alternative…" or "1. Introduction: …": the number and where the text starts.
bool section_number(std::string_view line, std::string& number, std::size_t& text_begin, int& level) {
  std::size_t pos = skip_indent(line);
  std::size_t start = pos;
  level = 0;
  while (true) {
    std::size_t digits = pos;
    while (pos < line.size() && std::isdigit(static_cast<unsigned char>(line[pos]))) ++pos;
    if (pos == digits || pos - digits > 3) return false;
    ++level;
    if (pos < line.size() && line[pos] == '.' && pos + 1 < line.size() && std::isdigit(static_cast<unsigned char>(line[pos + 1]))) {
      ++pos;
      continue;
    }
    break;
  }
  number = std::string(line.substr(start, pos - start));
  if (pos < line.size() && (line[pos] == '.' || line[pos] == ')')) ++pos;
  if (pos >= line.size() || (line[pos] != ' ' && line[pos] != '\t')) return false;
  while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) ++pos;
  text_begin = pos;
  return pos < line.size() && starts_upper(line.substr(pos));
}

bool is_directive(std::string_view line) {
  std::size_t pos = skip_indent(line);
  return line.substr(pos).rfind("[marginalia-", 0) == 0;
}

class PlainTextParser {
 public:
  PlainTextParser(std::string_view text, model::DocumentBuilder& builder)
      : text_(text), builder_(builder), lines_(split_lines(text)) {}

  void parse() {
    std::size_t i = next_content(0);
    if (i < lines_.size()) {
      if (auto iso = parse_date_line(view(text_, lines_[i]))) {
        add(BlockKind::dateline, lines_[i].begin, lines_[i].end);
        builder_.set_metadata("date", *iso);
        i = next_content(i + 1);
      }
    }
    if (i < lines_.size() && looks_like_title(i)) {
      add(BlockKind::title, lines_[i].begin, lines_[i].end);
      builder_.set_metadata("title", std::string(builder_.document().slice(builder_.document().blocks.back().span)));
      i = next_content(i + 1);
      // A byline or subtitle right under the title is running text, not a heading.
      std::string number; std::size_t begin = 0; int level = 0;
      if (i < lines_.size() && !is_notes_heading(view(text_, lines_[i])) && bullet_content(view(text_, lines_[i])) == std::string_view::npos &&
          !section_number(view(text_, lines_[i]), number, begin, level) && standalone(i)) {
        add(BlockKind::paragraph, lines_[i].begin, lines_[i].end);
        i = next_content(i + 1);
      }
    }
    while (i < lines_.size()) i = parse_block(i);
  }

  void detect_markers() {
    std::vector<Span> ranges;
    for (const Block& block : builder_.document().blocks)
      if (block.kind == BlockKind::paragraph || block.kind == BlockKind::list_item || block.kind == BlockKind::heading ||
          block.kind == BlockKind::block_quote)
        ranges.push_back(block.span);
    std::vector<TextMarker> markers = find_bracket_markers(text_, ranges);
    bool bracket_convention = false;
    for (const TextNote& note : notes_) bracket_convention = bracket_convention || footnote_blocks_.count(note.span.begin);
    for (const TextMarker& marker : markers) bracket_convention = bracket_convention || text_[marker.span.begin] == '[';
    if (!bracket_convention) {
      // Digits fused to words ("West1") are the convention only where no bracketed one is used.
      std::set<std::uint32_t> labels;
      for (const TextNote& note : notes_)
        if (!note.label.empty() && note.label.size() < 6 && std::isdigit(static_cast<unsigned char>(note.label[0])))
          labels.insert(static_cast<std::uint32_t>(std::stoul(note.label)));
      for (sdk::NoteRef& ref : detect_fused_markers(text_, ranges, labels)) markers.push_back({ref.span, ref.label});
    }
    for (std::size_t block : settle_notes(notes_, markers)) {
      Block& demoted = builder_.document().blocks[block];
      demoted.kind = BlockKind::paragraph;
      demoted.number.clear();
    }
    for (const TextNote& note : notes_) {
      builder_.document().blocks[note.block].number = note.label;
      builder_.add_note(note.label, note.span, note.body);
    }
    for (const TextMarker& marker : markers) builder_.add_note_ref(marker.span, marker.label);
    if (!notes_.empty() && notes_.front().label.rfind("part-", 0) == 0) builder_.set_metadata("note-labels", "qualified");
  }

 private:
  std::size_t next_content(std::size_t i) const {
    while (i < lines_.size() && (lines_[i].blank || is_directive(view(text_, lines_[i])))) ++i;
    return i;
  }
  bool blank_or_edge(std::size_t i) const { return i >= lines_.size() || lines_[i].blank || is_directive(view(text_, lines_[i])); }
  bool standalone(std::size_t i) const { return (i == 0 || blank_or_edge(i - 1)) && blank_or_edge(i + 1); }

  bool looks_like_title(std::size_t i) const {
    std::string_view line = view(text_, lines_[i]);
    return standalone(i) && code_points(line) <= 200 && bullet_content(line) == std::string_view::npos &&
           !is_notes_heading(line) && !ends_like_sentence(line);
  }

  void add(BlockKind kind, std::uint32_t begin, std::uint32_t end, int level = 0, std::string number = {}) {
    Span span = model::trim_span(text_, {begin, end});
    builder_.add_block({kind, span, level, std::move(number)});
  }

  // Extends a block over following non-blank lines that do not start another block.
  // Inside a note (`current_label` set), a line opens the next note only when its label is
  // bracketed or follows the current number closely: "1858. That ill-judged…" continues note 6.
  std::size_t continuation_end(std::size_t i, bool allow_labels, const std::string& current_label = {}) const {
    std::size_t j = i + 1;
    while (j < lines_.size() && !lines_[j].blank && !is_directive(view(text_, lines_[j]))) {
      std::string_view line = view(text_, lines_[j]);
      if (bullet_content(line) != std::string_view::npos) break;
      if (!allow_labels && symbol_note(line, skip_indent(line)) == 3) break;  // "‡ …" after "† …"
      if (!allow_labels) {
        if (auto label = parse_note_label(line, notes_mode_ != NotesHeading::none)) {
          // Bracketed and superscript labels cannot be a number starting a sentence.
          bool bracketed = !std::isdigit(static_cast<unsigned char>(line[label->label_begin]));
          long value = label->label.size() <= 4 ? std::stol(label->label) : 0;
          long current = !current_label.empty() && current_label.size() <= 4 && std::isdigit(static_cast<unsigned char>(current_label[0]))
                             ? std::stol(current_label) : -1;
          if (bracketed || current < 0 || (value > current && value <= current + 3)) break;
        }
      }
      std::size_t indent = skip_indent(line);
      if (parse_footnote_block(text_, lines_[j].begin + indent, text_.size())) break;
      if (is_notes_heading(line)) break;
      ++j;
    }
    return j;
  }

  // The length of a symbol note's label at `indent` ("† …", "‡ …", "* …", "** …"), or 0. An
  // asterisk line is a note, not a bullet, only under text that carries that asterisk fused to a
  // word or a stop ("…two sailings a day.*"), in the paragraph before or a note in between.
  std::size_t symbol_note(std::string_view content, std::size_t indent) const {
    std::size_t length = 0;
    if (content.compare(indent, 3, "\xE2\x80\xA0") == 0 || content.compare(indent, 3, "\xE2\x80\xA1") == 0) length = 3;
    else if (content.compare(indent, 3, "** ") == 0) length = 2;
    else if (content.compare(indent, 2, "* ") == 0) length = 1;
    if (length == 0 || indent + length >= content.size() || content[indent + length] != ' ') return 0;
    if (length == 3) return length;
    const auto& blocks = builder_.document().blocks;
    std::size_t b = blocks.size();
    while (b > 0 && blocks[b - 1].kind == BlockKind::note) --b;
    if (b == 0 || blocks[b - 1].kind != BlockKind::paragraph) return 0;
    std::string_view paragraph = builder_.document().slice(blocks[b - 1].span);
    std::string_view label = content.substr(indent, length);
    for (std::size_t at = paragraph.find(label); at != std::string_view::npos; at = paragraph.find(label, at + 1)) {
      std::size_t end = at + length;
      bool fused = at > 0 && paragraph[at - 1] != ' ' && paragraph[at - 1] != '\n' && paragraph[at - 1] != '*';
      bool free_after = end >= paragraph.size() || paragraph[end] == ' ' || paragraph[end] == '\n' || paragraph[end] == '\r';
      if (fused && free_after) return length;
    }
    return 0;
  }

  void add_note(std::string label, std::uint32_t label_begin, Span body, bool tentative) {
    builder_.add_block({BlockKind::note, body, 0, label});
    TextNote note;
    note.label = std::move(label);
    note.span = {label_begin, std::max(body.end, label_begin)};
    note.body = body;
    note.block = builder_.document().blocks.size() - 1;
    note.tentative = tentative;
    note.group = notes_mode_ == NotesHeading::bibliography ? notes_section_ : 0;
    notes_.push_back(std::move(note));
  }

  std::size_t parse_block(std::size_t i) {
    const Line& line = lines_[i];
    std::string_view content = view(text_, line);
    std::size_t indent = skip_indent(content);
    if (auto block = parse_footnote_block(text_, line.begin + indent, std::min<std::size_t>(text_.size(), line.begin + 20000))) {
      Span body = model::trim_span(text_, {static_cast<std::uint32_t>(block->body_begin), static_cast<std::uint32_t>(block->body_end)});
      footnote_blocks_.insert(line.begin + static_cast<std::uint32_t>(indent));
      add_note(block->label, line.begin + static_cast<std::uint32_t>(indent), body, false);
      std::size_t j = i;
      while (j < lines_.size() && lines_[j].end < block->end) ++j;
      return next_content(j + 1);
    }
    if (notes_mode_ != NotesHeading::none) {
      if (auto label = parse_note_label(content, true)) {
        std::size_t j = continuation_end(i, false, label->label);
        std::uint32_t label_begin = line.begin + static_cast<std::uint32_t>(label->label_begin);
        std::uint32_t body_begin = line.begin + static_cast<std::uint32_t>(label->body_begin);
        Span body = model::trim_span(text_, {body_begin, lines_[j - 1].end});
        if (body.begin > body.end) body = {body_begin, body_begin};
        add_note(label->label, label_begin, body, false);
        return next_content(j);
      }
    } else if (auto label = bracket_label(content, indent)) {
      // "[12] See the annex." after the paragraph that cites it.
      std::size_t after = label->second;
      if (after < content.size() && (content[after] == ' ' || content[after] == '\t')) {
        std::size_t body_offset = after;
        while (body_offset < content.size() && (content[body_offset] == ' ' || content[body_offset] == '\t')) ++body_offset;
        std::size_t j = continuation_end(i, false);
        std::uint32_t body_begin = line.begin + static_cast<std::uint32_t>(body_offset);
        Span body = model::trim_span(text_, {body_begin, lines_[j - 1].end});
        if (body.begin > body.end) body = {body_begin, body_begin};
        add_note(label->first, line.begin + static_cast<std::uint32_t>(indent), body, true);
        return next_content(j);
      }
    } else if (std::size_t length = symbol_note(content, indent)) {
      // "† Also printed in the annual report." under the paragraph that carries the dagger.
      std::size_t body_offset = indent + length;
      while (body_offset < content.size() && content[body_offset] == ' ') ++body_offset;
      std::size_t j = continuation_end(i, false);
      Span body = model::trim_span(text_, {line.begin + static_cast<std::uint32_t>(body_offset), lines_[j - 1].end});
      add_note(std::string(content.substr(indent, length)), line.begin + static_cast<std::uint32_t>(indent), body, true);
      return next_content(j);
    }
    NotesHeading heading = notes_heading_kind(content);
    bool entry_follows = i + 1 < lines_.size() && parse_note_label(view(text_, lines_[i + 1]), false).has_value();
    if (heading != NotesHeading::none && (standalone(i) || ((i == 0 || blank_or_edge(i - 1)) && entry_follows))) {
      add(BlockKind::heading, line.begin, line.end, 1);
      notes_mode_ = heading;
      ++notes_section_;
      return next_content(i + 1);
    }
    std::size_t bullet = bullet_content(content);
    if (bullet != std::string_view::npos) {
      int indent = 0;
      skip_indent(content, &indent);
      std::size_t j = continuation_end(i, true);
      add(BlockKind::list_item, line.begin + static_cast<std::uint32_t>(bullet), lines_[j - 1].end, indent >= 4 ? 2 : 1);
      return next_content(j);
    }
    std::string number;
    std::size_t text_begin = 0;
    int level = 0;
    if (section_number(content, number, text_begin, level)) {
      if (standalone(i) && !ends_like_sentence(content) && code_points(content) <= 200) {
        add(BlockKind::heading, line.begin, line.end, level, number);
        return next_content(i + 1);
      }
      if (level == 1) {
        std::size_t j = continuation_end(i, true);
        add(BlockKind::list_item, line.begin + static_cast<std::uint32_t>(text_begin), lines_[j - 1].end, 1, number);
        return next_content(j);
      }
    }
    if (standalone(i) && code_points(content) <= 80 && !ends_like_sentence(content) && starts_upper(content)) {
      add(BlockKind::heading, line.begin, line.end, 1);
      return next_content(i + 1);
    }
    std::size_t j = continuation_end(i, true);
    add(BlockKind::paragraph, line.begin, lines_[j - 1].end);
    return next_content(j);
  }

  std::string_view text_;
  model::DocumentBuilder& builder_;
  std::vector<Line> lines_;
  NotesHeading notes_mode_ = NotesHeading::none;
  int notes_section_ = 0;
  std::vector<TextNote> notes_;
  std::set<std::uint32_t> footnote_blocks_;  // where "[Footnote 12: …]" blocks start
};

}  // namespace

ReadResult read_plain_text(const ReaderInput& input) {
  model::DocumentBuilder builder(input.path, "text", make_source_map(input));
  const std::string& text = input.input.text;
  builder.append(text, 0);
  record_directives(find_plain_text_directives(text), builder);
  PlainTextParser parser(text, builder);
  parser.parse();
  parser.detect_markers();
  ReadResult result;
  result.document = builder.finish();
  return result;
}

}  // namespace marginalia::readers
