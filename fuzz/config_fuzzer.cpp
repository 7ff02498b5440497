// SPDX-License-Identifier: MIT
// JSON text → the schema validator: never throws, errors always carry a JSON pointer.
#include <nlohmann/json.hpp>

#include "config/json_schema.hpp"
#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const nlohmann::json schema = nlohmann::json::parse(R"({
    "type": "object", "additionalProperties": false,
    "properties": {"plugins": {"type": "object", "additionalProperties": {"type": "object",
      "properties": {"enabled": {"type": "boolean"}, "options": {"type": "object"}}}},
      "fail_on": {"enum": ["error", "warning", "note"]}, "jobs": {"type": "integer", "minimum": 1},
      "skip": {"type": "array", "items": {"type": "string", "minLength": 1}}}})");
  nlohmann::json instance = nlohmann::json::parse(reinterpret_cast<const char*>(data), reinterpret_cast<const char*>(data) + size,
                                                  nullptr, false);
  if (instance.is_discarded()) return 0;
  for (const marginalia::config::SchemaError& error : marginalia::config::validate_json(instance, schema)) {
    MARGINALIA_FUZZ_ASSERT(error.path.empty() || error.path[0] == '/', "error paths are JSON pointers");
    MARGINALIA_FUZZ_ASSERT(!error.message.empty(), "every error says what was expected");
  }
  return 0;
}
