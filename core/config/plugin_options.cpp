// SPDX-License-Identifier: MIT
#include "config/plugin_options.hpp"

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
