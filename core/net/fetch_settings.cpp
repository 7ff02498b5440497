// SPDX-License-Identifier: MIT
#include "net/fetch_settings.hpp"

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>

namespace marginalia::net {
namespace {

bool parse_count(const std::string& text, unsigned long long& value) {
  if (text.empty() || text.size() > 18) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  value = std::strtoull(text.c_str(), nullptr, 10);
  return true;
}

bool parse_duration(const std::string& text, Milliseconds& value) {
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  unsigned long long number = 0;
  if (!parse_count(text.substr(0, digits), number)) return false;
  std::string unit = text.substr(digits);
  static const std::map<std::string, unsigned long long> units = {
      {"", 1000}, {"ms", 1}, {"s", 1000}, {"m", 60000}, {"h", 3600000}, {"d", 86400000}};
  auto found = units.find(unit);
  if (found == units.end() || number > (1ull << 40)) return false;
  value = Milliseconds(static_cast<long long>(number * found->second));
  return true;
}

bool parse_size(const std::string& text, std::size_t& value) {
  if (text.empty()) return false;
  unsigned long long multiplier = 1;
  std::string digits = text;
  char last = text.back();
  if (last == 'K' || last == 'k') multiplier = 1024;
  if (last == 'M' || last == 'm') multiplier = 1024 * 1024;
  if (multiplier != 1) digits.pop_back();
  unsigned long long number = 0;
  if (!parse_count(digits, number) || number > (1ull << 32)) return false;
  value = static_cast<std::size_t>(number * multiplier);
  return true;
}

struct Setting {
  const char* fallback;
  const char* what;
  std::function<bool(FetchSettings&, const std::string&)> apply;
};

template <class T>
std::function<bool(FetchSettings&, const std::string&)> count_into(T FetchSettings::*field, unsigned long long low,
                                                                   unsigned long long high) {
  return [=](FetchSettings& s, const std::string& v) {
    unsigned long long n = 0;
    if (!parse_count(v, n) || n < low || n > high) return false;
    s.*field = static_cast<T>(n);
    return true;
  };
}

std::function<bool(FetchSettings&, const std::string&)> duration_into(Milliseconds FetchSettings::*field) {
  return [=](FetchSettings& s, const std::string& v) { return parse_duration(v, s.*field); };
}

std::function<bool(FetchSettings&, const std::string&)> size_into(std::size_t FetchSettings::*field) {
  return [=](FetchSettings& s, const std::string& v) { return parse_size(v, s.*field) && s.*field > 0; };
}

bool has_control(const std::string& text) {
  for (char c : text)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return true;
  return false;
}

// A value sent in a header or a URL: a CR or LF would let it add headers of its own.
std::function<bool(FetchSettings&, const std::string&)> text_into(std::string FetchSettings::*field) {
  return [=](FetchSettings& s, const std::string& v) {
    if (has_control(v)) return false;
    s.*field = v;
    return true;
  };
}

// The value as it may be shown in a message: control characters written as \xNN.
std::string printable(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02X", static_cast<unsigned>(static_cast<unsigned char>(c)));
      out += buffer;
    } else {
      out += c;
    }
  }
  return out;
}

const std::map<std::string, Setting>& settings_table() {
  static const std::map<std::string, Setting> table = {
      {"concurrency", {"64", "transfers in flight at once", count_into(&FetchSettings::max_in_flight, 1, 1024)}},
      {"per-host", {"4", "transfers to one host at once", count_into(&FetchSettings::per_host, 1, 1024)}},
      {"host-interval", {"20ms", "minimum time between two request starts to one host", duration_into(&FetchSettings::host_interval)}},
      {"connect-timeout", {"10s", "time limit for one connection attempt", duration_into(&FetchSettings::connect_timeout)}},
      {"timeout", {"30s", "network time per URL, across its retries and redirects", duration_into(&FetchSettings::total_timeout)}},
      {"low-speed", {"1024", "abort a transfer slower than this many bytes/s…", count_into(&FetchSettings::low_speed_bytes, 0, 1ull << 30)}},
      {"low-speed-time", {"10s", "…for this long", duration_into(&FetchSettings::low_speed_time)}},
      {"max-redirects", {"10", "redirects followed before urls/too-many-redirects", count_into(&FetchSettings::max_redirects, 0, 50)}},
      {"retries", {"3", "retries after a timeout, a reset, a 5xx or a 429", count_into(&FetchSettings::retries, 0, 10)}},
      {"backoff", {"500ms", "first retry delay (doubles, with jitter)", duration_into(&FetchSettings::backoff)}},
      {"retry-after-cap", {"60s", "longest Retry-After honoured; longer gives urls/rate-limited", duration_into(&FetchSettings::retry_after_cap)}},
      {"probe-bytes", {"64K", "body bytes read when HEAD is refused and GET is used", size_into(&FetchSettings::probe_bytes)}},
      {"text-bytes", {"2M", "body bytes read when a plugin asks for a page's text", size_into(&FetchSettings::text_bytes)}},
      {"user-agent", {"marginalia/0.1 (report link checker)", "the User-Agent header", text_into(&FetchSettings::user_agent)}},
      {"proxy", {"", "proxy URL for every request, or none; default: http_proxy, https_proxy, no_proxy from the environment", text_into(&FetchSettings::proxy)}},
      {"ca-file", {"", "extra CA bundle (PEM) for TLS verification", text_into(&FetchSettings::ca_file)}},
      {"cache-ttl", {"1d", "how long ok and redirected results are reused", duration_into(&FetchSettings::cache_ttl)}},
      {"cache-ttl-failure", {"0", "how long failures are reused (0: never)", duration_into(&FetchSettings::cache_ttl_failure)}},
  };
  return table;
}

}  // namespace

std::string apply_setting(FetchSettings& settings, const std::string& name_value) {
  std::size_t eq = name_value.find('=');
  if (eq == std::string::npos) return "--net takes NAME=VALUE, got '" + name_value + "'";
  std::string name = name_value.substr(0, eq), value = name_value.substr(eq + 1);
  const auto& table = settings_table();
  auto found = table.find(name);
  if (found == table.end()) {
    std::string names;
    for (const auto& [known, setting] : table) names += (names.empty() ? "" : ", ") + known;
    return "unknown network setting '" + name + "' (known: " + names + ")";
  }
  if (has_control(value)) return "bad value '" + printable(value) + "' for network setting " + name + ": control characters (CR, LF…) are not allowed";
  if (!found->second.apply(settings, value)) return "bad value '" + value + "' for network setting " + name;
  return {};
}

std::string describe_settings() {
  std::string out;
  for (const auto& [name, setting] : settings_table())
    out += name + "=" + setting.fallback + "  " + setting.what + "\n";
  return out;
}

}  // namespace marginalia::net
