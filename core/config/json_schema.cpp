// SPDX-License-Identifier: MIT
#include "config/json_schema.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

namespace marginalia::config {
namespace {

using nlohmann::json;

std::string type_of(const json& value) {
  switch (value.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "integer";
    case json::value_t::number_float: return "number";
    case json::value_t::string: return "string";
    case json::value_t::array: return "array";
    case json::value_t::object: return "object";
    default: return "unknown";
  }
}

bool has_type(const json& value, const std::string& type) {
  std::string actual = type_of(value);
  if (type == actual) return true;
  if (type == "number" && actual == "integer") return true;
  if (type == "integer" && actual == "number") {
    // A whole number written with a fraction or exponent ("4.0", "1e3") is an integer; one beyond
    // 2^53 is not (no integer option needs it, and converting it would overflow).
    double d = value.get<double>();
    return std::isfinite(d) && std::fabs(d) <= 9007199254740992.0 && std::trunc(d) == d;
  }
  return false;
}

std::string escape_pointer(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out.push_back(c);
  }
  return out;
}

bool glob_match(const std::string& pattern, const std::string& key) {
  // patternProperties are limited to "^prefix" / "suffix$" / ".*" so no regex engine is needed.
  if (pattern == ".*" || pattern == "^.*$" || pattern.empty()) return true;
  if (pattern.front() == '^' && pattern.back() != '$') return key.rfind(pattern.substr(1), 0) == 0;
  if (pattern.back() == '$' && pattern.front() != '^') {
    std::string suffix = pattern.substr(0, pattern.size() - 1);
    return key.size() >= suffix.size() && key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0;
  }
  return key.find(pattern) != std::string::npos;
}

class Validator {
 public:
  explicit Validator(const json& root) : root_(root) {}

  void validate(const json& value, const json& schema, const std::string& path, std::vector<SchemaError>& errors, int depth = 0) {
    if (depth > 64) { errors.push_back({path, "schema nesting too deep"}); return; }
    if (schema.is_boolean()) {
      if (!schema.get<bool>()) errors.push_back({path, "no value is allowed here"});
      return;
    }
    if (!schema.is_object()) return;
    if (auto ref = schema.find("$ref"); ref != schema.end() && ref->is_string()) {
      const json* target = resolve(ref->get<std::string>());
      if (!target) { errors.push_back({path, "schema reference " + ref->get<std::string>() + " not found"}); return; }
      validate(value, *target, path, errors, depth + 1);
      return;
    }
    if (auto type = schema.find("type"); type != schema.end()) {
      bool ok = false;
      std::string expected;
      if (type->is_string()) { ok = has_type(value, *type); expected = *type; }
      else if (type->is_array())
        for (const json& t : *type) { ok = ok || has_type(value, t); expected += (expected.empty() ? "" : " or ") + t.get<std::string>(); }
      if (!ok) { errors.push_back({path, "expected " + article(expected) + ", found " + article(type_of(value))}); return; }
    }
    if (auto values = schema.find("enum"); values != schema.end() && values->is_array()) {
      bool found = false;
      for (const json& v : *values) found = found || v == value;
      if (!found) errors.push_back({path, "expected one of " + values->dump() + ", found " + value.dump()});
    }
    if (auto constant = schema.find("const"); constant != schema.end() && *constant != value)
      errors.push_back({path, "expected " + constant->dump() + ", found " + value.dump()});
    if (value.is_number()) {
      double number = value.get<double>();
      if (auto min = schema.find("minimum"); min != schema.end() && number < min->get<double>())
        errors.push_back({path, "expected at least " + min->dump() + ", found " + value.dump()});
      if (auto max = schema.find("maximum"); max != schema.end() && number > max->get<double>())
        errors.push_back({path, "expected at most " + max->dump() + ", found " + value.dump()});
    }
    if (value.is_string()) {
      std::size_t length = 0;
      for (char c : value.get_ref<const std::string&>()) length += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      if (auto min = schema.find("minLength"); min != schema.end() && length < min->get<std::size_t>())
        errors.push_back({path, "expected a string of at least " + min->dump() + " characters"});
      if (auto max = schema.find("maxLength"); max != schema.end() && length > max->get<std::size_t>())
        errors.push_back({path, "expected a string of at most " + max->dump() + " characters"});
    }
    if (value.is_array()) {
      if (auto min = schema.find("minItems"); min != schema.end() && value.size() < min->get<std::size_t>())
        errors.push_back({path, "expected at least " + min->dump() + " items"});
      if (auto max = schema.find("maxItems"); max != schema.end() && value.size() > max->get<std::size_t>())
        errors.push_back({path, "expected at most " + max->dump() + " items"});
      if (auto items = schema.find("items"); items != schema.end())
        for (std::size_t i = 0; i < value.size(); ++i) validate(value[i], *items, path + "/" + std::to_string(i), errors, depth + 1);
    }
    if (value.is_object()) validate_object(value, schema, path, errors, depth);
    if (auto all = schema.find("allOf"); all != schema.end())
      for (const json& sub : *all) validate(value, sub, path, errors, depth + 1);
    for (const char* keyword : {"anyOf", "oneOf"}) {
      auto alternatives = schema.find(keyword);
      if (alternatives == schema.end()) continue;
      std::size_t matches = 0;
      std::vector<SchemaError> first_errors;
      for (const json& sub : *alternatives) {
        std::vector<SchemaError> sub_errors;
        validate(value, sub, path, sub_errors, depth + 1);
        if (sub_errors.empty()) ++matches;
        else if (first_errors.empty()) first_errors = sub_errors;
      }
      if (matches == 0) errors.insert(errors.end(), first_errors.begin(), first_errors.end());
      else if (std::string(keyword) == "oneOf" && matches > 1) errors.push_back({path, "value matches more than one alternative"});
    }
  }

