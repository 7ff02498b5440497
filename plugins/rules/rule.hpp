// SPDX-License-Identifier: MIT
// One declarative rule as loaded from a style folder: what it looks for (its kind and the keys
// of that kind), where (its scope), and how it reports (code, severity, message template).
// Immutable after loading, so one rule serves concurrent checks.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <marginalia/sdk/finding.hpp>

namespace marginalia::plugins::rules {

/// What a rule checks.
enum class RuleKind { existence, substitution, occurrence, repetition, consistency, capitalisation, conditional };

/// The parts of a document a rule looks at.
enum class Scope { text, paragraph, sentence, heading, quotation, note, list_item };

/// What an occurrence rule counts in each scope.
enum class Unit { word, sentence };

/// The case a capitalisation rule wants.
enum class CaseStyle { sentence, title, upper, lower };

/// A compiled literal phrase or RE2 pattern; `literal` phrases also need word boundaries at
/// their word-character ends (checked with Unicode letter classes, not RE2's ASCII `\b`).
struct Matcher {
  std::shared_ptr<const re2::RE2> regex;
  bool literal = false;
  std::string source;  ///< the phrase or pattern as written
};

/// One substitution: what to replace and the preferred term.
struct Swap {
  Matcher from;
  std::string to;
};

/// A loaded rule.
struct Rule {
  std::string style;        ///< the style folder's name ("house")
  std::string name;         ///< the file's stem ("vague-attribution")
  std::string code;         ///< "rules/house.vague-attribution"
  std::string file;         ///< where it was read, for documentation
  RuleKind kind = RuleKind::existence;
  Scope scope = Scope::text;
  sdk::Severity severity = sdk::Severity::warning;
  std::string message;      ///< template with {match}, {replacement}, {count}, {max}, {first}, {term}
  std::string description;  ///< the rule's documentation (`marginalia explain`)
  std::string link;         ///< where to read more; may be empty
  bool ignore_case = false;

  std::vector<Matcher> matchers;      ///< existence tokens/patterns; consistency spellings
  std::vector<Swap> swaps;            ///< substitution
  Unit unit = Unit::word;             ///< occurrence
  long max = 0;                       ///< occurrence
  CaseStyle case_style = CaseStyle::sentence;  ///< capitalisation
  std::vector<std::string> exceptions;         ///< repetition, capitalisation, conditional
  Matcher term, definition;                    ///< conditional
};

}  // namespace marginalia::plugins::rules
