// SPDX-License-Identifier: MIT
// A minimal streaming XML writer: structural elements are indented (to a capped depth, so output
// stays linear in its size however deep the nesting), mixed content (a paragraph
// with inline markup) is written raw so no white space is added to the text (PITFALLS P11).
// Text is escaped and characters XML 1.0 forbids are replaced, so output is always well-formed.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace marginalia::util {

/// Escapes `text` for element content or a double-quoted attribute value, replacing characters
/// that XML 1.0 forbids (C0 controls but TAB/LF/CR, U+FFFE, U+FFFF) with U+FFFD.
std::string xml_escape(std::string_view text, bool attribute);

/// Writes XML into a string.
class XmlWriter {
 public:
  using Attributes = std::vector<std::pair<std::string, std::string>>;

  /// Opens an element on its own indented line (structure).
  void open(std::string_view name, const Attributes& attributes = {});
  /// Opens an element inline, without indentation (mixed content).
  void open_inline(std::string_view name, const Attributes& attributes = {});
  /// Closes the innermost element; indented when it was opened with `open` and holds elements.
  void close();
  /// An empty element on its own line.
  void empty(std::string_view name, const Attributes& attributes = {});
  /// An empty element inline.
  void empty_inline(std::string_view name, const Attributes& attributes = {});
  /// `<name attrs>text</name>` on its own line.
  void leaf(std::string_view name, std::string_view text, const Attributes& attributes = {});
  /// Escaped text at the current position.
  void text(std::string_view text);
  /// A comment on its own line ("--" is broken up).
  void comment(std::string_view text);
  /// The document so far.
  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  struct Open {
    std::string name;
    bool structural;
    bool has_children;
  };
  void newline_indent();
  void start_tag(std::string_view name, const Attributes& attributes, bool self_closing);

  std::string out_;
  std::vector<Open> stack_;
};

}  // namespace marginalia::util
