// SPDX-License-Identifier: MIT
// A JSON Schema (draft 7) validator for the subset our schemas use: type, enum, const,
// properties, required, additionalProperties, patternProperties (prefix/suffix globs only),
// items, minItems, maxItems, minimum, maximum, minLength, maxLength, anyOf, oneOf, allOf,
// and local $ref ("#/definitions/…"). Errors carry the JSON path of the bad value, so a
// message can say "marginalia.json: /plugins/dates/locale: expected one of …".
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

/// Validates `instance` against `schema`; returns every error found (empty when valid).
std::vector<SchemaError> validate_json(const nlohmann::json& instance, const nlohmann::json& schema);

}  // namespace marginalia::config
