// SPDX-License-Identifier: MIT
#include "util/xml_writer.hpp"

#include <algorithm>

#include "marginalia/sdk/text.hpp"

namespace marginalia::util {

std::string xml_escape(std::string_view text, bool attribute) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t pos = 0; pos < text.size();) {
    unsigned char byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      ++pos;
      switch (byte) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': if (attribute) out += "&quot;"; else out.push_back('"'); break;
        case '\n': if (attribute) out += "&#10;"; else out.push_back('\n'); break;
        case '\t': if (attribute) out += "&#9;"; else out.push_back('\t'); break;
        case '\r': out += "&#13;"; break;
        default:
          if (byte < 0x20 || byte == 0x7F) out += "\xEF\xBF\xBD";
          else out.push_back(static_cast<char>(byte));
      }
      continue;
    }
    std::size_t start = pos;
    char32_t c = sdk::next_code_point(text, pos);
    if (c == 0xFFFE || c == 0xFFFF || (c == 0xFFFD && pos - start == 1)) out += "\xEF\xBF\xBD";
    else out.append(text.substr(start, pos - start));
  }
  return out;
}

void XmlWriter::newline_indent() {
  // Indentation stops deepening at a cap: 100,000 nested divisions would otherwise write
  // gigabytes of spaces (quadratic in depth). Deeper levels line up at the cap.
  constexpr std::size_t kMaxIndentLevels = 32;
  out_.push_back('\n');
  out_.append(std::min(stack_.size(), kMaxIndentLevels) * 2, ' ');
}

void XmlWriter::start_tag(std::string_view name, const Attributes& attributes, bool self_closing) {
  out_.push_back('<');
  out_.append(name);
  for (const auto& [key, value] : attributes) {
    out_.push_back(' ');
    out_.append(key);
    out_.append("=\"");
    out_.append(xml_escape(value, true));
    out_.push_back('"');
  }
  out_.append(self_closing ? "/>" : ">");
}

void XmlWriter::open(std::string_view name, const Attributes& attributes) {
  if (!stack_.empty()) stack_.back().has_children = true;
  if (!out_.empty()) newline_indent();
  start_tag(name, attributes, false);
  stack_.push_back({std::string(name), true, false});
}

void XmlWriter::open_inline(std::string_view name, const Attributes& attributes) {
  start_tag(name, attributes, false);
  stack_.push_back({std::string(name), false, false});
}

void XmlWriter::close() {
  Open top = std::move(stack_.back());
  stack_.pop_back();
  if (top.structural && top.has_children) newline_indent();
  out_.append("</").append(top.name).push_back('>');
}

void XmlWriter::empty(std::string_view name, const Attributes& attributes) {
  if (!stack_.empty()) stack_.back().has_children = true;
  newline_indent();
  start_tag(name, attributes, true);
}

void XmlWriter::empty_inline(std::string_view name, const Attributes& attributes) { start_tag(name, attributes, true); }

void XmlWriter::leaf(std::string_view name, std::string_view content, const Attributes& attributes) {
  if (!stack_.empty()) stack_.back().has_children = true;
  newline_indent();
  start_tag(name, attributes, false);
  out_.append(xml_escape(content, false));
  out_.append("</").append(name).push_back('>');
}

void XmlWriter::text(std::string_view content) { out_.append(xml_escape(content, false)); }

void XmlWriter::comment(std::string_view content) {
  std::string safe(content);
  for (std::size_t at = 0; (at = safe.find("--", at)) != std::string::npos; at += 2) safe.replace(at, 2, "- -");
  if (!stack_.empty()) stack_.back().has_children = true;
  newline_indent();
  out_.append("<!-- ").append(xml_escape(safe, false)).append(" -->");
}

}  // namespace marginalia::util
