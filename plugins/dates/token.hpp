// SPDX-License-Identifier: MIT
// The tokens the date scanner matches patterns over: words, digit runs, single punctuation
// characters and footnote markers, each with its byte span and spacing.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include <marginalia/sdk/span.hpp>

#include "lexicon.hpp"

namespace marginalia::plugins::dates {

enum class TokenKind : std::uint8_t { word, number, punct, note_ref };

/// One token of a block.
struct Token {
  std::uint32_t begin = 0, end = 0;  ///< byte span in the document text
  TokenKind kind = TokenKind::punct;
  bool space_before = false;    ///< white space separates it from the previous token
  bool newline_before = false;  ///< that white space holds a line break
  bool upper = false;           ///< a word starting with an upper-case letter
  bool ascii = true;            ///< a word of ASCII letters only
  std::uint8_t digits = 0;      ///< number of digits of a number
  Word word;                    ///< the lexicon entry of a word
  std::uint32_t value = 0;      ///< a number's value (capped), a punctuation code point
};

/// Splits `text[range]` into tokens. Footnote markers (`note_refs`, sorted, may lie outside the
/// range) become `note_ref` tokens and cut any digit run they touch, so "2019" + marker "4" in
/// "20194" stay apart. Linear in the range's length.
void tokenize(std::string_view text, sdk::Span range, const std::vector<sdk::Span>& note_refs, std::vector<Token>& out);

/// True for the dash characters that join ranges and compounds (- ‐ ‑ – — −).
constexpr bool is_dash(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2013 || c == 0x2014 || c == 0x2212; }
/// True for straight and curly apostrophes.
constexpr bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x2018; }

}  // namespace marginalia::plugins::dates
