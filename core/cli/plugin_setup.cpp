// SPDX-License-Identifier: MIT
#include "cli/plugin_setup.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "cli/runner_setup.hpp"
#include "config/plugin_options.hpp"

namespace marginalia::cli {

host::PluginRegistry discover_plugins(const CommandLine& line) {
  host::PluginSearch search;
  search.extra_dirs = line.plugin_dirs;
  search.use_default_dir = line.default_plugins;
  search.use_environment = true;
  search.loader = make_plugin_loader(line);
  return host::PluginRegistry::discover(search);
}

void select_plugins(host::PluginRegistry& registry, const CommandLine& line, const std::vector<std::string>& disabled_by_config) {
  auto listed = [](const std::vector<std::string>& list, const std::string& id) {
    return std::find(list.begin(), list.end(), id) != list.end();
  };
  registry.retain([&](const std::string& id) {
    if (listed(line.enable, id)) return true;
    return !listed(line.disable, id) && !listed(disabled_by_config, id);
  });
}

host::PluginRegistry load_plugins(const CommandLine& line, const std::vector<std::string>& disabled_by_config) {
  host::PluginRegistry registry = discover_plugins(line);
  select_plugins(registry, line, disabled_by_config);
  return registry;
}

std::vector<std::string> configure_plugins(host::PluginRegistry& registry, const std::map<std::string, nlohmann::json>& options,
                                           const std::string& origin) {
  std::vector<std::string> problems;
  for (const host::LoadedPlugin& plugin : registry.plugins()) {
    auto found = options.find(plugin.info.id);
    nlohmann::json object = found == options.end() ? nlohmann::json::object() : found->second;
    config::PluginOptionsResult result = config::make_plugin_options(plugin.info, object);
    for (const config::SchemaError& error : result.errors)
      problems.push_back(origin + ": /plugins/" + plugin.info.id + "/options" + error.path + ": " + error.message);
    if (!result.errors.empty()) continue;
    try {
      for (const std::string& message : plugin.instance->configure(result.options))
        problems.push_back(origin + ": /plugins/" + plugin.info.id + "/options: " + message);
    } catch (const std::exception& e) {
      problems.push_back("plugin '" + plugin.info.id + "' failed in configure: " + e.what());
    } catch (...) {
      problems.push_back("plugin '" + plugin.info.id + "' failed in configure");
    }
  }
  return problems;
}

}  // namespace marginalia::cli
