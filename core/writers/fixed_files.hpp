// SPDX-License-Identifier: MIT
// `marginalia check --fix` and `--fix-dry-run` for one checked file: the certain fixes planned
// by merge/fix_plan, applied to the file's own bytes as read again from disk, so its
// encoding, byte-order mark and line ends stay as they are (a file in a legacy charset gets its
// fixes encoded in that charset). Refused when the file changed since it was checked, or when
// its charset does not give its bytes back exactly. Writing is the caller's (writers/atomic_file).
#pragma once

#include <string>
#include <vector>

#include "merge/merge.hpp"
#include "merge/fix_plan.hpp"

namespace marginalia::writers {

/// The fixes of one file, ready to write or show.
struct FixedFile {
  /// The fixes planned (pointers into the report that was fixed).
  merge::FixPlan plan;
  /// The file's bytes as read again, and with the fixes applied (equal when nothing applies).
  std::string before, after;
  /// The unified diff from `before` to `after`, labelled with the report's path.
  std::string diff;
  /// Why the file cannot be fixed at all (it changed since, a charset that does not round-trip);
  /// empty when it can. Lower-case, no trailing period.
  std::string problem;
};

/// A usage error naming the first of `inputs` that `--fix` cannot rewrite (a Word file, by
/// `input_format` or its extension), or an empty string when there is none. Folders and globs are
/// not expanded here: a Word file found in one is left out when fixing (`fixable`).
std::string fix_usage_error(const std::vector<std::string>& inputs, const std::string& input_format);

/// True when `file` is a checked document whose fixes can be written into it (not a Word file).
bool fixable(const merge::FileReport& file);

/// Plans and applies the fixes of `file` (a checked text file) to its bytes. `stdin_bytes`, when
/// not null, stands for the file's bytes (a document read from standard input).
FixedFile fix_file(const merge::FileReport& file, const std::string* stdin_bytes = nullptr);

}  // namespace marginalia::writers
