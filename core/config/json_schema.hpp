// SPDX-License-Identifier: MIT
// JSON Schema (draft 7) validation of configurations, plugin options and baselines: the whole
// standard through valijson (Debian libvalijson-dev), with messages in the project's style that
// say where and what was expected, so a message can read "marginalia.json: /plugins/dates/locale:
// expected one of …". valijson stays inside json_schema.cpp.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace marginalia::config {

/// One validation failure.
struct SchemaError {
  /// JSON Pointer of the offending value ("/plugins/dates/order"); "" for the root.
  std::string path;
  /// What was expected, lower-case, no trailing period.
  std::string message;
};

/// Validates `instance` against `schema`; returns every error found (empty when valid). A schema
/// that is itself not valid is one error at "" naming the problem.
std::vector<SchemaError> validate_json(const nlohmann::json& instance, const nlohmann::json& schema);

/// Checks that `schema` is a usable JSON Schema (draft 7): every keyword has a value of the
/// right kind, every `$ref` resolves, every regular expression compiles. Returns the problems,
/// each with the JSON Pointer of the keyword in the schema; empty when it is usable.
std::vector<SchemaError> check_schema(const nlohmann::json& schema);

}  // namespace marginalia::config
