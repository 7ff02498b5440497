// SPDX-License-Identifier: MIT
// HTML that declares a legacy charset (`<meta charset=iso-8859-1>`, `<meta http-equiv=Content-Type
// content="text/html; charset=windows-1252">`) is decoded to UTF-8 with glibc's iconv before it
// is read. Line and column positions stay those of the file (a Latin-1 byte is one character);
// byte offsets become those of the UTF-8 text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace marginalia::readers {

/// The charset an HTML document declares in its first 4 KiB, lower-cased ("iso-8859-1"), if any.
std::optional<std::string> declared_html_charset(std::string_view bytes);

/// `bytes` decoded from `charset` to UTF-8, or nothing when iconv does not know the charset or
/// the bytes are not valid in it. ISO-8859-1 and US-ASCII are read as windows-1252, as browsers do.
std::optional<std::string> decode_to_utf8(std::string_view bytes, const std::string& charset);

/// UTF-8 `text` encoded in `charset` (the way back of `decode_to_utf8`, for a fix written into
/// the file), or nothing when iconv does not know the charset or a character has no encoding in it.
std::optional<std::string> encode_from_utf8(std::string_view text, const std::string& charset);

}  // namespace marginalia::readers
