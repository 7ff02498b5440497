// SPDX-License-Identifier: MIT
// The one converter from a source page to plain text, used for fetched pages (core/net) and
// local copies (the quotes plugin) alike: libxml2's HTML parser (entities as browsers decode
// them, no network, no DTD), walked without recursion; scripts, styles and other non-text
// elements dropped, block elements ending lines, white space (no-break spaces included)
// collapsed. The text is for comparing quotations with their source, not for display.
#pragma once

#include <string>
#include <string_view>

namespace marginalia::input {

/// Plain text of an HTML (or XML) document given as UTF-8.
std::string html_to_text(std::string_view html);

/// True for the media types read as markup (HTML, XHTML, XML).
bool is_markup_type(std::string_view content_type);

/// The text of a body given its Content-Type: the declared charset converted to UTF-8, markup
/// through `html_to_text`, other text as is. Returns false (and leaves `text` empty) for
/// non-text types such as PDF or images.
bool body_to_text(std::string_view body, std::string_view content_type, std::string& text);

/// The text of a local file: its charset as declared in it (a byte order mark, or for a
/// `.html`/`.htm`/`.xhtml` file a meta or XML declaration), `charset` when given instead.
std::string file_to_text(std::string_view bytes, bool html, std::string_view charset = {});

}  // namespace marginalia::input
