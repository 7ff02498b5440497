// SPDX-License-Identifier: MIT
// A document's date expressions with the context the checks need (block kind, tense cues,
// the event phrase next to a date), produced in one linear pass over its blocks.
#pragma once

#include <string>
#include <vector>

#include <marginalia/sdk/document.hpp>

#include "date_expression.hpp"
#include "date_scanner.hpp"
#include "tense.hpp"

namespace marginalia::plugins::dates {

/// One expression and where it sits.
struct FoundDate {
  DateExpression expression;
  sdk::BlockKind block = sdk::BlockKind::paragraph;
  sdk::Span block_span;            ///< the block it sits in
  TenseCues cues;                  ///< verb cues of its sentence
  std::string signal;              ///< the word just before it, lower-case ("on", "until"), if any
  std::string signal_before;       ///< the word before that ("starting" in "starting in 2027")
  std::string event;               ///< a named event it dates ("joint statement"), if any
  bool order_inferred = false;     ///< an ambiguous numeric date read in the order the document uses
};

/// The document's dates.
struct ScannedDocument {
  const sdk::Document* document = nullptr;
  bool has_document_date = false;
  CivilDate document_date;
  NumericOrder configured_order = NumericOrder::automatic;
  NumericOrder inferred_order = NumericOrder::automatic;  ///< from the document's unambiguous dates
  std::vector<FoundDate> dates;  ///< in text order
};

/// Scans every block of `document` (the whole text when it has no blocks).
ScannedDocument scan_document(const sdk::Document& document, NumericOrder order);

/// Parses the document's own date from metadata "date" (YYYY-MM-DD); false when absent.
bool document_date_of(const sdk::Document& document, CivilDate& out);

}  // namespace marginalia::plugins::dates
