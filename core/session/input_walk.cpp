// SPDX-License-Identifier: MIT
#include "session/input_walk.hpp"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "config/config.hpp"
#include "config/glob_pattern.hpp"
#include "readers/reader_registry.hpp"
#include "session/git_ignore.hpp"

namespace marginalia::session {
namespace {

namespace fs = std::filesystem;

// The configurations met during a walk, by folder, so each file's `ignore` globs come from its
// own nearest marginalia.json. A configuration that does not load ignores nothing here; the
// session reports its errors when it checks the file.
class ConfigIgnores {
 public:
  bool ignores(const fs::path& file) {
    std::string folder = file.parent_path().string();
    auto found = by_folder_.find(folder);
    if (found == by_folder_.end()) {
      std::string path = config::find_config(folder);
      found = by_folder_.emplace(folder, loaded(path)).first;
    }
    return found->second && found->second->ignored_by(file.string());
  }

 private:
  const config::Config* loaded(const std::string& path) {
    if (path.empty()) return nullptr;
    auto found = by_path_.find(path);
    if (found != by_path_.end()) return found->second.get();
    config::ConfigResult result = config::load_config(path);
    auto& slot = by_path_[path];
    if (result.config) slot = std::make_unique<config::Config>(std::move(*result.config));
    return slot.get();
  }
  std::map<std::string, const config::Config*> by_folder_;
  std::map<std::string, std::unique_ptr<config::Config>> by_path_;
};

// The .gitignore files of the folders above `root` up to its repository's top (a folder with
// `.git`), so `marginalia check docs/` inside a repository honours the top-level .gitignore.
void add_parent_ignores(const fs::path& root, GitIgnore& ignores) {
  std::vector<fs::path> parents;
  std::error_code error;
  for (fs::path dir = root.parent_path(); !dir.empty(); dir = dir.parent_path()) {
    parents.push_back(dir);
    if (fs::exists(dir / ".git", error) || dir == dir.root_path()) break;
  }
  if (parents.empty() || !fs::exists(parents.back() / ".git", error)) return;  // not in a repository
  for (auto it = parents.rbegin(); it != parents.rend(); ++it) ignores.add_folder(it->string());
}

bool inside(const fs::path& path, const fs::path& root) {
  auto [end, ignored] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return end == root.end();
}

struct Walk {
  fs::path root_absolute;   // lexically normal
  fs::path root_canonical;  // symlinks resolved, for the "out of the tree" test
  fs::path root_shown;      // as the user wrote it
  GitIgnore gitignore;
  ConfigIgnores config_ignores;
  std::vector<util::Problem> notices;
  // Keeps a file (its path relative to the root) or not.
  std::function<bool(const std::string& relative)> wanted;
  std::vector<std::string> found;

  void folder(const fs::path& absolute, const fs::path& relative) {
    std::size_t rules = gitignore.size();
    gitignore.add_folder(absolute.string());
    std::error_code error;
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it(absolute, fs::directory_options::skip_permission_denied, error), end; !error && it != end;
         it.increment(error))
      entries.push_back(*it);
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
    for (const fs::directory_entry& entry : entries) {
      std::string name = entry.path().filename().string();
      if (name.empty() || name[0] == '.') continue;  // .git, editor and tool state
      fs::path child_relative = relative / name;
      bool link = entry.is_symlink(error);
      bool is_folder = entry.is_directory(error);
      if (gitignore.ignores(entry.path().string(), is_folder)) continue;
      if (link) {
        fs::path target = fs::weakly_canonical(entry.path(), error);
        if (error || !inside(target, root_canonical)) {
          notices.push_back(util::Problem::about(shown(child_relative), "input/symlink-outside",
                                                 "not following " + shown(child_relative) + ": the link leads out of " + root_shown.string()));
          continue;
        }
        // A link to a folder inside the tree would visit that folder twice (or loop).
        if (is_folder) continue;
      }
      if (is_folder) {
        folder(entry.path(), child_relative);
        continue;
      }
      if (!entry.is_regular_file(error)) continue;
      if (!wanted(child_relative.generic_string())) continue;
      if (config_ignores.ignores(entry.path())) continue;
      found.push_back(shown(child_relative));
    }
    gitignore.truncate(rules);
  }

