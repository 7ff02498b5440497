// SPDX-License-Identifier: MIT
// Baselines: the findings a project has accepted for now, recorded by fingerprint (the code, the
// normalised text of the span and its context; never a line number, see merge.hpp), so a run
// with `--baseline FILE` reports only new findings, even after lines are added above old ones.
// Files are named relative to the baseline's own folder, so the same baseline works from any
// working directory. Runs after suppressions (core/merge/suppressions.hpp).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "merge/merge.hpp"

namespace marginalia::merge {

/// One accepted finding.
struct BaselineEntry {
  /// The checked file, relative to the baseline's folder, with '/' separators.
  std::string file;
  std::string code;
  std::string fingerprint;
  /// For people reading the file; not used for matching.
  std::string message;
};

struct BaselineLoad;

/// A set of accepted findings tied to the file it lives in.
class Baseline {
 public:
  /// An empty baseline stored at `path`.
  explicit Baseline(const std::string& path);

  /// Reads a baseline file.
  static BaselineLoad load(const std::string& path);
  /// Reads a baseline from its JSON text; `path` names it in errors and anchors its file keys.
  static BaselineLoad parse(std::string_view text, const std::string& path);
  /// A baseline at `path` holding every finding of `files`, except failures of the run itself
  /// (`host/plugin-…`), which must never be accepted.
  static Baseline record(const std::string& path, const std::vector<FileReport>& files);

  /// The file's JSON text (sorted, so it diffs well).
  std::string serialize() const;
  /// Removes from `files` the findings the baseline holds; returns how many it removed.
  std::size_t filter(std::vector<FileReport>& files) const;

  /// The entries that no longer match (ESLint's unused suppressions): those of a file checked in
  /// `files` that no finding of it matches, and those of a file that no longer exists. Entries
  /// of existing files this run did not check are left alone. Call before `filter`.
  std::vector<BaselineEntry> stale(const std::vector<FileReport>& files) const;
  /// Removes these entries (`--prune-baseline`).
  void remove(const std::vector<BaselineEntry>& entries);

  const std::vector<BaselineEntry>& entries() const { return entries_; }
  /// `path` (a file as given to check) relative to the baseline's folder.
  std::string key_for(const std::string& path) const;

 private:
  void add(BaselineEntry entry);

  std::string dir_;
  std::vector<BaselineEntry> entries_;
  std::set<std::tuple<std::string, std::string, std::string>> keys_;
};

/// A baseline or why it could not be read.
struct BaselineLoad {
  std::optional<Baseline> baseline;
  /// "baseline.json: /findings/3/code: expected a string"; empty on success.
  std::string error;
};

}  // namespace marginalia::merge
