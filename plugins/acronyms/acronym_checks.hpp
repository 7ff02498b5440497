// SPDX-License-Identifier: MIT
// The four acronym checks over one document: used before its definition, used and never
// defined, defined twice differently, defined and never used.
#pragma once

#include <marginalia/sdk/sdk.hpp>
#include <set>
#include <string>
#include <vector>

namespace marginalia::plugins::acronyms {

/// Every code the plugin reports, with its default severity and summary; info() publishes it.
extern const sdk::CodeTable code_table;

/// What the checks need from the options.
struct CheckOptions {
  /// Acronyms readers know without a definition (US, EU, NATO…): never reported.
  std::set<std::string> known;
  /// Report acronyms that are never spelled out (acronyms/undefined); off by default, see README.
  bool report_undefined = false;
  /// Also report an acronym defined in running text and never used again.
  bool report_single_use = false;
  /// Also check acronyms inside footnotes and endnotes (mostly references).
  bool check_notes = false;
};

/// The findings for `document`, in text order.
std::vector<sdk::Finding> check_acronyms(const sdk::Document& document, const CheckOptions& options);

}  // namespace marginalia::plugins::acronyms
