// SPDX-License-Identifier: MIT
// What the user named as inputs, turned into the files to check, for every front end: a file is
// kept as given; a folder is walked (files of known formats, `.gitignore` files and the nearest
// marginalia.json's `ignore` globs respected, hidden entries and symlinks leaving the tree
// skipped, sorted by path); a quoted glob (`reports/**/*.md`) is expanded here, as a shell
// would; `-` stands for standard input. Duplicates keep their first place.
#pragma once

#include <string>
#include <vector>

#include "util/problem.hpp"

namespace marginalia::session {

/// The files to check and what the expansion left out on purpose.
struct InputList {
  std::vector<std::string> paths;
  /// One per symlink not followed out of a walked folder (`input/symlink-outside`) and per
  /// folder that holds no file to check (`input/empty-folder`).
  std::vector<util::Problem> notices;
};

/// Expands command-line inputs. A glob that matches nothing is a problem (`input/no-match`):
/// a CI job with a mistyped pattern must not pass by checking nothing.
util::Result<InputList> expand_inputs(const std::vector<std::string>& inputs);

/// True when `text` holds an unescaped glob character (`*`, `?`, `[`).
bool is_glob(const std::string& text);

}  // namespace marginalia::session
