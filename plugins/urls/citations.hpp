// SPDX-License-Identifier: MIT
// Every URL a document cites, grouped so that each distinct URL is judged once: links the
// reader recognised (Markdown links and autolinks, TEI @target, HTML href) and what the scanner
// finds in the text (bare URLs, www., DOIs, near misses), notes included. A scanned URL inside
// a link's text is the link's business and is not counted twice.
#pragma once

#include <string>
#include <vector>

#include <marginalia/sdk/document.hpp>

namespace marginalia::plugins::urls {

/// One place a URL is cited.
struct Citation {
  sdk::Span span;          ///< the citing text (a bare URL itself, or a link's text)
  std::string written;     ///< the URL or DOI as written there
  bool span_is_url = false;///< the span's text is exactly `written` (so a fix may replace it)
  std::string mark_target; ///< the URL to put in the TEI @target
};

/// What can be said about a cited URL before any check.
enum class CitedKind {
  web,            ///< an http(s) URL to check
  doi,            ///< a DOI, checked through https://doi.org/
  malformed,      ///< does not parse; `problem` says why, `fix` may hold the corrected URL
  invalid_doi,    ///< DOI syntax broken; `problem` says why
  blocked_scheme, ///< a scheme other than http(s) that a reader cannot follow (file:, ftp:…)
};

/// One distinct URL and every place that cites it.
struct Cited {
  CitedKind kind = CitedKind::web;
  std::string key;      ///< normalised URL (or the text, for broken ones)
  std::string request;  ///< what to ask the host for (web, doi)
  std::string doi;      ///< the DOI, for DOIs and doi.org URLs
  std::string scheme;
  std::string problem;
  std::string fix;      ///< the corrected URL, when the correction is certain
  std::vector<Citation> citations;
};

/// The document's cited URLs, in order of first citation.
std::vector<Cited> collect_citations(const sdk::Document& document);

}  // namespace marginalia::plugins::urls
