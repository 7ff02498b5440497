// SPDX-License-Identifier: MIT
#include "cli/runner_setup.hpp"

#include <boost/dll/runtime_symbol_info.hpp>

#include "host/isolated_runner.hpp"
#include "host/worker_plugin.hpp"

namespace marginalia::cli {

bool isolation_enabled(const CommandLine& line) { return line.isolation != "none"; }

std::function<host::LoadResult(const std::string& path)> make_plugin_loader(const CommandLine& line) {
  if (!isolation_enabled(line)) return [](const std::string& path) { return host::load_plugin(path); };
  host::WorkerSettings settings;
  // The worker is this very binary, run as `marginalia __worker`.
  settings.executable = boost::dll::program_location().string();
  if (line.timeout_ms) settings.timeout_ms = line.timeout_ms;
  if (line.memory_limit_mb) settings.memory_limit_bytes = line.memory_limit_mb << 20;
  return [settings](const std::string& path) { return host::load_plugin_in_worker(path, settings); };
}

std::unique_ptr<host::PluginRunner> make_plugin_runner(const CommandLine& line, std::string&) {
  if (!isolation_enabled(line)) return std::make_unique<host::InProcessRunner>();
  return std::make_unique<host::IsolatedRunner>();
}

}  // namespace marginalia::cli
