// SPDX-License-Identifier: MIT
#include "input/html_text.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cctype>
#include <climits>
#include <memory>

#include "input/charset.hpp"

namespace marginalia::input {
namespace {

bool is_block(std::string_view name) {
  static const char* blocks[] = {"p",      "div",   "br",      "li",    "ul",      "ol",     "h1",     "h2",     "h3",
                                 "h4",     "h5",    "h6",      "tr",    "table",   "section", "article", "header", "footer",
                                 "blockquote", "pre", "dl",    "dt",    "dd",      "hr",     "title",  "nav",    "aside",
                                 "figure", "figcaption", "main", "form", "address", "td",    "th",     "caption", "body",
                                 "html",   "option", "legend", "fieldset", "details", "summary", "tbody", "thead"};
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
    for (std::size_t i = 0; i < bytes.size(); ++i) {
      char c = bytes[i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        pending_space_ = true;
        continue;
      }
      if (c == '\xC2' && i + 1 < bytes.size() && bytes[i + 1] == '\xA0') {  // no-break space
        pending_space_ = true;
        ++i;
        continue;
      }
      if (c == '\xC2' && i + 1 < bytes.size() && bytes[i + 1] == '\xAD') {  // soft hyphen: invisible
        ++i;
        continue;
      }
      flush();
      out_.push_back(c);
    }
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

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

std::string text_of(const xmlDoc* doc) {
  TextSink sink;
  // Depth-first without recursion: the tree's own parent links lead back up.
  xmlNode* node = doc->children;
  while (node) {
    bool descend = false;
    if (node->type == XML_ELEMENT_NODE) {
      std::string name = lower_copy(reinterpret_cast<const char*>(node->name));
      if (is_skipped(name)) {
        sink.block();
      } else {
        if (is_block(name)) sink.block();
        descend = node->children != nullptr;
      }
    } else if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (node->content) sink.text(reinterpret_cast<const char*>(node->content));
    }
    if (descend) {
      node = node->children;
      continue;
    }
    while (node && !node->next) {
      node = node->parent;
      if (node && node->type == XML_ELEMENT_NODE && is_block(lower_copy(reinterpret_cast<const char*>(node->name)))) sink.block();
      if (node && (node->type == XML_DOCUMENT_NODE || node->type == XML_HTML_DOCUMENT_NODE)) node = nullptr;
    }
    if (node) node = node->next;
  }
  return sink.take();
}

std::string bounded_utf8(std::string_view bytes) {
  std::string utf8 = valid_utf8(bytes);
  if (utf8.size() > static_cast<std::size_t>(INT_MAX)) utf8.resize(INT_MAX);
  return utf8;
}

// XML media types: the XML parser, so CDATA sections are text. No network, no DTD loading, no
// entity substitution (an entity reference stays out of the text). Not well-formed: read as HTML.
std::string xml_to_text(std::string_view xml) {
  std::string utf8 = bounded_utf8(xml);
  int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | XML_PARSE_COMPACT;
  std::unique_ptr<xmlDoc, DocFree> doc(xmlReadMemory(utf8.data(), static_cast<int>(utf8.size()), nullptr, "UTF-8", options));
  return doc ? text_of(doc.get()) : html_to_text(utf8);
}

bool is_xml_type(const std::string& type) {
  return type == "text/xml" || type == "application/xml" || (type.size() > 4 && type.compare(type.size() - 4, 4, "+xml") == 0);
}

}  // namespace

std::string html_to_text(std::string_view html) {
  if (html.empty()) return {};
  std::string utf8 = bounded_utf8(html);
  // No network, no DTD, no error output; RECOVER reads tag soup as browsers do.
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT;
  std::unique_ptr<xmlDoc, DocFree> doc(htmlReadMemory(utf8.data(), static_cast<int>(utf8.size()), nullptr, "UTF-8", options));
  return doc ? text_of(doc.get()) : std::string();
}

bool is_markup_type(std::string_view content_type) {
  std::string type = lower_copy(content_type.substr(0, content_type.find(';')));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  return type == "text/html" || type == "application/xhtml+xml" || type == "text/xml" || type == "application/xml" ||
         (type.size() > 4 && type.compare(type.size() - 4, 4, "+xml") == 0);
}

bool body_to_text(std::string_view body, std::string_view content_type, std::string& text) {
  text.clear();
  std::string type = lower_copy(content_type.substr(0, content_type.find(';')));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  bool markup = is_markup_type(type);
  bool plain = type.rfind("text/", 0) == 0 || type == "application/json" || type.empty();
  if (!markup && !plain) return false;
  if (type.empty() && body.find('<') != std::string_view::npos) markup = true;
  std::string utf8 = to_utf8(body, declared_charset(body, content_type, markup));
  text = !markup ? std::move(utf8) : is_xml_type(type) ? xml_to_text(utf8) : html_to_text(utf8);
  return true;
}

std::string file_to_text(std::string_view bytes, bool html, std::string_view charset) {
  std::string label = charset.empty() ? declared_charset(bytes, {}, html) : std::string(charset);
  std::string utf8 = to_utf8(bytes, label);
  return html ? html_to_text(utf8) : utf8;
}

}  // namespace marginalia::input
