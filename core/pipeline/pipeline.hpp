// SPDX-License-Identifier: MIT
// One check run: read each input, run every plugin over it, merge. Files are checked
// concurrently (`--jobs N`) and reports come back in input order, so output is identical
// whatever N. The pipeline knows nothing of the command line or output formats (lychee's
// library/binary split): core/cli drives it, core/reporters render its result.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "host/plugin_registry.hpp"
#include "merge/merge.hpp"
#include "merge/suppressions.hpp"
#include "readers/reader_registry.hpp"

namespace marginalia::pipeline {

/// Everything a run needs besides its plugins.
struct RunOptions {
  readers::ReadOptions read;
  host::RunContext context;
  merge::SeverityOverrides severity_overrides;
  /// Inline suppressions and codes turned off (applied to each document after the merge).
  merge::SuppressionSettings suppressions;
  /// Overrides the document's own date ("--document-date"); ISO 8601.
  std::string document_date;
  /// Files checked at once.
  unsigned jobs = 1;
  /// Called after each file (progress display); may be empty. Called from worker threads.
  std::function<void(std::size_t done, std::size_t total)> progress;
};

/// Checks documents with a fixed set of plugins.
class Pipeline {
 public:
  /// The registry's plugins are loaded and configured; it must outlive the pipeline.
  Pipeline(const host::PluginRegistry& registry, RunOptions options);

  /// Reads and checks one file.
  merge::FileReport check_file(const std::string& path) const;
  /// Checks what a reader returned for `path`: its document, or the error as the file's report.
  merge::FileReport check_read(std::string path, readers::ReadResult read) const;
  /// Checks an already-read document (tests, stdin).
  merge::DocumentReport check_document(model::LoadedDocument loaded) const;
  /// Checks every file, `jobs` at a time; results in input order.
  std::vector<merge::FileReport> check_files(const std::vector<std::string>& paths) const;

 private:
  const host::PluginRegistry& registry_;
  RunOptions options_;
};

}  // namespace marginalia::pipeline
