// SPDX-License-Identifier: MIT
#include "host/isolated_runner.hpp"

#include "host/worker_plugin.hpp"

namespace marginalia::host {

PluginRunResult IsolatedRunner::run(const LoadedPlugin& plugin, const sdk::Document& document, const RunContext& context) {
  if (auto* remote = dynamic_cast<WorkerPlugin*>(plugin.instance.get())) return remote->run(document, context);
  PluginRunResult result;
  result.plugin_id = plugin.info.id;
  result.status = RunStatus::failed;
  result.detail = "the plugin was loaded in-process, not in a worker; it was not run";
  return result;
}

}  // namespace marginalia::host
