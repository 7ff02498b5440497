// SPDX-License-Identifier: MIT
#include "input/charset.hpp"

#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <cerrno>

namespace marginalia::input {
namespace {

// The value after "charset=" (or "encoding=") at `at`, quotes stripped.
std::string label_at(const std::string& text, std::size_t at) {
  while (at < text.size() && (text[at] == '"' || text[at] == '\'' || text[at] == ' ')) ++at;
  std::size_t end = at;
  while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '-' || text[end] == '_' ||
                               text[end] == ':' || text[end] == '.'))
    ++end;
  return text.substr(at, end - at);
}

std::string bom_charset(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return "utf-8";
  if (bytes.substr(0, 2) == "\xFF\xFE") return "utf-16le";
  if (bytes.substr(0, 2) == "\xFE\xFF") return "utf-16be";
  return {};
}

std::size_t bom_length(std::string_view bytes, const std::string& charset) {
  if (charset == "utf-8" && bytes.substr(0, 3) == "\xEF\xBB\xBF") return 3;
  if ((charset == "utf-16le" && bytes.substr(0, 2) == "\xFF\xFE") || (charset == "utf-16be" && bytes.substr(0, 2) == "\xFE\xFF"))
    return 2;
  return 0;
}

// The name iconv knows for a label, with the aliases browsers apply.
std::string iconv_name(std::string label) {
  if (label == "latin1" || label == "iso-8859-1" || label == "iso8859-1" || label == "us-ascii" || label == "ascii" ||
      label == "cp1252" || label == "x-cp1252" || label == "windows-1252" || label == "l1")
    return "WINDOWS-1252";
  if (label == "x-sjis" || label == "sjis" || label == "ms_kanji" || label == "shift-jis") return "SHIFT_JIS";
  if (label == "utf-16") return "UTF-16LE";  // without a BOM, as browsers read it
  if (label == "gb2312" || label == "x-gbk") return "GBK";
  return label;
}

bool is_utf8(const std::string& label) { return label == "utf-8" || label == "utf8" || label == "unicode-1-1-utf-8"; }

bool valid(std::string_view bytes) { return valid_utf8(bytes).size() == bytes.size(); }

// Converts through iconv; false when iconv does not know the charset.
bool convert(std::string_view bytes, const std::string& name, std::string& out) {
  iconv_t cd = ::iconv_open("UTF-8", name.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out.clear();
  out.reserve(bytes.size() * 3 / 2 + 16);
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char buffer[16384];
  while (in_left > 0) {
    char* to = buffer;
    std::size_t to_left = sizeof buffer;
    std::size_t rc = ::iconv(cd, &in, &in_left, &to, &to_left);
    out.append(buffer, static_cast<std::size_t>(to - buffer));
    if (rc != static_cast<std::size_t>(-1)) continue;
    if (errno == E2BIG) continue;
    out += "\xEF\xBF\xBD";  // EILSEQ: a byte the charset does not define; EINVAL: cut at the end
    if (errno == EINVAL) break;
    ++in;
    --in_left;
    ::iconv(cd, nullptr, nullptr, nullptr, nullptr);  // back to the initial shift state
  }
  char* to = buffer;
  std::size_t to_left = sizeof buffer;
  ::iconv(cd, nullptr, nullptr, &to, &to_left);
  out.append(buffer, static_cast<std::size_t>(to - buffer));
  ::iconv_close(cd);
  return true;
}

}  // namespace

std::string declared_charset(std::string_view bytes, std::string_view content_type, bool markup) {
  if (std::string bom = bom_charset(bytes); !bom.empty()) return bom;
  std::string type = lower_copy(content_type);
  if (std::size_t at = type.find("charset="); at != std::string::npos) {
    std::string label = label_at(type, at + 8);
    if (!label.empty()) return label;
  }
  if (!markup) return {};
  std::string head = lower_copy(bytes.substr(0, std::min<std::size_t>(bytes.size(), 2048)));
  if (head.rfind("<?xml", 0) == 0) {
    std::size_t end = head.find("?>");
    std::size_t at = head.find("encoding=");
    if (at != std::string::npos && at < end) return label_at(head, at + 9);
  }
  // <meta charset="…"> or <meta http-equiv="Content-Type" content="text/html; charset=…">
  for (std::size_t meta = head.find("<meta"); meta != std::string::npos; meta = head.find("<meta", meta + 5)) {
    std::size_t end = head.find('>', meta);
    std::size_t at = head.find("charset=", meta);
    if (at != std::string::npos && (end == std::string::npos || at < end)) return label_at(head, at + 8);
  }
  return {};
}

std::string to_utf8(std::string_view bytes, std::string_view charset) {
  std::string label = lower_copy(charset);
  bytes.remove_prefix(bom_length(bytes, label));
  if (is_utf8(label)) return valid_utf8(bytes);
  std::string out;
  if (!label.empty() && convert(bytes, iconv_name(label), out)) return out;
  if (valid(bytes)) return std::string(bytes);
  convert(bytes, "WINDOWS-1252", out);
  return out;
}

std::string valid_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  std::size_t i = 0;
  while (i < bytes.size()) {
    auto lead = static_cast<unsigned char>(bytes[i]);
    std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    bool ok = length > 0 && i + length <= bytes.size();
    char32_t value = length == 1 ? lead : length == 2 ? lead & 0x1F : length == 3 ? lead & 0x0F : lead & 0x07;
    for (std::size_t k = 1; ok && k < length; ++k) {
      auto next = static_cast<unsigned char>(bytes[i + k]);
      ok = (next & 0xC0) == 0x80;
      value = (value << 6) | (next & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid too.
    if (ok && ((length == 2 && value < 0x80) || (length == 3 && value < 0x800) || (length == 4 && value < 0x10000) ||
               (value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF))
      ok = false;
    if (!ok) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    out.append(bytes.substr(i, length));
    i += length;
  }
  return out;
}

std::string lower_copy(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace marginalia::input
