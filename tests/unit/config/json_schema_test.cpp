// SPDX-License-Identifier: MIT
#include "config/json_schema.hpp"

#include <gtest/gtest.h>

#include <map>

#include <nlohmann/json.hpp>

namespace marginalia::config {
namespace {

using nlohmann::json;

const json kSchema = json::parse(R"({
  "type": "object", "additionalProperties": false,
  "properties": {
    "order": {"enum": ["day-first", "month-first"]},
    "limit": {"type": "integer", "minimum": 1, "maximum": 10},
    "names": {"type": "array", "items": {"type": "string", "minLength": 1}},
    "nested": {"$ref": "#/definitions/nested"}
  },
  "definitions": {"nested": {"type": "object", "required": ["on"], "properties": {"on": {"type": "boolean"}}}}
})");

TEST(JsonSchema, AcceptsAValidInstance) {
  EXPECT_TRUE(validate_json(json::parse(R"({"order":"day-first","limit":3,"names":["a"],"nested":{"on":true}})"), kSchema).empty());
}

TEST(JsonSchema, NamesThePathOfEveryBadValueAndWhatWasExpected) {
  auto errors = validate_json(json::parse(R"({"order":"sideways","limit":0,"names":[""],"nested":{},"extra":1})"), kSchema);
  std::map<std::string, std::string> by_path;
  for (const SchemaError& e : errors) by_path[e.path] = e.message;
  EXPECT_NE(by_path["/order"].find("expected one of"), std::string::npos);
  EXPECT_NE(by_path["/limit"].find("at least 1"), std::string::npos);
  EXPECT_NE(by_path["/names/0"].find("at least 1 characters"), std::string::npos);
  EXPECT_NE(by_path["/nested"].find("missing required key \"on\""), std::string::npos);
  EXPECT_NE(by_path["/extra"].find("unknown key \"extra\""), std::string::npos);
}

TEST(JsonSchema, ReportsTypeMismatches) {
  auto errors = validate_json(json::parse(R"({"limit":"three"})"), kSchema);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, "/limit");
  EXPECT_EQ(errors[0].message, "expected an integer, found a string");
}


// The keywords the hand-written subset ignored (or, for patternProperties, matched as globs).
const json kFullSchema = json::parse(R"({
  "type": "object",
  "properties": {
    "code": {"type": "string", "pattern": "^[a-z]+/[a-z-]+$"},
    "since": {"type": "string", "format": "date"},
    "words": {"type": "array", "uniqueItems": true},
    "level": {"not": {"enum": ["fatal"]}},
    "mode": {"enum": ["strict", "loose"]},
    "limit": {"type": "integer"}
  },
  "if": {"properties": {"mode": {"const": "strict"}}, "required": ["mode"]},
  "then": {"required": ["limit"]},
  "patternProperties": {"^x-[0-9]+$": {"type": "boolean"}},
  "additionalProperties": false
})");

std::map<std::string, std::string> errors_by_path(const json& instance) {
  std::map<std::string, std::string> by_path;
  for (const SchemaError& e : validate_json(instance, kFullSchema)) by_path[e.path] += e.message;
  return by_path;
}

TEST(JsonSchema, AcceptsAnInstanceMeetingEveryKeyword) {
  EXPECT_TRUE(validate_json(json::parse(R"({"code":"dates/weekday","since":"2024-09-12","words":["a","b"],"level":"warning",
                                             "mode":"strict","limit":3,"x-12":true})"),
                            kFullSchema)
                  .empty());
}

TEST(JsonSchema, PatternIsChecked) {
  EXPECT_EQ(errors_by_path(json::parse(R"({"code":"Dates weekday"})"))["/code"],
            R"(expected a string matching the pattern "^[a-z]+/[a-z-]+$", found "Dates weekday")");
}

TEST(JsonSchema, FormatDateIsChecked) {
  EXPECT_EQ(errors_by_path(json::parse(R"({"since":"12/09/2024"})"))["/since"], R"(expected a date (YYYY-MM-DD), found "12/09/2024")");
}

