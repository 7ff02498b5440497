// SPDX-License-Identifier: MIT
// `marginalia init`: writes a starting marginalia.json with every plugin found, enabled (unless
// --disable names it) and with its default options, so the file documents what can be set.
#include <cstdio>
#include <boost/dll/runtime_symbol_info.hpp>
#include <filesystem>

#include "cli/commands.hpp"
#include "cli/settings_from_flags.hpp"
#include "session/session.hpp"
#include "config/config.hpp"
#include "writers/atomic_file.hpp"

namespace marginalia::cli {
namespace {

// <prefix>/share/marginalia/schemas/config.schema.json beside <prefix>/bin/marginalia, as a URI.
std::string installed_config_schema() {
  std::filesystem::path self = boost::dll::program_location().string();
  std::filesystem::path schema = self.parent_path().parent_path() / "share" / "marginalia" / "schemas" / "config.schema.json";
  return "file://" + schema.lexically_normal().string();
}

}  // namespace

ExitCode run_init_command(const CommandLine& line) {
  std::string path = line.output.empty() ? config::kConfigFileName : line.output;
  std::error_code error;
  if (path != "-" && std::filesystem::exists(path, error) && !line.force) {
    std::fprintf(stderr, "marginalia: %s already exists; use --force to overwrite it\n", path.c_str());
    return ExitCode::failure;
  }
  host::PluginRegistry registry = session::discover_plugins(settings_from_flags(line));
  for (const host::LoadProblem& problem : registry.problems())
    std::fprintf(stderr, "marginalia: %s: %s [%s]\n", problem.path.c_str(), problem.message.c_str(), problem.code.c_str());
  std::vector<sdk::PluginInfo> plugins;
  for (const host::LoadedPlugin& plugin : registry.plugins()) plugins.push_back(plugin.info);
  nlohmann::ordered_json config = config::starting_config(plugins);
  // Editors validate and complete the file against the schema installed with marginalia.
  nlohmann::ordered_json with_schema = {{"$schema", installed_config_schema()}};
  for (auto it = config.begin(); it != config.end(); ++it) with_schema[it.key()] = it.value();
  config = std::move(with_schema);
  for (const std::string& id : line.disable)
    if (config["plugins"].contains(id)) config["plugins"][id]["enabled"] = false;
  std::string text = config.dump(2) + "\n";
  if (std::string problem = writers::write_file_atomically(path, text); !problem.empty()) {
    std::fprintf(stderr, "marginalia: %s\n", problem.c_str());
    return ExitCode::failure;
  }
  if (path != "-") {
    std::string ids;
    for (const sdk::PluginInfo& plugin : plugins) ids += (ids.empty() ? "" : ", ") + plugin.id;
    std::fprintf(stderr, "wrote %s with %zu plugin%s%s%s\n", path.c_str(), plugins.size(), plugins.size() == 1 ? "" : "s",
                 ids.empty() ? "" : ": ", ids.c_str());
  }
  return ExitCode::clean;
}

}  // namespace marginalia::cli
