// SPDX-License-Identifier: MIT
// `marginalia merge OUT RESULT...`: read the shards' result files, combine them
// (merge/shard_results.hpp), write OUT atomically, and exit 2 when anything is refused.
#include <cstdio>
#include <fstream>
#include <sstream>

#include "cli/commands.hpp"
#include "merge/shard_results.hpp"
#include "reporters/reporter.hpp"
#include "writers/atomic_file.hpp"

namespace marginalia::cli {

ExitCode run_merge_command(const CommandLine& line) {
  auto fail = [](const std::string& message) {
    std::fprintf(stderr, "marginalia: %s\n", reporters::terminal_safe(message).c_str());
    return ExitCode::failure;
  };
  const std::string& output = line.inputs.front();
  std::vector<merge::ShardResult> shards;
  for (std::size_t i = 1; i < line.inputs.size(); ++i) {
    const std::string& path = line.inputs[i];
    if (path == output && output != "-") return fail(path + ": is both the output and a result to merge");
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(path + ": cannot be read");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    shards.push_back({path, bytes.str()});
  }
  util::Result<merge::MergedResult> merged = merge::merge_shard_results(shards, output);
  if (!merged) {
    for (const util::Problem& problem : merged.problems()) fail(problem.to_string());
    return ExitCode::failure;
  }
  if (output == "-") {
    std::fputs(merged->bytes.c_str(), stdout);
    return ExitCode::clean;
  }
  if (std::string error = writers::write_file_atomically(output, merged->bytes); !error.empty()) return fail(error);
  if (!line.quiet)
    std::fprintf(stderr, "%s of %zu shards written to %s\n", merged->format == "json" ? "JSON" : "SARIF", shards.size(),
                 reporters::terminal_safe(output).c_str());
  return ExitCode::clean;
}

}  // namespace marginalia::cli
