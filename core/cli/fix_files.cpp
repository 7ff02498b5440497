// SPDX-License-Identifier: MIT
#include "cli/fix_files.hpp"

#include <unistd.h>

#include <algorithm>
#include <set>

#include "reporters/reporter.hpp"
#include "writers/atomic_file.hpp"
#include "writers/fixed_files.hpp"

namespace marginalia::cli {
namespace {

using reporters::plural;
using reporters::terminal_safe;

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

}  // namespace

FixOutcome fix_run(merge::RunReport& run, bool dry_run, const std::string* stdin_bytes, bool quiet, std::FILE* diff_out) {
  FixOutcome outcome;
  for (merge::FileReport& file : run.files) {
    if (!file.report) continue;
    if (!writers::fixable(file)) {
      bool proposes = std::any_of(file.report->findings.begin(), file.report->findings.end(),
                                  [](const merge::ReportedFinding& f) { return f.finding.replacement.has_value(); });
      if (proposes && !quiet) say(file.path + ": a Word file is not rewritten by --fix; --annotate OUT.docx --annotate-fixes proposes its fixes as tracked changes");
      continue;
    }
    writers::FixedFile fixed = writers::fix_file(file, stdin_bytes);
    for (const writers::SkippedFix& skipped : fixed.plan.skipped) {
      const merge::ReportedFinding& f = *skipped.finding;
      if (!quiet)
        say(file.path + ":" + std::to_string(f.begin.line) + ":" + std::to_string(f.begin.column) + ": fix of [" + f.finding.code +
            "] not applied: " + skipped.reason);
      ++outcome.skipped;
    }
    if (!fixed.problem.empty()) {
      say(file.path + ": not fixed: " + fixed.problem);
      outcome.skipped += fixed.plan.fixed.size();
      outcome.failed = true;
      continue;
    }
    if (fixed.plan.edits.empty() || fixed.after == fixed.before) continue;
    if (dry_run) {
      print_diff(fixed.diff, diff_out);
      std::set<const merge::ReportedFinding*> gone(fixed.plan.fixed.begin(), fixed.plan.fixed.end());
      std::vector<merge::ReportedFinding> left;
      for (const merge::ReportedFinding& f : file.report->findings)
        if (!gone.count(&f)) left.push_back(f);
      outcome.applied += fixed.plan.fixed.size();
      outcome.changed.push_back(file.path);
      file.report->findings = std::move(left);
      continue;
    }
    if (std::string error = writers::write_file_atomically(file.path, fixed.after); !error.empty()) {
      say(error);
      outcome.failed = true;
      continue;
    }
    outcome.applied += fixed.plan.fixed.size();
    outcome.changed.push_back(file.path);
  }
  return outcome;
}

std::string fix_summary(const FixOutcome& outcome, bool dry_run) {
  std::string files = plural(outcome.changed.size(), "file");
  std::string out = dry_run ? "--fix-dry-run: " + fixes(outcome.applied) + " would be applied in " + files
                            : "fixed " + plural(outcome.applied, "finding") + " in " + files;
  if (outcome.skipped) out += "; " + fixes(outcome.skipped) + " not applied (see above)";
  return out;
}

}  // namespace marginalia::cli
