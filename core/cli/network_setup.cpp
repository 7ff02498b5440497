// SPDX-License-Identifier: MIT
#include "cli/network_setup.hpp"

#include <unistd.h>

#include <cstdlib>
#include <cstring>

#include "net/curl_fetch_service.hpp"
#include "net/result_cache.hpp"

namespace marginalia::cli {
namespace {

bool env_set(const char* name) {
  const char* value = std::getenv(name);
  return value && *value;
}

// A bar only where a person watches: a terminal, not CI, not a dumb terminal, not --quiet.
bool want_progress(const CommandLine& line) {
  if (line.quiet || ::isatty(STDERR_FILENO) != 1) return false;
  if (env_set("CI") || env_set("GITHUB_ACTIONS") || env_set("GITLAB_CI")) return false;
  const char* term = std::getenv("TERM");
  return !(term && std::strcmp(term, "dumb") == 0);
}

}  // namespace

std::string default_cache_file() {
  if (env_set("XDG_CACHE_HOME")) return std::string(std::getenv("XDG_CACHE_HOME")) + "/marginalia/urls.sqlite";
  if (env_set("HOME")) return std::string(std::getenv("HOME")) + "/.cache/marginalia/urls.sqlite";
  return {};
}

bool network_settings(const CommandLine& line, net::FetchSettings& settings, std::string& error) {
  for (const std::string& text : line.allow_net) {
    std::optional<net::IpRange> range = net::parse_cidr(text, error);
    if (!range) {
      error = "--allow-net: " + error;
      return false;
    }
    settings.allow.push_back(*range);
  }
  for (const std::string& setting : line.net_settings) {
    error = net::apply_setting(settings, setting);
    if (!error.empty()) {
      error = "--net: " + error;
      return false;
    }
  }
  if (!line.no_cache) settings.cache_file = line.cache_file.empty() ? default_cache_file() : line.cache_file;
  for (const std::string& input : line.inputs)
    if (!settings.cache_file.empty() && net::same_file(settings.cache_file, input)) {
      error = "the cache file " + settings.cache_file + " is also an input (" + input + "); give --cache-file another path";
      return false;
    }
  settings.progress = want_progress(line);
  return true;
}

std::unique_ptr<net::FetchService> make_fetch_service(const CommandLine& line, std::string& error) {
  net::FetchSettings settings;
  if (!network_settings(line, settings, error)) return nullptr;  // a bad flag is an error even offline
  if (line.offline) return std::make_unique<net::OfflineFetchService>();
  return std::make_unique<net::CurlFetchService>(std::move(settings));
}

}  // namespace marginalia::cli
