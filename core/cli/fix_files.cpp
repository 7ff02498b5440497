// SPDX-License-Identifier: MIT
#include "cli/fix_files.hpp"

#include <unistd.h>

#include <algorithm>

#include "reporters/reporter.hpp"
#include "writers/atomic_file.hpp"
#include "writers/fixed_files.hpp"
#include "writers/unified_diff.hpp"

namespace marginalia::cli {
namespace {

using reporters::terminal_safe;

// ESLint's limit: fixes that keep proposing each other (A → B → A) stop here.
constexpr int kMaxPasses = 10;

std::string fixes(std::size_t n) { return std::to_string(n) + (n == 1 ? " fix" : " fixes"); }

void say(const std::string& message) { std::fprintf(stderr, "marginalia: %s\n", terminal_safe(message).c_str()); }

// A diff goes to a terminal with the draft's control characters escaped, line ends kept; to a
// file or a pipe byte for byte, so that `patch` applies it.
void print_diff(const std::string& diff, std::FILE* out) {
  if (::isatty(::fileno(out)) != 1) {
    std::fwrite(diff.data(), 1, diff.size(), out);
    return;
  }
  std::size_t at = 0;
  while (at < diff.size()) {
    std::size_t lf = diff.find('\n', at);
    std::size_t end = lf == std::string::npos ? diff.size() : lf;
    std::string_view line(diff.data() + at, end - at);
    bool cr = !line.empty() && line.back() == '\r';
    if (cr) line.remove_suffix(1);
    std::string shown = terminal_safe(line) + (cr ? "\r" : "") + (lf == std::string::npos ? "" : "\n");
    std::fputs(shown.c_str(), out);
    at = end + 1;
  }
}

std::vector<std::string> skipped_lines(const merge::FileReport& file, const writers::FixedFile& fixed) {
  std::vector<std::string> lines;
  for (const merge::SkippedFix& skipped : fixed.plan.skipped) {
    const merge::ReportedFinding& f = *skipped.finding;
    lines.push_back(file.path + ":" + std::to_string(f.begin.line) + ":" + std::to_string(f.begin.column) + ": fix of [" + f.finding.code +
                    "] not applied: " + skipped.reason);
  }
  return lines;
}

bool proposes_fixes(const merge::FileReport& file) {
  return std::any_of(file.report->findings.begin(), file.report->findings.end(),
                     [](const merge::ReportedFinding& f) { return f.finding.replacement.has_value(); });
}

}  // namespace

FixOutcome fix_run(merge::RunReport& run, bool dry_run, const std::string* stdin_bytes, bool quiet, std::FILE* diff_out,
                   const Recheck& recheck) {
  FixOutcome outcome;
  for (merge::FileReport& file : run.files) {
    if (!file.report || !proposes_fixes(file)) continue;
    if (!writers::fixable(file)) {
      if (!quiet) say(file.path + ": a Word file is not rewritten by --fix; --annotate OUT.docx --annotate-fixes proposes its fixes as tracked changes");
      continue;
    }
    writers::FixedFile fixed = writers::fix_file(file, stdin_bytes);
    std::vector<std::string> left_out = skipped_lines(file, fixed);
    const std::string original = fixed.before;
    std::string bytes = fixed.after;
    std::size_t applied = fixed.plan.fixed.size();
    std::string problem = fixed.problem;
    std::optional<merge::FileReport> current;
    for (int pass = 1; problem.empty() && !fixed.plan.edits.empty(); ++pass) {
      current = recheck(file.path, bytes);
      if (!current || !current->report) {
        problem = "its fixed text could not be checked again";
        current.reset();
        break;
      }
      if (pass == kMaxPasses) break;
      fixed = writers::fix_file(*current, &bytes);
      left_out = skipped_lines(*current, fixed);
      if (!fixed.problem.empty()) left_out.push_back(file.path + ": further fixes not applied: " + fixed.problem);
      if (!fixed.problem.empty() || fixed.plan.edits.empty() || fixed.after == bytes) break;
      bytes = fixed.after;
      applied += fixed.plan.fixed.size();
    }
    for (const std::string& line : left_out)
      if (!quiet) say(line);
    outcome.skipped += left_out.size();
    if (!problem.empty()) {
      say(file.path + ": not fixed: " + problem);
      outcome.failed = true;
      continue;
    }
    if (bytes == original) continue;
    if (dry_run) {
      print_diff(writers::unified_diff(file.path, original, bytes), diff_out);
    } else if (std::string error = writers::write_file_atomically(file.path, bytes); !error.empty()) {
      say(error);
      outcome.failed = true;
      continue;
    }
    outcome.applied += applied;
    outcome.changed.push_back(file.path);
    if (current) file = std::move(*current);
  }
  return outcome;
}

std::string fix_summary(const FixOutcome& outcome, bool dry_run) {
  std::string files = reporters::plural(outcome.changed.size(), "file");
  std::string out = dry_run ? "--fix-dry-run: " + fixes(outcome.applied) + " would be applied in " + files
                            : "fixed " + reporters::plural(outcome.applied, "finding") + " in " + files;
  if (outcome.skipped) out += "; " + fixes(outcome.skipped) + " not applied (see above)";
  return out;
}

}  // namespace marginalia::cli
