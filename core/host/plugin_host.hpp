// SPDX-License-Identifier: MIT
// How plugins are loaded and run: one interface, two hosts. `InProcessHost` opens each library
// in this process (`--isolation none`, for debugging a plugin under a debugger);
// `WorkerHost` (worker_plugin.hpp, the default) loads and runs each plugin in worker processes,
// so that no plugin code runs in the host at all. Both give the registry the same plain
// `LoadedPlugin` values, whose handles configure and run the plugin; `run_plugins` checks a
// document with all of them the same way whatever the host.
#pragma once

#include <string>
#include <vector>

#include "host/plugin_loader.hpp"

namespace marginalia::host {

/// Loads plugin libraries for a registry.
class PluginHost {
 public:
  virtual ~PluginHost() = default;
  /// Announces every library the registry is about to load, so that a host can start them all
  /// at once; optional.
  virtual void expect(const std::vector<std::string>& paths) { (void)paths; }
  /// Loads one library; the problem names the file and the reason. Never throws.
  virtual LoadResult load(const std::string& path) = 0;
};

/// Loads with `load_plugin`: the plugin runs in this process, its exceptions are contained,
/// crashes and hangs are not.
class InProcessHost final : public PluginHost {
 public:
  LoadResult load(const std::string& path) override { return load_plugin(path); }
};

/// Runs every plugin over one document; results in `plugins` order. Each plugin gets the
/// document before any result is collected, so plugins in workers check it at the same time.
std::vector<PluginRunResult> run_plugins(const std::vector<LoadedPlugin>& plugins, const sdk::Document& document,
                                         const RunContext& context);

/// The run result that stands for a library that did not load, in every document it would have
/// checked: the plugin id is the file's stem, the status follows the problem's code
/// (`host/plugin-incompatible` → incompatible…) and the detail names the file and the reason.
PluginRunResult load_problem_result(const LoadProblem& problem);

}  // namespace marginalia::host
