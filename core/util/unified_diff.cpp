// SPDX-License-Identifier: MIT
#include "util/unified_diff.hpp"

#include <algorithm>

namespace marginalia::util {
namespace {

enum class Op { keep, remove, add };

struct Edit {
  Op op;
  std::size_t before, after;  // indexes into the lists (the one the op does not touch is where it sits)
};

// Longest common subsequence by dynamic programming: expectation blocks are tens of lines, so
// the quadratic table is small, and it gives the minimal diff Myers would.
std::vector<Edit> edit_script(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<std::size_t>> common(n + 1, std::vector<std::size_t>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      common[i][j] = a[i] == b[j] ? common[i + 1][j + 1] + 1 : std::max(common[i + 1][j], common[i][j + 1]);
  std::vector<Edit> edits;
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      edits.push_back({Op::keep, i++, j++});
    } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
      edits.push_back({Op::remove, i++, j});
    } else {
      edits.push_back({Op::add, i, j++});
    }
  }
  return edits;
}

std::string range(std::size_t start, std::size_t count) {
  // diff -u names an empty range by the line before it.
  std::size_t shown = count == 0 ? start - 1 : start;
  return count == 1 ? std::to_string(shown) : std::to_string(shown) + "," + std::to_string(count);
}

}  // namespace

std::string unified_diff(const std::vector<std::string>& before, const std::vector<std::string>& after, const std::string& before_name,
                         const std::string& after_name, std::size_t first_line, std::size_t context) {
  std::vector<Edit> edits = edit_script(before, after);
  std::string out;
  std::size_t at = 0;
  while (at < edits.size()) {
    while (at < edits.size() && edits[at].op == Op::keep) ++at;
    if (at == edits.size()) break;
    // A hunk: from `context` lines before this change to `context` lines after the last change
    // that is no more than 2 * context unchanged lines from the previous one.
    std::size_t begin = at >= context ? at - context : 0;
    std::size_t end = at;
    for (std::size_t scan = at; scan < edits.size(); ++scan) {
      if (edits[scan].op != Op::keep) { end = scan + 1; continue; }
      if (scan - end + 1 > 2 * context) break;
    }
    end = std::min(edits.size(), end + context);
    std::size_t before_count = 0, after_count = 0;
    std::string body;
    for (std::size_t k = begin; k < end; ++k) {
      const Edit& edit = edits[k];
      if (edit.op == Op::keep) { body += " " + before[edit.before] + "\n"; ++before_count; ++after_count; }
      if (edit.op == Op::remove) { body += "-" + before[edit.before] + "\n"; ++before_count; }
      if (edit.op == Op::add) { body += "+" + after[edit.after] + "\n"; ++after_count; }
    }
    if (out.empty()) out = "--- " + before_name + "\n+++ " + after_name + "\n";
    out += "@@ -" + range(first_line + edits[begin].before, before_count) + " +" + range(first_line + edits[begin].after, after_count) + " @@\n" + body;
    at = end;
  }
  return out;
}

}  // namespace marginalia::util
