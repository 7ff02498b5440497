// SPDX-License-Identifier: MIT
#include "writers/unified_diff.hpp"

#include <algorithm>

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

// Lines [first, last] of the file that edits touch, and what they become.
struct Block {
  std::size_t first = 0, last = 0;
  std::vector<std::string_view> removed;
  std::string added_text;
};

std::string range_text(std::size_t start, std::size_t count) {
  // diff writes an empty range as the line before it.
  std::string out = std::to_string(count == 0 ? start : start + 1);
  if (count != 1) out += "," + std::to_string(count);
  return out;
}

}  // namespace

std::string unified_diff(const std::string& path, std::string_view before, const std::vector<ByteEdit>& edits) {
  if (edits.empty()) return {};
  std::vector<std::string_view> lines = split_lines(before);
  std::vector<std::size_t> starts;
  for (std::string_view line : lines) starts.push_back(static_cast<std::size_t>(line.data() - before.data()));
  auto line_of = [&](std::size_t offset) {
    auto after = std::upper_bound(starts.begin(), starts.end(), offset);
    return after == starts.begin() ? std::size_t{0} : static_cast<std::size_t>(after - starts.begin()) - 1;
  };
  if (lines.empty()) lines.push_back(before), starts.push_back(0);

  // Edits on the same or overlapping lines make one block.
  std::vector<Block> blocks;
  std::vector<std::vector<const ByteEdit*>> block_edits;
  for (const ByteEdit& edit : edits) {
    std::size_t first = line_of(edit.begin);
    std::size_t last = edit.end > edit.begin ? line_of(edit.end - 1) : first;
    if (!blocks.empty() && first <= blocks.back().last) {
      blocks.back().last = std::max(blocks.back().last, last);
      block_edits.back().push_back(&edit);
    } else {
      blocks.push_back({first, last, {}, {}});
      block_edits.push_back({&edit});
    }
  }
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    Block& block = blocks[b];
    std::size_t begin = starts[block.first];
    std::size_t end = block.last + 1 < starts.size() ? starts[block.last + 1] : before.size();
    std::size_t at = begin;
    for (const ByteEdit* edit : block_edits[b]) {
      block.added_text.append(before.substr(at, edit->begin - at));
      block.added_text += edit->text;
      at = edit->end;
    }
    block.added_text.append(before.substr(at, end - at));
    block.removed.assign(lines.begin() + static_cast<std::ptrdiff_t>(block.first), lines.begin() + static_cast<std::ptrdiff_t>(block.last) + 1);
  }

  std::string out = "--- " + path + "\n+++ " + path + "\n";
  long long shift = 0;  // new line number minus old line number, after the blocks written so far
  for (std::size_t b = 0; b < blocks.size();) {
    // Blocks whose contexts touch share a hunk.
    std::size_t e = b;
    while (e + 1 < blocks.size() && blocks[e + 1].first - blocks[e].last - 1 <= 2 * kContext) ++e;
    std::size_t old_start = blocks[b].first >= kContext ? blocks[b].first - kContext : 0;
    std::size_t old_end = std::min(lines.size() - 1, blocks[e].last + kContext);
    std::string body;
    std::size_t old_count = 0, new_count = 0;
    std::size_t line = old_start;
    long long hunk_shift = shift;
    for (std::size_t k = b; k <= e; ++k) {
      for (; line < blocks[k].first; ++line, ++old_count, ++new_count) emit(body, ' ', lines[line]);
      for (std::string_view removed : blocks[k].removed) emit(body, '-', removed), ++old_count;
      std::vector<std::string_view> added = split_lines(blocks[k].added_text);
      for (std::string_view a : added) emit(body, '+', a), ++new_count;
      shift += static_cast<long long>(added.size()) - static_cast<long long>(blocks[k].removed.size());
      line = blocks[k].last + 1;
    }
    for (; line <= old_end; ++line, ++old_count, ++new_count) emit(body, ' ', lines[line]);
    std::size_t new_start = static_cast<std::size_t>(static_cast<long long>(old_start) + hunk_shift);
    out += "@@ -" + range_text(old_start, old_count) + " +" + range_text(new_start, new_count) + " @@\n" + body;
    b = e + 1;
  }
  return out;
}

}  // namespace marginalia::writers
