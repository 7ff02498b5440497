// SPDX-License-Identifier: MIT
// Reporters turn a whole run (every input file's report) into one output format: terminal
// text, JSON, SARIF, HTML, GitHub annotations, JUnit. One file per format, one function each;
// they only read `RunReport` and never touch plugins or files.
#pragma once

#include <string>
#include <vector>

#include "merge/merge.hpp"

namespace marginalia::reporters {

/// A run over one or more files (merge/merge.hpp).
using RunReport = merge::RunReport;

/// Options of the terminal reporter.
struct TerminalOptions {
  bool color = false;
  /// Show the source line with a caret under each finding.
  bool show_source = true;
  /// Only the summary line.
  bool quiet = false;
};

/// `path:line:column: severity: message [code]` lines, source excerpts and a summary.
std::string render_terminal(const RunReport& run, const TerminalOptions& options);
/// "URLs: 3 checked, 1 from the cache, 2 not checked (2 offline)", or nothing when no URL was
/// asked about; `render_terminal` ends with it unless quiet.
std::string url_summary(const merge::UrlCounts& urls);
/// A per-plugin summary table (`--format text` appends it).
std::string render_plugin_summary(const RunReport& run);
/// JSON described by schemas/findings.schema.json.
std::string render_json(const RunReport& run);
/// One self-contained HTML page for editors: each file's text with findings highlighted by
/// severity, a filterable list grouped by plugin and severity, details on click, recognised
/// dates, quotations and URLs on hover. Loads nothing (inline style and script allowed by hash).
std::string render_html(const RunReport& run);
/// SARIF 2.1.0 (GitHub code scanning): one rule per code of the loaded plugins and per core
/// code used, results with regions and content-based `partialFingerprints`, and
/// `executionSuccessful: false` for an incomplete run.
std::string render_sarif(const RunReport& run);
/// GitHub Actions workflow commands (`::error file=…,line=…::message`), one line per finding.
std::string render_github(const RunReport& run);
/// JUnit XML: one test suite per file, one test case per finding; findings at or above
/// `fail_level` are failures, unreadable files and failed plugins are errors.
std::string render_junit(const RunReport& run);

/// Counts of findings by severity across a run.
struct SeverityCounts {
  std::size_t errors = 0, warnings = 0, notes = 0;
};
SeverityCounts count_findings(const RunReport& run);

/// The one of three values that goes with `severity`, e.g. a colour or a CSS class.
template <class T>
T by_severity(sdk::Severity severity, T error, T warning, T note) {
  return severity == sdk::Severity::error ? error : severity == sdk::Severity::warning ? warning : note;
}

/// "1 finding", "3 findings": a count with its noun, for summaries.
std::string plural(std::size_t count, const char* noun);

/// `text` safe to print on a terminal: ESC, C0/C1 controls and bidi overrides shown as `\u{…}`.
std::string terminal_safe(std::string_view text);

}  // namespace marginalia::reporters
