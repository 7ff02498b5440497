// SPDX-License-Identifier: MIT
#include "host/isolated_runner.hpp"

#include <memory>

#include "host/worker_plugin.hpp"

namespace marginalia::host {

namespace {

PluginRunResult not_isolated(const LoadedPlugin& plugin) {
  PluginRunResult result;
  result.plugin_id = plugin.info.id;
  result.status = RunStatus::failed;
  result.detail = "the plugin was loaded in-process, not in a worker; it was not run";
  return result;
}

}  // namespace

PluginRunResult IsolatedRunner::run(const LoadedPlugin& plugin, const sdk::Document& document, const RunContext& context) {
  if (auto* remote = dynamic_cast<WorkerPlugin*>(plugin.instance.get())) return remote->run(document, context);
  return not_isolated(plugin);
}

std::vector<PluginRunResult> IsolatedRunner::run_all(const std::vector<LoadedPlugin>& plugins, const sdk::Document& document,
                                                     const RunContext& context) {
  // One encoding of the document serves every worker.
  const std::string frame = worker::encode_check_frame(document, WorkerPlugin::check_options(context));
  std::vector<std::unique_ptr<WorkerPlugin::Pending>> pending(plugins.size());
  for (std::size_t i = 0; i < plugins.size(); ++i)
    if (auto* remote = dynamic_cast<WorkerPlugin*>(plugins[i].instance.get())) pending[i] = remote->begin(document, context, &frame);
  std::vector<PluginRunResult> results;
  results.reserve(plugins.size());
  for (std::size_t i = 0; i < plugins.size(); ++i) {
    auto* remote = dynamic_cast<WorkerPlugin*>(plugins[i].instance.get());
    results.push_back(remote ? remote->finish(*pending[i]) : not_isolated(plugins[i]));
    pending[i].reset();  // the worker goes back to its pool now, not after the last plugin
  }
  return results;
}

}  // namespace marginalia::host
