// SPDX-License-Identifier: MIT
// Text split at '\n', for the line-based formats the tool keeps (fixture expectations, lists
// stored one item per line in the URL cache).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace marginalia::util {

/// Calls `visit(line)` for each line of `text`, without its '\n' (a '\r' stays): "a\nb\n" visits
/// "a" and "b"; "" visits nothing.
template <typename Visit>
void for_each_line(std::string_view text, Visit&& visit) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    visit(text.substr(start, end - start));
    start = end + 1;
  }
}

/// The lines of `text`, as for_each_line visits them.
std::vector<std::string> split_lines(std::string_view text);

}  // namespace marginalia::util
