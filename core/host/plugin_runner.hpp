// SPDX-License-Identifier: MIT
// Running one plugin over one document and getting plain data back. Two runners share this
// interface: in-process (`--isolation=none`, for debugging) and isolated (a worker process per
// plugin, the default). Either way a plugin's fault becomes a status, never a host crash, and
// output that breaks the contract is dropped whole, never half-merged.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "host/plugin_loader.hpp"
#include "marginalia/sdk/document.hpp"
#include "marginalia/sdk/finding.hpp"
#include "net/fetch_service.hpp"

namespace marginalia::host {

/// How a plugin's check ended. The last three say why a library never loaded (see
/// `load_problem_result`): such a plugin's findings are missing from every document.
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

/// The run result that stands for a library that did not load, in every document it would have
/// checked: the plugin id is the file's stem, the status follows the problem's code
/// (`host/plugin-incompatible` → incompatible…) and the detail names the file and the reason.
PluginRunResult load_problem_result(const LoadProblem& problem);

/// Runs a plugin's check.
class PluginRunner {
 public:
  virtual ~PluginRunner() = default;
  virtual PluginRunResult run(const LoadedPlugin& plugin, const sdk::Document& document, const RunContext& context) = 0;
  /// Runs every plugin over one document; results in `plugins` order. By default one `run`
  /// after the other; the isolated runner has all its workers check the document at once.
  virtual std::vector<PluginRunResult> run_all(const std::vector<LoadedPlugin>& plugins, const sdk::Document& document,
                                               const RunContext& context) {
    std::vector<PluginRunResult> results;
    results.reserve(plugins.size());
    for (const LoadedPlugin& plugin : plugins) results.push_back(run(plugin, document, context));
    return results;
  }
};

/// Runs `check` in this process, containing exceptions. No protection from crashes or hangs.
class InProcessRunner final : public PluginRunner {
 public:
  PluginRunResult run(const LoadedPlugin& plugin, const sdk::Document& document, const RunContext& context) override;
};

/// Checks findings and marks against the contract: declared codes, spans inside the text on
/// character boundaries, non-empty valid UTF-8 messages, limits. Returns an empty string when
/// all is well, otherwise why the output is rejected.
std::string validate_plugin_output(const sdk::PluginInfo& info, const sdk::Document& document, const PluginRunResult& result,
                                   const RunContext& context);

}  // namespace marginalia::host
