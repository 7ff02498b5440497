// SPDX-License-Identifier: MIT
#include "writers/unified_diff.hpp"

#include <algorithm>
#include <vector>

namespace marginalia::writers {
namespace {

constexpr std::size_t kContext = 3;

// The lines of `text`, each with its '\n' (the last may have none).
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t lf = text.find('\n', at);
    std::size_t end = lf == std::string_view::npos ? text.size() : lf + 1;
    lines.push_back(text.substr(at, end - at));
    at = end;
  }
  return lines;
}

void emit(std::string& out, char prefix, std::string_view line) {
  out.push_back(prefix);
  out.append(line);
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

// Old lines [old_begin, old_end) became new lines [new_begin, new_end).
struct Block {
  std::size_t old_begin, old_end, new_begin, new_end;
};

std::vector<Block> changed_blocks(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  std::vector<Block> blocks;
  if (a.size() == b.size()) {
    for (std::size_t i = 0; i < a.size();) {
      if (a[i] == b[i]) {
        ++i;
        continue;
      }
      std::size_t end = i;
      while (end < a.size() && a[end] != b[end]) ++end;
      blocks.push_back({i, end, i, end});
      i = end;
    }
    return blocks;
  }
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) ++suffix;
  blocks.push_back({prefix, a.size() - suffix, prefix, b.size() - suffix});
  return blocks;
}

std::string range_text(std::size_t start, std::size_t count) {
  // diff writes an empty range as the line before it.
  std::string out = std::to_string(count == 0 ? start : start + 1);
  if (count != 1) out += "," + std::to_string(count);
  return out;
}

}  // namespace

std::string unified_diff(const std::string& path, std::string_view before, std::string_view after) {
  if (before == after) return {};
  std::vector<std::string_view> a = split_lines(before), b = split_lines(after);
  std::vector<Block> blocks = changed_blocks(a, b);
  std::string out = "--- " + path + "\n+++ " + path + "\n";
  for (std::size_t first = 0; first < blocks.size();) {
    // Blocks whose contexts touch share a hunk.
    std::size_t last = first;
    while (last + 1 < blocks.size() && blocks[last + 1].old_begin - blocks[last].old_end <= 2 * kContext) ++last;
    std::size_t context_before = std::min(kContext, blocks[first].old_begin);
    std::size_t old_start = blocks[first].old_begin - context_before;
    std::size_t new_start = blocks[first].new_begin - context_before;
    std::size_t old_stop = std::min(a.size(), blocks[last].old_end + kContext);
    std::string body;
    std::size_t old_count = 0, new_count = 0, line = old_start;
    for (std::size_t k = first; k <= last; ++k) {
      for (; line < blocks[k].old_begin; ++line, ++old_count, ++new_count) emit(body, ' ', a[line]);
      for (std::size_t i = blocks[k].old_begin; i < blocks[k].old_end; ++i, ++old_count) emit(body, '-', a[i]);
      for (std::size_t i = blocks[k].new_begin; i < blocks[k].new_end; ++i, ++new_count) emit(body, '+', b[i]);
      line = blocks[k].old_end;
    }
    for (; line < old_stop; ++line, ++old_count, ++new_count) emit(body, ' ', a[line]);
    out += "@@ -" + range_text(old_start, old_count) + " +" + range_text(new_start, new_count) + " @@\n" + body;
    first = last + 1;
  }
  return out;
}

}  // namespace marginalia::writers
