// SPDX-License-Identifier: MIT
/// @file plugin.hpp
/// The one interface a checker plugin implements, and the sink it reports into.
///
/// Contract (also in docs/writing-a-plugin.md):
/// - `info().id` equals the library's file name without extension; every code starts with `id/`.
/// - The host creates one instance per run, calls `configure` once with options already
///   validated against `info().options_schema`, then `check` once per document, possibly from
///   several threads at once: `check` is const and keeps per-document state in locals.
/// - Exceptions must not escape `check`; the host contains them anyway and reports
///   `host/plugin-failed`, and by default runs each plugin in a separate worker process.
/// - Everything the plugin receives is a view valid only during the call.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "marginalia/sdk/document.hpp"
#include "marginalia/sdk/fetch.hpp"
#include "marginalia/sdk/finding.hpp"
#include "marginalia/sdk/options.hpp"
#include "marginalia/sdk/version.hpp"

namespace marginalia::sdk {
inline namespace MARGINALIA_SDK_NAMESPACE {

/// What a plugin declares about itself; copied by the host once, at load.
struct PluginInfo {
  /// Identifier, equal to the library's base name ("footnotes").
  std::string id;
  /// The plugin's own version, dotted digits ("1.0.0").
  std::string version;
  /// One sentence saying what the plugin checks; repeated as its README's first line.
  std::string summary;
  /// Where its documentation lives (a URL or a path); may be empty.
  std::string help_url;
  /// Every code the plugin can report.
  std::vector<CodeInfo> codes;
  /// JSON Schema (draft 7 subset) of the plugin's options object, as JSON text.
  std::string options_schema = "{\"type\":\"object\",\"additionalProperties\":false}";
  /// The plugin's README (Markdown), used by `marginalia explain CODE`; may be empty.
  std::string documentation;
};

/// The host-owned sink a plugin reports into during `check`. Thread-compatible: each `check`
/// call gets its own reporter.
class Reporter {
 public:
  virtual ~Reporter() = default;
  /// Records a finding; the host takes ownership, validates its span and code.
  virtual void report(Finding finding) = 0;
  /// Records inline markup for the TEI output.
  virtual void mark(Mark mark) = 0;
  /// True when the host wants the plugin to return early (time limit near, run cancelled).
  virtual bool stop_requested() const = 0;
  /// Checks or reads several URLs concurrently under the host's policy, limits and cache.
  /// Results come back in request order. Returns `offline` outcomes when the run is offline.
  virtual std::vector<FetchResult> fetch_all(const std::vector<FetchRequest>& requests) = 0;
  /// A run-wide setting given to the host, e.g. "sources-dir" (`--sources DIR`); empty if unset.
  virtual std::string host_setting(std::string_view name) const = 0;
};

/// A checker. Implement this, then export it with `MARGINALIA_PLUGIN(Type)`.
class Plugin {
 public:
  virtual ~Plugin() = default;
  /// The plugin's metadata: id, version, summary, codes, options schema. Called at load and
  /// again after a `configure` that returned no problem: a plugin whose codes come from its
  /// options (the rules plugin's rule files) declares them then, with their documentation; the
  /// id must not change and every code must still start with `id/`.
  virtual PluginInfo info() const = 0;
  /// Applies options (already schema-validated); returns one message per problem, none if fine.
  virtual std::vector<std::string> configure(const Options& options) = 0;
  /// Checks one document, reporting findings and marks. May run concurrently across documents.
  virtual void check(const Document& document, Reporter& reporter) const = 0;
};

}  // namespace MARGINALIA_SDK_NAMESPACE
}  // namespace marginalia::sdk
