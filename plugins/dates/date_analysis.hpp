// SPDX-License-Identifier: MIT
// Everything the dates plugin does to one document, free of the plugin interface so the
// benchmark and the MEANTIME scorer run exactly the same code.
#pragma once

#include <vector>

#include <marginalia/sdk/document.hpp>
#include <marginalia/sdk/finding.hpp>

#include "date_scanner.hpp"
#include "scanned_document.hpp"

namespace marginalia::plugins::dates {

/// The plugin's options, as read by configure().
struct DateOptions {
  NumericOrder numeric_order = NumericOrder::automatic;
};

/// What the plugin reports for one document.
struct DateAnalysis {
  ScannedDocument scanned;             ///< every expression found, with its context
  std::vector<sdk::Finding> findings;  ///< in text order
  std::vector<sdk::Mark> marks;        ///< one `<date>` per expression with a valid TEI value
};

/// Scans, checks and marks one document.
DateAnalysis analyse_document(const sdk::Document& document, const DateOptions& options);

}  // namespace marginalia::plugins::dates
