// SPDX-License-Identifier: MIT
#include "token.hpp"

#include <algorithm>

#include <marginalia/sdk/text.hpp>
#include <marginalia/sdk/unicode.hpp>

namespace marginalia::plugins::dates {

void tokenize(std::string_view text, sdk::Span range, const std::vector<sdk::Span>& note_refs, std::vector<Token>& out) {
  out.clear();
  auto next_ref = std::lower_bound(note_refs.begin(), note_refs.end(), range.begin,
                                   [](const sdk::Span& s, std::uint32_t at) { return s.end <= at; });
  std::size_t pos = range.begin;
  const std::size_t end = std::min<std::size_t>(range.end, text.size());
  bool space = false, newline = false;
  auto push = [&](Token t) {
    t.space_before = space;
    t.newline_before = newline;
    space = newline = false;
    out.push_back(t);
  };
  while (pos < end) {
    if (next_ref != note_refs.end() && pos >= next_ref->begin) {
      if (pos < next_ref->end) {
        Token t;
        t.kind = TokenKind::note_ref;
        t.begin = static_cast<std::uint32_t>(pos);
        t.end = std::min<std::uint32_t>(next_ref->end, static_cast<std::uint32_t>(end));
        push(t);
        pos = t.end;
      }
      ++next_ref;
      continue;
    }
    const std::size_t stop = next_ref != note_refs.end() ? std::min<std::size_t>(end, next_ref->begin) : end;
    unsigned char byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      if (byte == ' ' || byte == '\t' || byte == '\r' || byte == '\f' || byte == '\v') { space = true; ++pos; continue; }
      if (byte == '\n') { space = newline = true; ++pos; continue; }
      if (byte >= '0' && byte <= '9') {
        Token t;
        t.kind = TokenKind::number;
        t.begin = static_cast<std::uint32_t>(pos);
        std::uint32_t value = 0;
        unsigned digits = 0;
        while (pos < stop && text[pos] >= '0' && text[pos] <= '9') {
          if (digits < 9) value = value * 10 + static_cast<std::uint32_t>(text[pos] - '0');
          ++digits;
          ++pos;
        }
        t.end = static_cast<std::uint32_t>(pos);
        t.value = value;
        t.digits = static_cast<std::uint8_t>(std::min(digits, 255u));
        push(t);
        continue;
      }
      bool letter = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z');
      if (!letter) {
        Token t;
        t.kind = TokenKind::punct;
        t.begin = static_cast<std::uint32_t>(pos);
        t.end = static_cast<std::uint32_t>(pos + 1);
        t.value = byte;
        push(t);
        ++pos;
        continue;
      }
    }
    std::size_t at = pos;
    char32_t c = sdk::next_code_point(text, at);
    if (sdk::is_space(c)) { space = true; if (c == 0x2028 || c == 0x2029) newline = true; pos = at; continue; }
    if (!sdk::unicode::is_letter(c)) {
      Token t;
      t.kind = TokenKind::punct;
      t.begin = static_cast<std::uint32_t>(pos);
      t.end = static_cast<std::uint32_t>(at);
      t.value = static_cast<std::uint32_t>(c);
      push(t);
      pos = at;
      continue;
    }
    Token t;
    t.kind = TokenKind::word;
    t.begin = static_cast<std::uint32_t>(pos);
    t.upper = sdk::unicode::is_upper(c);
    bool ascii = c < 0x80;
    pos = at;
    while (pos < stop) {
      unsigned char b = static_cast<unsigned char>(text[pos]);
      if (b < 0x80) {
        if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) { ++pos; continue; }
        break;
      }
      std::size_t probe = pos;
      char32_t d = sdk::next_code_point(text, probe);
      if (!sdk::unicode::is_letter(d)) break;
      ascii = false;
      pos = probe;
    }
    t.end = static_cast<std::uint32_t>(pos);
    t.ascii = ascii;
    if (ascii) t.word = lookup_word(text.substr(t.begin, t.end - t.begin));
    push(t);
  }
}

}  // namespace marginalia::plugins::dates
