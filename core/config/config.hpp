// SPDX-License-Identifier: MIT
// The user's configuration, marginalia.json: which plugins run and with which options, the
// severity of each code, the fail level and the files to skip. Found next to the checked file
// or in a parent folder, or named with --config; validated against schemas/config.schema.json
// (embedded in the binary) and each plugin's options schema before any check runs. Errors are
// values naming the file and the JSON path of the bad key. core/cli applies the result.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/glob_pattern.hpp"
#include "marginalia/sdk/plugin.hpp"

namespace marginalia::config {

/// The file name searched for.
inline constexpr const char* kConfigFileName = "marginalia.json";

/// One plugin's entry under "plugins".
struct PluginSettings {
  /// Unset: the plugin runs (unless --disable).
  std::optional<bool> enabled;
  /// The options object; unset means the plugin's defaults.
  std::optional<nlohmann::json> options;
};

/// A severity from configuration: a severity, or off (the code's findings are dropped).
struct CodeSeverity {
  bool off = false;
  sdk::Severity severity = sdk::Severity::warning;
};

/// A parsed, schema-valid configuration.
struct Config {
  /// The file it came from as shown in messages; empty when no file was found (defaults).
  std::string path;
  /// The folder `ignore` globs are relative to (absolute).
  std::string base_dir;
  std::map<std::string, PluginSettings> plugins;
  std::map<std::string, CodeSeverity> severity;
  std::optional<sdk::Severity> fail_on;
  /// "default" or "thorough": which findings of heuristic checks plugins report (--profile overrides).
  std::optional<std::string> profile;
  std::vector<GlobPattern> ignore;

  /// The first `ignore` glob that matches `path` (a file as given on the command line), or
  /// nullptr.
  const GlobPattern* ignored_by(const std::string& path) const;
};

/// A problem with a configuration file.
struct ConfigError {
  std::string file;
  /// JSON Pointer of the bad value ("/plugins/dates/options/order"); empty for the file.
  std::string pointer;
  /// Position in the file for syntax errors; 0 when unknown.
  std::uint32_t line = 0, column = 0;
  /// What was expected, lower-case, no trailing period.
  std::string message;

  /// "marginalia.json: /plugins/x: message" or "marginalia.json:3:7: message".
  std::string to_string() const;
};

/// A configuration or why there is none.
struct ConfigResult {
  std::optional<Config> config;
  std::vector<ConfigError> errors;
};

/// The nearest marginalia.json in `folder` or one of its parents; empty when there is none.
std::string find_config(const std::string& folder);

/// Reads and validates `path` (shape only; plugins are checked by `check_against_plugins`).
ConfigResult load_config(const std::string& path);

/// Parses and validates configuration text; `path` names it in errors and anchors `ignore`.
ConfigResult parse_config(std::string_view text, const std::string& path);

/// Checks a configuration against the plugins that were found (enabled or not) and the core's
/// codes: plugin ids and codes must exist, and options must satisfy each plugin's schema.
std::vector<ConfigError> check_against_plugins(const Config& config, const std::vector<sdk::PluginInfo>& plugins,
                                               const std::vector<sdk::CodeInfo>& core_codes);

/// schemas/config.schema.json as built into the binary.
std::string_view config_schema();

/// A starting configuration: every plugin enabled with its default options, fail level error.
nlohmann::ordered_json starting_config(const std::vector<sdk::PluginInfo>& plugins);

}  // namespace marginalia::config
