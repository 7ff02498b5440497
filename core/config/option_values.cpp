// SPDX-License-Identifier: MIT
#include "config/option_values.hpp"

namespace marginalia::config {

std::optional<unsigned long long> parse_count(std::string_view text, unsigned long long min, unsigned long long max) {
  if (text.empty()) return std::nullopt;
  unsigned long long value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    unsigned digit = static_cast<unsigned>(c - '0');
    if (value > max / 10 || (value == max / 10 && digit > max % 10)) return std::nullopt;  // above max; never wraps
    value = value * 10 + digit;
  }
  if (value < min) return std::nullopt;
  return value;
}

std::optional<unsigned long long> parse_size(std::string_view text, unsigned long long max_bytes) {
  if (text.empty()) return std::nullopt;
  unsigned long long multiplier = 1;
  switch (text.back()) {
    case 'K': case 'k': multiplier = 1ull << 10; break;
    case 'M': case 'm': multiplier = 1ull << 20; break;
    case 'G': case 'g': multiplier = 1ull << 30; break;
    default: break;
  }
  if (multiplier != 1) text.remove_suffix(1);
  std::optional<unsigned long long> count = parse_count(text, 1, max_bytes / multiplier);
  if (!count) return std::nullopt;
  return *count * multiplier;
}

bool is_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  std::optional<unsigned long long> year = parse_count(text.substr(0, 4), 1, 9999);
  std::optional<unsigned long long> month = parse_count(text.substr(5, 2), 1, 12);
  std::optional<unsigned long long> day = parse_count(text.substr(8, 2), 1, 31);
  if (!year || !month || !day) return false;
  static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (*year % 4 == 0 && *year % 100 != 0) || *year % 400 == 0;
  unsigned days = kDays[*month - 1] + (*month == 2 && leap ? 1 : 0);
  return *day <= days;
}

}  // namespace marginalia::config
