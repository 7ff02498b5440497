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

#include "marginalia/sdk/plugin.hpp"

namespace marginalia::host {

/// A plugin instance together with what the host knows about it.
struct LoadedPlugin {
  /// The library file.
  std::string path;
  /// The API version the plugin was built against (major << 16 | minor).
  std::uint32_t api_version = 0;
  /// Metadata copied from `info()` at load.
  sdk::PluginInfo info;
  /// The instance; destroyed through the library's own `marginalia_plugin_destroy`.
  std::shared_ptr<sdk::Plugin> instance;
};

/// Why a library was not loaded.
struct LoadProblem {
  std::string path;
  /// `host/plugin-incompatible`, `host/plugin-load-failed`, `host/not-a-plugin`, `host/plugin-refused`.
  std::string code;
  std::string message;
};

/// Either a plugin or a problem.
struct LoadResult {
  std::optional<LoadedPlugin> plugin;
  std::optional<LoadProblem> problem;
};

/// Loads one library. Never throws.
LoadResult load_plugin(const std::string& path);

/// Reads only the API version a library exports, without creating the plugin; nullopt when the
/// library cannot be opened or exports none.
std::optional<std::uint32_t> read_plugin_api_version(const std::string& path);

/// "1.0" for a packed version.
std::string format_api_version(std::uint32_t packed);

}  // namespace marginalia::host
