// SPDX-License-Identifier: MIT
// The findings the analysis supports without a source: unbalanced marks, direct quotations with
// no speaker or no citation, the same words given to two speakers, and mixed mark styles.
#pragma once

#include <string>
#include <vector>

#include <marginalia/sdk/codes.hpp>
#include <marginalia/sdk/document.hpp>
#include <marginalia/sdk/finding.hpp>

#include "quote_analyzer.hpp"

namespace marginalia::plugins::quotes {

/// Which findings of the heuristic checks are reported.
enum class Profile {
  confident,  ///< the default: only findings the analysis is sure of
  thorough,   ///< every finding, the doubtful ones as notes
};

/// How sure the analysis is that a finding is right.
enum class Confidence { low, high };

/// Which checks run (the plugin's options).
struct CheckOptions {
  Profile profile = Profile::confident;
  bool require_speaker = true;
  bool require_citation = true;
  bool check_conflicts = true;
  bool check_styles = true;
};

/// The finding codes, in one place.
namespace codes {
inline constexpr const char* unbalanced = "quotes/unbalanced-mark";
inline constexpr const char* missing_speaker = "quotes/missing-speaker";
inline constexpr const char* missing_citation = "quotes/missing-citation";
inline constexpr const char* conflicting_speakers = "quotes/conflicting-speakers";
inline constexpr const char* not_in_source = "quotes/not-in-source";
inline constexpr const char* source_truncated = "quotes/source-truncated";
inline constexpr const char* mixed_styles = "quotes/mixed-styles";
}  // namespace codes

/// Every code the plugin reports, with its default severity and summary; info() publishes it.
extern const sdk::CodeTable code_table;

/// Findings from the analysis alone, in text order.
std::vector<sdk::Finding> check_quotations(const sdk::Document& document, const Analysis& analysis, const CheckOptions& options);

/// A quotation as a message shows it: its marks and first words ("“Moscow is using…”").
std::string quoted_excerpt(const sdk::Document& document, const Quotation& quotation, std::size_t limit = 60);

/// The quotation checks expect for direct quotations outside notes: true when it needs a speaker and a citation.
bool needs_checking(const Quotation& quotation);

}  // namespace marginalia::plugins::quotes
