// SPDX-License-Identifier: MIT
// The exit codes of every marginalia command, in one place (documented in docs/user-guide.md,
// the README and `--help`).
#pragma once

namespace marginalia::cli {

/// What a marginalia process returns.
enum class ExitCode : int {
  /// The run completed and nothing reached the fail level (`--fail-on`, default error).
  clean = 0,
  /// The run completed with findings at or above the fail level.
  findings = 1,
  /// Usage or configuration error, unreadable input, a plugin that failed, or an output that
  /// could not be written: the run is incomplete.
  failure = 2,
};

/// The process status for a code.
constexpr int to_int(ExitCode code) { return static_cast<int>(code); }

}  // namespace marginalia::cli
