// SPDX-License-Identifier: MIT
#include "config/plugin_options.hpp"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "input/json_depth.hpp"

namespace marginalia::config {

PluginOptionsResult make_plugin_options(const sdk::PluginInfo& info, const nlohmann::json& options) {
  PluginOptionsResult result;
  nlohmann::json schema = input::json_depth_problem(info.options_schema).too_deep
                              ? nlohmann::json(nlohmann::json::value_t::discarded)
                              : nlohmann::json::parse(info.options_schema, nullptr, false);
  if (schema.is_discarded()) {
    result.errors.push_back({"", "the plugin's options schema is not valid JSON"});
    return result;
  }
  result.errors = validate_json(options, schema);
  if (!result.errors.empty()) return result;
  std::map<std::string, sdk::OptionValue> values;
  for (auto it = options.begin(); it != options.end(); ++it) {
    const nlohmann::json& value = it.value();
    if (value.is_boolean()) values[it.key()] = value.get<bool>();
    else if (value.is_number_integer()) values[it.key()] = value.get<std::int64_t>();
    else if (value.is_number()) values[it.key()] = value.get<double>();
    else if (value.is_string()) values[it.key()] = value.get<std::string>();
    else if (value.is_array()) {
      std::vector<std::string> list;
      for (const nlohmann::json& item : value) list.push_back(item.is_string() ? item.get<std::string>() : item.dump());
      values[it.key()] = list;
    }
  }
  result.options = sdk::Options(std::move(values), options.dump());
  return result;
}

namespace {

bool declares_path(const nlohmann::json& schema) {
  return schema.is_object() && schema.contains("format") && schema["format"] == "path";
}

void resolve(nlohmann::json& value, const std::filesystem::path& base) {
  if (!value.is_string()) return;
  std::filesystem::path path = value.get<std::string>();
  if (path.empty() || path.is_absolute()) return;
  value = (base / path).lexically_normal().string();
}

}  // namespace

nlohmann::json resolve_path_options(const std::string& schema_text, nlohmann::json options, const std::string& base_dir) {
  nlohmann::json schema = nlohmann::json::parse(schema_text, nullptr, false);
  if (schema.is_discarded() || !options.is_object() || !schema.contains("properties") || !schema["properties"].is_object()) return options;
  std::filesystem::path base = std::filesystem::absolute(base_dir.empty() ? std::filesystem::path(".") : std::filesystem::path(base_dir));
  for (auto it = schema["properties"].begin(); it != schema["properties"].end(); ++it) {
    if (!options.contains(it.key())) continue;
    nlohmann::json& value = options[it.key()];
    if (declares_path(it.value())) resolve(value, base);
    else if (value.is_array() && it.value().is_object() && it.value().contains("items") && declares_path(it.value()["items"]))
      for (nlohmann::json& item : value) resolve(item, base);
  }
  return options;
}

nlohmann::json schema_defaults(const std::string& schema_text) {
  if (input::json_depth_problem(schema_text).too_deep) return nlohmann::json::object();
  nlohmann::json schema = nlohmann::json::parse(schema_text, nullptr, false);
  nlohmann::json defaults = nlohmann::json::object();
  if (schema.is_discarded() || !schema.contains("properties")) return defaults;
  for (auto it = schema["properties"].begin(); it != schema["properties"].end(); ++it)
    if (it.value().is_object() && it.value().contains("default")) defaults[it.key()] = it.value()["default"];
  return defaults;
}

}  // namespace marginalia::config
