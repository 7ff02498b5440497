// SPDX-License-Identifier: MIT
#include "net/proxy_choice.hpp"

#include <algorithm>
#include <cstdlib>

#include "net/ip_address.hpp"

namespace marginalia::net {
namespace {

std::string variable(const char* lower, const char* upper) {
  if (const char* value = std::getenv(lower); value && *value) return value;
  if (upper)
    if (const char* value = std::getenv(upper); value && *value) return value;
  return {};
}

std::string lower_case(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// The scheme and host of a URL libcurl has already normalised.
void split_url(const std::string& url, std::string& scheme, std::string& host) {
  std::size_t colon = url.find("://");
  if (colon == std::string::npos) return;
  scheme = lower_case(url.substr(0, colon));
  std::size_t start = colon + 3;
  std::size_t end = url.find_first_of("/?#", start);
  std::string authority = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (std::size_t at = authority.rfind('@'); at != std::string::npos) authority.erase(0, at + 1);
  if (!authority.empty() && authority[0] == '[') {
    std::size_t close = authority.find(']');
    host = authority.substr(1, close == std::string::npos ? std::string::npos : close - 1);
    return;
  }
  host = authority.substr(0, authority.find(':'));
}

}  // namespace

ProxyEnvironment ProxyEnvironment::from_process() {
  ProxyEnvironment environment;
  environment.http_proxy = variable("http_proxy", nullptr);
  environment.https_proxy = variable("https_proxy", "HTTPS_PROXY");
  environment.all_proxy = variable("all_proxy", "ALL_PROXY");
  environment.no_proxy = variable("no_proxy", "NO_PROXY");
  return environment;
}

bool no_proxy_matches(const std::string& host_in, const std::string& no_proxy) {
  std::string host = lower_case(host_in);
  while (!host.empty() && host.back() == '.') host.pop_back();
  if (host.empty()) return false;
  std::optional<IpAddress> address = parse_ip(host);
  std::size_t at = 0;
  while (at < no_proxy.size()) {
    std::size_t end = no_proxy.find_first_of(", \t", at);
    std::string entry = lower_case(no_proxy.substr(at, end == std::string::npos ? std::string::npos : end - at));
    at = end == std::string::npos ? no_proxy.size() : end + 1;
    if (entry.empty()) continue;
    if (entry == "*") return true;
    if (entry.size() > 2 && entry.front() == '[' && entry.back() == ']') entry = entry.substr(1, entry.size() - 2);
    if (address) {
      std::string error;
      if (entry.find('/') != std::string::npos) {
        if (std::optional<IpRange> range = parse_cidr(entry, error); range && range->contains(*address)) return true;
      } else if (std::optional<IpAddress> listed = parse_ip(entry); listed && *listed == *address) {
        return true;
      }
      continue;
    }
    while (!entry.empty() && entry.front() == '.') entry.erase(0, 1);
    while (!entry.empty() && entry.back() == '.') entry.pop_back();
    if (entry.empty()) continue;
    if (host == entry) return true;
    if (host.size() > entry.size() && host.compare(host.size() - entry.size(), entry.size(), entry) == 0 &&
        host[host.size() - entry.size() - 1] == '.')
      return true;
  }
  return false;
}

std::string choose_proxy(const std::string& url, const std::string& explicit_proxy, const ProxyEnvironment& environment) {
  if (explicit_proxy == "none") return {};
  std::string scheme, host;
  split_url(url, scheme, host);
  if (!explicit_proxy.empty()) return explicit_proxy;
  if (no_proxy_matches(host, environment.no_proxy)) return {};
  if (scheme == "http" && !environment.http_proxy.empty()) return environment.http_proxy;
  if (scheme == "https" && !environment.https_proxy.empty()) return environment.https_proxy;
  return environment.all_proxy;
}

}  // namespace marginalia::net