  std::string shown(const fs::path& relative) const { return (root_shown / relative).lexically_normal().string(); }
};

std::vector<std::string> walk(const std::string& root, const std::function<bool(const std::string&)>& wanted,
                              std::vector<util::Problem>& notices) {
  Walk w;
  std::error_code error;
  w.root_shown = fs::path(root).lexically_normal();
  if (w.root_shown.has_filename() == false && w.root_shown != w.root_shown.root_path()) w.root_shown = w.root_shown.parent_path();
  w.root_absolute = fs::absolute(root, error).lexically_normal();
  if (!w.root_absolute.has_filename() && w.root_absolute != w.root_absolute.root_path()) w.root_absolute = w.root_absolute.parent_path();
  w.root_canonical = fs::weakly_canonical(w.root_absolute, error);
  w.wanted = wanted;
  add_parent_ignores(w.root_absolute, w.gitignore);
  w.folder(w.root_absolute, fs::path());
  std::sort(w.found.begin(), w.found.end());
  for (util::Problem& notice : w.notices) notices.push_back(std::move(notice));
  return std::move(w.found);
}

std::vector<std::string> split_segments(const std::string& text) {
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t slash = text.find('/', start);
    if (slash == std::string::npos) slash = text.size();
    segments.push_back(text.substr(start, slash - start));
    start = slash + 1;
  }
  return segments;
}

// Expands `pattern` from the folder its literal leading segments name.
util::Result<std::vector<std::string>> expand_glob(const std::string& pattern, std::vector<util::Problem>& notices) {
  std::vector<std::string> segments = split_segments(pattern);
  std::string base;
  std::size_t first_glob = 0;
  while (first_glob < segments.size() && !is_glob(segments[first_glob])) {
    base += (first_glob == 0 ? "" : "/") + segments[first_glob];
    ++first_glob;
  }
  if (first_glob == 0) base = ".";
  else if (base.empty()) base = "/";  // an absolute pattern such as /srv/*.md
  std::string rest;
  for (std::size_t i = first_glob; i < segments.size(); ++i) rest += "/" + segments[i];
  // "reports/**" means every file below reports/, of the formats a folder walk takes.
  const std::string& last = segments.back();
  bool any_name = last == "**" || last == "*";
  if (last == "**") rest += "/*";
  config::GlobPattern glob(rest);  // the leading '/' anchors it at `base`
  if (!glob.error().empty()) return util::Problem::about("", "input/bad-glob", "'" + pattern + "': " + glob.error());
  std::error_code error;
  std::vector<std::string> found;
  if (fs::is_directory(base, error))
    found = walk(base, [&](const std::string& relative) {
      return glob.matches_exactly(relative) && (!any_name || readers::has_known_extension(relative));
    }, notices);
  if (found.empty())
    return util::Problem::about("", "input/no-match", "no file matches '" + pattern + "' (hidden and .gitignore'd files are skipped)");
  return found;
}

}  // namespace

bool is_glob(const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\') { ++i; continue; }
    if (text[i] == '*' || text[i] == '?' || text[i] == '[') return true;
  }
  return false;
}

util::Result<InputList> expand_inputs(const std::vector<std::string>& inputs) {
  InputList list;
  std::set<std::string> seen;
  auto add = [&](const std::string& path) {
    std::string key = path == "-" ? path : fs::path(path).lexically_normal().string();
    if (seen.insert(key).second) list.paths.push_back(path);
  };
  std::vector<util::Problem> problems;
  for (const std::string& input : inputs) {
    std::error_code error;
    if (input == "-") {
      add(input);
    } else if (fs::is_directory(input, error)) {
      std::vector<std::string> found = walk(input, [](const std::string& relative) { return readers::has_known_extension(relative); }, list.notices);
      if (found.empty())
        list.notices.push_back(util::Problem::about(input, "input/empty-folder", input + " holds no file of a known format (.txt, .md, .html, .xml, .docx)"));
      for (const std::string& path : found) add(path);
    } else if (!fs::exists(fs::symlink_status(input, error)) && is_glob(input)) {
      util::Result<std::vector<std::string>> expanded = expand_glob(input, list.notices);
      if (!expanded) {
        for (const util::Problem& problem : expanded.problems()) problems.push_back(problem);
        continue;
      }
      for (const std::string& path : *expanded) add(path);
    } else {
      add(input);  // a file, or a missing one the reader reports as reader/not-found
    }
  }
  if (!problems.empty()) return problems;
  return list;
}

}  // namespace marginalia::session
