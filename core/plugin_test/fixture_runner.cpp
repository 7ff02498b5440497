// SPDX-License-Identifier: MIT
#include "plugin_test/fixture_runner.hpp"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>

#include "config/plugin_options.hpp"
#include "net/scripted_fetch_service.hpp"
#include "pipeline/pipeline.hpp"
#include "readers/reader_registry.hpp"

namespace marginalia::plugin_test {
namespace {

namespace fs = std::filesystem;

std::string describe(const merge::ReportedFinding& f) {
  return std::to_string(f.begin.line) + ":" + std::to_string(f.begin.column) + " " + f.finding.code + " " + f.finding.message;
}

std::string describe(const ExpectedFinding& e) {
  std::string text = std::to_string(e.line) + ":" + std::to_string(e.column) + " " + e.code;
  if (!e.message_fragment.empty()) text += " " + e.message_fragment;
  return text;
}

// The actual block keeps the fixture's own lines where they still hold, so a diff shows only
// what changed and an update keeps hand-written fragments and comments.
std::vector<std::string> actual_block(const FixtureFile& fixture, const std::vector<bool>& met,
                                      const std::vector<const merge::ReportedFinding*>& unexpected) {
  std::vector<bool> drop(fixture.block_lines.size(), false);
  for (std::size_t i = 0; i < fixture.expected.size(); ++i)
    if (!met[i]) drop[fixture.expected[i].block_line] = true;
  // Where each kept expectation sits, so that a new finding goes before the first one after it.
  std::vector<std::pair<std::pair<unsigned, unsigned>, std::size_t>> kept;
  for (std::size_t i = 0; i < fixture.expected.size(); ++i)
    if (met[i]) kept.push_back({{fixture.expected[i].line, fixture.expected[i].column}, fixture.expected[i].block_line});
  std::size_t end = fixture.block_lines.size();
  while (end > 0 && fixture.block_lines[end - 1].find_first_not_of(" \r") == std::string::npos) --end;
  std::vector<std::vector<std::string>> inserted(fixture.block_lines.size() + 1);
  for (const merge::ReportedFinding* f : unexpected) {
    std::size_t at = end;
    for (const auto& [position, line] : kept)
      if (position > std::make_pair(f->begin.line, f->begin.column) && line < at) at = line;
    inserted[at].push_back(describe(*f));
  }
  std::vector<std::string> lines;
  for (std::size_t i = 0; i <= fixture.block_lines.size(); ++i) {
    for (std::string& line : inserted[i]) lines.push_back(std::move(line));
    if (i < fixture.block_lines.size() && !drop[i]) lines.push_back(fixture.block_lines[i]);
  }
  return lines;
}

}  // namespace

FixtureOutcome run_fixture(const FixtureFile& fixture, const host::PluginRegistry& registry, const host::LoadedPlugin& plugin) {
  FixtureOutcome outcome;
  outcome.actual_block_lines = fixture.block_lines;
  if (!fixture.error.empty()) {
    outcome.error = fixture.error;
    return outcome;
  }
  nlohmann::json options = nlohmann::json::parse(fixture.options, nullptr, false);
  if (options.is_discarded()) {
    outcome.error = "options are not JSON: " + fixture.options;
    return outcome;
  }
  // Paths in options (the rules plugin's styles) are relative to the fixture, as a
  // configuration's are to its file.
  options = config::resolve_path_options(plugin.info.options_schema, options, fs::path(fixture.path).parent_path().string());
  config::PluginOptionsResult configured = config::make_plugin_options(plugin.info, options);
  if (!configured.errors.empty()) {
    const config::SchemaError& first = configured.errors.front();
    outcome.error = "options rejected: " + (first.path.empty() ? std::string() : first.path + ": ") + first.message;
    return outcome;
  }
  std::vector<std::string> problems = plugin.instance->configure(configured.options);
  if (!problems.empty()) {
    outcome.error = "the plugin refused the options: " + problems.front();
    return outcome;
  }

  // What URLs "answer" comes from the fixture's fetch-result lines; the rest is offline.
  net::ScriptedFetchService answers;
  for (const std::string& line : fixture.fetch_results) {
    std::string error = answers.add(line);
    if (!error.empty()) {
      outcome.error = error;
      return outcome;
    }
  }
  pipeline::RunOptions run;
  run.context.fetch = &answers;
  run.document_date = fixture.document_date;
  for (const auto& [name, value] : fixture.host_settings) {
    fs::path resolved = fs::path(fixture.path).parent_path() / value;
    run.context.host_settings[name] = fs::exists(resolved) ? resolved.string() : value;
  }
  pipeline::Pipeline pipeline(registry, run);
  // The input is read from memory under the fixture's name, so its format is the fixture's.
  merge::FileReport file;
  if (fixture.input.empty() && fs::path(fixture.path).extension() == ".docx") {
    file = pipeline.check_file(fixture.path);
  } else {
    readers::ReadOptions read;
    file = pipeline.check_read(fixture.path, readers::read_bytes(fixture.path, fixture.input, read));
  }
  if (file.error) {
    outcome.error = file.error->code + " " + file.error->message;
    return outcome;
  }

  std::vector<const merge::ReportedFinding*> actual;
  for (const merge::ReportedFinding& f : file.report->findings)
    if (f.plugin == plugin.info.id || f.plugin == "host") actual.push_back(&f);
  std::vector<bool> used(actual.size(), false), met(fixture.expected.size(), false);
  for (std::size_t e = 0; e < fixture.expected.size(); ++e) {
    const ExpectedFinding& expected = fixture.expected[e];
    for (std::size_t i = 0; i < actual.size() && !met[e]; ++i) {
      const merge::ReportedFinding& f = *actual[i];
      if (used[i] || f.begin.line != expected.line || f.begin.column != expected.column || f.finding.code != expected.code) continue;
      if (f.finding.message.find(expected.message_fragment) == std::string::npos) continue;
      used[i] = met[e] = true;
    }
    if (!met[e]) outcome.differences.push_back("expected but not reported: " + describe(expected));
  }
  std::vector<const merge::ReportedFinding*> unexpected;
  for (std::size_t i = 0; i < actual.size(); ++i)
    if (!used[i]) {
      outcome.differences.push_back("reported but not expected: " + describe(*actual[i]));
      unexpected.push_back(actual[i]);
    }
  outcome.actual_block_lines = actual_block(fixture, met, unexpected);
  return outcome;
}

std::string with_block(const FixtureFile& fixture, const std::vector<std::string>& block_lines) {
  std::string text = fixture.before_block;
  for (const std::string& line : block_lines) text += line + "\n";
  return text;
}

}  // namespace marginalia::plugin_test
