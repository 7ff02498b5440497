// SPDX-License-Identifier: MIT
/// @file segment.hpp
/// Sentences and words of report prose, on the conventions reports use. A sentence ends at ".",
/// "!", "?" or "…" followed by space and a capital (of any script), a digit or an opening
/// quotation mark — not after an abbreviation ("Mr.", "Dr.", "e.g.", "U.S.", "No. 5"), an
/// initial ("J. R. R. Tolkien"), or inside a decimal ("3.5"); closing quotation marks and
/// brackets after the stop stay with their sentence ("“It is over.” Nobody agreed."). A word
/// is a run of letters and digits that may hold an apostrophe or hyphen between letters, or a
/// decimal point or thousands comma between digits. Compiled into the SDK library; spans are
/// byte ranges of the text given, as everywhere in the SDK. Thread-safe.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "marginalia/sdk/span.hpp"
#include "marginalia/sdk/version.hpp"

namespace marginalia::sdk {
inline namespace MARGINALIA_SDK_NAMESPACE {

/// The sentences of `within` (a span of `text`), trimmed of surrounding space, in order.
std::vector<Span> split_sentences(std::string_view text, Span within);

/// The words of `within` (a span of `text`), in order.
std::vector<Span> split_words(std::string_view text, Span within);

/// True when the period at byte `dot` of `text` ends an abbreviation or an initial rather than
/// a sentence: the letters and periods before it (not before `begin`) are a single capital
/// ("J."), hold a period ("U.S.", "e.g.") or are a known abbreviation, compared without case
/// ("Mr", "Dr", "Prof", "No", "vol", "pp", "Jan"…).
bool is_abbreviation_before(std::string_view text, std::size_t begin, std::size_t dot);

/// True for a character that can be part of a word: a letter or digit of any script.
bool is_word_character(char32_t c);

}  // namespace MARGINALIA_SDK_NAMESPACE
}  // namespace marginalia::sdk
