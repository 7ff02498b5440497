// SPDX-License-Identifier: MIT
// The findings the analysis supports without a source: unbalanced marks, direct quotations with
// no speaker or no citation, the same words given to two speakers, and mixed mark styles.
#pragma once

#include <string>
#include <vector>

#include <marginalia/sdk/document.hpp>
#include <marginalia/sdk/finding.hpp>

#include "quote_analyzer.hpp"

namespace marginalia::plugins::quotes {

/// Which checks run (the plugin's options).
struct CheckOptions {
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

/// Findings from the analysis alone, in text order.
std::vector<sdk::Finding> check_quotations(const sdk::Document& document, const Analysis& analysis, const CheckOptions& options);

/// A quotation as a message shows it: its marks and first words ("“Moscow is using…”").
std::string quoted_excerpt(const sdk::Document& document, const Quotation& quotation, std::size_t limit = 60);

/// The quotation checks expect for direct quotations outside notes: true when it needs a speaker and a citation.
bool needs_checking(const Quotation& quotation);

}  // namespace marginalia::plugins::quotes
