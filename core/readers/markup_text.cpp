// SPDX-License-Identifier: MIT
#include "readers/markup_text.hpp"

#include "marginalia/sdk/text.hpp"
#include <algorithm>

namespace marginalia::readers {
namespace {

bool is_markup_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool is_name_char(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_' || u == '-' || u == '.' ||
         u == ':' || u >= 0x80;
}

// Characters XML 1.0 forbids, or that the document model never holds, become U+FFFD.
char32_t sanitize(char32_t c) {
  if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F || c == 0xFFFE || c == 0xFFFF) return 0xFFFD;
  if (c >= 0xD800 && c <= 0xDFFF) return 0xFFFD;
  return c;
}

}  // namespace

char32_t decode_xml_reference(std::string_view body) {
  if (body == "amp") return '&';
  if (body == "lt") return '<';
  if (body == "gt") return '>';
  if (body == "quot") return '"';
  if (body == "apos") return '\'';
  if (body.size() < 2 || body[0] != '#') return 0;
  bool hex = body[1] == 'x' || body[1] == 'X';
  std::size_t i = hex ? 2 : 1;
  if (i >= body.size() || body.size() - i > 8) return 0;
  std::uint32_t value = 0;
  for (; i < body.size(); ++i) {
    char c = body[i];
    int digit = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (digit < 0) return 0;
    value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
    if (value > 0x10FFFF) return 0;
  }
  return value == 0 ? 0xFFFD : sanitize(value);
}


