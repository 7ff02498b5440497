// SPDX-License-Identifier: MIT
#include "model/text_normalizer.hpp"

#include <algorithm>
#include <cstring>
#include <string>

namespace marginalia::model {
namespace {

bool starts_with(std::string_view bytes, std::string_view prefix) {
  return bytes.size() >= prefix.size() && std::memcmp(bytes.data(), prefix.data(), prefix.size()) == 0;
}

std::string hex_byte(unsigned char b) {
  static const char* digits = "0123456789ABCDEF";
  return std::string{digits[b >> 4], digits[b & 15]};
}

// Magic numbers of formats people mistake for reports (the DOCX reader handles ZIP itself).
const char* binary_format(std::string_view bytes) {
  if (starts_with(bytes, "%PDF-")) return "PDF";
  if (starts_with(bytes, "\x89PNG")) return "PNG image";
  if (starts_with(bytes, "GIF8")) return "GIF image";
  if (starts_with(bytes, "\xFF\xD8\xFF")) return "JPEG image";
  if (starts_with(bytes, "\x7F" "ELF")) return "ELF executable";
  if (starts_with(bytes, "PK\x03\x04")) return "ZIP archive";
  if (starts_with(bytes, "\x1F\x8B")) return "gzip archive";
  if (starts_with(bytes, "\xD0\xCF\x11\xE0")) return "legacy Office document";
  return nullptr;
}

// "little-endian" or "big-endian" when the bytes look like UTF-16 without a byte-order mark:
// ASCII-range text in UTF-16 puts a NUL in nearly every other byte, always at the same parity.
const char* utf16_without_bom(std::string_view bytes) {
  std::size_t probe = std::min<std::size_t>(bytes.size(), 65536) & ~std::size_t{1}, even = 0, odd = 0;
  if (probe < 4) return nullptr;
  for (std::size_t i = 0; i < probe; i += 2) {
    even += bytes[i] == '\0';
    odd += bytes[i + 1] == '\0';
  }
  std::size_t pairs = probe / 2;
  if (odd * 10 >= pairs * 4 && even * 20 <= pairs) return "little-endian";
  if (even * 10 >= pairs * 4 && odd * 20 <= pairs) return "big-endian";
  return nullptr;
}

}  // namespace

std::size_t find_invalid_utf8(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t n = bytes.size(), i = 0;
  while (i < n) {
    // Fast path: eight ASCII bytes at a time.
    if (i + 8 <= n) {
      std::uint64_t chunk;
      std::memcpy(&chunk, p + i, 8);
      if ((chunk & 0x8080808080808080ULL) == 0) { i += 8; continue; }
    }
    unsigned char c = p[i];
    if (c < 0x80) { ++i; continue; }
    std::size_t length;
    unsigned char low = 0x80, high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) length = 2;
    else if (c == 0xE0) { length = 3; low = 0xA0; }
    else if (c == 0xED) { length = 3; high = 0x9F; }  // no UTF-16 surrogates
    else if (c >= 0xE1 && c <= 0xEF) length = 3;
    else if (c == 0xF0) { length = 4; low = 0x90; }
    else if (c >= 0xF1 && c <= 0xF3) length = 4;
    else if (c == 0xF4) { length = 4; high = 0x8F; }  // nothing above U+10FFFF
    else return i;
    if (i + length > n) return i;
    if (p[i + 1] < low || p[i + 1] > high) return i;
    for (std::size_t k = 2; k < length; ++k)
      if ((p[i + k] & 0xC0) != 0x80) return i;
    i += length;
  }
  return std::string_view::npos;
}

std::string make_valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    std::size_t bad = find_invalid_utf8(text);
    if (bad == std::string_view::npos) { out.append(text); break; }
    out.append(text.substr(0, bad));
    out += "\xEF\xBF\xBD";
    text.remove_prefix(bad + 1);
  }
  return out;
}

NormalizeResult normalize_input(std::string_view bytes) {
  NormalizeResult result;
  if (starts_with(bytes, std::string_view("\xFF\xFE\x00\x00", 4)) || starts_with(bytes, std::string_view("\x00\x00\xFE\xFF", 4))) {
    result.error = {0, "reader/unsupported-encoding", "the file is UTF-32 (byte-order mark at the start); save it as UTF-8"};
    return result;
  }
  if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) {
    result.error = {0, "reader/unsupported-encoding", "the file is UTF-16 (byte-order mark at the start); save it as UTF-8"};
    return result;
  }
  if (const char* order = utf16_without_bom(bytes)) {
    result.error = {0, "reader/unsupported-encoding",
                    std::string("the file looks like UTF-16 (") + order + ", without a byte-order mark); save it as UTF-8"};
    return result;
  }
  if (const char* format = binary_format(bytes)) {
    result.error = {0, "reader/binary-file", std::string("the file is binary (") + format + "), not a text report"};
    return result;
  }
  std::size_t probe = std::min<std::size_t>(bytes.size(), 65536), nuls = 0;
  for (std::size_t i = 0; i < probe; ++i) nuls += bytes[i] == '\0';
  if (nuls >= 4 && nuls * 100 > probe) {  // a stray NUL in a text is replaced, not fatal
    result.error = {static_cast<std::uint64_t>(bytes.find('\0')), "reader/binary-file",
                    "the file is binary (" + std::to_string(nuls) + " NUL bytes in its first " + std::to_string(probe) + "), not a text report"};
    return result;
  }
  std::size_t invalid = find_invalid_utf8(bytes);
  if (invalid != std::string_view::npos) {
    std::string shown;
    for (std::size_t k = invalid; k < std::min(bytes.size(), invalid + 4); ++k)
      shown += (shown.empty() ? "" : " ") + hex_byte(static_cast<unsigned char>(bytes[k]));
    result.error = {invalid, "reader/invalid-utf8",
                    "invalid UTF-8 at byte " + std::to_string(invalid) + " (bytes " + shown +
                        "); the file may be Latin-1 or Windows-1252: save it as UTF-8"};
    return result;
  }

  NormalizedInput& out = result.input;
  out.text.reserve(bytes.size());
  std::size_t i = starts_with(bytes, "\xEF\xBB\xBF") ? 3 : 0;
  auto add_break = [&](std::size_t source) {
    out.breaks.emplace_back(static_cast<std::uint32_t>(out.text.size()), static_cast<std::uint32_t>(source));
  };
  add_break(i);
  while (i < bytes.size()) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c == '\r') {
      out.text.push_back('\n');
      if (i + 1 < bytes.size() && bytes[i + 1] == '\n') { i += 2; add_break(i); }
      else ++i;
      continue;
    }
    bool control = (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F;
    bool nonchar = c == 0xEF && i + 2 < bytes.size() && static_cast<unsigned char>(bytes[i + 1]) == 0xBF &&
                   (static_cast<unsigned char>(bytes[i + 2]) == 0xBE || static_cast<unsigned char>(bytes[i + 2]) == 0xBF);
    if (control || nonchar) {
      char32_t original = control ? c : (static_cast<unsigned char>(bytes[i + 2]) == 0xBE ? 0xFFFE : 0xFFFF);
      out.replaced.emplace_back(static_cast<std::uint32_t>(out.text.size()), original);
      out.text += "\xEF\xBF\xBD";
      i += control ? 1 : 3;
      add_break(i);
      continue;
    }
    out.text.push_back(static_cast<char>(c));
    ++i;
  }
  result.ok = true;
  return result;
}

}  // namespace marginalia::model
