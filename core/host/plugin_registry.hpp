// SPDX-License-Identifier: MIT
// Which plugins a run has: discovered in the plugin folder next to the binary (build tree and
// install tree), in folders given with --plugin-dir and in MARGINALIA_PLUGIN_PATH; loaded in
// file-name order so runs are reproducible; the first plugin of an id wins.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "host/plugin_host.hpp"

namespace marginalia::host {

/// Where to look for plugins.
struct PluginSearch {
  /// Folders from --plugin-dir, searched first.
  std::vector<std::string> extra_dirs;
  /// Also search MARGINALIA_PLUGIN_PATH.
  bool use_environment = true;
  /// Also search the folder installed beside the binary.
  bool use_default_dir = true;
  /// How each library is loaded and run; empty = in this process (`InProcessHost`). Isolation
  /// passes a `WorkerHost` so that no plugin code runs in the host.
  std::shared_ptr<PluginHost> host;
};

/// The loaded plugins of a run, and the libraries that were refused.
class PluginRegistry {
 public:
  /// Discovers and loads every plugin `search` finds.
  static PluginRegistry discover(const PluginSearch& search);
  /// Adds one library (tests and --plugin FILE), with the search's host when discovered.
  void load(const std::string& path);

  /// Plugins sorted by id.
  const std::vector<LoadedPlugin>& plugins() const { return plugins_; }
  /// Libraries that were not loaded, in discovery order.
  const std::vector<LoadProblem>& problems() const { return problems_; }
  /// The plugin with this id, or nullptr.
  const LoadedPlugin* find(const std::string& id) const;
  /// Keeps only plugins for which `keep(id)` is true (configuration may disable some); a
  /// refused library is dropped too when `keep` is false for its file name's stem.
  template <class Predicate>
  void retain(Predicate keep) {
    std::vector<LoadedPlugin> kept;
    for (LoadedPlugin& plugin : plugins_)
      if (keep(plugin.info.id)) kept.push_back(std::move(plugin));
    plugins_ = std::move(kept);
    std::vector<LoadProblem> still;
    for (LoadProblem& problem : problems_)
      if (keep(file_stem(problem.path))) still.push_back(std::move(problem));
    problems_ = std::move(still);
  }

 private:
  static std::string file_stem(const std::string& path);
  std::shared_ptr<PluginHost> host_;
  std::vector<LoadedPlugin> plugins_;
  std::vector<LoadProblem> problems_;
};

/// The folders a search covers, in order.
std::vector<std::string> plugin_directories(const PluginSearch& search);

/// The default plugin folder for the running binary: `<bin>/../lib/marginalia/plugins`.
std::string default_plugin_directory();

}  // namespace marginalia::host
