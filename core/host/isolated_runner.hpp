// SPDX-License-Identifier: MIT
// The default plugin runner: every plugin checks every document in a worker process
// (`marginalia __worker`, see worker_plugin.hpp), so no plugin, however broken, costs more than
// its own findings. A fault becomes a status (crashed, timeout, out-of-memory,
// output-too-large, bad-output, failed, load-failed) that merge turns into one `host/…` finding
// naming the plugin; the plugin's partial findings are discarded whole, so the output never
// depends on when a plugin died. Limits come from RunContext: `timeout_ms` (wall clock per
// document, SIGKILL to the worker's process group), `memory_limit_bytes` (RLIMIT_AS of the
// worker), `max_findings` and `max_output_bytes`.
#pragma once

#include "host/plugin_runner.hpp"

namespace marginalia::host {

/// Runs each plugin's check in its worker processes. Plugins must have been loaded with
/// `load_plugin_in_worker`; any other plugin gets status `failed` (it was never isolated, and
/// running it here would silently drop the protection).
class IsolatedRunner final : public PluginRunner {
 public:
  PluginRunResult run(const LoadedPlugin& plugin, const sdk::Document& document, const RunContext& context) override;
  /// Hands the document to every plugin's worker first, then collects the results in order:
  /// the plugins check it at the same time, and the pipe round trips overlap.
  std::vector<PluginRunResult> run_all(const std::vector<LoadedPlugin>& plugins, const sdk::Document& document,
                                       const RunContext& context) override;
};

}  // namespace marginalia::host
