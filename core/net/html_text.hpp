// SPDX-License-Identifier: MIT
// A fetched body turned into plain text for `FetchMode::text`: HTML (and XML) markup removed,
// scripts and styles dropped, entities decoded, block elements ending lines, white space
// collapsed; the charset converted to UTF-8. One linear pass, no DOM: the text is for
// comparing quotations with their source, not for display.
#pragma once

#include <string>
#include <string_view>

namespace marginalia::net {

/// Plain text of an HTML or XML document (valid UTF-8 in, UTF-8 out).
std::string html_to_text(std::string_view html);

/// The text of a response body given its Content-Type: HTML and XML through `html_to_text`,
/// other text as is; Latin-1 / windows-1252 converted; invalid UTF-8 replaced with U+FFFD.
/// Returns false (and leaves `text` empty) for non-text types such as PDF or images.
bool body_to_text(std::string_view body, std::string_view content_type, std::string& text);

/// Replaces every invalid UTF-8 sequence with U+FFFD.
std::string valid_utf8(std::string_view bytes);

}  // namespace marginalia::net
