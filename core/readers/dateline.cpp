// SPDX-License-Identifier: MIT
#include "readers/dateline.hpp"

#include <cctype>
#include <cstdio>
#include <vector>

namespace marginalia::readers {
namespace {

bool valid_date(int year, int month, int day) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1000 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= days[month - 1] + (month == 2 && leap ? 1 : 0);
}

std::string iso(int year, int month, int day) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

// Splits into tokens of digits and of letters; everything else separates.
std::vector<std::string> tokens(std::string_view line) {
  std::vector<std::string> out;
  std::string current;
  int kind = 0;  // 1 digits, 2 letters
  for (char c : line) {
    int k = std::isdigit(static_cast<unsigned char>(c)) ? 1 : std::isalpha(static_cast<unsigned char>(c)) ? 2 : 0;
    if (k != kind && !current.empty()) { out.push_back(current); current.clear(); }
    kind = k;
    if (k) current.push_back(c);
  }
  if (!current.empty()) out.push_back(current);
  return out;
}

bool all_digits(const std::string& s) {
  for (char c : s) if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return !s.empty();
}

}  // namespace

int month_from_name(std::string_view name) {
  static const char* names[] = {"january", "february", "march", "april", "may", "june", "july",
                                "august", "september", "october", "november", "december"};
  std::string lower;
  for (char c : name) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (lower == "sept") return 9;
  for (int i = 0; i < 12; ++i) {
    std::string full = names[i];
    if (lower == full || (lower.size() == 3 && full.compare(0, 3, lower) == 0)) return i + 1;
  }
  return 0;
}

std::optional<std::string> parse_date_line(std::string_view line, NumericDateOrder order) {
  while (!line.empty() && std::isspace(static_cast<unsigned char>(line.front()))) line.remove_prefix(1);
  while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
  if (line.empty() || line.size() > 40) return std::nullopt;
  for (char c : line) {
    unsigned char u = static_cast<unsigned char>(c);
    if (!(std::isalnum(u) || c == ' ' || c == '.' || c == ',' || c == '-' || c == '/')) return std::nullopt;
  }
  std::vector<std::string> parts = tokens(line);
  static const char* weekdays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  if (!parts.empty() && !all_digits(parts[0])) {
    std::string lower;
    for (char c : parts[0]) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    for (const char* w : weekdays)
      if (lower == w || (lower.size() == 3 && std::string(w).compare(0, 3, lower) == 0)) { parts.erase(parts.begin()); break; }
  }
  if (parts.size() != 3) return std::nullopt;
  for (const std::string& part : parts)
    if (part.size() > 9) return std::nullopt;  // no date part is that long, and stoi would overflow
  int year = 0, month = 0, day = 0;
  if (all_digits(parts[0]) && all_digits(parts[1]) && all_digits(parts[2])) {
    int a = std::stoi(parts[0]), b = std::stoi(parts[1]), c = std::stoi(parts[2]);
    if (parts[0].size() == 4) { year = a; month = b; day = c; }
    else if (parts[2].size() == 4) {
      year = c;
      if (order == NumericDateOrder::day_first) { day = a; month = b; } else { month = a; day = b; }
    } else return std::nullopt;
  } else if (all_digits(parts[0]) && !all_digits(parts[1]) && all_digits(parts[2])) {
    day = std::stoi(parts[0]); month = month_from_name(parts[1]); year = std::stoi(parts[2]);
  } else if (!all_digits(parts[0]) && all_digits(parts[1]) && all_digits(parts[2])) {
    month = month_from_name(parts[0]); day = std::stoi(parts[1]); year = std::stoi(parts[2]);
  } else {
    return std::nullopt;
  }
  if (!valid_date(year, month, day)) return std::nullopt;
  return iso(year, month, day);
}

}  // namespace marginalia::readers
