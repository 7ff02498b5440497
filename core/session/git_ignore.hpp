// SPDX-License-Identifier: MIT
// The `.gitignore` rules met on the way down a folder walk (input_walk): one file's patterns,
// relative to its folder, with `!` re-inclusion, `#` comments, a leading `/` anchoring to the
// folder and a trailing `/` for folders only. Matching reuses config::GlobPattern, whose
// semantics are git's for these forms. Later files (deeper folders) and later lines win.
#pragma once

#include <string>
#include <vector>

#include "config/glob_pattern.hpp"

namespace marginalia::session {

/// The rules of every .gitignore from the walk's root to the current folder.
class GitIgnore {
 public:
  /// Adds the rules of `folder`/.gitignore (nothing when absent); `folder` is absolute.
  void add_folder(const std::string& folder);
  /// Adds rules from text, relative to the absolute folder `base` (tests, parents of the root).
  void add_rules(const std::string& text, const std::string& base);
  /// True when the absolute path `path` (a folder when `is_folder`) is ignored.
  bool ignores(const std::string& path, bool is_folder) const;
  /// How many rules are held, so a walk can drop a folder's rules when it leaves it.
  std::size_t size() const { return rules_.size(); }
  /// Keeps only the first `count` rules.
  void truncate(std::size_t count) { rules_.erase(rules_.begin() + static_cast<std::ptrdiff_t>(count), rules_.end()); }

 private:
  struct Rule {
    config::GlobPattern pattern;
    std::string base;  ///< absolute folder the pattern is relative to, with a trailing '/'
    bool negated = false;
  };
  std::vector<Rule> rules_;
};

}  // namespace marginalia::session
