// SPDX-License-Identifier: MIT
#include "config/json_schema.hpp"

#define VALIJSON_USE_EXCEPTIONS 1
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <exception>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

namespace marginalia::config {
namespace {

using nlohmann::json;

// valijson matches `pattern`, `patternProperties` and the date formats with std::regex, whose
// matcher recurses once per character: a string of some 100,000 characters overflows the
// stack. Validation runs once per configuration, never per document, so std::regex is not on a
// hot path; but a value that long in a configuration is refused before any regex sees it.
constexpr std::size_t kMaxMatchedLength = 4096;

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

std::string article(const std::string& type) {
  if (type.find(" or ") != std::string::npos) return type;
  bool vowel = !type.empty() && std::string("aeiou").find(type[0]) != std::string::npos;
  return (vowel ? "an " : "a ") + type;
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

std::size_t characters(const std::string& text) {
  std::size_t length = 0;
  for (char c : text) length += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return length;
}

bool uses_regex(const json& schema) {
  if (schema.is_array()) return std::any_of(schema.begin(), schema.end(), uses_regex);
  if (!schema.is_object()) return false;
  for (auto it = schema.begin(); it != schema.end(); ++it) {
    if (it.key() == "pattern" || it.key() == "patternProperties" || it.key() == "format") return true;
    if (uses_regex(it.value())) return true;
  }
  return false;
}

void find_long_strings(const json& value, const std::string& path, std::vector<SchemaError>& errors) {
  auto too_long = [](const std::string& text) { return characters(text) > kMaxMatchedLength; };
  if (value.is_string() && too_long(value.get_ref<const std::string&>()))
    errors.push_back({path, "expected a string of at most " + std::to_string(kMaxMatchedLength) + " characters"});
  if (value.is_array())
    for (std::size_t i = 0; i < value.size(); ++i) find_long_strings(value[i], path + "/" + std::to_string(i), errors);
  if (value.is_object())
    for (auto it = value.begin(); it != value.end(); ++it) {
      std::string child = path + "/" + escape_pointer(it.key());
      if (too_long(it.key())) errors.push_back({child, "expected a key of at most " + std::to_string(kMaxMatchedLength) + " characters"});
      else find_long_strings(it.value(), child, errors);
    }
}

// The schema objects that apply to the value at `tokens` (an instance path), following $ref,
// allOf and if/then/else, then properties, patternProperties, additionalProperties and items.
// Messages read their particulars (enum values, bounds, patterns) from these.
class SchemaLocator {
 public:
  explicit SchemaLocator(const json& root) : root_(root) {}

  std::vector<const json*> at(const std::vector<std::string>& tokens) const {
    std::vector<const json*> nodes;
    expand(&root_, nodes, 0);
    for (const std::string& token : tokens) {
      std::vector<const json*> next;
      for (const json* node : nodes) {
        bool matched = false;
        if (auto properties = node->find("properties"); properties != node->end() && properties->is_object() && properties->contains(token)) {
          expand(&(*properties)[token], next, 0);
          matched = true;
        }
        if (auto patterns = node->find("patternProperties"); patterns != node->end() && patterns->is_object())
          for (auto p = patterns->begin(); p != patterns->end(); ++p)
            if (regex_finds(p.key(), token)) {
              expand(&p.value(), next, 0);
              matched = true;
            }
        if (auto additional = node->find("additionalProperties"); !matched && additional != node->end() && additional->is_object())
          expand(&*additional, next, 0);
        if (auto items = node->find("items"); items != node->end()) {
          if (items->is_object()) expand(&*items, next, 0);
          bool index = !token.empty() && token.find_first_not_of("0123456789") == std::string::npos;
          if (items->is_array() && index && std::stoul(token) < items->size()) expand(&(*items)[std::stoul(token)], next, 0);
        }
      }
      nodes = std::move(next);
    }
    return nodes;
  }

  static bool regex_finds(const std::string& pattern, const std::string& text) {
    try {
      return std::regex_search(text, std::regex(pattern, std::regex::ECMAScript));
    } catch (const std::regex_error&) {
      return false;
    }
  }

 private:
  void expand(const json* node, std::vector<const json*>& out, int depth) const {
    if (depth > 32 || !node->is_object()) return;
    out.push_back(node);
    if (auto ref = node->find("$ref"); ref != node->end() && ref->is_string()) {
      std::string target = ref->get<std::string>();
      if (target == "#") expand(&root_, out, depth + 1);
      else if (target.rfind("#/", 0) == 0) {
        json::json_pointer pointer(target.substr(1));
        if (root_.contains(pointer)) expand(&root_.at(pointer), out, depth + 1);
      }
    }
    if (auto all = node->find("allOf"); all != node->end() && all->is_array())
      for (const json& sub : *all) expand(&sub, out, depth + 1);
    for (const char* branch : {"then", "else"})
      if (auto sub = node->find(branch); sub != node->end()) expand(&*sub, out, depth + 1);
  }

  const json& root_;
};

// The number inside a valijson description ("… greater than or equal to 1.000000").
std::string quoted_in(const std::string& description) {
  std::size_t close = description.rfind('\'');
  std::size_t open = close == std::string::npos || close == 0 ? std::string::npos : description.rfind('\'', close - 1);
  return open == std::string::npos ? std::string() : description.substr(open + 1, close - open - 1);
}

bool starts(const std::string& text, const char* prefix) { return text.rfind(prefix, 0) == 0; }

// valijson reports a failure inside a property, item or subschema once more for each enclosing
// level; only the innermost says what is wrong.
bool is_wrapper(const std::string& description) {
  return starts(description, "Failed to validate against schema associated with property name") ||
         starts(description, "Failed to validate item #") || starts(description, "Failed to validate against child schema #") ||
         starts(description, "Failed to validate against additional properties schema") ||
         starts(description, "Failed to validate against schema associated with pattern") ||
         starts(description, "Failed to validate against a conditional schema") ||
         starts(description, "Failed to validate against dependent schema");
}

const json* keyword(const std::vector<const json*>& nodes, const char* name) {
  for (const json* node : nodes)
    if (auto found = node->find(name); found != node->end()) return &*found;
  return nullptr;
}

std::string shortened(const json& value) {
  std::string text = value.dump();
  return characters(text) > 80 ? text.substr(0, 77) + "…" : text;
}

// One message in the project's style (what was expected, what was found) for one valijson error.
SchemaError describe(const json& instance, const SchemaLocator& locator, const std::vector<std::string>& tokens, const std::string& description) {
  std::string path;
  for (const std::string& token : tokens) path += "/" + escape_pointer(token);
  const json* found = &instance;
  try {
    json::json_pointer pointer(path);
    if (instance.contains(pointer)) found = &instance.at(pointer);
  } catch (const json::exception&) {
  }
  const json& value = *found;
  std::vector<const json*> nodes = locator.at(tokens);
  auto fallback = [&] {
    std::string message = description;
    if (!message.empty() && message.back() == '.') message.pop_back();
    if (!message.empty()) message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
    return SchemaError{path, message};
  };

  if (starts(description, "Value type not permitted")) {
    const json* type = keyword(nodes, "type");
    if (!type) return fallback();
    std::string expected;
    if (type->is_string()) expected = type->get<std::string>();
    else if (type->is_array())
      for (const json& t : *type) expected += (expected.empty() ? "" : " or ") + t.get<std::string>();
    return {path, "expected " + article(expected) + ", found " + article(type_of(value))};
  }
  if (starts(description, "Failed to match against any enum values")) {
    const json* values = keyword(nodes, "enum");
    return values ? SchemaError{path, "expected one of " + values->dump() + ", found " + value.dump()} : fallback();
  }
  if (starts(description, "Failed to match expected value set by 'const'")) {
    const json* constant = keyword(nodes, "const");
    return constant ? SchemaError{path, "expected " + constant->dump() + ", found " + value.dump()} : fallback();
  }
  // Bounds: valijson's description, the keyword holding the bound, and our words around it.
  // "greater than or equal to" comes before "greater than", which it starts with.
  struct Bound {
    const char* description;
    const char* keyword;
    const char* before;
    const char* after;
    bool show_found;
  };
  static const Bound bounds[] = {
      {"Expected number greater than or equal to", "minimum", "at least ", "", true},
      {"Expected number greater than", "exclusiveMinimum", "more than ", "", true},
      {"Expected number less than or equal to", "maximum", "at most ", "", true},
      {"Expected number less than", "exclusiveMaximum", "less than ", "", true},
      {"String should be no fewer than", "minLength", "a string of at least ", " characters", false},
      {"String should be no more than", "maxLength", "a string of at most ", " characters", false},
      {"Array should contain no fewer than", "minItems", "at least ", " items", false},
      {"Array should contain no more than", "maxItems", "at most ", " items", false},
      {"Object should have no fewer than", "minProperties", "at least ", " keys", false},
      {"Object should have no more than", "maxProperties", "at most ", " keys", false},
  };
  for (const Bound& b : bounds) {
    if (!starts(description, b.description)) continue;
    const json* bound = keyword(nodes, b.keyword);
    if (!bound) return fallback();
    return {path, std::string("expected ") + b.before + bound->dump() + b.after + (b.show_found ? ", found " + value.dump() : "")};
  }
  if (starts(description, "Missing required property")) return {path, "missing required key \"" + quoted_in(description) + "\""};
  if (starts(description, "Missing dependency")) return {path, "missing key \"" + quoted_in(description) + "\" (another key depends on it)"};
  if (starts(description, "Object contains a property that could not be validated")) {
    std::string key = quoted_in(description);
    std::string known;
    std::set<std::string> seen;
    for (const json* node : nodes)
      if (auto properties = node->find("properties"); properties != node->end() && properties->is_object())
        for (auto k = properties->begin(); k != properties->end(); ++k)
          if (seen.insert(k.key()).second) known += (known.empty() ? "" : ", ") + k.key();
    return {path + "/" + escape_pointer(key), "unknown key \"" + key + "\"" + (known.empty() ? "" : " (known keys: " + known + ")")};
  }
  if (starts(description, "Failed to match regex specified by 'pattern'")) {
    for (const json* node : nodes)
      if (auto pattern = node->find("pattern"); pattern != node->end() && pattern->is_string() && value.is_string() &&
                                                  !SchemaLocator::regex_finds(*pattern, value.get<std::string>()))
        return {path, "expected a string matching the pattern " + pattern->dump() + ", found " + value.dump()};
    return fallback();
  }
  if (starts(description, "String should be a valid ")) {
    std::string format = description.substr(std::string("String should be a valid ").size());
    const char* shape = format == "date" ? "YYYY-MM-DD" : format == "time" ? "hh:mm:ss with a time zone" : "YYYY-MM-DDThh:mm:ss with a time zone";
    return {path, "expected a " + format + " (" + shape + "), found " + value.dump()};
  }
  if (description.find("violate uniqueness constraint") != std::string::npos) {
    std::size_t first = description.find('#'), second = description.find('#', first + 1);
    std::string i = description.substr(first + 1, description.find(' ', first) - first - 1);
    std::string j = description.substr(second + 1, description.find(' ', second) - second - 1);
    std::string item = value.is_array() && std::stoul(j) < value.size() ? value[std::stoul(j)].dump() : std::string();
    return {path, "expected unique items, found " + item + " at both " + path + "/" + i + " and " + path + "/" + j};
  }
  if (starts(description, "Target should not validate against schema specified in 'not'")) {
    const json* excluded = keyword(nodes, "not");
    return {path, "expected a value not matching " + (excluded ? shortened(*excluded) : std::string("the 'not' schema")) + ", found " + value.dump()};
  }
  if (starts(description, "Failed to validate against any schemas allowed by anyOf"))
    return {path, "expected a value matching at least one anyOf alternative, found " + shortened(value)};
  if (starts(description, "Failed to validate against any child schemas allowed by oneOf"))
    return {path, "expected a value matching one oneOf alternative, found " + shortened(value)};
  if (starts(description, "Failed to validate against exactly one child schema")) return {path, "value matches more than one alternative"};
  if (starts(description, "Value should be a multiple of")) {
    const json* divisor = keyword(nodes, "multipleOf");
    return divisor ? SchemaError{path, "expected a multiple of " + divisor->dump() + ", found " + value.dump()} : fallback();
  }
  if (starts(description, "Failed to validate against a conditional schema"))
    return {path, "expected a value meeting the schema's if/then/else condition, found " + shortened(value)};
  return fallback();
}

std::vector<std::string> tokens_of(const std::vector<std::string>& context) {
  std::vector<std::string> tokens;
  for (std::size_t i = 1; i < context.size(); ++i) {
    const std::string& part = context[i];
    tokens.push_back(part.size() >= 2 && part.front() == '[' && part.back() == ']' ? part.substr(1, part.size() - 2) : part);
  }
  return tokens;
}

// The parser's complaint, lower-case and without its trailing period.
std::string parser_message(const std::exception& e) {
  std::string message = e.what();
  if (!message.empty() && message.back() == '.') message.pop_back();
  if (!message.empty()) message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
  return message;
}

void check_patterns(const json& schema, const std::string& path, std::vector<SchemaError>& errors) {
  auto compiles = [&](const std::string& pattern, const std::string& where) {
    try {
      std::regex compiled(pattern, std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
      errors.push_back({where, "not a valid regular expression: " + std::string(e.what())});
    }
  };
  if (schema.is_array())
    for (std::size_t i = 0; i < schema.size(); ++i) check_patterns(schema[i], path + "/" + std::to_string(i), errors);
  if (!schema.is_object()) return;
  for (auto it = schema.begin(); it != schema.end(); ++it) {
    std::string child = path + "/" + escape_pointer(it.key());
    if (it.key() == "pattern" && it.value().is_string()) compiles(it.value().get<std::string>(), child);
    if (it.key() == "patternProperties" && it.value().is_object())
      for (auto p = it.value().begin(); p != it.value().end(); ++p) compiles(p.key(), child + "/" + escape_pointer(p.key()));
    // A keyword's value (enum, const, default, examples) is data, not a schema.
    if (it.key() == "enum" || it.key() == "const" || it.key() == "default" || it.key() == "examples") continue;
    check_patterns(it.value(), child, errors);
  }
}

const std::set<std::string>& type_names() {
  static const std::set<std::string> names = {"null", "boolean", "integer", "number", "string", "array", "object"};
  return names;
}

// What the draft 7 meta-schema says of the keywords valijson's parser accepts loosely.
void check_keywords(const json& schema, const std::string& path, std::vector<SchemaError>& errors, int depth = 0) {
  if (depth > 64 || !schema.is_object()) return;
  auto bad = [&](const std::string& key, const std::string& message) { errors.push_back({path + "/" + escape_pointer(key), message}); };
  for (auto it = schema.begin(); it != schema.end(); ++it) {
    const std::string& key = it.key();
    const json& value = it.value();
    if (key == "type") {
      std::vector<json> listed = value.is_array() ? std::vector<json>(value.begin(), value.end()) : std::vector<json>{value};
      for (const json& t : listed)
        if (!t.is_string() || !type_names().count(t.get<std::string>()))
          bad(key, "expected a type name (null, boolean, integer, number, string, array, object), found " + t.dump());
    } else if (key == "required" && !(value.is_array() && std::all_of(value.begin(), value.end(), [](const json& v) { return v.is_string(); }))) {
      bad(key, "expected an array of key names, found " + shortened(value));
    } else if ((key == "minimum" || key == "maximum" || key == "exclusiveMinimum" || key == "exclusiveMaximum" || key == "multipleOf") &&
               !value.is_number()) {
      bad(key, "expected a number, found " + shortened(value));
    } else if ((key == "minLength" || key == "maxLength" || key == "minItems" || key == "maxItems" || key == "minProperties" ||
                key == "maxProperties") &&
               !(value.is_number_unsigned() || (value.is_number_integer() && value.get<long long>() >= 0))) {
      bad(key, "expected a non-negative integer, found " + shortened(value));
    } else if (key == "enum" && !value.is_array()) {
      bad(key, "expected an array of the allowed values, found " + shortened(value));
    } else if ((key == "pattern" || key == "format" || key == "$ref" || key == "title" || key == "description") && !value.is_string()) {
      bad(key, "expected a string, found " + shortened(value));
    } else if ((key == "properties" || key == "patternProperties" || key == "definitions") && !value.is_object()) {
      bad(key, "expected an object of schemas, found " + shortened(value));
    }
    if (key == "enum" || key == "const" || key == "default" || key == "examples") continue;
    std::string child = path + "/" + escape_pointer(key);
    if ((key == "properties" || key == "patternProperties" || key == "definitions") && value.is_object()) {
      for (auto p = value.begin(); p != value.end(); ++p) {
        if (!p.value().is_object() && !p.value().is_boolean())
          errors.push_back({child + "/" + escape_pointer(p.key()), "expected a schema (an object or a boolean), found " + shortened(p.value())});
        check_keywords(p.value(), child + "/" + escape_pointer(p.key()), errors, depth + 1);
      }
    } else if ((key == "allOf" || key == "anyOf" || key == "oneOf") && value.is_array()) {
      for (std::size_t i = 0; i < value.size(); ++i) check_keywords(value[i], child + "/" + std::to_string(i), errors, depth + 1);
    } else if (key == "items" && value.is_array()) {
      for (std::size_t i = 0; i < value.size(); ++i) check_keywords(value[i], child + "/" + std::to_string(i), errors, depth + 1);
    } else if (value.is_object()) {
      check_keywords(value, child, errors, depth + 1);
    }
  }
}

// A whole number written with a fraction or exponent ("4.0", "1e3") is an integer, as JSON
// Schema says; valijson goes by how the number was stored, so such values become integers in
// the copy it validates. One beyond 2^53 stays a number (no integer option needs it, and
// converting it would overflow).
bool has_whole_float(const json& value) {
  if (value.is_number_float()) return true;
  if (value.is_array() || value.is_object())
    for (const json& item : value)
      if (has_whole_float(item)) return true;
  return false;
}

json whole_numbers_as_integers(const json& value) {
  if (value.is_number_float()) {
    double d = value.get<double>();
    if (std::isfinite(d) && std::fabs(d) <= 9007199254740992.0 && std::trunc(d) == d) return json(static_cast<std::int64_t>(d));
    return value;
  }
  if (value.is_array()) {
    json out = json::array();
    for (const json& item : value) out.push_back(whole_numbers_as_integers(item));
    return out;
  }
  if (value.is_object()) {
    json out = json::object();
    for (auto it = value.begin(); it != value.end(); ++it) out[it.key()] = whole_numbers_as_integers(it.value());
    return out;
  }
  return value;
}

}  // namespace

std::vector<SchemaError> check_schema(const json& schema) {
  std::vector<SchemaError> errors;
  if (!schema.is_object() && !schema.is_boolean()) return {{"", "expected a schema (an object or a boolean), found " + shortened(schema)}};
  check_keywords(schema, "", errors);
  check_patterns(schema, "", errors);
  if (!errors.empty()) return errors;
  try {
    valijson::Schema parsed;
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(schema);
    parser.populateSchema(adapter, parsed);
  } catch (const std::exception& e) {
    errors.push_back({"", parser_message(e)});
  }
  return errors;
}

std::vector<SchemaError> validate_json(const json& instance, const json& schema) {
  std::vector<SchemaError> errors;
  if (uses_regex(schema)) {
    find_long_strings(instance, "", errors);
    if (!errors.empty()) return errors;
  }
  valijson::Schema parsed;
  try {
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter schema_adapter(schema);
    parser.populateSchema(schema_adapter, parsed);
  } catch (const std::exception& e) {
    return {{"", "the schema is not a valid JSON Schema: " + parser_message(e)}};
  }
  valijson::Validator validator;
  valijson::ValidationResults results;
  const bool whole_floats = has_whole_float(instance);
  const json normalized = whole_floats ? whole_numbers_as_integers(instance) : json();
  valijson::adapters::NlohmannJsonAdapter target(whole_floats ? normalized : instance);
  try {
    if (validator.validate(parsed, target, &results)) return {};
  } catch (const std::exception& e) {
    return {{"", "the schema could not be applied: " + parser_message(e)}};
  }

  SchemaLocator locator(schema);
  std::vector<std::pair<std::vector<std::string>, std::string>> leaves, wrappers;
  for (const valijson::ValidationResults::Error& error : results)
    (is_wrapper(error.description) ? wrappers : leaves).push_back({tokens_of(error.context), error.description});
  // A condition whose `then` failed has its own errors below it; alone, the wrapper is the message.
  if (leaves.empty()) leaves = wrappers;
  // A value of the wrong type gets that one message, as nothing else about it can be judged.
  std::set<std::vector<std::string>> wrong_type;
  for (const auto& [tokens, description] : leaves)
    if (starts(description, "Value type not permitted")) wrong_type.insert(tokens);
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& [tokens, description] : leaves) {
    if (wrong_type.count(tokens) && !starts(description, "Value type not permitted")) continue;
    SchemaError error = describe(instance, locator, tokens, description);
    if (seen.insert({error.path, error.message}).second) errors.push_back(std::move(error));
  }
  std::stable_sort(errors.begin(), errors.end(), [](const SchemaError& a, const SchemaError& b) { return a.path < b.path; });
  return errors;
}

}  // namespace marginalia::config

