// SPDX-License-Identifier: MIT
#include "config/glob_pattern.hpp"

#include "marginalia/sdk/text.hpp"

namespace marginalia::config {
namespace {

const std::u32string kAnyFolders = U"**";

std::vector<std::u32string> split(const std::string& path) {
  std::vector<std::u32string> segments(1);
  std::string_view view(path);
  for (std::size_t pos = 0; pos < view.size();) {
    char32_t c = sdk::next_code_point(view, pos);
    if (c == U'/') segments.emplace_back();
    else segments.back().push_back(c);
  }
  std::vector<std::u32string> kept;
  for (std::u32string& s : segments)
    if (!s.empty() && s != U".") kept.push_back(std::move(s));
  return kept;
}

// One `[...]` class starting at `p` (just after '['); advances `p` past ']'.
bool class_matches(const std::u32string& pattern, std::size_t& p, char32_t c) {
  bool negated = p < pattern.size() && (pattern[p] == U'!' || pattern[p] == U'^');
  if (negated) ++p;
  bool matched = false;
  bool first = true;  // a ']' right after '[' or '[!' is literal
  while (p < pattern.size() && (pattern[p] != U']' || first)) {
    first = false;
    char32_t low = pattern[p];
    if (low == U'\\' && p + 1 < pattern.size()) low = pattern[++p];
    ++p;
    char32_t high = low;
    if (p + 1 < pattern.size() && pattern[p] == U'-' && pattern[p + 1] != U']') {
      high = pattern[++p];
      if (high == U'\\' && p + 1 < pattern.size()) high = pattern[++p];
      ++p;
    }
    if (low <= c && c <= high) matched = true;
  }
  ++p;  // ']'
  return matched != negated;
}

// Matches one segment against one glob segment. The classic greedy wildcard algorithm: on a
// mismatch, only the last `*` needs to absorb one more character, so the cost stays
// O(|pattern| × |name|) at worst and linear in practice.
bool segment_matches(const std::u32string& pattern, const std::u32string& name) {
  std::size_t p = 0, n = 0, star_p = std::u32string::npos, star_n = 0;
  while (n < name.size()) {
    if (p < pattern.size() && pattern[p] == U'*') {
      star_p = ++p;
      star_n = n;
      continue;
    }
    if (p < pattern.size()) {
      std::size_t next = p;
      bool ok;
      if (pattern[p] == U'?') { ok = true; next = p + 1; }
      else if (pattern[p] == U'[') { next = p + 1; ok = class_matches(pattern, next, name[n]); }
      else if (pattern[p] == U'\\' && p + 1 < pattern.size()) { ok = pattern[p + 1] == name[n]; next = p + 2; }
      else { ok = pattern[p] == name[n]; next = p + 1; }
      if (ok) { p = next; ++n; continue; }
    }
    if (star_p == std::u32string::npos) return false;
    p = star_p;
    n = ++star_n;
  }
  while (p < pattern.size() && pattern[p] == U'*') ++p;
  return p == pattern.size();
}

// The same greedy algorithm one level up: `**` absorbs whole segments.
bool path_matches(const std::vector<std::u32string>& pattern, const std::vector<std::u32string>& path, std::size_t path_size) {
  std::size_t p = 0, n = 0, star_p = std::string::npos, star_n = 0;
  while (n < path_size) {
    if (p < pattern.size() && pattern[p] == kAnyFolders) {
      star_p = ++p;
      star_n = n;
      continue;
    }
    if (p < pattern.size() && segment_matches(pattern[p], path[n])) {
      ++p;
      ++n;
      continue;
    }
    if (star_p == std::string::npos) return false;
    p = star_p;
    n = ++star_n;
  }
  while (p < pattern.size() && pattern[p] == kAnyFolders) ++p;
  return p == pattern.size();
}

}  // namespace

GlobPattern::GlobPattern(const std::string& pattern) : text_(pattern) {
  std::string body = pattern;
  if (!body.empty() && body.back() == '/') {
    folders_only_ = true;
    while (!body.empty() && body.back() == '/') body.pop_back();
  }
  bool anchored = body.find('/') != std::string::npos;
  if (!body.empty() && body.front() == '/') body.erase(0, 1);
  segments_ = split(body);
  if (segments_.empty()) {
    error_ = "the pattern names no file";
    return;
  }
  for (const std::u32string& segment : segments_) {
    int depth = 0;
    for (std::size_t i = 0; i < segment.size(); ++i) {
      if (segment[i] == U'\\') { ++i; continue; }
      if (segment[i] == U'[' && depth == 0) {
        std::size_t close = i + 1;
        if (close < segment.size() && (segment[close] == U'!' || segment[close] == U'^')) ++close;
        if (close < segment.size() && segment[close] == U']') ++close;  // a leading ']' is literal
        while (close < segment.size() && segment[close] != U']') close += segment[close] == U'\\' ? 2 : 1;
        if (close >= segment.size()) { error_ = "unclosed '[' in the pattern"; return; }
        i = close;
      }
    }
  }
  if (!anchored) segments_.insert(segments_.begin(), kAnyFolders);
  // A match of a folder covers everything under it.
  segments_.push_back(kAnyFolders);
}

bool GlobPattern::matches(const std::string& relative_path) const {
  if (!error_.empty()) return false;
  std::vector<std::u32string> path = split(relative_path);
  if (path.empty()) return false;
  // Folders only: the pattern must match within the folder part; the trailing "**" lets it
  // end at any folder.
  std::size_t size = folders_only_ ? path.size() - 1 : path.size();
  return path_matches(segments_, path, size);
}

}  // namespace marginalia::config

namespace marginalia::config {

bool GlobPattern::matches_exactly(const std::string& relative_path) const {
  if (!error_.empty() || folders_only_) return false;
  std::vector<std::u32string> path = split(relative_path);
  if (path.empty()) return false;
  // Without the trailing "**" the constructor adds so that a folder match covers its contents.
  std::vector<std::u32string> whole(segments_.begin(), segments_.end() - 1);
  return path_matches(whole, path, path.size());
}

}  // namespace marginalia::config
