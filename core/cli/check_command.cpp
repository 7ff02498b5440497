// SPDX-License-Identifier: MIT
// `marginalia check`: map the flags onto session settings, check every input with a session,
// apply the baseline, write the requested outputs (cli/output_formats.hpp), exit with the
// documented code.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>

#include "cli/commands.hpp"
#include "cli/fix_files.hpp"
#include "cli/output_formats.hpp"
#include "cli/settings_from_flags.hpp"
#include "merge/baseline.hpp"
#include "reporters/reporter.hpp"
#include "session/input_walk.hpp"
#include "session/session.hpp"
#include "session/shard.hpp"
#include "writers/annotated_copies.hpp"
#include "writers/atomic_file.hpp"
#include "writers/output_paths.hpp"

namespace marginalia::cli {
namespace {

namespace fs = std::filesystem;
using reporters::plural;

bool reaches(sdk::Severity severity, sdk::Severity level) { return static_cast<int>(severity) >= static_cast<int>(level); }

void print_error(const std::string& message) { std::fprintf(stderr, "marginalia: %s\n", reporters::terminal_safe(message).c_str()); }

void print_problems(const std::vector<util::Problem>& problems) {
  for (const util::Problem& problem : problems) print_error(problem.to_string());
}

// Where the output of each input goes: under `target` when it names a folder (several inputs,
// an existing folder, a trailing slash), each at its path relative to the inputs' common
// folder (writers/output_paths.hpp); else `target` itself.
std::vector<std::string> document_output_paths(const std::string& target, const std::vector<std::string>& inputs, const OutputFormat& format) {
  std::error_code error;
  if (inputs.size() > 1 || fs::is_directory(target, error) || (!target.empty() && target.back() == '/'))
    return writers::output_paths_under(target, inputs, format.extension);
  return std::vector<std::string>(inputs.size(), target);
}

// One output per checked document (TEI), into `target`; the problems, one per line. A shard
// places its files as the whole run (`whole_run`, every input before --shard) would, so the jobs
// of a matrix write the same tree as one unsharded run.
std::string write_document_outputs(const merge::RunReport& run, const OutputFormat& format, const std::string& target,
                                   const std::vector<std::string>& whole_run, std::vector<std::pair<std::string, std::string>>& written) {
  std::vector<std::string> inputs;
  for (const merge::FileReport& file : run.files) inputs.push_back(file.path);
  std::vector<std::string> paths = document_output_paths(target, inputs, format);
  if (run.shard && run.shard->input_index.size() == run.files.size()) {
    std::vector<std::string> whole = document_output_paths(target, whole_run, format);
    for (std::size_t i = 0; i < paths.size(); ++i)
      if (run.shard->input_index[i] < whole.size()) paths[i] = whole[run.shard->input_index[i]];
  }
  std::string problems;
  for (std::size_t i = 0; i < run.files.size(); ++i) {
    const merge::FileReport& file = run.files[i];
    if (!file.report) continue;
    const std::string& path = paths[i];
    std::error_code created;
    if (path != target) fs::create_directories(fs::path(path).parent_path(), created);
    std::string error = created ? fs::path(path).parent_path().string() + ": cannot create the folder: " + created.message()
                                : writers::write_file_atomically(path, format.render_document(*file.report, run));
    if (!error.empty()) problems += (problems.empty() ? "" : "\n") + error;
    else written.push_back({format.label, path});
  }
  return problems;
}

std::string read_standard_input() {
  std::string bytes;
  char buffer[65536];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, stdin)) > 0) bytes.append(buffer, got);
  return bytes;
}

// Every file this run would write, for the check that none of them is an input.
std::vector<std::string> planned_outputs(const CommandLine& line, const std::vector<std::string>& inputs) {
  std::vector<std::string> outputs = {line.write_baseline, line.output};
  const OutputFormat* format = find_output_format(line.format);
  if (format && format->render_document && !line.output.empty())
    for (const std::string& path : document_output_paths(line.output, inputs, *format)) outputs.push_back(path);
  if (!line.tei_output.empty())
    for (const std::string& path : document_output_paths(line.tei_output, inputs, *find_output_format("tei"))) outputs.push_back(path);
  return outputs;
}

bool use_color(bool never, FILE* stream) {
  if (never) return false;
  if (const char* no_color = std::getenv("NO_COLOR"); no_color && *no_color) return false;
  return ::isatty(::fileno(stream)) == 1;
}

}  // namespace

