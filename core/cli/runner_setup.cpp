// SPDX-License-Identifier: MIT
#include "cli/runner_setup.hpp"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <boost/dll/runtime_symbol_info.hpp>
#include <thread>

#include "host/isolated_runner.hpp"
#include "host/plugin_registry.hpp"
#include "host/worker_plugin.hpp"

namespace marginalia::cli {

bool isolation_enabled(const CommandLine& line) { return line.isolation != "none"; }

std::string worker_executable() {
  // The lean marginalia-worker beside the plugin folder (it starts 6-7 times faster); failing
  // that, this very binary, which serves `__worker` too.
  std::filesystem::path self = boost::dll::program_location().string();
  std::filesystem::path lean = self.parent_path().parent_path() / "lib" / "marginalia" / "marginalia-worker";
  if (::access(lean.c_str(), X_OK) == 0) return lean.lexically_normal().string();
  return self.string();
}

std::function<host::LoadResult(const std::string& path)> make_plugin_loader(const CommandLine& line) {
  if (!isolation_enabled(line)) return [](const std::string& path) { return host::load_plugin(path); };
  host::WorkerSettings settings;
  settings.executable = worker_executable();
  if (line.timeout_ms) settings.timeout_ms = line.timeout_ms;
  if (line.memory_limit_mb) settings.memory_limit_bytes = line.memory_limit_mb << 20;
  host::PluginSearch search;
  search.extra_dirs = line.plugin_dirs;
  search.use_default_dir = line.default_plugins;
  return host::make_worker_loader(search, settings);
}

std::unique_ptr<host::PluginRunner> make_plugin_runner(const CommandLine& line, std::string&) {
  if (!isolation_enabled(line)) return std::make_unique<host::InProcessRunner>();
  return std::make_unique<host::IsolatedRunner>();
}

}  // namespace marginalia::cli
