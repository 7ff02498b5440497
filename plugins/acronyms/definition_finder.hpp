// SPDX-License-Identifier: MIT
// Where a document spells an acronym out: "Organization for Security and Cooperation in
// Europe (OSCE)", "OSCE (Organization for Security and Cooperation in Europe)", or an entry of
// an abbreviations list ("OSCE – Organization for …" under a heading such as Abbreviations,
// Acronyms or Glossary).
#pragma once

#include <marginalia/sdk/sdk.hpp>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "acronym_scanner.hpp"

namespace marginalia::plugins::acronyms {

/// How an acronym was defined.
enum class DefinitionKind {
  parenthetical,  ///< in running text, the long form and the acronym side by side in parentheses
  glossary,       ///< an entry of an abbreviations list; defines the acronym for the whole document
};

/// One definition.
struct Definition {
  /// The acronym without a plural "s".
  std::string key;
  /// Index into the tokens of the acronym's own word at the definition.
  std::size_t token = 0;
  /// The spelled-out form.
  sdk::Span long_form;
  DefinitionKind kind = DefinitionKind::parenthetical;
};

/// The definitions in `document`, in text order. `tokens` are find_tokens(document).
std::vector<Definition> find_definitions(const sdk::Document& document, const std::vector<Token>& tokens);

/// The initials of every run of three or more capitalised words in `text`, function words
/// skipped: "the Internal Revenue Service" gives IRS (and IR, RS are too short to count). An
/// acronym whose long form the text writes out this way, even without parentheses, is not
/// undefined: the reader has it.
std::unordered_set<std::string> initials_of_names(std::string_view text);

}  // namespace marginalia::plugins::acronyms
