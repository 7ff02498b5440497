// SPDX-License-Identifier: MIT
// Words and punctuation of a stretch of text, with quotations collapsed to single tokens and
// footnote markers kept apart from the word they are fused to ("West1"). Attribution works on
// these tokens so that names inside a quotation never become its speaker.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <marginalia/sdk/document.hpp>

namespace marginalia::plugins::quotes {

/// What a token is.
enum class TokenKind { word, punct, quote, marker };

/// One token.
struct Token {
  TokenKind kind = TokenKind::word;
  /// The token's text (a word includes its possessive ’s).
  sdk::Span span;
  /// A word's end without its possessive ending (“China” of “China’s”).
  std::uint32_t stem_end = 0;
  /// The punctuation character, for punct tokens.
  char32_t punct = 0;
  /// Index of the quotation, for quote tokens.
  int quote = -1;
  bool capitalized = false;  ///< first letter upper case
  bool all_caps = false;     ///< two or more letters, all upper case ("NATO")
  bool possessive = false;   ///< ends in ’s / 's / s’
};

/// A quotation to collapse into one token: its span and its index.
struct QuoteRef {
  sdk::Span span;
  int index = -1;
};

/// Appends the tokens of `range` to `out`. `quotes` (sorted, non-overlapping) become quote
/// tokens; note markers (sorted by position) become marker tokens.
void lex(std::string_view text, sdk::Span range, const std::vector<QuoteRef>& quotes,
         const std::vector<sdk::NoteRef>& markers, std::vector<Token>& out);

/// The word's text without a possessive ending.
inline std::string_view stem(std::string_view text, const Token& token) {
  return text.substr(token.span.begin, token.stem_end - token.span.begin);
}

/// Lower-cases ASCII letters and turns ’ into ' (for looking words up in lists).
std::string fold(std::string_view word);

}  // namespace marginalia::plugins::quotes
