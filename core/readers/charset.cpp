// SPDX-License-Identifier: MIT
#include "readers/charset.hpp"

#include <iconv.h>

#include <cctype>
#include <cerrno>

namespace marginalia::readers {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::optional<std::string> convert(std::string_view bytes, const char* from, const char* to = "UTF-8") {
  iconv_t cd = iconv_open(to, from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out;
  out.resize(bytes.size() * 4 + 16);
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* dest = out.data();
  std::size_t out_left = out.size();
  std::size_t done = iconv(cd, &in, &in_left, &dest, &out_left);
  iconv_close(cd);
  if (done == static_cast<std::size_t>(-1) || in_left != 0) return std::nullopt;
  out.resize(out.size() - out_left);
  return out;
}

}  // namespace

std::optional<std::string> declared_html_charset(std::string_view bytes) {
  std::string head = lower(bytes.substr(0, 4096));
  for (std::size_t at = head.find("charset"); at != std::string::npos; at = head.find("charset", at + 7)) {
    // Only inside a <meta> element (or the XML declaration's encoding, handled by libxml2).
    std::size_t tag = head.rfind('<', at);
    if (tag == std::string::npos || head.compare(tag, 5, "<meta") != 0 || head.find('>', tag) < at) continue;
    std::size_t pos = at + 7;
    while (pos < head.size() && (head[pos] == ' ' || head[pos] == '=' || head[pos] == '"' || head[pos] == '\'')) ++pos;
    std::size_t end = pos;
    while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) || head[end] == '-' || head[end] == '_' ||
                                 head[end] == ':' || head[end] == '.'))
      ++end;
    if (end > pos) return head.substr(pos, end - pos);
  }
  return std::nullopt;
}

namespace {

// The labels browsers read as windows-1252.
bool is_western(const std::string& name) {
  return name == "iso-8859-1" || name == "iso8859-1" || name == "latin1" || name == "latin-1" || name == "us-ascii" || name == "ascii" ||
         name == "windows-1252" || name == "cp1252";
}

}  // namespace

std::optional<std::string> decode_to_utf8(std::string_view bytes, const std::string& charset) {
  std::string name = lower(charset);
  if (is_western(name)) {
    if (auto decoded = convert(bytes, "WINDOWS-1252")) return decoded;
    return convert(bytes, "ISO-8859-1");  // bytes windows-1252 leaves undefined
  }
  if (name.size() > 40) return std::nullopt;
  return convert(bytes, name.c_str());
}

std::optional<std::string> encode_from_utf8(std::string_view text, const std::string& charset) {
  std::string name = lower(charset);
  if (is_western(name)) {
    if (auto encoded = convert(text, "UTF-8", "WINDOWS-1252")) return encoded;
    return convert(text, "UTF-8", "ISO-8859-1");
  }
  if (name.size() > 40) return std::nullopt;
  return convert(text, "UTF-8", name.c_str());
}

}  // namespace marginalia::readers
