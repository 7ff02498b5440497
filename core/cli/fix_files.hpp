// SPDX-License-Identifier: MIT
// `check --fix` and `--fix-dry-run` over a run. Each checked file's certain fixes
// (writers/fixed_files) are applied in passes, as ESLint does: after a pass the text is checked
// again in memory and the fixes proposed then are applied, until none is left (at most ten
// passes) — so a URL cited twice is fixed at both places and a fix left out for overlapping
// another gets its turn if it still applies. The result is written once, atomically
// (writers/atomic_file), or printed as a unified diff; the file's report becomes that of the
// fixed text, so the findings left decide the exit code.
#pragma once

#include <cstddef>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "merge/merge.hpp"

namespace marginalia::cli {

/// What fixing a run did.
struct FixOutcome {
  /// Files whose bytes changed (or would change, in a dry run).
  std::vector<std::string> changed;
  /// Findings fixed (or that would be), and fixes left out.
  std::size_t applied = 0, skipped = 0;
  /// A file could not be fixed, written or checked again: the run's outputs are incomplete.
  bool failed = false;
};

/// Checks `bytes` as the file at `path` (its format and configuration); nothing when the check
/// could not run (the caller has said why).
using Recheck = std::function<std::optional<merge::FileReport>(const std::string& path, const std::string& bytes)>;

/// Applies (or, with `dry_run`, prints to `diff_out` as a diff) the fixes of every file of
/// `run`, replacing each changed file's report with that of its fixed text. `stdin_bytes` is
/// the document read from standard input, if that was the input. Problems go to standard error.
FixOutcome fix_run(merge::RunReport& run, bool dry_run, const std::string* stdin_bytes, bool quiet, std::FILE* diff_out,
                   const Recheck& recheck);

/// The line summing up `outcome` ("fixed 3 findings in 2 files; 1 fix not applied").
std::string fix_summary(const FixOutcome& outcome, bool dry_run);

}  // namespace marginalia::cli