TEST(JsonSchema, UniqueItemsIsChecked) {
  EXPECT_EQ(errors_by_path(json::parse(R"({"words":["a","b","a"]})"))["/words"], R"(expected unique items, found "a" at both /words/0 and /words/2)");
}

TEST(JsonSchema, NotIsChecked) {
  EXPECT_EQ(errors_by_path(json::parse(R"({"level":"fatal"})"))["/level"], R"(expected a value not matching {"enum":["fatal"]}, found "fatal")");
}

TEST(JsonSchema, IfThenIsChecked) {
  EXPECT_EQ(errors_by_path(json::parse(R"({"mode":"strict"})"))[""], R"(missing required key "limit")");
  EXPECT_TRUE(validate_json(json::parse(R"({"mode":"loose"})"), kFullSchema).empty());
}

TEST(JsonSchema, PatternPropertiesAreRegularExpressionsNotGlobs) {
  EXPECT_TRUE(validate_json(json::parse(R"({"x-7":false})"), kFullSchema).empty());
  // The old glob reading took "^x-[0-9]+$" as a prefix and suffix; a regex does not match these.
  std::map<std::string, std::string> by_path = errors_by_path(json::parse(R"({"x-seven":true})"));
  EXPECT_NE(by_path["/x-seven"].find("unknown key \"x-seven\""), std::string::npos) << by_path.begin()->first;
  EXPECT_EQ(errors_by_path(json::parse(R"({"x-7":"yes"})"))["/x-7"], "expected a boolean, found a string");
}

TEST(JsonSchema, RefusesStringsTooLongForRegexMatching) {
  std::vector<SchemaError> errors = validate_json(json{{"code", std::string(200000, 'a')}}, kFullSchema);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, "/code");
  EXPECT_EQ(errors[0].message, "expected a string of at most 4096 characters");
}

TEST(JsonSchema, CheckSchemaAcceptsAUsableSchema) { EXPECT_TRUE(check_schema(kFullSchema).empty()); }

TEST(JsonSchema, CheckSchemaNamesTheBadKeyword) {
  auto first = [](const json& schema) {
    std::vector<SchemaError> errors = check_schema(schema);
    return errors.empty() ? std::string("(no error)") : errors[0].path + ": " + errors[0].message;
  };
  EXPECT_EQ(first(json::parse(R"({"properties":{"n":{"type":"int"}}})")),
            R"(/properties/n/type: expected a type name (null, boolean, integer, number, string, array, object), found "int")");
  EXPECT_EQ(first(json::parse(R"({"properties":{"n":{"pattern":"([a-z"}}})")).rfind("/properties/n/pattern: not a valid regular expression", 0), 0u);
  EXPECT_EQ(first(json::parse(R"({"required":"n"})")), R"(/required: expected an array of key names, found "n")");
  EXPECT_EQ(first(json::parse(R"({"properties":{"n":{"minLength":-1}}})")), "/properties/n/minLength: expected a non-negative integer, found -1");
  EXPECT_NE(first(json::parse(R"({"properties":{"n":{"$ref":"#/definitions/missing"}}})")), "(no error)");
}

// Found by the config fuzzer: a whole number beyond 2^63 written in a config was converted to
// long long (undefined behaviour) while checking "integer".
TEST(JsonSchema, AHugeWholeNumberIsNoIntegerAndAFractionlessOneIs) {
  auto huge = validate_json(json::parse(R"({"limit":8444444444444444444444444444444444444444})"), kSchema);
  ASSERT_EQ(huge.size(), 1u);
  EXPECT_EQ(huge[0].path, "/limit");
  EXPECT_EQ(huge[0].message, "expected an integer, found a number");
  EXPECT_TRUE(validate_json(json::parse(R"({"limit":4.0})"), kSchema).empty());
  EXPECT_FALSE(validate_json(json::parse(R"({"limit":4.5})"), kSchema).empty());
}

}  // namespace
}  // namespace marginalia::config
