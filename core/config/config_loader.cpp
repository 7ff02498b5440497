// SPDX-License-Identifier: MIT
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "config/config.hpp"
#include "config/json_schema.hpp"
#include "config/plugin_options.hpp"
#include "config_schema_embedded.hpp"
#include "input/json_depth.hpp"

namespace marginalia::config {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::uintmax_t kMaxConfigBytes = 4u << 20;

// A path as the user would type it: relative to the working folder when inside it.
std::string display_path(const fs::path& absolute) {
  std::error_code error;
  fs::path cwd = fs::current_path(error);
  if (!error) {
    fs::path relative = absolute.lexically_relative(cwd);
    if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
  }
  return absolute.generic_string();
}

fs::path absolute_normal(const std::string& path) {
  std::error_code error;
  fs::path absolute = fs::absolute(path.empty() ? "." : path, error);
  return (error ? fs::path(path) : absolute).lexically_normal();
}

std::optional<sdk::Severity> severity_named(const std::string& name) {
  if (name == "error") return sdk::Severity::error;
  if (name == "warning") return sdk::Severity::warning;
  if (name == "note") return sdk::Severity::note;
  return std::nullopt;
}

void position_of(std::string_view text, std::size_t byte, std::uint32_t& line, std::uint32_t& column) {
  line = 1;
  column = 1;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') { ++line; column = 1; }
    else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  }
}

// nlohmann's "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error
// while parsing …" → "syntax error while parsing …" (we give the position ourselves).
std::string parse_reason(const std::string& what) {
  std::size_t column = what.find(", column ");
  std::size_t colon = column == std::string::npos ? std::string::npos : what.find(": ", column);
  std::string reason = colon == std::string::npos ? what : what.substr(colon + 2);
  if (std::size_t last = reason.find("; last read"); last != std::string::npos) reason.erase(last);
  return reason;
}

std::string escape_pointer(const std::string& key) {
  std::string out;
  for (char c : key) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
  return out;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// The plugins by id, and "found: a, b" (or "no plugin was found") for messages naming them.
std::pair<std::map<std::string, const sdk::PluginInfo*>, std::string> plugins_by_id(const std::vector<sdk::PluginInfo>& plugins) {
  std::map<std::string, const sdk::PluginInfo*> by_id;
  std::vector<std::string> ids;
  for (const sdk::PluginInfo& plugin : plugins) {
    by_id[plugin.id] = &plugin;
    ids.push_back(plugin.id);
  }
  return {std::move(by_id), ids.empty() ? "no plugin was found" : "found: " + join(ids)};
}

}  // namespace

std::string ConfigError::to_string() const {
  if (file.empty()) return message;
  if (line) return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
  return file + ": " + (pointer.empty() ? "" : pointer + ": ") + message;
}

std::string_view config_schema() { return embedded::config_schema; }

const GlobPattern* Config::ignored_by(const std::string& path) const {
  if (ignore.empty() || path == "-") return nullptr;
  fs::path absolute = absolute_normal(path);
  fs::path relative = absolute.lexically_relative(base_dir);
  std::string key = !relative.empty() && *relative.begin() != ".." ? relative.generic_string() : absolute.relative_path().generic_string();
  for (const GlobPattern& pattern : ignore)
    if (pattern.matches(key)) return &pattern;
  return nullptr;
}

std::string find_config(const std::string& folder) {
  fs::path dir = absolute_normal(folder);
  std::error_code error;
  if (!fs::is_directory(dir, error)) dir = dir.parent_path();
  while (true) {
    fs::path candidate = dir / kConfigFileName;
    if (fs::is_regular_file(candidate, error)) return display_path(candidate);
    if (!dir.has_relative_path()) return {};
    dir = dir.parent_path();
  }
}

ConfigResult load_config(const std::string& path) {
  ConfigResult result;
  std::error_code error;
  if (!fs::exists(path, error)) {
    result.errors.push_back({path, "", 0, 0, "no such file"});
    return result;
  }
  if (!fs::is_regular_file(path, error)) {
    result.errors.push_back({path, "", 0, 0, "not a regular file"});
    return result;
  }
  if (fs::file_size(path, error) > kMaxConfigBytes) {
    result.errors.push_back({path, "", 0, 0, "larger than 4 MiB; a configuration file is a few lines of JSON"});
    return result;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) {
    result.errors.push_back({path, "", 0, 0, "cannot be read"});
    return result;
  }
  return parse_config(text.str(), path);
}

