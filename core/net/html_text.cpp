// SPDX-License-Identifier: MIT
#include "net/html_text.hpp"

#include "marginalia/sdk/text.hpp"
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>

namespace marginalia::net {
namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool starts_with_nocase(std::string_view text, std::size_t at, std::string_view prefix) {
  if (at + prefix.size() > text.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (lower(text[at + i]) != prefix[i]) return false;
  return true;
}


struct NamedEntity {
  const char* name;
  char32_t code;
};

// The entities that carry meaning in running text; others are kept literally.
constexpr NamedEntity named_entities[] = {
    {"amp", '&'},      {"lt", '<'},         {"gt", '>'},       {"quot", '"'},     {"apos", '\''},   {"nbsp", ' '},
    {"ndash", 0x2013}, {"mdash", 0x2014},   {"hellip", 0x2026}, {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"sbquo", 0x201A},
    {"ldquo", 0x201C}, {"rdquo", 0x201D},   {"bdquo", 0x201E}, {"laquo", 0xAB},   {"raquo", 0xBB},  {"lsaquo", 0x2039},
    {"rsaquo", 0x203A}, {"copy", 0xA9},     {"reg", 0xAE},     {"trade", 0x2122}, {"euro", 0x20AC}, {"pound", 0xA3},
    {"sect", 0xA7},    {"para", 0xB6},      {"deg", 0xB0},     {"middot", 0xB7},  {"bull", 0x2022}, {"times", 0xD7},
    {"shy", 0},        {"zwj", 0},          {"zwnj", 0},       {"thinsp", 0x2009}, {"ensp", 0x2002}, {"emsp", 0x2003},
};

// Decodes the entity at `at` (text[at] == '&'); returns the bytes consumed, 0 if none.
std::size_t decode_entity(std::string_view text, std::size_t at, std::string& out) {
  std::size_t end = at + 1;
  while (end < text.size() && end - at < 34 && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '#')) ++end;
  if (end >= text.size() || text[end] != ';' || end == at + 1) return 0;
  std::string_view name = text.substr(at + 1, end - at - 1);
  if (name[0] == '#') {
    bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 8) return 0;
    std::uint32_t value = 0;
    for (char c : digits) {
      int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
              : hex && std::isxdigit(static_cast<unsigned char>(c)) ? lower(c) - 'a' + 10
                                                                      : -1;
      if (d < 0) return 0;
      value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
    }
    sdk::append_utf8(out, value == 0xA0 ? U' ' : value);
    return end - at + 1;
  }
  for (const NamedEntity& entity : named_entities)
    if (name == entity.name) {
      if (entity.code) sdk::append_utf8(out, entity.code);
      return end - at + 1;
    }
  return 0;
}

bool is_block(std::string_view name) {
  static const char* blocks[] = {"p",      "div",   "br",      "li",    "ul",      "ol",     "h1",     "h2",     "h3",
                                 "h4",     "h5",    "h6",      "tr",    "table",   "section", "article", "header", "footer",
                                 "blockquote", "pre", "dl",    "dt",    "dd",      "hr",     "title",  "nav",    "aside",
                                 "figure", "figcaption", "main", "form", "address", "td",    "th",     "caption", "body",
                                 "head",   "html",  "option",  "legend", "fieldset", "details", "summary", "tbody", "thead"};
  for (const char* block : blocks)
    if (name == block) return true;
  return false;
}

bool is_skipped(std::string_view name) {
  return name == "script" || name == "style" || name == "noscript" || name == "template" || name == "svg" ||
         name == "iframe" || name == "object" || name == "math" || name == "head";
}

// Collapses white space as it is appended: runs become one space, block breaks one newline.
class TextSink {
 public:
  void text(std::string_view bytes) {
    for (char c : bytes) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        pending_space_ = true;
        continue;
      }
      flush();
      out_.push_back(c);
    }
  }
  void decoded(const std::string& bytes) {
    if (bytes == " ") { pending_space_ = true; return; }
    flush();
    out_ += bytes;
  }
  void block() {
    pending_space_ = false;
    if (!out_.empty()) pending_newline_ = true;
  }
  std::string take() { return std::move(out_); }

 private:
  void flush() {
    if (pending_newline_) out_.push_back('\n');
    else if (pending_space_ && !out_.empty()) out_.push_back(' ');
    pending_newline_ = pending_space_ = false;
  }
  std::string out_;
  bool pending_space_ = false, pending_newline_ = false;
};

std::size_t find_nocase(std::string_view text, std::string_view needle, std::size_t from) {
  for (std::size_t i = from; i + needle.size() <= text.size(); ++i) {
    i = text.find('<', i);
    if (i == std::string_view::npos) return i;
    if (starts_with_nocase(text, i, needle)) return i;
  }
  return std::string_view::npos;
}

