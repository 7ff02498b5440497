// SPDX-License-Identifier: MIT
// The footnote checks: markers against notes, numbering, and the notes themselves. A pure
// function over the document so it runs the same in-process, in a worker and in tests.
#pragma once

#include <vector>

#include "marginalia/sdk/codes.hpp"
#include "marginalia/sdk/document.hpp"
#include "marginalia/sdk/finding.hpp"

namespace marginalia::plugins::footnotes {

/// Every code the plugin reports, with its default severity and summary; info() publishes it.
extern const sdk::CodeTable code_table;

/// Effective options.
struct NoteCheckOptions {
  bool require_source = true;
  bool check_numbering = true;
  /// May one note be cited by several markers?
  bool allow_repeated_markers = false;
};

/// Every finding of the footnotes plugin for `document`.
std::vector<sdk::Finding> check_notes(const sdk::Document& document, const NoteCheckOptions& options);

}  // namespace marginalia::plugins::footnotes
