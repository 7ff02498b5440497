// SPDX-License-Identifier: MIT
// Merging: the findings of the reader, of every plugin and of the host itself become one
// deterministic list per document, sorted by (begin, end, plugin, code, message), with ids and
// fingerprints derived from content only, so the same input gives byte-identical output
// whatever the thread count or plugin order. Writers read `DocumentReport`, reporters the
// `RunReport` of all files.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "host/plugin_handle.hpp"
#include "marginalia/sdk/finding.hpp"
#include "model/document.hpp"
#include "readers/reader.hpp"
#include "util/problem.hpp"

namespace marginalia::merge {

/// How one plugin fared on a document.
struct PluginStatus {
  std::string id;
  std::string version;
  std::string summary;
  host::RunStatus status = host::RunStatus::ok;
  std::string detail;
};

/// A finding placed in its file.
struct ReportedFinding {
  /// Content-derived id, an XML NCName ("f-1a2b3c4d5e6f").
  std::string id;
  /// Who reported it: a plugin id, "reader" or "host".
  std::string plugin;
  sdk::Finding finding;
  /// Where the span begins and ends in the input file (end is exclusive).
  model::Position begin, end;
  /// Where each related span begins, in `finding.related` order.
  std::vector<model::Position> related_begin;
  /// Stable across unrelated edits: code + the span's text + its context, never line numbers.
  std::string fingerprint;
};

/// A mark with the plugin that asked for it.
struct PluginMark {
  std::string plugin;
  sdk::Mark mark;
};

/// What became of the distinct URLs a document's plugins asked the host to check: checked over
/// the network in this run, answered from the cache, or not checked (an offline run, refused by
/// the address policy, or skipped: asked but never attempted, or not a URL the service takes).
struct UrlCounts {
  std::size_t checked = 0, cached = 0, offline = 0, blocked = 0, skipped = 0;
  std::size_t total() const { return checked + cached + offline + blocked + skipped; }
  UrlCounts& operator+=(const UrlCounts& other);
};

/// Everything known about one checked document.
struct DocumentReport {
  model::LoadedDocument loaded;
  std::vector<ReportedFinding> findings;
  std::vector<PluginMark> marks;
  std::vector<PluginStatus> plugins;
  /// False when a plugin failed: the findings are known to be incomplete.
  bool complete = true;
  /// Suppression directives that matched nothing, already turned into findings; kept for counts.
  std::size_t suppressed_count = 0;
  /// The URLs its plugins asked about, by what became of them.
  UrlCounts urls;
};

/// One input of a run: a checked document or the reason it could not be read.
struct FileReport {
  std::string path;
  std::optional<DocumentReport> report;
  std::optional<readers::ReadError> error;
  /// Findings at or above this severity fail the run: --fail-on, else this file's own
  /// configuration's `fail_on` (files of one run may have different marginalia.json files).
  sdk::Severity fail_level = sdk::Severity::error;
};

/// Where the files of a `--shard K/N` run sit in the whole, unsharded run, so that
/// `marginalia merge` can put the shards' results back in the unsharded order. JSON and SARIF
/// carry it only in sharded runs; the merge removes it.
struct ShardPlacement {
  unsigned index = 1, count = 1;
  /// The whole run's inputs after expansion, and how many of them this shard took.
  std::size_t inputs = 0, selected = 0;
  /// Per entry of `RunReport::files`: its position among the whole run's inputs.
  std::vector<std::size_t> input_index;
};

/// A run over one or more files: what a session returns and reporters render.
struct RunReport {
  std::string tool_version;
  std::vector<FileReport> files;
  /// Plugin libraries that were refused at load.
  std::vector<util::Problem> plugin_problems;
  /// Every plugin that ran, for rule tables (SARIF) and summaries.
  std::vector<sdk::PluginInfo> plugins;
  /// False when a file could not be read or a plugin failed.
  bool complete() const;
  /// The fail level of the first file's configuration or --fail-on, for summaries; each file's
  /// own is `FileReport::fail_level`.
  sdk::Severity fail_level = sdk::Severity::error;
  /// Findings hidden by inline suppressions and by the baseline, across all files.
  std::size_t suppressed = 0, baselined = 0;
  /// Set in `--shard` runs only.
  std::optional<ShardPlacement> shard;
  /// Every file's URL counts added up.
  UrlCounts url_counts() const;
};

/// Severity per code, from configuration.
using SeverityOverrides = std::map<std::string, sdk::Severity>;

/// Builds the report of one document from its runs. `plugins` lists each run's plugin metadata
/// in the same order as `runs`.
DocumentReport merge_document(model::LoadedDocument loaded, std::vector<host::PluginRunResult> runs,
                              const std::vector<const sdk::PluginInfo*>& plugins, const SeverityOverrides& overrides);

/// Sorts findings, computes positions, fingerprints and ids. Exposed for tests and for
/// post-processing (suppressions, baselines) that removes findings.
void finalize_findings(const model::LoadedDocument& loaded, std::vector<ReportedFinding>& findings);

/// A short, stable hexadecimal hash (FNV-1a 64).
std::string content_hash(const std::string& data);

}  // namespace marginalia::merge