ExitCode run_check_command(const CommandLine& line) {
  // Folders and globs become files first, so that the outputs are compared with every input.
  std::vector<std::string> inputs = line.inputs;
  if (!line.read_stdin) {
    util::Result<session::InputList> expanded = session::expand_inputs(line.inputs);
    if (!expanded) {
      print_problems(expanded.problems());
      return ExitCode::failure;
    }
    if (expanded->paths.empty()) {
      for (const util::Problem& notice : expanded->notices) print_error(notice.message);
      print_error("nothing to check");
      return ExitCode::failure;
    }
    if (!line.quiet)
      for (const util::Problem& notice : expanded->notices) print_error(notice.message);
    inputs = std::move(expanded->paths);
  }
  // --shard K/N: this job's part of the expanded inputs; an empty part is a valid, empty result.
  std::optional<merge::ShardPlacement> placement;
  std::vector<std::size_t> input_index;
  const std::vector<std::string> whole_run = inputs;
  if (line.shard_count) {
    std::error_code no_cwd;
    std::string working_folder = fs::current_path(no_cwd).string();
    input_index = session::select_shard(inputs, {line.shard_index, line.shard_count}, working_folder);
    placement = merge::ShardPlacement{line.shard_index, line.shard_count, inputs.size(), input_index.size(), {}};
    std::vector<std::string> chosen;
    for (std::size_t i : input_index) chosen.push_back(inputs[i]);
    inputs = std::move(chosen);
  }
  // Before anything is read: an output that is an input would destroy it.
  if (std::string clash = writers::output_overwriting_input(planned_outputs(line, whole_run), whole_run); !clash.empty()) {
    print_error(clash);
    return ExitCode::failure;
  }
  session::RunSettings settings = settings_from_flags(line);
  util::Result<net::FetchSettings> network = network_from_flags(line);
  if (!network) {
    print_problems(network.problems());
    return ExitCode::failure;
  }
  settings.network = std::move(*network);

  std::optional<merge::Baseline> baseline;
  if (!line.baseline.empty()) {
    merge::BaselineLoad loaded = merge::Baseline::load(line.baseline);
    if (!loaded.baseline) {
      print_error(loaded.error);
      return ExitCode::failure;
    }
    baseline = std::move(loaded.baseline);
  }

  settings.notice = [&](const util::Problem& notice) {
    if (!line.quiet) print_error(notice.message);
  };
  bool progress_shown = false;
  std::mutex progress_mutex;
  if (::isatty(STDERR_FILENO) && !line.quiet) {
    settings.progress = [&](std::size_t done, std::size_t total) {
      if (total <= 5) return;
      std::lock_guard<std::mutex> lock(progress_mutex);
      std::fprintf(stderr, "\rchecked %zu/%zu files", done, total);
      progress_shown = true;
    };
  }
  session::Session session(std::move(settings));
  util::Result<merge::RunReport> checked = util::Problem::about("", "cli/usage", "no input");
  std::string stdin_bytes;
  if (line.read_stdin) {
    stdin_bytes = read_standard_input();
    checked = session.check_text(line.stdin_filename.empty() ? "-" : line.stdin_filename, line.input_format,
                                 line.fix_dry_run ? stdin_bytes : std::move(stdin_bytes));
  } else {
    checked = session.check_paths(inputs);
  }
  if (!checked) {
    print_problems(checked.problems());
    return ExitCode::failure;
  }
  merge::RunReport& run = *checked;
  if (placement) {
    // Files skipped by an `ignore` glob are not in the run: place each reported file by its path.
    std::size_t next = 0;
    for (const merge::FileReport& file : run.files) {
      while (next < inputs.size() && inputs[next] != file.path) ++next;
      placement->input_index.push_back(next < inputs.size() ? input_index[next++] : 0);
    }
    run.shard = std::move(placement);
  }
  if (progress_shown) std::fputs("\r\033[K", stderr);
  if (line.verbose && !line.quiet)
    for (const merge::FileReport& file : run.files) {
      if (!file.report) continue;
      const sdk::Document& document = file.report->loaded.document;
      std::string said = "marginalia: " + file.path + ": read as " + document.format + ", " + std::to_string(document.note_refs.size()) +
                         " note markers, " + std::to_string(document.notes.size()) + " notes";
      if (std::string_view labels = document.meta("note-labels"); !labels.empty()) said += " (labels: " + std::string(labels) + ")";
      if (std::string_view region = document.meta("content-region"); !region.empty()) said += ", content region read: " + std::string(region);
      std::fprintf(stderr, "%s\n", said.c_str());
    }

  bool output_failed = false;
  // The fixes first: what is reported and decides the exit code is what is left in the files.
  if (line.fix || line.fix_dry_run) {
    Recheck recheck = [&](const std::string& path, const std::string& bytes) -> std::optional<merge::FileReport> {
      util::Result<merge::RunReport> again = session.check_text(path, line.input_format, bytes);
      if (!again) {
        print_problems(again.problems());
        return std::nullopt;
      }
      if (again->files.size() != 1) return std::nullopt;
      return std::move(again->files[0]);
    };
    FixOutcome fixed = fix_run(run, line.fix_dry_run, line.read_stdin ? &stdin_bytes : nullptr, line.quiet, stdout, recheck);
    output_failed = fixed.failed;
    if (!line.quiet) std::fprintf(stderr, "marginalia: %s\n", fix_summary(fixed, line.fix_dry_run).c_str());
  }
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
  if (baseline) {
    // Entries that match nothing any more are named, so a baseline shrinks as findings get fixed.
    std::vector<merge::BaselineEntry> stale = baseline->stale(run.files);
    if (!stale.empty() && line.prune_baseline && !run.complete()) {
      print_error("the run is incomplete, so " + line.baseline + " was not pruned (a failed plugin's entries would look stale)");
    } else if (!stale.empty() && line.prune_baseline) {
      baseline->remove(stale);
      std::string error = writers::write_file_atomically(line.baseline, baseline->serialize());
      report_write(error);
      if (error.empty()) written.push_back({"baseline without " + (stale.size() == 1 ? std::string("1 stale entry") : std::to_string(stale.size()) + " stale entries"), line.baseline});
    } else if (!stale.empty() && !line.quiet) {
      for (const merge::BaselineEntry& entry : stale)
        print_error(line.baseline + ": " + entry.file + ": " + entry.code + " no longer matches a finding (\"" + entry.message + "\")");
      print_error((stale.size() == 1 ? std::string("1 baseline entry no longer matches") : std::to_string(stale.size()) + " baseline entries no longer match") +
                  "; --prune-baseline removes them");
    }
    run.baselined = baseline->filter(run.files);
  }

  const bool main_to_file = !line.output.empty() && line.output != "-";
  const OutputFormat& format = *find_output_format(line.format);
  if (format.render_document) {
    if (!main_to_file && run.files.size() == 1 && run.files[0].report) {
      std::fputs(format.render_document(*run.files[0].report, run).c_str(), stdout);
    } else if (!main_to_file) {
      print_error(std::string("--format ") + format.name + " with several files needs -o FOLDER");
      return ExitCode::failure;
    } else {
      report_write(write_document_outputs(run, format, line.output, whole_run, written));
    }
  } else {
    std::string rendered = format.render_run(run, {use_color(line.color_never || main_to_file, stdout), line.quiet});
    if (!main_to_file) {
      std::fputs(rendered.c_str(), stdout);
    } else if (std::string error = writers::write_file_atomically(line.output, rendered); !error.empty()) {
      report_write(error);
    } else {
      written.push_back({format.label, line.output});
    }
  }
  if (!line.tei_output.empty()) report_write(write_document_outputs(run, *find_output_format("tei"), line.tei_output, whole_run, written));
  if (!line.annotate_output.empty()) {
    writers::AnnotateOptions annotate;
    annotate.tracked_fixes = line.annotate_fixes;
    for (const std::string& problem : writers::write_annotated_copies(run.files, line.annotate_output, annotate, written)) report_write(problem);
  }

  // With the output in a file, the terminal shows only the summary: the findings are in the file.
  if (main_to_file) {
    reporters::TerminalOptions terminal{use_color(line.color_never, stdout), false, true};
    std::fputs(reporters::render_terminal(run, terminal).c_str(), stdout);
  }
  if (!line.quiet)
    for (const auto& [kind, path] : written) std::fprintf(stderr, "%s written to %s\n", kind.c_str(), reporters::terminal_safe(path).c_str());

  if (!run.complete() || output_failed) return ExitCode::failure;
  if (line.exit_zero || baseline_recorded) return ExitCode::clean;
  for (const merge::FileReport& file : run.files)
    if (file.report)
      for (const merge::ReportedFinding& f : file.report->findings)
        if (reaches(f.finding.severity, file.fail_level)) return ExitCode::findings;
  return ExitCode::clean;
}

}  // namespace marginalia::cli
