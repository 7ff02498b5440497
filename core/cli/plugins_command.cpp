// SPDX-License-Identifier: MIT
// `marginalia plugins`: what is loaded, from where, and what each plugin can report.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/settings_from_flags.hpp"
#include "session/session.hpp"
#include "host/plugin_loader.hpp"

namespace marginalia::cli {

ExitCode run_plugins_command(const CommandLine& line) {
  session::RunSettings settings = settings_from_flags(line);
  host::PluginRegistry registry = session::discover_plugins(settings);
  session::select_plugins(registry, settings, {});
  if (line.json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const host::LoadedPlugin& plugin : registry.plugins()) {
      nlohmann::ordered_json codes = nlohmann::ordered_json::array();
      for (const sdk::CodeInfo& code : plugin.info.codes)
        codes.push_back({{"code", code.code}, {"severity", sdk::to_string(code.default_severity)}, {"summary", code.summary}});
      nlohmann::json schema = nlohmann::json::parse(plugin.info.options_schema, nullptr, false);
      out.push_back({{"id", plugin.info.id},
                     {"version", plugin.info.version},
                     {"api_version", host::format_api_version(plugin.api_version)},
                     {"summary", plugin.info.summary},
                     {"help_url", plugin.info.help_url},
                     {"path", plugin.path},
                     {"codes", codes},
                     {"options_schema", schema.is_discarded() ? nlohmann::json(nullptr) : schema}});
    }
    nlohmann::ordered_json problems = nlohmann::ordered_json::array();
    for (const host::LoadProblem& p : registry.problems()) problems.push_back({{"path", p.path}, {"code", p.code}, {"message", p.message}});
    nlohmann::ordered_json root{{"plugins", out}, {"problems", problems}};
    std::puts(root.dump(2).c_str());
    return registry.problems().empty() ? ExitCode::clean : ExitCode::failure;
  }
  for (const host::LoadedPlugin& plugin : registry.plugins()) {
    std::printf("%s %s (API %s) — %s\n  %s\n", plugin.info.id.c_str(), plugin.info.version.c_str(),
                host::format_api_version(plugin.api_version).c_str(), plugin.info.summary.c_str(), plugin.path.c_str());
    for (const sdk::CodeInfo& code : plugin.info.codes)
      std::printf("    %-36s %-8s %s\n", code.code.c_str(), sdk::to_string(code.default_severity), code.summary.c_str());
  }
  for (const host::LoadProblem& problem : registry.problems())
    std::printf("%s: refused: %s [%s]\n", problem.path.c_str(), problem.message.c_str(), problem.code.c_str());
  if (registry.plugins().empty()) std::printf("no plugins found (searched %s)\n", host::default_plugin_directory().c_str());
  return registry.problems().empty() ? ExitCode::clean : ExitCode::failure;
}

}  // namespace marginalia::cli
