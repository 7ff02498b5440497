// SPDX-License-Identifier: MIT
#include "code_line.hpp"

namespace marginalia::plugins::quotes {
namespace {

bool identifier_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace

bool looks_like_code(std::string_view paragraph) {
  std::size_t b = 0, e = paragraph.size();
  while (b < e && (paragraph[b] == ' ' || paragraph[b] == '\t')) ++b;
  while (e > b && (paragraph[e - 1] == ' ' || paragraph[e - 1] == '\t' || paragraph[e - 1] == '\r')) --e;
  std::string_view line = paragraph.substr(b, e - b);
  // Prose lists end items with ";" too ("the Minister" means the Minister for Health;), so the
  // ending alone is not enough: code also calls, assigns or dereferences.
  if (line.size() < 8 || line.find('\n') != std::string_view::npos) return false;
  char last = line.back();
  if (last != ';' && last != '{' && last != '}') return false;
  int signals = 0;
  for (std::size_t i = 1; i < line.size(); ++i) {
    char c = line[i], p = line[i - 1];
    if (c == '(' && identifier_char(p)) {
      ++signals;  // a call: name( with no space
      std::size_t k = i - 1;
      while (k > 0 && identifier_char(line[k - 1])) --k;
      if (k > 0 && line[k - 1] == '.') ++signals;  // a method call: .name(
    }
    if (c == ';' && p == ')') ++signals;
    if ((c == '>' && p == '-') || (c == ':' && p == ':') || (c == '=' && p == '=')) ++signals;
    if (c == '=' && p == ' ' && i + 1 < line.size() && line[i + 1] == ' ') ++signals;
  }
  return signals >= 2;
}

}  // namespace marginalia::plugins::quotes
