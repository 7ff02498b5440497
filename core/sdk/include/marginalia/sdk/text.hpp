// SPDX-License-Identifier: MIT
/// @file text.hpp
/// Small UTF-8 helpers every scanner needs; header-only, no allocation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "marginalia/sdk/version.hpp"

namespace marginalia::sdk {
inline namespace MARGINALIA_SDK_NAMESPACE {

/// Decodes the code point starting at byte `pos` of `text` (valid UTF-8, as in a Document) and
/// advances `pos` past it. Returns U+FFFD and advances one byte on a malformed sequence.
inline char32_t next_code_point(std::string_view text, std::size_t& pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(pos);
  if (lead < 0x80) { ++pos; return lead; }
  std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  if (length == 0 || pos + length > text.size()) { ++pos; return 0xFFFD; }
  char32_t value = lead & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i) {
    unsigned char continuation = byte(pos + i);
    if ((continuation & 0xC0) != 0x80) { ++pos; return 0xFFFD; }
    value = (value << 6) | (continuation & 0x3F);
  }
  pos += length;
  return value;
}

/// Decodes the code point that ends just before byte `pos` and moves `pos` to its start.
/// Returns 0 at the start of the text.
inline char32_t previous_code_point(std::string_view text, std::size_t& pos) {
  if (pos == 0) return 0;
  std::size_t start = pos - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80 && pos - start < 4) --start;
  std::size_t cursor = start;
  char32_t value = next_code_point(text, cursor);
  pos = start;
  return value;
}

/// Number of bytes the UTF-8 encoding of `c` takes.
constexpr std::size_t utf8_length(char32_t c) {
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

/// Appends the UTF-8 encoding of `c` to `out`; NUL, surrogates and values above U+10FFFF are
/// written as U+FFFD, so the result is always valid UTF-8.
template <class String>
inline void append_utf8(String& out, char32_t c) {
  if (c == 0 || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) c = 0xFFFD;
  using Char = typename String::value_type;
  if (c < 0x80) {
    out.push_back(static_cast<Char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<Char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<Char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<Char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<Char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<Char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<Char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<Char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<Char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<Char>(0x80 | (c & 0x3F)));
  }
}

/// True for ASCII digits.
constexpr bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }

/// True for white space, including NBSP (U+00A0), narrow NBSP and the Unicode spaces.
constexpr bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

/// True for letters: ASCII, Latin-1 and Latin Extended, Greek, Cyrillic, and any code point at
/// or above U+0370 that is not punctuation, a symbol or a space in the common blocks.
constexpr bool is_letter(char32_t c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  if (c < 0xC0) return false;
  if (c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, symbols, arrows, math
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
  if (c >= 0xFE30 && c <= 0xFE4F) return false;
  if (c >= 0xFF00 && c <= 0xFF20) return false;
  return true;
}

/// True for upper-case ASCII and Latin-1 letters and basic Greek and Cyrillic capitals; "Ł" and
/// "Š" are not among them: for names and sentence starts use unicode::is_upper (unicode.hpp).
constexpr bool is_upper(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
         (c >= 0x391 && c <= 0x3A9) || (c >= 0x410 && c <= 0x42F);
}

/// True for lower-case ASCII and Latin-1 letters and basic Greek and Cyrillic ones (see is_upper).
constexpr bool is_lower(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7) ||
         (c >= 0x3B1 && c <= 0x3C9) || (c >= 0x430 && c <= 0x44F);
}

}  // namespace MARGINALIA_SDK_NAMESPACE
}  // namespace marginalia::sdk
