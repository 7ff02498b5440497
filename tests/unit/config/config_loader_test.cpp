// SPDX-License-Identifier: MIT
#include "config/config.hpp"

#include <gtest/gtest.h>

#include "support/temp_dir.hpp"

namespace marginalia::config {
namespace {

TEST(ConfigLoader, ReadsPluginsSeverityFailLevelAndIgnoreGlobs) {
  ConfigResult result = parse_config(R"({
    "fail_on": "warning",
    "plugins": {"dates": {"enabled": false}, "footnotes": {"options": {"require_source": false}}},
    "severity": {"footnotes/orphan-note": "note", "quotes/mixed-styles": "off"},
    "ignore": ["drafts/**", "*.tmp.md"]
  })", "/work/project/marginalia.json");
  ASSERT_TRUE(result.config) << (result.errors.empty() ? "" : result.errors[0].to_string());
  const Config& config = *result.config;
  EXPECT_EQ(config.fail_on, sdk::Severity::warning);
  EXPECT_FALSE(*config.plugins.at("dates").enabled);
  EXPECT_EQ((*config.plugins.at("footnotes").options)["require_source"], false);
  EXPECT_EQ(config.severity.at("footnotes/orphan-note").severity, sdk::Severity::note);
  EXPECT_TRUE(config.severity.at("quotes/mixed-styles").off);
  EXPECT_TRUE(config.ignored_by("/work/project/drafts/a/b.md"));
  EXPECT_TRUE(config.ignored_by("/work/project/notes/x.tmp.md"));
  EXPECT_FALSE(config.ignored_by("/work/project/report.md"));
}

TEST(ConfigLoader, NamesTheFileAndTheJsonPathOfABadKey) {
  ConfigResult result = parse_config(R"({"plugins": {"dates": {"enabeld": true}}, "fail_on": "loud"})", "marginalia.json");
  EXPECT_FALSE(result.config);
  std::vector<std::string> messages;
  for (const ConfigError& e : result.errors) messages.push_back(e.to_string());
  ASSERT_EQ(messages.size(), 2u);
  bool key = false, level = false;
  for (const std::string& m : messages) {
    key = key || (m.rfind("marginalia.json: /plugins/dates/enabeld: unknown key", 0) == 0);
    level = level || (m.find("/fail_on: expected one of") != std::string::npos);
  }
  EXPECT_TRUE(key) << messages[0] << " | " << messages[1];
  EXPECT_TRUE(level);
}

TEST(ConfigLoader, GivesTheLineAndColumnOfASyntaxError) {
  ConfigResult result = parse_config("{\n  \"fail_on\": \"error\",\n  oops\n}\n", "marginalia.json");
  ASSERT_FALSE(result.config);
  EXPECT_EQ(result.errors[0].line, 3u);
  EXPECT_GT(result.errors[0].column, 0u);
}

// Found by the config_loader fuzzer: a number beyond a double's range escaped as an exception
// and ended the run with "internal error" instead of naming the file and position.
TEST(ConfigLoader, NamesThePlaceOfANumberTooLargeForADouble) {
  ConfigResult result = parse_config("{\n  \"jobs\": 2e4444444444\n}\n", "marginalia.json");
  ASSERT_FALSE(result.config);
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].file, "marginalia.json");
  EXPECT_EQ(result.errors[0].line, 2u);
  EXPECT_EQ(result.errors[0].column, 11u);
  EXPECT_EQ(result.errors[0].message, "invalid JSON: the number 2e4444444444 is too large");
}

TEST(ConfigLoader, ChecksPluginIdsCodesAndOptionsAgainstWhatWasLoaded) {
  ConfigResult result = parse_config(R"({"plugins": {"footnotes": {"options": {"require_source": "yes"}}, "nosuch": {}},
                                        "severity": {"footnotes/not-a-code": "error"}})", "marginalia.json");
  ASSERT_TRUE(result.config);
  sdk::PluginInfo footnotes{"footnotes", "1", "", "", {{"footnotes/missing-note", sdk::Severity::error, ""}},
                            R"({"type":"object","additionalProperties":false,"properties":{"require_source":{"type":"boolean","default":true}}})",
                            ""};
  std::vector<ConfigError> errors = check_against_plugins(*result.config, {footnotes}, {});
  std::string all;
  for (const ConfigError& e : errors) all += e.to_string() + "\n";
  EXPECT_NE(all.find("/plugins/footnotes/options/require_source"), std::string::npos) << all;
  EXPECT_NE(all.find("/plugins/nosuch"), std::string::npos) << all;
  EXPECT_NE(all.find("/severity/footnotes~1not-a-code"), std::string::npos) << all;
}

TEST(ConfigLoader, FindsTheNearestConfigInAParentFolder) {
  testing::TempDir temp;
  temp.write("marginalia.json", "{}");
  temp.write("a/b/report.md", "x");
  EXPECT_EQ(find_config(temp.file("a/b")), temp.file("marginalia.json"));
  temp.write("a/marginalia.json", "{}");
  EXPECT_EQ(find_config(temp.file("a/b")), temp.file("a/marginalia.json"));
}

TEST(ConfigLoader, StartingConfigListsEveryPluginWithItsDefaultsAndValidates) {
  sdk::PluginInfo plugin{"footnotes", "1", "", "", {}, R"({"type":"object","properties":{"require_source":{"type":"boolean","default":true}}})", ""};
  nlohmann::ordered_json start = starting_config({plugin});
  EXPECT_EQ(start["plugins"]["footnotes"]["options"]["require_source"], true);
  ConfigResult again = parse_config(start.dump(), "marginalia.json");
  EXPECT_TRUE(again.config);
}

}  // namespace
}  // namespace marginalia::config
