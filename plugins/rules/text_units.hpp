// SPDX-License-Identifier: MIT
// Sentences and words of a stretch of text. A sentence ends at ".", "!", "?" or "…" followed by
// space and a capital, digit or opening quotation mark — not after an abbreviation ("Dr.",
// "e.g."), an initial ("J. Smith"), or inside a decimal ("3.5"); closing quotation marks and
// brackets after the stop stay with their sentence. A word is a run of letters and digits that
// may hold an apostrophe, a hyphen, or a decimal point or thousands comma between digits.
#pragma once

#include <string_view>
#include <vector>

#include <marginalia/sdk/span.hpp>

namespace marginalia::plugins::rules {

/// The sentences of `within` (a span of `text`), trimmed of surrounding space, in order.
std::vector<sdk::Span> split_sentences(std::string_view text, sdk::Span within);

/// The words of `within`, in order.
std::vector<sdk::Span> split_words(std::string_view text, sdk::Span within);

/// True for a character that can be part of a word (a letter or digit of any script).
bool is_word_character(char32_t c);

}  // namespace marginalia::plugins::rules
