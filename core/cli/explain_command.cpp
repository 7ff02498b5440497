// SPDX-License-Identifier: MIT
// `marginalia explain CODE`: the documentation of a finding code, taken from the plugin's own
// README (its `### <code>` section) or from the core's table for reader/ and host/ codes.
#include <cstdio>
#include <string>

#include "cli/commands.hpp"
#include "cli/settings_from_flags.hpp"
#include "session/session.hpp"
#include "host/builtin_codes.hpp"
#include "util/did_you_mean.hpp"

namespace marginalia::cli {
namespace {

// The section under "### <heading>" up to the next heading of level 3 or less.
std::string section(const std::string& markdown, const std::string& heading) {
  std::string marker = "### " + heading;
  std::size_t at = 0;
  while ((at = markdown.find(marker, at)) != std::string::npos) {
    bool line_start = at == 0 || markdown[at - 1] == '\n';
    std::size_t after = at + marker.size();
    bool line_end = after >= markdown.size() || markdown[after] == '\n' || markdown[after] == '\r';
    if (line_start && line_end) break;
    at = after;
  }
  if (at == std::string::npos) return {};
  std::size_t end = at + marker.size();
  while (true) {
    std::size_t next = markdown.find("\n#", end);
    if (next == std::string::npos) { end = markdown.size(); break; }
    std::size_t hashes = 0;
    while (next + 1 + hashes < markdown.size() && markdown[next + 1 + hashes] == '#') ++hashes;
    if (hashes <= 3) { end = next; break; }
    end = next + 1;
  }
  return markdown.substr(at, end - at);
}

// The user's part of a plugin README: the title and summary, the code table, the options and the
// limitations; not the per-code sections (`explain CODE` shows one) nor what follows Limitations
// (accuracy figures, design notes for developers).
std::string user_documentation(const std::string& readme) {
  std::string out;
  std::size_t first_section = readme.find("\n## ");
  std::string preamble = readme.substr(0, first_section);
  // The title and the summary sentence: the first paragraph after the title.
  std::size_t summary_end = preamble.find("\n\n", preamble.find("\n\n") == std::string::npos ? 0 : preamble.find("\n\n") + 2);
  out += preamble.substr(0, summary_end) + "\n";
  for (std::size_t at = first_section; at != std::string::npos;) {
    std::size_t next = readme.find("\n## ", at + 1);
    std::string part = readme.substr(at, next == std::string::npos ? std::string::npos : next - at);
    std::size_t title_end = part.find('\n', 1);
    std::string title = part.substr(4, title_end == std::string::npos ? std::string::npos : title_end - 4);
    if (title == "Finding codes") {
      out += part.substr(0, part.find("\n### ")) + "\n";
    } else if (title == "Options") {
      out += part + "\n";
    } else if (title == "Limitations") {
      out += part + "\n";
      break;
    }
    at = next;
  }
  return out + "\n'marginalia explain CODE' shows one code in full.\n";
}

// Every code a user could mean: the core's and every loaded plugin's.
std::vector<std::string> known_codes(const host::PluginRegistry& registry) {
  std::vector<std::string> codes;
  for (const host::BuiltinCode& builtin : host::builtin_codes()) codes.push_back(builtin.info.code);
  for (const host::LoadedPlugin& plugin : registry.plugins()) {
    codes.push_back(plugin.info.id);
    for (const sdk::CodeInfo& info : plugin.info.codes) codes.push_back(info.code);
  }
  return codes;
}

}  // namespace

ExitCode run_explain_command(const CommandLine& line) {
  const std::string& code = line.inputs[0];
  for (const host::BuiltinCode& builtin : host::builtin_codes()) {
    if (builtin.info.code != code) continue;
    std::printf("### %s\n\n%s (default severity: %s)\n\n%s\n", code.c_str(), builtin.info.summary.c_str(),
                sdk::to_string(builtin.info.default_severity), builtin.documentation.c_str());
    return ExitCode::clean;
  }
  session::RunSettings settings = settings_from_flags(line);
  host::PluginRegistry registry = session::discover_plugins(settings);
  session::select_plugins(registry, settings, {});
  std::string plugin_id = code.substr(0, code.find('/'));
  const host::LoadedPlugin* plugin = registry.find(plugin_id);
  if (!plugin) {
    std::fprintf(stderr, "marginalia: '%s' is neither a loaded plugin nor a finding code%s\n", code.c_str(),
                 util::did_you_mean(code, known_codes(registry)).c_str());
    return ExitCode::failure;
  }
  if (code == plugin_id) {
    std::printf("%s", plugin->info.documentation.empty() ? (plugin->info.summary + "\n").c_str()
                                                          : user_documentation(plugin->info.documentation).c_str());
    return ExitCode::clean;
  }
  for (const sdk::CodeInfo& info : plugin->info.codes) {
    if (info.code != code) continue;
    std::string doc = section(plugin->info.documentation, code);
    if (doc.empty()) doc = "### " + code + "\n\n" + info.summary;
    std::printf("%s\n\n(default severity: %s; plugin %s %s)\n", doc.c_str(), sdk::to_string(info.default_severity),
                plugin->info.id.c_str(), plugin->info.version.c_str());
    return ExitCode::clean;
  }
  // Codes a plugin declares from its options (the rules plugin's rule files) exist only once it
  // is configured by the configuration that applies here.
  session::Session session(settings);
  util::Result<const host::PluginRegistry*> configured = session.configured_plugins("./marginalia.json");
  if (!configured) {
    for (const util::Problem& problem : configured.problems()) std::fprintf(stderr, "marginalia: %s\n", problem.to_string().c_str());
    return ExitCode::failure;
  }
  if (const host::LoadedPlugin* found = (*configured)->find(plugin_id))
    for (const sdk::CodeInfo& info : found->info.codes) {
      if (info.code != code) continue;
      std::string doc = section(found->info.documentation, code);
      if (doc.empty()) doc = "### " + code + "\n\n" + info.summary;
      std::printf("%s\n\n(default severity: %s; plugin %s %s)\n", doc.c_str(), sdk::to_string(info.default_severity),
                  found->info.id.c_str(), found->info.version.c_str());
      return ExitCode::clean;
    }
  std::fprintf(stderr, "marginalia: plugin '%s' has no code '%s'%s; 'marginalia plugins' lists them\n", plugin_id.c_str(), code.c_str(),
               util::did_you_mean(code, known_codes(registry)).c_str());
  return ExitCode::failure;
}

}  // namespace marginalia::cli
