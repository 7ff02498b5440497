// SPDX-License-Identifier: MIT
// Where each text format writes a suppression directive, found by the reader of that format
// while it reads (core/merge/suppressions.hpp reads the directives themselves):
//   Markdown   an HTML comment `<!-- marginalia-… -->` that starts a line, outside fenced code
//   HTML       any comment `<!-- marginalia-… -->`
//   plain text a line `[marginalia-…]`
//   TEI        a processing instruction `<?marginalia-… ?>`, outside comments and CDATA
// Offsets are into the reader's input (the normalised text); the builder maps them to the file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.hpp"

namespace marginalia::readers {

/// A comment that holds, or tries to hold, a directive.
struct FoundDirective {
  /// The content between the delimiters, trimmed ("marginalia-disable …").
  std::string content;
  /// The comment's input bytes: [begin, end).
  std::uint32_t begin = 0, end = 0;
  /// Why the comment is malformed (not closed); empty when it is well-formed.
  std::string error;
};

/// Directive comments of a Markdown input, in order.
std::vector<FoundDirective> find_markdown_directives(std::string_view input);
/// Directive comments of an HTML input, in order.
std::vector<FoundDirective> find_html_directives(std::string_view input);
/// Directive lines of a plain-text input, in order.
std::vector<FoundDirective> find_plain_text_directives(std::string_view input);
/// Directive processing instructions of a TEI (XML) input, in order.
std::vector<FoundDirective> find_tei_directives(std::string_view input);

/// Records `found` in the document being built.
void record_directives(std::vector<FoundDirective> found, model::DocumentBuilder& builder);

}  // namespace marginalia::readers
