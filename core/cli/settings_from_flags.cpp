// SPDX-License-Identifier: MIT
#include "cli/settings_from_flags.hpp"

#include <unistd.h>

#include <cstdlib>
#include <cstring>

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

sdk::Severity severity_named(const std::string& name) {
  if (name == "warning") return sdk::Severity::warning;
  if (name == "note") return sdk::Severity::note;
  return sdk::Severity::error;
}

}  // namespace

std::string default_cache_file() {
  if (env_set("XDG_CACHE_HOME")) return std::string(std::getenv("XDG_CACHE_HOME")) + "/marginalia/urls.sqlite";
  if (env_set("HOME")) return std::string(std::getenv("HOME")) + "/.cache/marginalia/urls.sqlite";
  return {};
}

session::RunSettings settings_from_flags(const CommandLine& line) {
  session::RunSettings settings;
  settings.config_file = line.config_file;
  // Each input takes its nearest marginalia.json, so one run covers a repository with several.
  settings.one_configuration = false;
  settings.plugin_dirs = line.plugin_dirs;
  settings.default_plugins = line.default_plugins;
  settings.enable = line.enable;
  settings.disable = line.disable;
  settings.isolation = line.isolation == "none" ? session::Isolation::none : session::Isolation::process;
  settings.timeout_ms = line.timeout_ms;
  settings.memory_limit_bytes = line.memory_limit_mb << 20;
  settings.input_format = line.input_format;
  settings.max_input_bytes = line.max_input_bytes;
  settings.document_date = line.document_date;
  settings.offline = line.offline;
  settings.sources_dir = line.sources_dir;
  settings.jobs = line.jobs;
  settings.profile = line.profile;
  if (!line.fail_on.empty()) settings.fail_on = severity_named(line.fail_on);
  return settings;
}

util::Result<net::FetchSettings> network_from_flags(const CommandLine& line) {
  net::FetchSettings settings;
  // Proxies as curl takes them from the environment; `--net proxy=` wins (net/proxy_choice.hpp).
  settings.proxy_environment = net::ProxyEnvironment::from_process();
  for (const std::string& text : line.allow_net) {
    std::string error;
    std::optional<net::IpRange> range = net::parse_cidr(text, error);
    if (!range) return util::Problem::about("", "cli/usage", "--allow-net: " + error);
    settings.allow.push_back(*range);
  }
  for (const std::string& setting : line.net_settings)
    if (std::string error = net::apply_setting(settings, setting); !error.empty()) return util::Problem::about("", "cli/usage", "--net: " + error);
  if (!line.no_cache) settings.cache_file = line.cache_file.empty() ? default_cache_file() : line.cache_file;
  settings.progress = want_progress(line);
  return settings;
}

}  // namespace marginalia::cli
