// SPDX-License-Identifier: MIT
#include "session/git_ignore.hpp"

#include <fstream>
#include <sstream>

namespace marginalia::session {

void GitIgnore::add_folder(const std::string& folder) {
  std::ifstream in(folder + "/.gitignore", std::ios::binary);
  if (!in) return;
  std::ostringstream text;
  text << in.rdbuf();
  add_rules(text.str(), folder);
}

void GitIgnore::add_rules(const std::string& text, const std::string& base) {
  std::string prefix = base.empty() || base.back() == '/' ? base : base + "/";
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    // Trailing spaces are ignored unless escaped (git's rule).
    while (!line.empty() && line.back() == ' ' && !(line.size() > 1 && line[line.size() - 2] == '\\')) line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    bool negated = line[0] == '!';
    if (negated) line.erase(0, 1);
    if (line.rfind("\\#", 0) == 0 || line.rfind("\\!", 0) == 0) line.erase(0, 1);
    config::GlobPattern pattern(line);
    if (!pattern.error().empty()) continue;  // git skips what it cannot parse
    rules_.push_back({std::move(pattern), prefix, negated});
  }
}

bool GitIgnore::ignores(const std::string& path, bool is_folder) const {
  bool ignored = false;
  for (const Rule& rule : rules_) {
    if (path.size() <= rule.base.size() || path.compare(0, rule.base.size(), rule.base) != 0) continue;
    // GlobPattern takes the last segment for a file, so a folder gets a child no pattern names
    // literally (folder-only rules match through it, "a folder match covers everything under it").
    std::string relative = path.substr(rule.base.size()) + (is_folder ? "/\x01\x01\x01\x01" : "");
    if (rule.pattern.matches(relative)) ignored = !rule.negated;
  }
  return ignored;
}

}  // namespace marginalia::session
