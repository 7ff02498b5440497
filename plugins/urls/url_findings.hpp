// SPDX-License-Identifier: MIT
// From a cited URL and what the check found to the finding an editor reads and the status
// the TEI carries: one code per outcome, the message naming the URL and the particulars, the
// finding on the first citation with every other citation related.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <marginalia/sdk/codes.hpp>
#include <marginalia/sdk/fetch.hpp>
#include <marginalia/sdk/finding.hpp>

#include "citations.hpp"

namespace marginalia::plugins::urls {

/// Which results become findings beyond the failures.
struct ReportOptions {
  bool report_ok = false;
  bool report_temporary_redirects = false;
};

/// The verdict on one cited URL.
struct Verdict {
  std::string status;                ///< the TEI status: "ok", "not-found", "unchecked"…
  std::optional<sdk::Finding> finding;
};

/// Judges `cited`, given the check's `result` (nothing when it was not checked).
Verdict judge(const Cited& cited, const std::optional<sdk::FetchResult>& result, const ReportOptions& options);

/// Every code the plugin reports, with its default severity and summary; info() publishes it.
extern const sdk::CodeTable code_table;

}  // namespace marginalia::plugins::urls