std::string collapse_space(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (is_markup_space(c)) { space = !out.empty(); continue; }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

MarkupText::MarkupText(model::DocumentBuilder& builder, bool collapse) : builder_(builder), collapse_(collapse) {}

void MarkupText::begin_block(sdk::BlockKind kind, int level, std::string number) {
  end_block();
  builder_.separate_blocks();
  builder_.begin_block(kind, level, std::move(number));
  in_block_ = true;
  has_text_ = false;
}

void MarkupText::end_block() {
  pending_ = TextBreak::none;
  if (!in_block_) return;
  builder_.end_block();
  in_block_ = false;
  has_text_ = false;
}

void MarkupText::request_break(TextBreak kind, std::uint32_t raw_begin, std::uint32_t raw_length) {
  if (!has_text_ || kind <= pending_) return;
  if (pending_ == TextBreak::none) {
    pending_begin_ = raw_begin;
    pending_length_ = raw_length;
  }
  pending_ = kind;
}

void MarkupText::flush_break() {
  switch (pending_) {
    case TextBreak::none: return;
    case TextBreak::space: builder_.append_replacing(" ", pending_begin_, std::max<std::uint32_t>(pending_length_, 1)); break;
    case TextBreak::line: builder_.append_replacing("\n", pending_begin_, std::max<std::uint32_t>(pending_length_, 1)); break;
    case TextBreak::paragraph: builder_.append_synthetic("\n\n"); break;
  }
  pending_ = TextBreak::none;
}

void MarkupText::append_verbatim(std::string_view input, std::uint32_t begin, std::uint32_t end) {
  if (begin >= end) return;
  flush_break();
  builder_.append(input.substr(begin, end - begin), begin);
  has_text_ = true;
}

sdk::Span MarkupText::append_atom(std::string_view text, std::uint32_t raw_begin, std::uint32_t raw_length) {
  if (text.empty()) return {offset(), offset()};
  flush_break();
  std::uint32_t begin = offset();
  builder_.append_replacing(text, raw_begin, std::max<std::uint32_t>(raw_length, 1));
  has_text_ = true;
  return {begin, offset()};
}

void MarkupText::append_decoded_reference(std::string_view input, std::uint32_t begin, std::uint32_t& cursor, std::uint32_t end) {
  // `begin` is the '&'; names longer than this are not references anyone writes.
  std::uint32_t limit = std::min<std::uint32_t>(end, begin + 40);
  std::uint32_t semicolon = begin + 1;
  while (semicolon < limit && input[semicolon] != ';' && (is_name_char(input[semicolon]) || input[semicolon] == '#')) ++semicolon;
  if (semicolon >= limit || input[semicolon] != ';' || semicolon == begin + 1) {
    append_verbatim(input, begin, begin + 1);  // a bare '&' (HTML-style), kept as written
    cursor = begin + 1;
    return;
  }
  std::string_view body = input.substr(begin + 1, semicolon - begin - 1);
  std::uint32_t length = semicolon + 1 - begin;
  cursor = semicolon + 1;
  char32_t c = decode_xml_reference(body);
  if (c == 0) {
    flush_break();
    std::uint32_t at = offset();
    append_verbatim(input, begin, cursor);
    UnexpandedEntity& entry = entities_[std::string(body)];
    if (entry.count++ == 0) {
      entry.name = std::string(body);
      entry.first = {at, at + length};
    }
    return;
  }
  if (collapse_ && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
    request_break(TextBreak::space, begin, length);
    return;
  }
  std::string decoded;
  sdk::append_utf8(decoded, c);
  append_atom(decoded, begin, length);
}

void MarkupText::append_source(std::string_view input, std::uint32_t begin, std::uint32_t end, bool decode) {
  end = std::min<std::uint32_t>(end, static_cast<std::uint32_t>(input.size()));
  std::uint32_t i = begin;
  while (i < end) {
    char c = input[i];
    if (collapse_ && is_markup_space(c)) {
      std::uint32_t run = i;
      while (run < end && is_markup_space(input[run])) ++run;
      if (run - i == 1 && c == ' ' && has_text_ && pending_ == TextBreak::none) {
        pending_ = TextBreak::space;  // a lone space maps byte for byte
        pending_begin_ = i;
        pending_length_ = 1;
      } else {
        request_break(TextBreak::space, i, run - i);
      }
      i = run;
      continue;
    }
    if (decode && c == '&') {
      append_decoded_reference(input, i, i, end);
      continue;
    }
    std::uint32_t run = i;
    while (run < end && !(collapse_ && is_markup_space(input[run])) && !(decode && input[run] == '&')) ++run;
    append_verbatim(input, i, run);
    i = run;
  }
}

void MarkupText::append_parsed(std::string_view text, std::string_view input, std::uint32_t raw_begin, std::uint32_t raw_end) {
  if (text.empty()) return;
  raw_end = std::min<std::uint32_t>(raw_end, static_cast<std::uint32_t>(input.size()));
  raw_begin = std::min(raw_begin, raw_end);
  if (input.substr(raw_begin, raw_end - raw_begin) == text) {
    append_source(input, raw_begin, raw_end, false);
    return;
  }
  std::uint32_t length = raw_end - raw_begin;
  bool leading = collapse_ && is_markup_space(text.front());
  bool trailing = collapse_ && is_markup_space(text.back());
  std::string body = collapse_ ? collapse_space(text) : std::string(text);
  if (leading) request_break(TextBreak::space, raw_begin, length);
  append_atom(body, raw_begin, length);
  if (trailing && !body.empty()) request_break(TextBreak::space, raw_end > 0 ? raw_end - 1 : 0, 1);
}

void BlockFlow::open(sdk::BlockKind kind, int level, std::string number) {
  if (in_note_) { text_.request_break(TextBreak::paragraph, 0, 0); return; }
  if (kind == sdk::BlockKind::paragraph && !stack_.empty()) {
    kind = stack_.back().kind;
    level = stack_.back().level;
  }
  text_.begin_block(kind, level, std::move(number));
  stack_.push_back({kind, level});
  implicit_ = false;
}

void BlockFlow::close() {
  if (in_note_) { text_.request_break(TextBreak::paragraph, 0, 0); return; }
  text_.end_block();
  if (!stack_.empty()) stack_.pop_back();
}

void BlockFlow::container_boundary() {
  if (!in_note_ && implicit_ && stack_.empty()) text_.end_block();
  implicit_ = false;
}

void BlockFlow::ensure() {
  if (in_note_ || text_.in_block()) return;
  if (!stack_.empty()) {
    text_.begin_block(stack_.back().kind, stack_.back().level);
    return;
  }
  text_.begin_block(sdk::BlockKind::paragraph);
  implicit_ = true;
}

void BlockFlow::begin_note(std::string label) {
  text_.end_block();
  stack_.clear();
  implicit_ = false;
  text_.begin_block(sdk::BlockKind::note, 0, std::move(label));
  in_note_ = true;
}

void BlockFlow::end_note() {
  in_note_ = false;
  text_.end_block();
}

std::vector<UnexpandedEntity> MarkupText::unexpanded_entities() const {
  std::vector<UnexpandedEntity> out;
  for (const auto& entry : entities_) out.push_back(entry.second);
  std::sort(out.begin(), out.end(), [](const UnexpandedEntity& a, const UnexpandedEntity& b) { return a.first.begin < b.first.begin; });
  return out;
}

}  // namespace marginalia::readers