// Skips a tag's attributes, honouring quotes; returns the offset after '>'.
std::size_t tag_end(std::string_view text, std::size_t at) {
  char quote = 0;
  for (std::size_t i = at; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return text.size();
}

std::string lower_copy(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = lower(c);
  return out;
}

std::string latin1_to_utf8(std::string_view bytes) {
  // windows-1252's 0x80-0x9F, the characters Latin-1 labels most often really mean.
  static const char32_t cp1252[32] = {0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
                                      0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                                      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char c : bytes) {
    auto u = static_cast<unsigned char>(c);
    sdk::append_utf8(out, u >= 0x80 && u < 0xA0 ? cp1252[u - 0x80] : static_cast<char32_t>(u));
  }
  return out;
}

std::string charset_of(std::string_view content_type, std::string_view body) {
  std::string type = lower_copy(content_type);
  std::size_t at = type.find("charset=");
  if (at == std::string::npos) {
    // <meta charset="…"> or <meta http-equiv content="…; charset=…"> near the top.
    type = lower_copy(body.substr(0, std::min<std::size_t>(body.size(), 2048)));
    at = type.find("charset=");
  }
  if (at == std::string::npos) return {};
  std::size_t start = at + 8;
  while (start < type.size() && (type[start] == '"' || type[start] == '\'')) ++start;
  std::size_t end = start;
  while (end < type.size() && (std::isalnum(static_cast<unsigned char>(type[end])) || type[end] == '-' || type[end] == '_')) ++end;
  return type.substr(start, end - start);
}

}  // namespace

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

std::string html_to_text(std::string_view html) {
  TextSink sink;
  std::size_t i = 0, run = 0;
  auto flush_run = [&](std::size_t end) {
    if (end > run) sink.text(html.substr(run, end - run));
  };
  while (i < html.size()) {
    char c = html[i];
    if (c == '&') {
      std::string decoded;
      std::size_t used = decode_entity(html, i, decoded);
      if (used) {
        flush_run(i);
        sink.decoded(decoded);
        i += used;
        run = i;
        continue;
      }
      ++i;
      continue;
    }
    if (c != '<') { ++i; continue; }
    flush_run(i);
    if (html.compare(i, 4, "<!--") == 0) {
      std::size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
    } else if (html.compare(i, 9, "<![CDATA[") == 0) {
      std::size_t end = html.find("]]>", i + 9);
      std::size_t stop = end == std::string_view::npos ? html.size() : end;
      sink.text(html.substr(i + 9, stop - i - 9));
      i = end == std::string_view::npos ? html.size() : end + 3;
    } else if (i + 1 < html.size() && (html[i + 1] == '!' || html[i + 1] == '?')) {
      i = tag_end(html, i + 2);
    } else {
      bool closing = i + 1 < html.size() && html[i + 1] == '/';
      std::size_t name_start = i + (closing ? 2 : 1), name_end = name_start;
      while (name_end < html.size() && (std::isalnum(static_cast<unsigned char>(html[name_end])) || html[name_end] == ':' ||
                                        html[name_end] == '-'))
        ++name_end;
      if (name_end == name_start) {  // a lone '<' is text
        run = i;
        ++i;
        continue;
      }
      std::string name = lower_copy(html.substr(name_start, name_end - name_start));
      if (std::size_t colon = name.find(':'); colon != std::string::npos) name = name.substr(colon + 1);
      i = tag_end(html, name_end);
      bool self_closing = i >= 2 && html[i - 2] == '/';
      if (!closing && !self_closing && is_skipped(name)) {
        std::size_t end = find_nocase(html, "</" + name, i);
        i = end == std::string_view::npos ? html.size() : tag_end(html, end + 2 + name.size());
        sink.block();
      } else if (is_block(name)) {
        sink.block();
      }
    }
    run = i;
  }
  flush_run(html.size());
  return sink.take();
}

bool body_to_text(std::string_view body, std::string_view content_type, std::string& text) {
  text.clear();
  std::string type = lower_copy(content_type.substr(0, content_type.find(';')));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  bool markup = type == "text/html" || type == "application/xhtml+xml" || type == "text/xml" || type == "application/xml" ||
                (type.size() > 4 && type.compare(type.size() - 4, 4, "+xml") == 0);
  bool plain = type.rfind("text/", 0) == 0 || type == "application/json" || type.empty();
  if (!markup && !plain) return false;
  std::string charset = charset_of(content_type, markup ? body : std::string_view());
  std::string utf8 = charset == "iso-8859-1" || charset == "latin1" || charset == "windows-1252" || charset == "us-ascii" ||
                             charset == "iso-8859-15" || charset == "cp1252"
                         ? latin1_to_utf8(body)
                         : valid_utf8(body);
  if (type.empty() && utf8.find('<') != std::string::npos) markup = true;
  text = markup ? html_to_text(utf8) : std::move(utf8);
  return true;
}

}  // namespace marginalia::net
