// SPDX-License-Identifier: MIT
#include "session/shard.hpp"

#include <filesystem>

namespace marginalia::session {
namespace {

namespace fs = std::filesystem;

// FNV-1a 64: tiny, fixed by its specification (never std::hash, whose values differ between
// standard libraries and versions), and mixes well enough for a split into at most 1024.
std::uint64_t fnv1a(const std::string& bytes) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

std::optional<unsigned> strict_number(const std::string& digits) {
  if (digits.empty() || digits.size() > 4 || digits[0] == '0') return std::nullopt;
  unsigned value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  return value;
}

}  // namespace

std::optional<Shard> parse_shard(const std::string& text, std::string& error) {
  error = "--shard takes K/N with 1 <= K <= N <= " + std::to_string(kMaxShards) + ", such as 2/4, not '" + text + "'";
  std::size_t slash = text.find('/');
  if (slash == std::string::npos) return std::nullopt;
  std::optional<unsigned> index = strict_number(text.substr(0, slash));
  std::optional<unsigned> count = strict_number(text.substr(slash + 1));
  if (!index || !count || *count > kMaxShards || *index > *count) return std::nullopt;
  error.clear();
  return Shard{*index, *count};
}

std::string shard_key(const std::string& path, const std::string& working_folder) {
  fs::path absolute = fs::path(path).is_absolute() ? fs::path(path) : fs::path(working_folder) / path;
  fs::path relative = absolute.lexically_normal().lexically_relative(fs::path(working_folder).lexically_normal());
  return (relative.empty() ? absolute.lexically_normal() : relative).generic_string();
}

unsigned shard_of(const std::string& path, unsigned count, const std::string& working_folder) {
  return static_cast<unsigned>(fnv1a(shard_key(path, working_folder)) % (count ? count : 1)) + 1;
}

std::vector<std::size_t> select_shard(const std::vector<std::string>& paths, const Shard& shard, const std::string& working_folder) {
  std::vector<std::size_t> chosen;
  for (std::size_t i = 0; i < paths.size(); ++i)
    if (shard_of(paths[i], shard.count, working_folder) == shard.index) chosen.push_back(i);
  return chosen;
}

}  // namespace marginalia::session
