// SPDX-License-Identifier: MIT
// Finds every quotation in a document: text between quotation marks (“…” with ‘…’ nested, "…",
// «…», »…«, „…“), display quotations (block quotes), and TEI `<quote>`/`<q>` markup. Pairs marks
// with a stack per paragraph, tells apostrophes (Russia’s, ’90s, rock ’n’ roll) from closing
// single quotes, joins a quotation that runs over several paragraphs (opening mark repeated at
// each, closing mark only at the end) and reports marks left without a partner. One pass over
// the text, linear in its size.
#pragma once

#include <vector>

#include <marginalia/sdk/document.hpp>

#include "quotation.hpp"

namespace marginalia::plugins::quotes {

/// Everything the scanner found in one document.
struct ScanResult {
  /// Quotations by start offset; a nested quotation follows the one containing it.
  std::vector<Quotation> quotations;
  /// Marks with no partner, by offset.
  std::vector<StrayMark> stray;
};

/// Finds quotations and unbalanced marks. Stateless; `scan` may run concurrently.
class QuoteScanner {
 public:
  /// Scans every block of `document` (notes and headings too).
  ScanResult scan(const sdk::Document& document) const;
};

}  // namespace marginalia::plugins::quotes
