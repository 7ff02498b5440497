// SPDX-License-Identifier: MIT
// `marginalia check`: resolve the configuration, load and configure plugins, check every input,
// apply the baseline, write the requested outputs, exit with the documented code.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli/commands.hpp"
#include "cli/config_setup.hpp"
#include "cli/network_setup.hpp"
#include "cli/plugin_setup.hpp"
#include "cli/runner_setup.hpp"
#include "host/builtin_codes.hpp"
#include "input/sources_folder.hpp"
#include "merge/baseline.hpp"
#include "pipeline/pipeline.hpp"
#include "reporters/reporter.hpp"
#include "writers/atomic_file.hpp"
#include "writers/tei_writer.hpp"

namespace marginalia::cli {
namespace {

namespace fs = std::filesystem;
using reporters::plural;

sdk::Severity severity_named(const std::string& name) {
  if (name == "warning") return sdk::Severity::warning;
  if (name == "note") return sdk::Severity::note;
  return sdk::Severity::error;
}

bool reaches(sdk::Severity severity, sdk::Severity level) { return static_cast<int>(severity) >= static_cast<int>(level); }

void print_error(const std::string& message) { std::fprintf(stderr, "marginalia: %s\n", message.c_str()); }

// Where the TEI of `input` goes when `target` names a folder (several inputs) or a file.
std::string tei_path_for(const std::string& target, const std::string& input, bool several) {
  std::error_code error;
  if (several || fs::is_directory(target, error) || (!target.empty() && target.back() == '/')) {
    fs::path name = fs::path(input).filename();
    return (fs::path(target) / (name.string() + ".tei.xml")).string();
  }
  return target;
}

std::string write_tei_outputs(const reporters::RunReport& run, const std::string& target, std::vector<std::pair<std::string, std::string>>& written) {
  bool several = run.files.size() > 1;
  if (several) {
    std::error_code error;
    fs::create_directories(target, error);
    if (error) return target + ": cannot create the folder: " + error.message();
  }
  std::string problems;
  for (const merge::FileReport& file : run.files) {
    if (!file.report) continue;
    std::string path = tei_path_for(target, file.path, several);
    std::string tei = writers::write_tei(*file.report, {run.tool_version});
    std::string error = writers::write_file_atomically(path, tei);
    if (!error.empty()) problems += (problems.empty() ? "" : "\n") + error;
    else written.push_back({"TEI", path});
  }
  return problems;
}

bool use_color(bool never, FILE* stream) {
  if (never) return false;
  if (const char* no_color = std::getenv("NO_COLOR"); no_color && *no_color) return false;
  return ::isatty(::fileno(stream)) == 1;
}


// What marginalia.json and the plugins found say about this run; errors are printed.
struct Setup {
  config::Config config;
  host::PluginRegistry registry;
  pipeline::RunOptions options;
  bool ok = false;
};

Setup prepare(const CommandLine& line) {
  Setup setup;
  config::ConfigResult resolved = resolve_config(line);
  if (!resolved.config) {
    for (const config::ConfigError& error : resolved.errors) print_error(error.to_string());
    return setup;
  }
  setup.config = std::move(*resolved.config);
  const config::Config& config = setup.config;

  setup.registry = discover_plugins(line);
  std::vector<sdk::PluginInfo> found;
  for (const host::LoadedPlugin& plugin : setup.registry.plugins()) found.push_back(plugin.info);
  std::vector<sdk::CodeInfo> core_codes;
  for (const host::BuiltinCode& code : host::builtin_codes()) core_codes.push_back(code.info);
  std::vector<config::ConfigError> errors = config::check_against_plugins(config, found, core_codes);
  if (!errors.empty()) {
    for (const config::ConfigError& error : errors) print_error(error.to_string());
    return setup;
  }

  std::vector<std::string> disabled;
  std::map<std::string, nlohmann::json> plugin_options;
  for (const auto& [id, settings] : config.plugins) {
    if (settings.enabled && !*settings.enabled) disabled.push_back(id);
    if (settings.options) plugin_options[id] = *settings.options;
  }
  select_plugins(setup.registry, line, disabled);
  std::vector<std::string> problems = configure_plugins(setup.registry, plugin_options, config.path.empty() ? "options" : config.path);
  if (!problems.empty()) {
    for (const std::string& problem : problems) print_error(problem);
    return setup;
  }

  merge::SuppressionSettings& suppressions = setup.options.suppressions;
  for (const sdk::PluginInfo& plugin : found)
    for (const sdk::CodeInfo& code : plugin.codes) suppressions.declared_codes[plugin.id].insert(code.code);
  for (const sdk::CodeInfo& code : core_codes) suppressions.declared_codes[code.code.substr(0, code.code.find('/'))].insert(code.code);
  for (const auto& [code, setting] : config.severity) {
    if (setting.off) suppressions.disabled_codes.insert(code);
    else setup.options.severity_overrides[code] = setting.severity;
  }
  suppressions.severity_overrides = setup.options.severity_overrides;
  setup.ok = true;
  return setup;
}

}  // namespace

const char* tool_version() { return "0.1.0"; }

ExitCode run_check_command(const CommandLine& line) {
  Setup setup = prepare(line);
  if (!setup.ok) return ExitCode::failure;
  const config::Config& config = setup.config;

  std::optional<merge::Baseline> baseline;
  if (!line.baseline.empty()) {
    merge::BaselineLoad loaded = merge::Baseline::load(line.baseline);
    if (!loaded.baseline) {
      print_error(loaded.error);
      return ExitCode::failure;
    }
    baseline = std::move(loaded.baseline);
  }

  std::vector<std::string> inputs;
  for (const std::string& input : line.inputs) {
    if (const config::GlobPattern* pattern = config.ignored_by(input)) {
      if (!line.quiet) std::fprintf(stderr, "marginalia: skipping %s (ignored by \"%s\" in %s)\n", input.c_str(), pattern->text().c_str(), config.path.c_str());
      continue;
    }
    inputs.push_back(input);
  }

  if (!line.sources_dir.empty()) {
    std::vector<std::string> problems = input::check_sources_folder(line.sources_dir);
    for (const std::string& problem : problems) print_error(problem);
    if (!problems.empty()) return ExitCode::failure;
  }

  std::string setup_error;
  std::unique_ptr<net::FetchService> fetch = make_fetch_service(line, setup_error);
  std::unique_ptr<host::PluginRunner> runner = fetch ? make_plugin_runner(line, setup_error) : nullptr;
  if (!fetch || !runner) {
    print_error(setup_error);
    return ExitCode::failure;
  }
  pipeline::RunOptions& options = setup.options;
  options.read.format = line.input_format;
  if (line.max_input_bytes) options.read.max_input_bytes = line.max_input_bytes;
  options.document_date = line.document_date;
  // Isolated, a file's thread mostly waits for the plugins' workers: twice as many keep the cores busy.
  options.jobs = line.jobs ? line.jobs : std::max(1u, std::thread::hardware_concurrency()) * (isolation_enabled(line) ? 2 : 1);
  options.context.fetch = fetch.get();
  if (line.timeout_ms) options.context.timeout_ms = line.timeout_ms;
  if (line.memory_limit_mb) options.context.memory_limit_bytes = line.memory_limit_mb << 20;
  if (!line.sources_dir.empty()) options.context.host_settings["sources-dir"] = line.sources_dir;

  bool progress_shown = false;
  std::mutex progress_mutex;
  if (inputs.size() > 5 && ::isatty(STDERR_FILENO) && !line.quiet) {
    options.progress = [&](std::size_t done, std::size_t total) {
      std::lock_guard<std::mutex> lock(progress_mutex);
      std::fprintf(stderr, "\rchecked %zu/%zu files", done, total);
      progress_shown = true;
    };
  }
  pipeline::Pipeline pipeline(setup.registry, *runner, options);

  reporters::RunReport run;
  run.tool_version = tool_version();
  run.plugin_problems = setup.registry.problems();
  for (const host::LoadedPlugin& plugin : setup.registry.plugins()) run.plugins.push_back(plugin.info);
  run.fail_level = !line.fail_on.empty() ? severity_named(line.fail_on) : config.fail_on.value_or(sdk::Severity::error);
  run.files = pipeline.check_files(inputs);
  if (progress_shown) std::fputs("\r\033[K", stderr);
  for (const merge::FileReport& file : run.files) run.suppressed += file.report ? file.report->suppressed_count : 0;

  bool output_failed = false;
  std::vector<std::pair<std::string, std::string>> written;
  auto report_write = [&](const std::string& error) {
    if (error.empty()) return;
    print_error(error);
    output_failed = true;
  };

  // Recording a baseline accepts every current finding, so such a run exits 0 (or 2 when
  // incomplete: a baseline missing a failed plugin's findings would hide them later).
  bool baseline_recorded = false;
  if (!line.write_baseline.empty()) {
    if (!run.complete()) {
      print_error("the run is incomplete, so no baseline was written to " + line.write_baseline);
      output_failed = true;
    } else {
      merge::Baseline recorded = merge::Baseline::record(line.write_baseline, run.files);
      std::string error = writers::write_file_atomically(line.write_baseline, recorded.serialize());
      report_write(error);
      if (error.empty()) {
        baseline_recorded = true;
        written.push_back({"baseline with " + plural(recorded.entries().size(), "finding"), line.write_baseline});
      }
    }
  }
  if (baseline) run.baselined = baseline->filter(run.files);

  const bool main_to_file = !line.output.empty() && line.output != "-";
  std::string rendered;
  if (line.format == "json") rendered = reporters::render_json(run);
  else if (line.format == "html") rendered = reporters::render_html(run);
  else if (line.format == "sarif") rendered = reporters::render_sarif(run);
  else if (line.format == "github") rendered = reporters::render_github(run);
  else if (line.format == "junit") rendered = reporters::render_junit(run);
  else if (line.format == "text") {
    reporters::TerminalOptions terminal{use_color(line.color_never || main_to_file, stdout), true, line.quiet};
    rendered = reporters::render_terminal(run, terminal);
    if (!line.quiet && (run.suppressed || run.baselined))
      rendered += "not shown: " + plural(run.suppressed, "finding") + " suppressed inline, " + plural(run.baselined, "finding") + " in the baseline\n";
    if (!line.quiet) rendered += "\n" + reporters::render_plugin_summary(run);
  }
  if (line.format == "tei") {
    if (!main_to_file && run.files.size() == 1 && run.files[0].report) {
      std::fputs(writers::write_tei(*run.files[0].report, {run.tool_version}).c_str(), stdout);
    } else if (!main_to_file) {
      print_error("--format tei with several files needs -o FOLDER");
      return ExitCode::failure;
    } else {
      report_write(write_tei_outputs(run, line.output, written));
    }
  } else if (main_to_file) {
    std::string error = writers::write_file_atomically(line.output, rendered);
    report_write(error);
    if (error.empty()) written.push_back({line.format == "json" ? "JSON" : line.format == "text" ? "report" : line.format == "sarif" ? "SARIF" : line.format == "junit" ? "JUnit" : line.format, line.output});
  } else {
    std::fputs(rendered.c_str(), stdout);
  }
  if (!line.tei_output.empty()) report_write(write_tei_outputs(run, line.tei_output, written));

  // With the main output in a file, the terminal still shows the findings (the editor's view).
  if (main_to_file && line.format != "text") {
    reporters::TerminalOptions terminal{use_color(line.color_never, stdout), true, line.quiet};
    std::fputs(reporters::render_terminal(run, terminal).c_str(), stdout);
  }
  if (!line.quiet)
    for (const auto& [kind, path] : written) std::fprintf(stderr, "%s written to %s\n", kind.c_str(), path.c_str());

  if (!run.complete() || output_failed) return ExitCode::failure;
  if (line.exit_zero || baseline_recorded) return ExitCode::clean;
  for (const merge::FileReport& file : run.files)
    if (file.report)
      for (const merge::ReportedFinding& f : file.report->findings)
        if (reaches(f.finding.severity, run.fail_level)) return ExitCode::findings;
  return ExitCode::clean;
}

}  // namespace marginalia::cli
