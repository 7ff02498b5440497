// SPDX-License-Identifier: MIT
// Where a document spells an acronym out: "Organization for Security and Cooperation in
// Europe (OSCE)", "OSCE (Organization for Security and Cooperation in Europe)", or an entry of
// an abbreviations list ("OSCE – Organization for …" under a heading such as Abbreviations,
// Acronyms or Glossary).
#pragma once

#include <marginalia/sdk/sdk.hpp>
#include <string>
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

/// The definitions in `document`, in text order. `tokens` are find_tokens(document.text).
std::vector<Definition> find_definitions(const sdk::Document& document, const std::vector<Token>& tokens);

}  // namespace marginalia::plugins::acronyms
