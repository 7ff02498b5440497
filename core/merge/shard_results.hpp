// SPDX-License-Identifier: MIT
// `marginalia merge`: the JSON or SARIF results of the shards of one `--shard K/N` run put
// back together, byte-identical to what the unsharded run writes with the same options. Each
// shard's result carries where its files sit in the whole run (merge::ShardPlacement); the
// merge orders files by that, renumbers SARIF artifact and rule indexes, adds up the summary,
// takes the union of rules and plugins, and drops the placement. Works on the result files
// only: it loads no plugin and reads no report.
#pragma once

#include <string>
#include <vector>

#include "util/problem.hpp"

namespace marginalia::merge {

/// One shard's result file: a name for messages and its bytes.
struct ShardResult {
  std::string name;
  std::string bytes;
};

/// The combined result and its format ("json" or "sarif").
struct MergedResult {
  std::string format;
  std::string bytes;
};

/// Combines every shard of one run. `output_path` only decides the format when it says
/// (".sarif": SARIF; problems when the inputs say otherwise). Problems (code "merge/…") name the
/// input at fault: not a marginalia result, not from a --shard run, formats or runs mixed, a shard
/// missing or given twice.
util::Result<MergedResult> merge_shard_results(const std::vector<ShardResult>& shards, const std::string& output_path);

}  // namespace marginalia::merge
