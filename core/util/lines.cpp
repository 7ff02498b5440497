// SPDX-License-Identifier: MIT
#include "util/lines.hpp"

namespace marginalia::util {

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  for_each_line(text, [&](std::string_view line) { lines.emplace_back(line); });
  return lines;
}

}  // namespace marginalia::util
