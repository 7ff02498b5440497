// SPDX-License-Identifier: MIT
// Finding acronyms in text: upper-case words of two or more capitals ("OSCE", "NGOs", "G20"),
// and matching an acronym against the words that may spell it out (Schwartz and Hearst, "A
// simple algorithm for identifying abbreviation definitions in biomedical text", PSB 2003).
#pragma once

#include <marginalia/sdk/sdk.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace marginalia::plugins::acronyms {

/// One acronym-shaped word of the text.
struct Token {
  /// The acronym without a plural "s" ("NGOs" → "NGO").
  std::string key;
  /// The word as written, plural "s" included.
  sdk::Span span;
};

/// Every acronym-shaped word of `text`, in text order: at least two upper-case letters, no
/// lower-case letter but a final plural "s", at most 12 characters, not a Roman numeral (II,
/// XIV). Words inside a run of three or more all-capital words (a shouted heading) are skipped.
std::vector<Token> find_tokens(std::string_view text);

/// Where the long form of `acronym` begins in `words`, which ends just before the acronym's
/// parenthesis ("… Organization for Security and Cooperation in Europe"), or npos when the
/// last few words cannot spell it. Each letter of the acronym is found in order, from the end;
/// the first must begin a word; at most min(n + 5, 2n) words are considered for n letters.
std::size_t long_form_start(std::string_view acronym, std::string_view words);

}  // namespace marginalia::plugins::acronyms
