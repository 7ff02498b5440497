// SPDX-License-Identifier: MIT
/// @file options.hpp
/// A plugin's options, already validated by the host against the plugin's options schema.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "marginalia/sdk/version.hpp"

namespace marginalia::sdk {
inline namespace MARGINALIA_SDK_NAMESPACE {

/// One option value: a boolean, an integer, a number, a string or a list of strings.
using OptionValue = std::variant<bool, std::int64_t, double, std::string, std::vector<std::string>>;

/// The options a user set for one plugin (keys of its options object). Absent keys fall back
/// to the default each getter is given, so a plugin states its defaults where it reads them.
class Options {
 public:
  Options() = default;
  /// Options from already-validated values; `json` is the same options object as JSON text.
  Options(std::map<std::string, OptionValue> values, std::string json)
      : values_(std::move(values)), json_(std::move(json)) {}

  /// True when the user set `key`.
  bool has(std::string_view key) const { return values_.find(std::string(key)) != values_.end(); }
  /// The boolean `key`, or `fallback`.
  bool get_bool(std::string_view key, bool fallback) const { return get<bool>(key, fallback); }
  /// The integer `key`, or `fallback`.
  std::int64_t get_int(std::string_view key, std::int64_t fallback) const {
    return get<std::int64_t>(key, fallback);
  }
  /// The number `key` (an integer is widened), or `fallback`.
  double get_double(std::string_view key, double fallback) const {
    auto found = values_.find(std::string(key));
    if (found == values_.end()) return fallback;
    if (auto* d = std::get_if<double>(&found->second)) return *d;
    if (auto* i = std::get_if<std::int64_t>(&found->second)) return static_cast<double>(*i);
    return fallback;
  }
  /// The string `key`, or `fallback`.
  std::string get_string(std::string_view key, std::string fallback) const {
    return get<std::string>(key, std::move(fallback));
  }
  /// The list of strings `key`, or `fallback`.
  std::vector<std::string> get_strings(std::string_view key, std::vector<std::string> fallback) const {
    return get<std::vector<std::string>>(key, std::move(fallback));
  }
  /// The whole options object as JSON text ("{}" when empty), for options of other shapes.
  const std::string& json() const { return json_; }
  /// All values, by key.
  const std::map<std::string, OptionValue>& values() const { return values_; }

 private:
  template <class T>
  T get(std::string_view key, T fallback) const {
    auto found = values_.find(std::string(key));
    if (found == values_.end()) return fallback;
    if (auto* value = std::get_if<T>(&found->second)) return *value;
    return fallback;
  }

  std::map<std::string, OptionValue> values_;
  std::string json_ = "{}";
};

}  // namespace MARGINALIA_SDK_NAMESPACE
}  // namespace marginalia::sdk
