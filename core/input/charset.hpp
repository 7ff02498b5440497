// SPDX-License-Identifier: MIT
// Bytes in a declared charset turned into UTF-8 through glibc's iconv, so a source page in
// Shift_JIS, KOI8-R or ISO-8859-2 reads as its words, not as U+FFFD. What is declared: a byte
// order mark, else the Content-Type charset, else (for markup) `<meta charset>`, a meta
// http-equiv or the XML declaration near the top. Undeclared bytes are UTF-8 when they are
// valid UTF-8, else windows-1252 (the web's default); Latin-1 and US-ASCII labels mean
// windows-1252, as browsers read them.
#pragma once

#include <string>
#include <string_view>

namespace marginalia::input {

/// The declared charset of `bytes`, lower-case ("shift_jis"); empty when nothing is declared.
std::string declared_charset(std::string_view bytes, std::string_view content_type, bool markup);

/// `bytes` in `charset` as UTF-8 (a leading byte order mark dropped); invalid sequences become
/// U+FFFD. An empty or unknown charset: UTF-8 when valid, else windows-1252.
std::string to_utf8(std::string_view bytes, std::string_view charset);

/// Replaces every invalid UTF-8 sequence (overlong, surrogate, past U+10FFFF, cut) with U+FFFD.
std::string valid_utf8(std::string_view bytes);
/// `text` with ASCII letters lower-cased (charset labels, content types, element names).
std::string lower_copy(std::string_view text);

}  // namespace marginalia::input
