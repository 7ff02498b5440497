// SPDX-License-Identifier: MIT
// Splits a paragraph into sentences without looking inside quotations (a period inside “…” does
// not end the sentence around it), keeping a footnote marker after the period with its sentence
// (“…”.2 belongs to the sentence before) and not splitting after abbreviations ("Mr.", "U.S.").
#pragma once

#include <vector>

#include <marginalia/sdk/document.hpp>

#include "word_lexer.hpp"

namespace marginalia::plugins::quotes {

/// Sentence spans of `block` (in order, covering its non-space text). `quotes` are the block's
/// top-level quotations, sorted; `markers` all note markers of the document, sorted.
std::vector<sdk::Span> split_sentences(std::string_view text, sdk::Span block, const std::vector<QuoteRef>& quotes,
                                       const std::vector<sdk::NoteRef>& markers);

}  // namespace marginalia::plugins::quotes
