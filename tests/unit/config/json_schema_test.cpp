// SPDX-License-Identifier: MIT
#include "config/json_schema.hpp"

#include <gtest/gtest.h>

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