ConfigResult parse_config(std::string_view text, const std::string& path) {
  ConfigResult result;
  // Checked before the DOM exists: copying or validating a value recurses once per level.
  if (input::DepthProblem deep = input::json_depth_problem(text); deep.too_deep) {
    ConfigError error{path, "", 0, 0, "nested deeper than " + std::to_string(input::max_json_depth) + " levels"};
    position_of(text, deep.offset, error.line, error.column);
    result.errors.push_back(std::move(error));
    return result;
  }
  json document;
  try {
    document = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    ConfigError error{path, "", 0, 0, "invalid JSON: " + parse_reason(e.what())};
    position_of(text, e.byte > 0 ? e.byte - 1 : 0, error.line, error.column);
    result.errors.push_back(std::move(error));
    return result;
  } catch (const json::out_of_range& e) {
    // A number too large for a double ("1e999"): the exception names the number, not its place.
    std::string what = e.what();
    std::size_t quote = what.find('\'');
    std::string number = quote == std::string::npos ? "" : what.substr(quote + 1, what.rfind('\'') - quote - 1);
    ConfigError error{path, "", 0, 0, "invalid JSON: the number " + number + " is too large"};
    std::size_t at = number.empty() ? std::string_view::npos : text.find(number);
    if (at != std::string_view::npos) position_of(text, at, error.line, error.column);
    result.errors.push_back(std::move(error));
    return result;
  }
  static const json schema = json::parse(config_schema());
  for (const SchemaError& e : validate_json(document, schema)) result.errors.push_back({path, e.path, 0, 0, e.message});
  if (!result.errors.empty()) return result;

  Config config;
  config.path = path;
  config.base_dir = absolute_normal(path).parent_path().string();
  if (auto fail_on = document.find("fail_on"); fail_on != document.end()) config.fail_on = severity_named(*fail_on);
  if (auto profile = document.find("profile"); profile != document.end()) config.profile = profile->get<std::string>();
  if (auto ignore = document.find("ignore"); ignore != document.end()) {
    for (std::size_t i = 0; i < ignore->size(); ++i) {
      GlobPattern pattern((*ignore)[i].get<std::string>());
      if (!pattern.error().empty()) result.errors.push_back({path, "/ignore/" + std::to_string(i), 0, 0, pattern.error()});
      config.ignore.push_back(std::move(pattern));
    }
  }
  if (auto plugins = document.find("plugins"); plugins != document.end()) {
    for (auto it = plugins->begin(); it != plugins->end(); ++it) {
      PluginSettings settings;
      if (auto enabled = it->find("enabled"); enabled != it->end()) settings.enabled = enabled->get<bool>();
      if (auto options = it->find("options"); options != it->end()) settings.options = *options;
      config.plugins[it.key()] = std::move(settings);
    }
  }
  if (auto severity = document.find("severity"); severity != document.end()) {
    for (auto it = severity->begin(); it != severity->end(); ++it) {
      CodeSeverity setting;
      const std::string& name = it->get_ref<const std::string&>();
      if (name == "off") setting.off = true;
      else setting.severity = *severity_named(name);
      config.severity[it.key()] = setting;
    }
  }
  if (result.errors.empty()) result.config = std::move(config);
  return result;
}

std::vector<ConfigError> check_against_plugins(const Config& config, const std::vector<sdk::PluginInfo>& plugins,
                                               const std::vector<sdk::CodeInfo>& core_codes) {
  std::vector<ConfigError> errors = check_against_plugin_options(config, plugins);
  for (ConfigError& error : check_severity_codes(config, plugins, core_codes)) errors.push_back(std::move(error));
  return errors;
}

std::vector<ConfigError> check_against_plugin_options(const Config& config, const std::vector<sdk::PluginInfo>& plugins) {
  std::vector<ConfigError> errors;
  auto [by_id, found] = plugins_by_id(plugins);
  for (const auto& [id, settings] : config.plugins) {
    std::string pointer = "/plugins/" + escape_pointer(id);
    auto plugin = by_id.find(id);
    if (plugin == by_id.end()) {
      errors.push_back({config.path, pointer, 0, 0, "no plugin '" + id + "' was found (" + found + ")"});
      continue;
    }
    if (!settings.options) continue;
    for (const SchemaError& e : make_plugin_options(*plugin->second, *settings.options).errors)
      errors.push_back({config.path, pointer + "/options" + e.path, 0, 0, e.message});
  }
  return errors;
}

std::vector<ConfigError> check_severity_codes(const Config& config, const std::vector<sdk::PluginInfo>& plugins,
                                              const std::vector<sdk::CodeInfo>& core_codes) {
  std::vector<ConfigError> errors;
  auto [by_id, found] = plugins_by_id(plugins);
  std::set<std::string> core;
  for (const sdk::CodeInfo& code : core_codes) core.insert(code.code);
  for (const auto& [code, setting] : config.severity) {
    std::string pointer = "/severity/" + escape_pointer(code);
    std::size_t slash = code.find('/');
    std::string owner = code.substr(0, slash);
    if (owner == "reader" || owner == "host") {
      if (!core.count(code)) errors.push_back({config.path, pointer, 0, 0, "'" + code + "' is not a core code ('marginalia explain' lists them)"});
      else if (setting.off && code.rfind("host/plugin-", 0) == 0)
        errors.push_back({config.path, pointer, 0, 0, "a plugin failure cannot be turned off; the run stays incomplete"});
      continue;
    }
    auto plugin = by_id.find(owner);
    if (slash == std::string::npos || plugin == by_id.end()) {
      errors.push_back({config.path, pointer, 0, 0,
                        "'" + code + "' is not a finding code of any plugin found (expected plugin/name; " + found + ")"});
      continue;
    }
    bool declared = false;
    for (const sdk::CodeInfo& info : plugin->second->codes) declared = declared || info.code == code;
    if (!declared)
      errors.push_back({config.path, pointer, 0, 0, "plugin '" + owner + "' has no code '" + code + "' ('marginalia plugins' lists its codes)"});
  }
  return errors;
}

nlohmann::ordered_json starting_config(const std::vector<sdk::PluginInfo>& plugins) {
  nlohmann::ordered_json root;
  root["fail_on"] = "error";
  root["ignore"] = nlohmann::ordered_json::array();
  nlohmann::ordered_json entries = nlohmann::ordered_json::object();
  for (const sdk::PluginInfo& plugin : plugins) {
    nlohmann::ordered_json options = nlohmann::ordered_json::object();
    json defaults = schema_defaults(plugin.options_schema);
    for (auto it = defaults.begin(); it != defaults.end(); ++it) options[it.key()] = it.value();
    entries[plugin.id] = {{"enabled", true}, {"options", std::move(options)}};
  }
  root["plugins"] = std::move(entries);
  root["severity"] = nlohmann::ordered_json::object();
  return root;
}

}  // namespace marginalia::config
