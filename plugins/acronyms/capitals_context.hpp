// SPDX-License-Identifier: MIT
// Why a word in capitals may be no acronym, or no use of one: what the text around it says.
// On real documents most capitals are headings, names, emphasis, labels and codes; each
// function here is one such convention (fixtures in tests/valid show each).
#pragma once

#include <marginalia/sdk/sdk.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace marginalia::plugins::acronyms {

/// `word` in lower case (the SDK's Unicode classes), for comparing words
/// ("FÜRST" and "Fürst", "ŠEFČOVIČ" and "Šefčovič").
std::string folded(std::string_view word);

/// True when the capitals at `span` are a code or a measure, not a name to spell out: followed
/// by a number ("RFC 2119", "SP 800-63B", "COVID-19", "IB #16", "ISBN 978-…"), two letters
/// after a number ("6 PM", "40 GB"), a state code after a place and a comma ("Fairbanks, AK
/// 99712", "Collingwood, VIC: Csiro") or after a party ("(R-OH)").
bool code_or_unit(std::string_view text, sdk::Span span);

/// True when the capitals at `span` abbreviate one word: a period, then the sentence goes on
/// in lower case ("this MS. is the only score").
bool abbreviated_word(std::string_view text, sdk::Span span);

/// For each line of `text`, whether it is an entry of a table of contents or a list of figures:
/// it ends in a page number with no final period, next to another such line (blank lines
/// between them aside). Such lines repeat headings; they are no uses.
std::vector<bool> contents_lines(std::string_view text);

/// True for the requirement words of standards (RFC 2119, BCP 14: MUST, SHALL, SHOULD, MAY,
/// NOT, REQUIRED, RECOMMENDED, OPTIONAL): capitals for emphasis, not acronyms.
bool requirement_word(std::string_view word);

}  // namespace marginalia::plugins::acronyms
