// SPDX-License-Identifier: MIT
// Turns the scanner's quotations into checked facts: each is classified (direct quotation, scare
// quote, title), a direct quotation gets its speaker (reporting verbs before or after it,
// "according to X", "X: “…”", roles and titles, a later surname or pronoun, institutions and
// documents) and its citation (a footnote marker or link in its sentence or the next). One pass
// over the document in reading order; work per quotation is bounded by its sentence.
#pragma once

#include <string>
#include <vector>

#include <marginalia/sdk/document.hpp>

#include "quotation.hpp"

namespace marginalia::plugins::quotes {

/// Tunable parts of the analysis (the plugin's options).
struct AnalysisOptions {
  /// Quotations of at most this many words, not introduced as speech, are scare quotes or terms.
  int scare_max_words = 5;
  /// Fiction: an unattributed line of dialogue goes to the speaker two turns back.
  bool dialogue_turns = false;
  /// Extra reporting verbs ("opined").
  std::vector<std::string> extra_verbs;
};

/// The analysed quotations of one document.
struct Analysis {
  std::vector<Quotation> quotations;
  std::vector<StrayMark> stray;
  /// Consecutive paragraphs that each open with a new quotation: the turns of a dialogue.
  int turn_pairs = 0;
  /// Paragraphs of running text.
  int paragraphs = 0;
  /// True when the document narrates (fiction, drama, memoir): its dialogue needs no citation.
  bool narrative = false;
};

/// Scans, classifies, attributes and finds citations. Const and thread-compatible.
class QuoteAnalyzer {
 public:
  explicit QuoteAnalyzer(AnalysisOptions options = {}) : options_(std::move(options)) {}
  Analysis analyse(const sdk::Document& document) const;

 private:
  AnalysisOptions options_;
};

}  // namespace marginalia::plugins::quotes
