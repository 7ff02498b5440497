// SPDX-License-Identifier: MIT
// The rules plugin as a user meets it through the CLI: a style named in marginalia.json, its
// codes treated like any plugin's (severity overrides, suppressions, explain, SARIF fixes), in
// worker processes and in-process alike, and rule files validated before any check runs.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_paths.hpp"

namespace marginalia::testing {
namespace {

using nlohmann::json;

std::vector<std::string> rule_findings(const json& report) {
  std::vector<std::string> out;
  for (const json& f : report["findings"])
    if (f["plugin"] == "rules")
      out.push_back(std::to_string(f["line"].get<int>()) + ":" + std::to_string(f["column"].get<int>()) + " " + f["code"].get<std::string>() +
                    " " + f["severity"].get<std::string>());
  return out;
}

json check_json(const std::vector<std::string>& extra) {
  std::vector<std::string> args = {"check", "--format", "json", "--offline", "--no-cache"};
  args.insert(args.end(), extra.begin(), extra.end());
  ProcessResult result = run_marginalia(args);
  json parsed = json::parse(result.out, nullptr, false);
  EXPECT_FALSE(parsed.is_discarded()) << result.out.substr(0, 300) << result.err;
  return parsed;
}

const std::vector<std::string> kHouseSampleFindings = {
    "1:10 rules/house.heading-case warning",         "3:15 rules/house.heading-case warning",
    "5:1 rules/house.vague-attribution warning",     "6:43 rules/house.per-cent warning",
    "8:1 rules/house.sentence-start-figure warning", "8:85 rules/house.acronym-expanded warning",
    "13:44 rules/house.month-first-dates warning",   "13:57 rules/house.plain-words warning",
    "14:19 rules/house.repeated-word warning"};

TEST(RulesCli, HouseStyleSampleHasExactlyItsPlantedDefectsInWorkersAndInProcess) {
  std::string sample = source_dir() + "/samples/styles/house-style-report.md";
  EXPECT_EQ(rule_findings(check_json({sample})), kHouseSampleFindings);
  EXPECT_EQ(rule_findings(check_json({sample, "--isolation", "none"})), kHouseSampleFindings);
}

TEST(RulesCli, RuleCodesTakeSeverityOverridesAndSuppressions) {
  TempDir temp;
  temp.write("house/banned.yml", "kind: existence\nignorecase: true\ntokens: [experts say]\nmessage: \"'{match}' is banned\"\n");
  temp.write("marginalia.json", R"({"plugins": {"rules": {"options": {"styles": ["house"]}}}, "severity": {"rules/house.banned": "error"}})");
  std::string report = temp.write("report.md",
                                  "Experts say prices will fall.\n\n<!-- marginalia-disable-next-line rules/house.banned -- quoted from the brief -->\n"
                                  "Experts say wages will rise.\n");
  ProcessResult result = run_marginalia({"check", report, "--offline", "--no-cache"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.out.find("report.md:1:1: error: 'Experts say' is banned [rules/house.banned]"), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("report.md:4:"), std::string::npos) << "the suppressed line is reported: " << result.out;
}

TEST(RulesCli, SeverityForAnUnknownRuleIsAConfigurationError) {
  TempDir temp;
  temp.write("house/banned.yml", "kind: existence\ntokens: [experts say]\n");
  temp.write("marginalia.json", R"({"plugins": {"rules": {"options": {"styles": ["house"]}}}, "severity": {"rules/house.banend": "error"}})");
  ProcessResult result = run_marginalia({"check", temp.write("report.md", "Text.\n"), "--offline", "--no-cache"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("plugin 'rules' has no code 'rules/house.banend'"), std::string::npos) << result.err;
}

TEST(RulesCli, InvalidRuleFileStopsTheRunNamingFileLineRuleAndKey) {
  TempDir temp;
  temp.write("house/vague.yml", "kind: existence\npatterns:\n  - 'experts (say'\n");
  temp.write("marginalia.json", R"({"plugins": {"rules": {"options": {"styles": ["house"]}}}})");
  ProcessResult result = run_marginalia({"check", temp.write("report.md", "Experts say.\n"), "--offline", "--no-cache"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find(temp.file("house/vague.yml") + ":3:5: rule 'rules/house.vague', key 'patterns': pattern 'experts (say' is not a valid RE2 expression"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(result.out.find("Experts"), std::string::npos) << "a document was checked: " << result.out;
}

TEST(RulesCli, ExplainPrintsTheRulesDescriptionAndLink) {
  ProcessResult result = run_marginalia({"explain", "rules/house.vague-attribution", "--config", source_dir() + "/samples/styles/marginalia.json"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("### rules/house.vague-attribution"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("An unnamed authority tells the reader nothing"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("default severity: warning"), std::string::npos) << result.out;
}

TEST(RulesCli, SubstitutionFixReachesSarif) {
  ProcessResult result = run_marginalia({"check", source_dir() + "/samples/styles/house-style-report.md", "--format", "sarif", "--offline", "--no-cache"});
  json sarif = json::parse(result.out, nullptr, false);
  ASSERT_FALSE(sarif.is_discarded()) << result.err;
  bool fixed = false;
  for (const json& r : sarif["runs"][0]["results"])
    if (r["ruleId"] == "rules/house.plain-words") fixed = r.contains("fixes") && r["fixes"].dump().find("\"to\"") != std::string::npos;
  EXPECT_TRUE(fixed) << "the substitution's fix is missing from SARIF";
}

}  // namespace
}  // namespace marginalia::testing
