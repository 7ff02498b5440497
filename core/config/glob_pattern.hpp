// SPDX-License-Identifier: MIT
// File globs for the `ignore` list of marginalia.json, matched without a regex engine:
// `*` and `?` within one path segment, `[a-z]` / `[!a-z]` classes, `**` for any number of
// folders, `\` escapes. A pattern without `/` matches a file or folder name at any depth (as in
// .gitignore); a trailing `/` matches folders only; a folder match covers everything under it.
#pragma once

#include <string>
#include <vector>

namespace marginalia::config {

/// One compiled glob.
class GlobPattern {
 public:
  /// Compiles `pattern`; `error()` says why when it is malformed (an unclosed `[`).
  explicit GlobPattern(const std::string& pattern);

  /// True when `relative_path` (segments separated by `/`, relative to the pattern's base
  /// folder) or one of its folders matches.
  bool matches(const std::string& relative_path) const;
  /// True when `relative_path` itself matches, as a shell glob would (`reports/*` names the
  /// files directly in reports/, not those below its subfolders).
  bool matches_exactly(const std::string& relative_path) const;

  const std::string& text() const { return text_; }
  /// Empty when the pattern is well-formed.
  const std::string& error() const { return error_; }

 private:
  std::string text_;
  std::string error_;
  std::vector<std::u32string> segments_;  ///< "**" kept as the segment U"**"
  bool folders_only_ = false;
};

}  // namespace marginalia::config
