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
  /// False when the word is no use of the acronym in running text, though it may define it:
  /// a label (a line or table cell without lower-case words), a code followed by a number
  /// ("RFC 2119"), a unit after one ("6 PM") or a place code ("Fairbanks, AK").
  bool use = true;
};

/// Every acronym-shaped word of the document's text, in text order: at least two upper-case
/// letters, no lower-case letter but a final plural "s", at most 7 letters and 2 digits,
/// not a Roman numeral (II, XIV), not in an address, ending at a footnote marker ("SBOM" of
/// "SBOM33"). Skipped: words inside a run of three or more all-capital words (shouting), and
/// words the document also writes in lower case ("CHAPTER", "SHALL", "BEETHOVEN").
std::vector<Token> find_tokens(const sdk::Document& document);

/// Where the long form of `acronym` begins in `words`, which ends just before the acronym's
/// parenthesis ("… Organization for Security and Cooperation in Europe"), or npos when the
/// last few words cannot spell it. Each letter of the acronym is found in order, from the end;
/// the first must begin a word; at most min(n + 5, 2n) words are considered for n letters.
std::size_t long_form_start(std::string_view acronym, std::string_view words);

}  // namespace marginalia::plugins::acronyms
