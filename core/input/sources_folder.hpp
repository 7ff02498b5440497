// SPDX-License-Identifier: MIT
// The folder given with `--sources DIR`: local copies of cited sources, and `sources.json`
// mapping a note label or a URL to a file in it ({"7": "statement.txt"}, or
// {"7": {"file": "statement.txt", "charset": "koi8-r"}}). Read by the quotes plugin, checked by
// the host before a run. Nothing outside DIR is ever read: see beneath_file.hpp.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace marginalia::input {

/// Local source files are refused above this size.
inline constexpr std::uint64_t max_source_file_bytes = 64ull << 20;

/// One sources.json entry: a file inside the folder, and its charset when not declared in it.
struct SourceEntry {
  std::string file;
  std::string charset;
};

/// sources.json read (an absent file is an empty index), with what was wrong in it.
struct SourcesIndex {
  std::map<std::string, SourceEntry> entries;
  /// "sources.json entry \"7\": …"; empty when the file was fine.
  std::vector<std::string> problems;
};

/// Reads `folder`/sources.json (depth-bounded; entries that are not a file name are problems).
SourcesIndex read_sources_index(const std::string& folder);

/// Everything about a sources folder that must stop a run, each naming the folder entry: not
/// a folder, a malformed sources.json, an entry naming a file that is missing, outside the
/// folder (absolute, "..", a link leaving it) or not a regular file, a link in the folder that
/// leads outside it. Never reads a file outside the folder.
std::vector<std::string> check_sources_folder(const std::string& folder);

}  // namespace marginalia::input
