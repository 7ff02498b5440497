// SPDX-License-Identifier: MIT
// `marginalia test-plugin DIR`: runs a plugin's fixtures (DIR/tests/valid, DIR/tests/invalid) the
// way the project's own test suite runs the shipped plugins' (core/plugin_test), prints each
// difference as a unified diff of the expectation block, and with --update rewrites the block
// to what the plugin reports.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/commands.hpp"
#include "host/plugin_registry.hpp"
#include "plugin_test/fixture_file.hpp"
#include "plugin_test/fixture_runner.hpp"
#include "util/unified_diff.hpp"
#include "writers/atomic_file.hpp"

namespace marginalia::cli {
namespace {

namespace fs = std::filesystem;

// The plugin a folder holds: the id its CMakeLists.txt gives marginalia_add_plugin(), which
// names the library; failing that, the folder's name (plugins/acronyms, or a project folder
// marginalia-plugin-acronyms as the packaging convention names it).
std::string plugin_id_of(const fs::path& dir) {
  std::ifstream in(dir / "CMakeLists.txt");
  std::ostringstream text;
  text << in.rdbuf();
  const std::string cmake = text.str(), call = "marginalia_add_plugin(";
  for (std::size_t at = cmake.find(call); at != std::string::npos; at = cmake.find(call, at + 1)) {
    std::size_t line_start = cmake.rfind('\n', at);
    line_start = line_start == std::string::npos ? 0 : line_start + 1;
    if (cmake.find('#', line_start) < at) continue;  // a comment mentioning the function
    std::size_t begin = cmake.find_first_not_of(" \t\n", at + call.size());
    std::size_t end = cmake.find_first_of(" \t\n)", begin);
    if (begin != std::string::npos && end != std::string::npos && cmake[begin] != '$') return cmake.substr(begin, end - begin);
  }
  std::string name = fs::weakly_canonical(dir).filename().string();
  const std::string prefix = "marginalia-plugin-";
  if (name.rfind(prefix, 0) == 0) name = name.substr(prefix.size());
  return name;
}

// The plugin to test: the folder's id; failing that, the only plugin the --plugin-dir folders hold.
const host::LoadedPlugin* choose_plugin(const host::PluginRegistry& registry, const std::string& id, const std::vector<std::string>& dirs) {
  if (const host::LoadedPlugin* plugin = registry.find(id)) return plugin;
  const host::LoadedPlugin* only = nullptr;
  for (const host::LoadedPlugin& plugin : registry.plugins())
    for (const std::string& dir : dirs) {
      std::error_code error;
      if (!fs::equivalent(fs::path(plugin.path).parent_path(), dir, error)) continue;
      if (only && only != &plugin) return nullptr;
      only = &plugin;
    }
  return only;
}

// Expectation lines start with LINE:COLUMN; options, settings and comments do not.
std::size_t count_findings(const std::vector<std::string>& block) {
  std::size_t findings = 0;
  for (const std::string& line : block) {
    std::size_t colon = line.find(':'), space = line.find(' ');
    if (!line.empty() && line[0] >= '0' && line[0] <= '9' && colon != std::string::npos && space != std::string::npos && colon < space) ++findings;
  }
  return findings;
}

}  // namespace

ExitCode run_test_plugin_command(const CommandLine& line) {
  const fs::path dir = line.inputs.front();
  std::error_code error;
  if (!fs::is_directory(dir / "tests", error)) {
    std::fprintf(stderr, "marginalia: %s has no tests folder (want %s/tests/valid and %s/tests/invalid)\n", dir.string().c_str(),
                 dir.string().c_str(), dir.string().c_str());
    return ExitCode::failure;
  }
  host::PluginSearch search;
  search.extra_dirs = line.plugin_dirs;
  search.use_default_dir = line.default_plugins;
  host::PluginRegistry registry = host::PluginRegistry::discover(search);
  const std::string id = plugin_id_of(dir);
  const host::LoadedPlugin* chosen = choose_plugin(registry, id, line.plugin_dirs);
  if (!chosen) {
    std::fprintf(stderr, "marginalia: no plugin '%s' found (searched %s); build it and give its folder with --plugin-dir\n", id.c_str(),
                 line.plugin_dirs.empty() ? host::default_plugin_directory().c_str() : "the --plugin-dir folders and the installed plugins");
    for (const host::LoadProblem& problem : registry.problems())
      std::fprintf(stderr, "%s: refused: %s [%s]\n", problem.path.c_str(), problem.message.c_str(), problem.code.c_str());
    return ExitCode::failure;
  }
  const std::string chosen_id = chosen->info.id;
  // Only the plugin under test runs, so another plugin's findings never enter its fixtures.
  registry.retain([&](const std::string& plugin) { return plugin == chosen_id; });
  const host::LoadedPlugin& plugin = *registry.find(chosen_id);

  std::vector<plugin_test::FixtureFile> fixtures = plugin_test::find_plugin_fixtures(dir.string(), chosen_id);
  if (fixtures.empty()) {
    std::fprintf(stderr, "marginalia: no fixtures in %s/tests/valid or %s/tests/invalid\n", dir.string().c_str(), dir.string().c_str());
    return ExitCode::failure;
  }
  std::printf("testing %s %s (%s) with %zu fixtures from %s\n", chosen_id.c_str(), plugin.info.version.c_str(), plugin.path.c_str(),
              fixtures.size(), dir.string().c_str());
  std::size_t passed = 0, failed = 0, broken = 0, updated = 0;
  for (const plugin_test::FixtureFile& fixture : fixtures) {
    plugin_test::FixtureOutcome outcome = plugin_test::run_fixture(fixture, registry, plugin);
    if (!outcome.error.empty()) {
      std::printf("%s: error: %s\n", fixture.path.c_str(), outcome.error.c_str());
      ++broken;
      continue;
    }
    if (outcome.passed()) {
      ++passed;
      continue;
    }
    std::fputs(util::unified_diff(fixture.block_lines, outcome.actual_block_lines, fixture.expect_path, fixture.expect_path + " (reported)",
                                  fixture.block_first_line)
                   .c_str(),
               stdout);
    if (!line.update) {
      ++failed;
      continue;
    }
    std::size_t findings = count_findings(outcome.actual_block_lines);
    if (fixture.valid) {
      std::printf("%s: not updated: a fixture in tests/valid must report nothing; fix the plugin or move the file to tests/invalid\n",
                  fixture.path.c_str());
      ++failed;
    } else if (findings == 0) {
      std::printf("%s: not updated: the plugin reports nothing here; move the file to tests/valid if that is right\n", fixture.path.c_str());
      ++failed;
    } else if (std::string problem = writers::write_file_atomically(fixture.expect_path, plugin_test::with_block(fixture, outcome.actual_block_lines));
               !problem.empty()) {
      std::printf("%s: not updated: %s\n", fixture.expect_path.c_str(), problem.c_str());
      ++failed;
    } else {
      std::printf("%s: updated\n", fixture.expect_path.c_str());
      ++updated;
    }
  }
  std::printf("%zu fixtures: %zu passed, %zu differ%s, %zu could not run\n", fixtures.size(), passed, failed,
              line.update ? (", " + std::to_string(updated) + " updated").c_str() : "", broken);
  if (broken) return ExitCode::failure;
  return failed ? ExitCode::findings : ExitCode::clean;
}

}  // namespace marginalia::cli
