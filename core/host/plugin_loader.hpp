// SPDX-License-Identifier: MIT
// The plugin host: finds plugin libraries, loads them with Boost.DLL, checks the API version
// each one was built against before calling anything else, and keeps every library loaded
// until the process exits (a plugin object must never outlive its code). Refusals are values
// that name the file and say why; loading goes on past them.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "host/plugin_handle.hpp"
#include "marginalia/sdk/plugin.hpp"
#include "util/problem.hpp"

namespace marginalia::host {

/// A loaded plugin as the registry holds it: plain data and the host's handle.
struct LoadedPlugin {
  /// The library file.
  std::string path;
  /// The API version the plugin was built against (major << 16 | minor).
  std::uint32_t api_version = 0;
  /// Metadata copied from `info()` at load.
  sdk::PluginInfo info;
  /// How the host configures and runs it (in this process or in worker processes).
  std::shared_ptr<PluginHandle> instance;
};

/// Why a library was not loaded: the file, a code (`host/plugin-incompatible`,
/// `host/plugin-load-failed`, `host/not-a-plugin`, `host/plugin-refused`) and the reason.
using LoadProblem = util::Problem;

/// A plugin or the problem that kept it from loading.
using LoadResult = util::Result<LoadedPlugin>;

/// A plugin library opened in this process: the SDK instance itself, for the code that calls
/// it directly (the in-process handle and the worker process).
struct OpenedPlugin {
  std::string path;
  std::uint32_t api_version = 0;
  sdk::PluginInfo info;
  /// Destroyed through the library's own `marginalia_plugin_destroy`.
  std::shared_ptr<sdk::Plugin> plugin;
};

/// Opens one library in this process and creates its plugin after checking the API version,
/// the id and the codes. Never throws.
util::Result<OpenedPlugin> open_plugin(const std::string& path);

/// Loads one library in this process (`open_plugin`) behind an in-process handle. Never throws.
LoadResult load_plugin(const std::string& path);

/// Reads only the API version a library exports, without creating the plugin; nullopt when the
/// library cannot be opened or exports none.
std::optional<std::uint32_t> read_plugin_api_version(const std::string& path);

/// "1.0" for a packed version.
std::string format_api_version(std::uint32_t packed);

}  // namespace marginalia::host
