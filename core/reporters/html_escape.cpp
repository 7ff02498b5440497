// SPDX-License-Identifier: MIT
#include "reporters/html_escape.hpp"

#include "marginalia/sdk/text.hpp"

namespace marginalia::reporters::html {
namespace {

const char kReplacement[] = "\xEF\xBF\xBD";

// Length of the well-formed UTF-8 sequence at `pos`, or 0 (overlong, surrogate, > U+10FFFF, cut).
std::size_t sequence_length(std::string_view text, std::size_t pos) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(pos);
  std::size_t length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
  if (length == 0 || pos + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i)
    if ((byte(pos + i) & 0xC0) != 0x80) return 0;
  unsigned char second = byte(pos + 1);
  if (lead == 0xE0 && second < 0xA0) return 0;  // overlong
  if (lead == 0xED && second > 0x9F) return 0;  // surrogate
  if (lead == 0xF0 && second < 0x90) return 0;  // overlong
  if (lead == 0xF4 && second > 0x8F) return 0;  // above U+10FFFF
  if (lead == 0xEF && second == 0xBF && byte(pos + 2) >= 0xBE) return 0;  // U+FFFE, U+FFFF
  return length;
}

}  // namespace

void append_escaped(std::string& out, std::string_view text) {
  std::size_t run = 0;  // start of the bytes copied unchanged
  auto flush = [&](std::size_t pos) { out.append(text.data() + run, pos - run); };
  for (std::size_t pos = 0; pos < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[pos]);
    if (c >= 0x80) {
      std::size_t length = sequence_length(text, pos);
      if (length) { pos += length; continue; }
      flush(pos);
      out += kReplacement;
      run = ++pos;
      continue;
    }
    const char* replacement = nullptr;
    switch (c) {
      case '&': replacement = "&amp;"; break;
      case '<': replacement = "&lt;"; break;
      case '>': replacement = "&gt;"; break;
      case '"': replacement = "&quot;"; break;
      case '\'': replacement = "&#39;"; break;
      case '\t': case '\n': break;
      default:
        if (c < 0x20 || c == 0x7F) replacement = kReplacement;
    }
    if (!replacement) { ++pos; continue; }
    flush(pos);
    out += replacement;
    run = ++pos;
  }
  flush(text.size());
}

void append_markup(std::string& out, std::initializer_list<std::string_view> pieces) {
  bool text = false;
  for (std::string_view piece : pieces) {
    if (text) append_escaped(out, piece);
    else out.append(piece);
    text = !text;
  }
}

std::string escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  append_escaped(out, text);
  return out;
}

bool is_web_url(std::string_view target) {
  auto starts_with = [&](std::string_view prefix) {
    if (target.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
      char c = target[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != prefix[i]) return false;
    }
    return true;
  };
  std::size_t scheme = starts_with("https://") ? 8 : starts_with("http://") ? 7 : 0;
  if (scheme == 0 || target.size() == scheme) return false;
  for (char c : target)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return false;
  return true;
}

std::string excerpt(std::string_view text, std::size_t max_code_points) {
  std::size_t pos = 0, count = 0;
  while (pos < text.size() && count < max_code_points) {
    sdk::next_code_point(text, pos);
    ++count;
  }
  if (pos >= text.size()) return std::string(text);
  return std::string(text.substr(0, pos)) + "\xE2\x80\xA6";
}

}  // namespace marginalia::reporters::html
