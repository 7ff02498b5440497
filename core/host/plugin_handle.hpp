// SPDX-License-Identifier: MIT
// The host's handle on one loaded plugin, however it runs: configure it once, then check
// documents with it. Two kinds of handle implement it (plugin_host.hpp): a library loaded in
// this process (`--isolation none`, for debugging) and a plugin living in worker processes
// (worker_plugin.hpp, the default). Either way a plugin's fault becomes a status, never a host
// crash, and output that breaks the contract is dropped whole, never half-merged.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "marginalia/sdk/document.hpp"
#include "marginalia/sdk/finding.hpp"
#include "marginalia/sdk/options.hpp"
#include "marginalia/sdk/plugin.hpp"
#include "net/fetch_service.hpp"

namespace marginalia::host {

/// How a plugin's check ended. The last three say why a library never loaded (see
/// `load_problem_result`): such a plugin's findings are missing from every document. Each
/// status but `ok` has its `host/…` code in the table of builtin_codes.cpp.
enum class RunStatus { ok, failed, crashed, timeout, out_of_memory, output_too_large, bad_output, load_failed, incompatible, refused, not_a_plugin };

/// The lower-case, hyphenated name ("out-of-memory").
const char* to_string(RunStatus status);

/// What one plugin produced for one document.
struct PluginRunResult {
  std::string plugin_id;
  RunStatus status = RunStatus::ok;
  /// Why it failed (exception text, signal name, limit hit).
  std::string detail;
  std::vector<sdk::Finding> findings;
  std::vector<sdk::Mark> marks;
};

/// What a run gives every plugin call.
struct RunContext {
  /// Settings plugins may read with `Reporter::host_setting` ("sources-dir").
  std::map<std::string, std::string> host_settings;
  /// The network service; never null.
  net::FetchService* fetch = nullptr;
  /// Limits per plugin call.
  unsigned timeout_ms = 30000;
  unsigned long long memory_limit_bytes = 2ull << 30;
  std::size_t max_findings = 100000;
  std::size_t max_output_bytes = 64ull << 20;
};

/// One document to check with every plugin of a run.
struct CheckRequest {
  const sdk::Document& document;
  const RunContext& context;
  /// The document as worker processes receive it, encoded by the first worker plugin that
  /// needs it, so that a document checked by several plugins is encoded once.
  mutable std::optional<std::string> encoded;
};

/// A check handed to a plugin and not yet collected.
class PendingCheck {
 public:
  virtual ~PendingCheck() = default;
  /// Waits for the plugin's answer (at once when it has already come).
  virtual PluginRunResult finish() = 0;
};

/// A loaded plugin, as the host drives it.
class PluginHandle {
 public:
  virtual ~PluginHandle() = default;
  /// Calls the plugin's `configure` with already validated options; returns its problems and
  /// rethrows what it threw as std::runtime_error.
  virtual std::vector<std::string> configure(const sdk::Options& options) = 0;
  /// Hands the document to the plugin and returns without waiting when the plugin runs
  /// elsewhere, so that several plugins can check one document at the same time.
  /// Thread-safe: concurrent checks of different documents are allowed.
  virtual std::unique_ptr<PendingCheck> begin(const CheckRequest& request) = 0;
  /// Checks one document: `begin`, then `finish`.
  PluginRunResult run(const sdk::Document& document, const RunContext& context) {
    CheckRequest request{document, context, std::nullopt};
    return begin(request)->finish();
  }
};

/// Checks findings and marks against the contract: declared codes, spans inside the text on
/// character boundaries, non-empty valid UTF-8 messages, limits. Returns an empty string when
/// all is well, otherwise why the output is rejected.
std::string validate_plugin_output(const sdk::PluginInfo& info, const sdk::Document& document, const PluginRunResult& result,
                                   const RunContext& context);

}  // namespace marginalia::host
