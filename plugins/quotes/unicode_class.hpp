// SPDX-License-Identifier: MIT
// Letter and case classes of any Unicode code point (Š, Ł, ő, Ж, ά…) from utf8proc's tables, for
// telling names and sentence starts apart in every script. utf8proc stays behind these three
// functions: no utf8proc type appears in any header, and nothing of it crosses the plugin boundary.
#pragma once

namespace marginalia::plugins::quotes {

/// True for a letter of any script (Unicode general category L*).
bool is_letter(char32_t c);
/// True for an upper-case or title-case letter (Lu, Lt): "Š" of "Šefčovič", "Ł" of "Łukasz".
bool is_upper(char32_t c);
/// True for a lower-case letter (Ll).
bool is_lower(char32_t c);

}  // namespace marginalia::plugins::quotes
