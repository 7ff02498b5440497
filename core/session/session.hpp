// SPDX-License-Identifier: MIT
// The checking library every front end drives (lychee's `Client`): a `Session` is built from
// plain `RunSettings` and owns everything a run assembles — the configuration of each input
// (the nearest marginalia.json, or the one the settings name), the plugins loaded and configured
// for it, the plugin host (worker processes or this process), the network service and its
// cache. It checks paths or a document held in memory and returns a `merge::RunReport` for
// core/reporters and core/writers to render. It knows no flags and no output format: core/cli
// maps flags onto settings and renders what comes back.
//
// Plugins are configured once per configuration file: inputs that share a marginalia.json share
// one configured registry ("profile"); with `one_configuration` inputs whose configurations
// differ are refused instead (the command line leaves it off: each file takes its nearest).
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "host/plugin_registry.hpp"
#include "merge/merge.hpp"
#include "net/fetch_service.hpp"
#include "session/run_settings.hpp"
#include "util/problem.hpp"

namespace marginalia::session {

/// The marginalia version ("0.1.0").
const char* tool_version();

/// Every plugin the settings' folders hold, loaded with the settings' host but not configured
/// and none filtered out (so a configuration can be checked against plugins it turns off).
host::PluginRegistry discover_plugins(const RunSettings& settings);

/// Keeps the plugins that run: `enable` wins, then `disable`, then `disabled_by_config`.
void select_plugins(host::PluginRegistry& registry, const RunSettings& settings, const std::vector<std::string>& disabled_by_config);

/// A check run's assembly, reused across calls. Not copyable; one call at a time.
class Session {
 public:
  explicit Session(RunSettings settings);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  /// Checks files, `jobs` at a time; reports in input order. Problems (a bad configuration, a
  /// plugin that refuses its options, a bad network setting) mean nothing was checked.
  util::Result<merge::RunReport> check_paths(const std::vector<std::string>& paths);
  /// Checks a document held in memory. `name` stands for its path in reports and for finding
  /// its configuration; `format` picks the reader ("markdown"; empty = from `name`).
  util::Result<merge::RunReport> check_text(const std::string& name, const std::string& format, std::string bytes);
  /// The plugins selected and configured for `input`'s configuration (the nearest
  /// marginalia.json, or the one the settings name), with their info after `configure`:
  /// `marginalia explain` finds codes a plugin declares from its options there.
  util::Result<const host::PluginRegistry*> configured_plugins(const std::string& input);
  /// The configuration `path` would be checked with (`marginalia print-config`, eslint's
  /// --print-config): the file it comes from, the ignore glob that skips it, the fail level and
  /// profile, every plugin with whether it runs and its options over their defaults, and the
  /// severity settings. Problems are those a check of `path` would stop on.
  util::Result<nlohmann::ordered_json> resolved_configuration(const std::string& path);

 private:
  struct Profile;
  // The profile of the configuration file at `config_path` ("" = defaults), set up on first use.
  util::Result<Profile*> profile(const std::string& config_path);
  // The configuration file of each input, or the problem that they differ.
  util::Result<std::vector<std::string>> configuration_files(const std::vector<std::string>& inputs) const;
  util::Result<merge::RunReport> check(const std::vector<std::string>& paths, const std::string* format, std::string* bytes);

  RunSettings settings_;
  std::shared_ptr<host::PluginHost> host_;
  std::shared_ptr<net::FetchService> fetch_;
  std::map<std::string, std::unique_ptr<Profile>> profiles_;
};

}  // namespace marginalia::session
