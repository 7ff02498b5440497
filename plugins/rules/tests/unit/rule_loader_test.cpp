// SPDX-License-Identifier: MIT
// Rule files are validated before any check runs: each problem names the file with its line and
// column, the rule's code and the key at fault. The test styles load without a problem.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "rule_loader.hpp"

namespace marginalia::plugins::rules {
namespace {

namespace fs = std::filesystem;

class RuleFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() / ("rules-loader-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name()) / "house";
    fs::create_directories(folder_);
  }
  void TearDown() override { fs::remove_all(folder_.parent_path()); }
  // Writes `<name>.yml` and loads the style; returns its single error ("" when it loaded).
  std::string error_of(const std::string& name, const std::string& yaml) {
    std::ofstream(folder_ / (name + ".yml")) << yaml;
    LoadedRules loaded = load_styles({folder_.string()});
    if (loaded.errors.empty()) return "";
    EXPECT_EQ(loaded.errors.size(), 1u) << loaded.errors.front();
    return loaded.errors.front();
  }
  std::string file(const std::string& name) const { return (folder_ / (name + ".yml")).string(); }
  fs::path folder_;
};

TEST_F(RuleFiles, UnknownKindNamesFileLineRuleAndKey) {
  EXPECT_EQ(error_of("banned", "message: x\nkind: existance\n"),
            file("banned") + ":2:7: rule 'rules/house.banned', key 'kind': unknown kind 'existance'");
}

TEST_F(RuleFiles, MisspelledKeyIsReportedNotIgnored) {
  EXPECT_EQ(error_of("banned", "kind: existence\ntokens: [a]\ntoken: [b]\n"),
            file("banned") + ":3:1: rule 'rules/house.banned', key 'token': unknown key for a existence rule");
}

TEST_F(RuleFiles, InvalidPatternSaysWhyRe2RefusesIt) {
  std::string error = error_of("vague", "kind: existence\npatterns:\n  - 'experts (say'\n");
  EXPECT_NE(error.find(file("vague") + ":3:5: rule 'rules/house.vague', key 'patterns': pattern 'experts (say' is not a valid RE2 expression"),
            std::string::npos)
      << error;
}

TEST_F(RuleFiles, BackReferencesAreRefusedBecauseRe2IsLinear) {
  EXPECT_NE(error_of("twice", "kind: existence\npatterns: ['(\\w+) \\1']\n").find("not a valid RE2 expression"), std::string::npos);
}

TEST_F(RuleFiles, UnknownPlaceholderListsTheKindsPlaceholders) {
  EXPECT_EQ(error_of("swap", "kind: substitution\nmessage: 'use {replace}'\nswap: {a: b}\n"),
            file("swap") + ":2:10: rule 'rules/house.swap', key 'message': unknown placeholder '{replace}'; this kind of rule offers {match}, {replacement}");
}

TEST_F(RuleFiles, OccurrenceNeedsAPositiveMax) {
  EXPECT_EQ(error_of("long", "kind: occurrence\nmax: many\n"), file("long") + ":2:6: rule 'rules/house.long', key 'max': expected a whole number of at least 1");
}

TEST_F(RuleFiles, TableCellScopeIsRefusedWithTheReason) {
  EXPECT_NE(error_of("cells", "kind: existence\ntokens: [x]\nscope: table-cell\n").find("key 'scope': 'table-cell' is not available"), std::string::npos);
}

TEST_F(RuleFiles, BrokenYamlGivesItsPosition) {
  EXPECT_NE(error_of("broken", "kind: existence\ntokens: [a, b\n").find(file("broken") + ":"), std::string::npos);
}

TEST_F(RuleFiles, ConsistencyNeedsTwoSpellings) {
  EXPECT_EQ(error_of("percent", "kind: consistency\neither: ['%']\n"),
            file("percent") + ":2:9: rule 'rules/house.percent', key 'either': expected a list of at least two spellings");
}

TEST_F(RuleFiles, RuleNamesMustFitACode) {
  std::string error = error_of("Vague_Words", "kind: existence\ntokens: [a]\n");
  EXPECT_NE(error.find("rule name 'Vague_Words' must be lower-case letters, digits and hyphens"), std::string::npos) << error;
}

TEST_F(RuleFiles, MissingFolderAndEmptyStyleAreErrors) {
  EXPECT_EQ(load_styles({(folder_ / "absent").string()}).errors.front(), (folder_ / "absent").string() + ": style folder not found (styles name folders of rule files)");
  EXPECT_NE(load_styles({folder_.string()}).errors.front().find("holds no rule file"), std::string::npos);
}

TEST(TestStyles, EveryRuleKindLoads) {
  for (const char* style : {"existence", "substitution", "occurrence", "repetition", "consistency", "capitalisation", "conditional", "scoped"}) {
    LoadedRules loaded = load_styles({std::string(RULES_TEST_STYLES) + "/" + style});
    EXPECT_TRUE(loaded.errors.empty()) << style << ": " << (loaded.errors.empty() ? "" : loaded.errors.front());
    EXPECT_FALSE(loaded.rules.empty()) << style;
  }
}

}  // namespace
}  // namespace marginalia::plugins::rules
