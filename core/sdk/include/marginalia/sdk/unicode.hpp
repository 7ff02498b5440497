// SPDX-License-Identifier: MIT
/// @file unicode.hpp
/// Letter, case and script classes of any Unicode code point (Š, Ł, ő, Ж, ά, 東…), from the
/// Unicode Character Database. Compiled into the SDK library (`marginalia::sdk`, linked by
/// marginalia_add_plugin); the database library behind it (utf8proc) is an implementation
/// detail: none of its types appears here. Thread-safe, no allocation.
#pragma once

#include "marginalia/sdk/version.hpp"

namespace marginalia::sdk {
inline namespace MARGINALIA_SDK_NAMESPACE {
namespace unicode {

/// True for a letter of any script (general category L*: Lu, Ll, Lt, Lm, Lo).
bool is_letter(char32_t c);
/// True for an upper-case or title-case letter (Lu, Lt): "Š" of "Šefčovič", "Ł" of "Łukasz".
bool is_upper(char32_t c);
/// True for a lower-case letter (Ll).
bool is_lower(char32_t c);
/// True for a decimal digit of any script (Nd): "7", "٧", "७".
bool is_digit(char32_t c);

/// The lower-case form of `c` by Unicode's simple case mapping ("Ł" → "ł", "Σ" → "σ"), or `c`
/// itself when it has none. For comparing words without case; one code point in, one out.
char32_t to_lower(char32_t c);
/// The upper-case form of `c` by Unicode's simple case mapping ("ł" → "Ł"), or `c` itself.
char32_t to_upper(char32_t c);

/// The writing systems reports mix most often; `common` for punctuation, digits and symbols
/// shared by all, `other` for any script not listed.
enum class Script { common, latin, greek, cyrillic, armenian, hebrew, arabic, devanagari, thai, georgian, hangul, kana, han, other };

/// The script of `c`, by the Unicode block it is in.
Script script(char32_t c);

/// The script's name in lower case ("latin", "cyrillic").
const char* to_string(Script script);

}  // namespace unicode
}  // namespace MARGINALIA_SDK_NAMESPACE
}  // namespace marginalia::sdk
