// SPDX-License-Identifier: MIT
// `--shard K/N`: which of the expanded inputs one CI job checks. A file belongs to shard
// 1 + FNV-1a-64(its path relative to the working folder) mod N, so every job picks the same
// split without talking to the others, and adding or removing a file moves only that file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace marginalia::session {

/// One shard of N: `index` counts from 1 as the user writes it ("2/4").
struct Shard {
  unsigned index = 1;
  unsigned count = 1;
};

/// The largest N `--shard` takes: more jobs than this is a mistake, not a CI matrix.
constexpr unsigned kMaxShards = 1024;

/// Parses "K/N": decimal digits only, no sign, space or leading zero, 1 <= K <= N <= kMaxShards.
/// Returns the error message on failure.
std::optional<Shard> parse_shard(const std::string& text, std::string& error);

/// The key hashed for `path`: relative to `working_folder` (lexically; `/`-separated), so the
/// same file gets the same shard whether it was named `./a.md`, `a.md` or by its absolute path.
std::string shard_key(const std::string& path, const std::string& working_folder);

/// The shard (1..count) `path` belongs to.
unsigned shard_of(const std::string& path, unsigned count, const std::string& working_folder);

/// The positions in `paths` of the inputs `shard` checks, in input order.
std::vector<std::size_t> select_shard(const std::vector<std::string>& paths, const Shard& shard, const std::string& working_folder);

}  // namespace marginalia::session
