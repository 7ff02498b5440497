// SPDX-License-Identifier: MIT
// `marginalia check`: load plugins, check every input, write the requested outputs, exit with
// the documented code.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli/commands.hpp"
#include "cli/network_setup.hpp"
#include "cli/runner_setup.hpp"
#include "cli/plugin_setup.hpp"
#include "pipeline/pipeline.hpp"
#include "reporters/reporter.hpp"
#include "writers/atomic_file.hpp"
#include "writers/tei_writer.hpp"

namespace marginalia::cli {
namespace {

namespace fs = std::filesystem;

sdk::Severity fail_level(const std::string& name) {
  if (name == "warning") return sdk::Severity::warning;
  if (name == "note") return sdk::Severity::note;
  return sdk::Severity::error;
}

bool reaches(sdk::Severity severity, sdk::Severity level) { return static_cast<int>(severity) >= static_cast<int>(level); }

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

}  // namespace

const char* tool_version() { return "0.1.0"; }

ExitCode run_check_command(const CommandLine& line) {
  host::PluginRegistry registry = load_plugins(line, {});
  std::vector<std::string> problems = configure_plugins(registry, {}, "options");
  if (!problems.empty()) {
    for (const std::string& problem : problems) std::fprintf(stderr, "marginalia: %s\n", problem.c_str());
    return ExitCode::failure;
  }

  std::string setup_error;
  std::unique_ptr<net::FetchService> fetch = make_fetch_service(line, setup_error);
  std::unique_ptr<host::PluginRunner> runner = fetch ? make_plugin_runner(line, setup_error) : nullptr;
  if (!fetch || !runner) {
    std::fprintf(stderr, "marginalia: %s\n", setup_error.c_str());
    return ExitCode::failure;
  }
  pipeline::RunOptions options;
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
  if (line.inputs.size() > 5 && ::isatty(STDERR_FILENO) && !line.quiet) {
    options.progress = [&](std::size_t done, std::size_t total) {
      std::lock_guard<std::mutex> lock(progress_mutex);
      std::fprintf(stderr, "\rchecked %zu/%zu files", done, total);
      progress_shown = true;
    };
  }
  pipeline::Pipeline pipeline(registry, *runner, options);

  reporters::RunReport run;
  run.tool_version = tool_version();
  run.plugin_problems = registry.problems();
  for (const host::LoadedPlugin& plugin : registry.plugins()) run.plugins.push_back(plugin.info);
  run.files = pipeline.check_files(line.inputs);
  if (progress_shown) std::fputs("\r\033[K", stderr);

  bool output_failed = false;
  std::vector<std::pair<std::string, std::string>> written;
  auto report_write = [&](const std::string& error) {
    if (error.empty()) return;
    std::fprintf(stderr, "marginalia: %s\n", error.c_str());
    output_failed = true;
  };

  const bool main_to_file = !line.output.empty() && line.output != "-";
  std::string rendered;
  if (line.format == "json") rendered = reporters::render_json(run);
  else if (line.format == "html") rendered = reporters::render_html(run);
  else if (line.format == "text") {
    reporters::TerminalOptions terminal{use_color(line.color_never || main_to_file, stdout), true, line.quiet};
    rendered = reporters::render_terminal(run, terminal);
    if (!line.quiet) rendered += "\n" + reporters::render_plugin_summary(run);
  }
  if (line.format == "tei") {
    if (!main_to_file && run.files.size() == 1 && run.files[0].report) {
      std::fputs(writers::write_tei(*run.files[0].report, {run.tool_version}).c_str(), stdout);
    } else if (!main_to_file) {
      std::fprintf(stderr, "marginalia: --format tei with several files needs -o FOLDER\n");
      return ExitCode::failure;
    } else {
      report_write(write_tei_outputs(run, line.output, written));
    }
  } else if (main_to_file) {
    report_write(writers::write_file_atomically(line.output, rendered));
    if (!output_failed) written.push_back({line.format == "json" ? "JSON" : line.format == "text" ? "report" : line.format, line.output});
  } else {
    std::fputs(rendered.c_str(), stdout);
  }
  if (!line.tei_output.empty()) report_write(write_tei_outputs(run, line.tei_output, written));

  // With the main output in a file, the terminal still shows the findings (the editor's view).
  if (main_to_file && line.format != "text") {
    reporters::TerminalOptions terminal{use_color(line.color_never, stdout), true, line.quiet};
    std::fputs(reporters::render_terminal(run, terminal).c_str(), stdout);
  }
  for (const auto& [kind, path] : written) std::fprintf(stderr, "%s written to %s\n", kind.c_str(), path.c_str());

  if (!run.complete() || output_failed) return ExitCode::failure;
  if (line.exit_zero) return ExitCode::clean;
  sdk::Severity level = fail_level(line.fail_on);
  for (const merge::FileReport& file : run.files)
    if (file.report)
      for (const merge::ReportedFinding& f : file.report->findings)
        if (reaches(f.finding.severity, level)) return ExitCode::findings;
  return ExitCode::clean;
}

}  // namespace marginalia::cli
