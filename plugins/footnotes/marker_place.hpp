// SPDX-License-Identifier: MIT
// Where a marker sits in its sentence. A citation's note number goes at the end of a sentence or
// clause, after the punctuation (Chicago Manual of Style 14.26); a number set directly after a
// word, with the sentence running on, belongs to that word: its note glosses or explains it.
#pragma once

#include "marginalia/sdk/document.hpp"

namespace marginalia::plugins::footnotes {

/// True when the marker at `marker` follows a letter and the same sentence continues after it
/// ("Karl¹ von der andern Seite"), so its note is a gloss on that word, not a citation.
bool marker_inside_sentence(const sdk::Document& document, sdk::Span marker);

}  // namespace marginalia::plugins::footnotes