 private:
  static std::string article(const std::string& type) {
    if (type.find(" or ") != std::string::npos) return type;
    bool vowel = !type.empty() && std::string("aeiou").find(type[0]) != std::string::npos;
    return (vowel ? "an " : "a ") + type;
  }

  const json* resolve(const std::string& ref) const {
    if (ref == "#") return &root_;
    if (ref.rfind("#/", 0) != 0) return nullptr;
    const json* node = &root_;
    std::size_t pos = 2;
    while (pos <= ref.size()) {
      std::size_t slash = ref.find('/', pos);
      std::string key = ref.substr(pos, slash == std::string::npos ? std::string::npos : slash - pos);
      if (!node->is_object() || !node->contains(key)) return nullptr;
      node = &(*node)[key];
      if (slash == std::string::npos) break;
      pos = slash + 1;
    }
    return node;
  }

  void validate_object(const json& value, const json& schema, const std::string& path, std::vector<SchemaError>& errors, int depth) {
    const json* properties = schema.contains("properties") ? &schema["properties"] : nullptr;
    const json* patterns = schema.contains("patternProperties") ? &schema["patternProperties"] : nullptr;
    if (auto required = schema.find("required"); required != schema.end())
      for (const json& key : *required)
        if (!value.contains(key.get<std::string>())) errors.push_back({path, "missing required key \"" + key.get<std::string>() + "\""});
    for (auto it = value.begin(); it != value.end(); ++it) {
      std::string child = path + "/" + escape_pointer(it.key());
      bool matched = false;
      if (properties && properties->contains(it.key())) {
        matched = true;
        validate(it.value(), (*properties)[it.key()], child, errors, depth + 1);
      }
      if (patterns)
        for (auto p = patterns->begin(); p != patterns->end(); ++p)
          if (glob_match(p.key(), it.key())) { matched = true; validate(it.value(), p.value(), child, errors, depth + 1); }
      if (matched) continue;
      if (auto additional = schema.find("additionalProperties"); additional != schema.end()) {
        if (additional->is_boolean() && !additional->get<bool>()) {
          std::string known;
          if (properties)
            for (auto k = properties->begin(); k != properties->end(); ++k) known += (known.empty() ? "" : ", ") + k.key();
          errors.push_back({child, "unknown key \"" + it.key() + "\"" + (known.empty() ? "" : " (known keys: " + known + ")")});
        } else if (additional->is_object()) {
          validate(it.value(), *additional, child, errors, depth + 1);
        }
      }
    }
  }

  const json& root_;
};

}  // namespace

std::vector<SchemaError> validate_json(const json& instance, const json& schema) {
  std::vector<SchemaError> errors;
  Validator(schema).validate(instance, schema, "", errors);
  return errors;
}

}  // namespace marginalia::config
