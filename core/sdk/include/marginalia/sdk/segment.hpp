// SPDX-License-Identifier: MIT
/// @file segment.hpp
/// Sentences and words of report prose, on the conventions reports use. A sentence ends at ".",
/// "!", "?" or "…" followed by space and a capital (of any script; a letter of a script without
/// case, such as 東, counts as one), a digit or an opening quotation mark or bracket — not after
/// an abbreviation ("Mr.", "Dr.", "e.g.", "U.S.", "No. 5"), an initial ("J. R. R. Tolkien",
/// "Ł. Nowak"), or inside a decimal ("3.5"); closing quotation marks and brackets after the stop
/// stay with their sentence ("“It is over.” Nobody agreed."). A word is a run of letters and
/// digits that may hold an apostrophe or hyphen between letters, or a decimal point or thousands
/// comma between digits. Compiled into the SDK library; spans are byte ranges of the text given,
/// as everywhere in the SDK. Thread-safe.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "marginalia/sdk/span.hpp"
#include "marginalia/sdk/version.hpp"

namespace marginalia::sdk {
inline namespace MARGINALIA_SDK_NAMESPACE {

/// What a sentence splitter should know besides the characters; each list sorted by `begin`,
/// spans not overlapping. Both default to empty (plain prose).
struct SentenceContext {
  /// Quotations, marks included: a stop inside one never ends the sentence around it, but a
  /// quotation whose last word ends with a stop, followed by space and a capital, does
  /// (“… “The matter is closed.” The board …”). Pass a document's top-level quotations.
  std::vector<Span> quotations;
  /// Footnote markers (`NoteRef::span`): a marker right after a stop ("….² Next") stays with the
  /// sentence it closes instead of hiding the boundary.
  std::vector<Span> markers;
};

/// The sentences of `within` (a span of `text`), trimmed of surrounding space, in order.
std::vector<Span> split_sentences(std::string_view text, Span within);

/// The sentences of `within`, reading quotations and footnote markers as `context` says.
std::vector<Span> split_sentences(std::string_view text, Span within, const SentenceContext& context);

/// True when the stop (".", "!", "?" or "…") at byte `stop` of `text` ends a sentence of
/// `within`, by the rule split_sentences applies: closing marks after it, then space and the
/// start of a sentence, or the end of `within`; a lone period must not end an abbreviation or
/// initial. False for any other character at `stop`.
bool ends_sentence(std::string_view text, Span within, std::size_t stop);

/// True when the period at byte `dot` of `text` ends an abbreviation or an initial rather than
/// a sentence: the letters and periods before it (not before `begin`) are a single capital
/// ("J.", "Ł."), hold a period ("U.S.", "e.g.") or are a known abbreviation: titles ("Mr",
/// "Prof", "Messrs"), months and weekdays ("Jan", "Sept", "Wed"), references ("No", "vol",
/// "pp", "Fig", "et al"), company forms ("Inc", "Ltd"), compared without case — except those
/// that are also English words ("no", "art", "fig", "sat", "sun", "wed", "mar"), which count
/// in lower case only before a number ("no. 5", "fig. 3") and otherwise must be capitalised.
bool is_abbreviation_before(std::string_view text, std::size_t begin, std::size_t dot);

/// True for a character that can start a sentence after a stop and space: a capital or a
/// letter of a script without case, an ASCII digit, or an opening quotation mark or bracket.
bool starts_sentence(char32_t c);

/// The words of `within` (a span of `text`), in order.
std::vector<Span> split_words(std::string_view text, Span within);

/// True for a character that can be part of a word: a letter or digit of any script.
bool is_word_character(char32_t c);

}  // namespace MARGINALIA_SDK_NAMESPACE
}  // namespace marginalia::sdk
