// SPDX-License-Identifier: MIT
#include "writers/tei_temporal.hpp"

#include "writers/tei_writer.hpp"

namespace marginalia::writers {
namespace {

bool all_digits(std::string_view s, std::size_t n) {
  if (s.size() != n) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int number(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// "Z", "+02:00" or nothing.
bool valid_zone(std::string_view z) {
  if (z.empty() || z == "Z") return true;
  return z.size() == 6 && (z[0] == '+' || z[0] == '-') && all_digits(z.substr(1, 2), 2) && z[3] == ':' &&
         all_digits(z.substr(4, 2), 2) && number(z.substr(1, 2)) <= 14 && number(z.substr(4, 2)) <= 59;
}

// xsd:time: hh:mm:ss, optional fraction and zone.
bool valid_time(std::string_view v) {
  if (v.size() < 8 || !all_digits(v.substr(0, 2), 2) || v[2] != ':' || !all_digits(v.substr(3, 2), 2) || v[5] != ':' ||
      !all_digits(v.substr(6, 2), 2))
    return false;
  if (number(v.substr(0, 2)) > 23 || number(v.substr(3, 2)) > 59 || number(v.substr(6, 2)) > 59) return false;
  std::size_t i = 8;
  if (i < v.size() && v[i] == '.') {
    std::size_t j = i + 1;
    while (j < v.size() && v[j] >= '0' && v[j] <= '9') ++j;
    if (j == i + 1) return false;
    i = j;
  }
  return valid_zone(v.substr(i));
}

// "P" then [n]Y [n]M [n]W [n]D, then optionally "T" and [n]H [n]M [n]S, in that order.
bool valid_duration_part(std::string_view s, const char* units, bool& any) {
  std::size_t i = 0;
  const char* next = units;
  while (i < s.size()) {
    std::size_t j = i;
    while (j < s.size() && ((s[j] >= '0' && s[j] <= '9') || s[j] == '.')) ++j;
    if (j == i || j >= s.size() || s[i] == '.' || s[j - 1] == '.') return false;
    const char* unit = next;
    while (*unit && *unit != s[j]) ++unit;
    if (!*unit) return false;
    next = unit + 1;
    any = true;
    i = j + 1;
  }
  return true;
}

}  // namespace

bool valid_w3c_temporal(std::string_view v) {
  if (valid_w3c_date(v)) return true;
  if (v.size() == 4 && v.substr(0, 2) == "--") return all_digits(v.substr(2), 2) && number(v.substr(2)) >= 1 && number(v.substr(2)) <= 12;
  if (valid_time(v)) return true;
  std::size_t t = v.find('T');
  return t == 10 && valid_w3c_date(v.substr(0, 10)) && valid_time(v.substr(11));
}

bool valid_iso_duration(std::string_view v) {
  if (v.size() < 3 || v[0] != 'P') return false;
  std::size_t t = v.find('T');
  bool any = false;
  if (!valid_duration_part(v.substr(1, t == std::string_view::npos ? std::string_view::npos : t - 1), "YMWD", any)) return false;
  if (t != std::string_view::npos) {
    bool any_time = false;
    if (!valid_duration_part(v.substr(t + 1), "HMS", any_time) || !any_time) return false;
    any = true;
  }
  return any;
}

bool valid_iso_temporal(std::string_view v) {
  if (valid_w3c_temporal(v)) return true;
  // ISO week: YYYY-Www or YYYY-Www-D
  if ((v.size() == 8 || v.size() == 10) && all_digits(v.substr(0, 4), 4) && v.substr(4, 2) == "-W" && all_digits(v.substr(6, 2), 2)) {
    int week = number(v.substr(6, 2));
    if (week < 1 || week > 53) return false;
    return v.size() == 8 || (v[8] == '-' && v[9] >= '1' && v[9] <= '7');
  }
  return false;
}

TemporalElement temporal_element(const std::vector<sdk::Attribute>& attributes) {
  auto value_of = [&](std::string_view name) -> std::string {
    for (const sdk::Attribute& a : attributes)
      if (a.name == name) return a.value;
    return {};
  };
  auto token_ok = [](std::string_view v) {  // teidata.enumerated: an XML name
    if (v.empty() || !((v[0] >= 'a' && v[0] <= 'z') || (v[0] >= 'A' && v[0] <= 'Z'))) return false;
    for (char c : v)
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.')) return false;
    return true;
  };
  TemporalElement element{"date", {}};
  std::string type = value_of("type");
  if (token_ok(type)) {
    element.attributes.push_back({"type", type});
    std::string subtype = value_of("subtype");  // the schema's rules want @type beside @subtype
    if (token_ok(subtype)) element.attributes.push_back({"subtype", subtype});
  }
  for (const char* name : {"when", "when-iso", "from", "to", "notBefore", "notAfter"}) {
    std::string value = value_of(name);
    bool iso = std::string_view(name) == "when-iso";
    if (value.empty() || !(iso ? valid_iso_temporal(value) : valid_w3c_temporal(value))) continue;
    if (value.find(':') != std::string::npos) element.name = "time";
    element.attributes.push_back({name, value});
  }
  if (std::string value = value_of("dur-iso"); !value.empty() && valid_iso_duration(value)) element.attributes.push_back({"dur-iso", value});
  return element;
}

}  // namespace marginalia::writers
