// SPDX-License-Identifier: MIT
// Escaping for the HTML report: every piece of report text (document text, messages, paths,
// plugin ids, link targets) reaches the page through these functions, so a draft can neither
// add markup nor a script, nor turn its own `javascript:` link into a live one.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace marginalia::reporters::html {

/// Appends `text` to `out` with `& < > " '` escaped, usable in element content and in quoted
/// attribute values. Malformed UTF-8, NUL, C0 controls other than tab and line feed, CR, DEL and
/// the noncharacters U+FFFE/U+FFFF become U+FFFD.
void append_escaped(std::string& out, std::string_view text);
/// Appends markup and text in turn: `pieces[0]` as it is, `pieces[1]` escaped, `pieces[2]` as it
/// is… so that a line of the page reads in order, with every piece of report text escaped.
void append_markup(std::string& out, std::initializer_list<std::string_view> pieces);
/// `append_escaped` into a new string.
std::string escaped(std::string_view text);
/// True when `target` may be an `href`: it starts with `http://` or `https://` (any case) and
/// holds no white space or control character. Anything else (`javascript:`, `data:`,
/// `file:`, relative paths) is shown as text only.
bool is_web_url(std::string_view target);
/// At most `max_code_points` code points of `text`, with "…" appended when cut.
std::string excerpt(std::string_view text, std::size_t max_code_points);

}  // namespace marginalia::reporters::html
