// SPDX-License-Identifier: MIT
// `check --fix` and `--fix-dry-run` over a run: each checked file's certain fixes
// (writers/fixed_files) written atomically into the file (writers/atomic_file) or printed as a
// unified diff, what could not be fixed said on standard error, and the run's findings brought
// in line with the files: a dry run drops the findings it would fix; after --fix the changed
// files are checked again by the caller.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

#include "merge/merge.hpp"

namespace marginalia::cli {

/// What fixing a run did.
struct FixOutcome {
  /// Files whose bytes changed (or would change, in a dry run).
  std::vector<std::string> changed;
  /// Fixes applied (or that would be), and fixes left out.
  std::size_t applied = 0, skipped = 0;
  /// A file could not be fixed or written: the run's outputs are incomplete.
  bool failed = false;
};

/// Applies (or, with `dry_run`, prints to `diff_out`) the fixes of every file of `run`. A dry
/// run removes the findings it would fix from `run`. `stdin_bytes` is the document read from
/// standard input, if that was the input. Problems go to standard error.
FixOutcome fix_run(merge::RunReport& run, bool dry_run, const std::string* stdin_bytes, bool quiet, std::FILE* diff_out);

/// The line summing up `outcome` ("fixed 3 findings in 2 files; 1 fix not applied").
std::string fix_summary(const FixOutcome& outcome, bool dry_run);

}  // namespace marginalia::cli
