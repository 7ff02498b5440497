// SPDX-License-Identifier: MIT
// Reads the tense of the clause around a date from its verb cues ("will", "was", "-ed"…),
// as a news temporal tagger does to resolve "on Monday" and to tell a reported past event
// from an announced future one.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "date_expression.hpp"
#include "token.hpp"

namespace marginalia::plugins::dates {

/// The verb cues found in the sentence around an expression.
struct TenseCues {
  Tense tense = Tense::unknown;  ///< the tense of the nearest cue (future wins near-ties)
  bool future_cue = false;       ///< the sentence holds a future or modal cue anywhere
  int past_distance = -1;        ///< tokens between the expression and the nearest past cue
};

/// The cues of the sentence holding tokens [first, end).
TenseCues tense_cues(std::string_view text, const std::vector<Token>& tokens, std::size_t first, std::size_t end);

/// True when token `i` ends a sentence (sdk::ends_sentence: a stop followed by space and the start of
/// a sentence, not after an abbreviation or initial, or at the end of the block) or a clause (';').
bool ends_sentence(std::string_view text, const std::vector<Token>& tokens, std::size_t i);

}  // namespace marginalia::plugins::dates
