// SPDX-License-Identifier: MIT
// Checks each cited direct quotation against the text of its source, when that text can be
// had: a local copy (see SourceLibrary) for the citing note or for a URL in it, else the URL's
// text through the host's fetch service. A source that cannot be had (offline run, fetch
// failure, no local copy) is skipped without a finding: the check is about what the source says.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <marginalia/sdk/document.hpp>
#include <marginalia/sdk/fetch.hpp>
#include <marginalia/sdk/finding.hpp>

#include "quote_analyzer.hpp"
#include "source_library.hpp"

namespace marginalia::plugins::quotes {

/// Reads URLs (the host's `Reporter::fetch_all`); may be empty for no network.
using Fetcher = std::function<std::vector<sdk::FetchResult>(const std::vector<sdk::FetchRequest>&)>;

/// What the source check did, for the scorer and the README figures.
struct SourceCheckStats {
  int checked = 0;      ///< quotations compared with a source text
  int unavailable = 0;  ///< cited quotations whose source text could not be had
};

/// Findings `quotes/not-in-source` for the analysis' cited direct quotations.
std::vector<sdk::Finding> check_sources(const sdk::Document& document, const Analysis& analysis, const SourceLibrary& library,
                                        const Fetcher& fetch, SourceCheckStats* stats = nullptr);

}  // namespace marginalia::plugins::quotes
