// SPDX-License-Identifier: MIT
// Runs a program as a child with a hard wall-clock limit and captures what it printed.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace marginalia::testing {

/// What a child process did.
struct ProcessResult {
  int exit_code = -1;     ///< exit status, or -1 when killed by a signal
  int signal = 0;         ///< the signal that ended it, 0 if none
  bool timed_out = false; ///< killed at the limit
  std::string out, err;
  double seconds = 0;
  long peak_rss_kb = 0;   ///< peak resident memory of the child and its descendants (wait4)
};

/// Runs `program` with `args`; stdin from `input` (empty: /dev/null). `env` entries are added to
/// the environment ("NAME=value"; "NAME=" unsets it). `cwd` empty keeps the current folder.
ProcessResult run_process(const std::string& program, const std::vector<std::string>& args, double timeout_seconds = 120,
                          const std::vector<std::string>& env = {}, const std::string& cwd = "");

/// Runs the marginalia binary with `args`.
ProcessResult run_marginalia(const std::vector<std::string>& args, double timeout_seconds = 120,
                             const std::vector<std::string>& env = {});

/// Runs `marginalia check` with `args`, offline and without the result cache, so a test never
/// reaches the network and never sees another run's results.
ProcessResult run_offline_check(const std::vector<std::string>& args);

}  // namespace marginalia::testing
