// SPDX-License-Identifier: MIT
// Loading and configuring the plugins a command needs, from the command line and marginalia.json.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <map>
#include <string>
#include <vector>

#include "cli/command_line.hpp"
#include "host/plugin_registry.hpp"

namespace marginalia::cli {

/// Discovers every plugin in the folders the command line names, none filtered out yet (so a
/// configuration can be checked against plugins it turns off).
host::PluginRegistry discover_plugins(const CommandLine& line);

/// Keeps the plugins that run: `--enable ID` wins, then `--disable ID`, then configuration.
void select_plugins(host::PluginRegistry& registry, const CommandLine& line, const std::vector<std::string>& disabled_by_config);

/// `discover_plugins` then `select_plugins`.
host::PluginRegistry load_plugins(const CommandLine& line, const std::vector<std::string>& disabled_by_config);

/// Validates each plugin's options against its schema and calls `configure`. `options` maps a
/// plugin id to its options object; `origin` names where they came from for messages. Returns
/// one message per problem.
std::vector<std::string> configure_plugins(host::PluginRegistry& registry, const std::map<std::string, nlohmann::json>& options,
                                           const std::string& origin);

}  // namespace marginalia::cli
