// SPDX-License-Identifier: MIT
// SARIF, GitHub annotations and JUnit as CI consumes them.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_paths.hpp"

namespace marginalia::testing {
namespace {

using nlohmann::json;

const std::string kSarifSchema = "/schemas-external/sarif-schema-2.1.0.json";

// Validates with python3-jsonschema; returns "OK", "SKIP" or the error.
std::string validate_sarif(const TempDir& temp, const std::string& sarif_path) {
  if (python().empty() || shared_dir().empty()) return "SKIP";
  std::string script = temp.write("validate.py",
                                  "import json,sys\ntry:\n import jsonschema\nexcept ImportError:\n print('SKIP'); sys.exit(0)\n"
                                  "schema=json.load(open(sys.argv[1]))\n"
                                  "jsonschema.Draft7Validator(schema).validate(json.load(open(sys.argv[2]))); print('OK')\n");
  ProcessResult result = run_process(python(), {script, shared_dir() + kSarifSchema, sarif_path});
  std::string out = result.out + result.err;
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

ProcessResult check(const std::vector<std::string>& args) { return run_offline_check(args); }

TEST(Sarif, ValidatesAgainstTheOfficialSchemaWithRulesLocationsAndFingerprints) {
  TempDir temp;
  std::string out = temp.file("r.sarif");
  ProcessResult result = check({source_dir() + "/samples/report-with-footnote-defects.txt", source_dir() + "/samples/report-with-footnote-defects.md",
                                "--format", "sarif", "-o", out});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  std::string verdict = validate_sarif(temp, out);
  if (verdict == "SKIP") GTEST_SKIP() << "python3-jsonschema or ../shared not available";
  EXPECT_EQ(verdict, "OK");
  json sarif = json::parse(read_file(out));
  const json& run = sarif["runs"][0];
  EXPECT_TRUE(run["invocations"][0]["executionSuccessful"].get<bool>());
  std::set<std::string> rules;
  for (const json& rule : run["tool"]["driver"]["rules"]) {
    rules.insert(rule["id"]);
    EXPECT_FALSE(rule["shortDescription"]["text"].get<std::string>().empty());
  }
  EXPECT_TRUE(rules.count("footnotes/missing-note"));
  bool found = false;
  for (const json& r : run["results"]) {
    const json& region = r["locations"][0]["physicalLocation"]["region"];
    EXPECT_TRUE(region.contains("startLine") && region.contains("startColumn") && region.contains("endColumn"));
    EXPECT_TRUE(r.contains("partialFingerprints"));
    if (r["ruleId"] == "footnotes/missing-note" && region["startLine"] == 19 && region["startColumn"] == 73) found = true;
  }
  EXPECT_TRUE(found) << "the Markdown sample's missing note at 19:73";
}

TEST(Sarif, MarksAFailedRunAsNotSuccessfulAndStillValidates) {
  TempDir temp;
  std::string out = temp.file("r.sarif");
  std::string bad = temp.write("latin1.txt", "caf\xE9\n");
  ProcessResult result = check({source_dir() + "/samples/clean-report.md", bad, "--plugin-dir", MARGINALIA_TEST_PLUGIN_DIR,
                                "--format", "sarif", "-o", out});
  EXPECT_EQ(result.exit_code, 2);
  json sarif = json::parse(read_file(out));
  EXPECT_FALSE(sarif["runs"][0]["invocations"][0]["executionSuccessful"].get<bool>());
  std::string verdict = validate_sarif(temp, out);
  if (verdict == "SKIP") GTEST_SKIP() << "python3-jsonschema or ../shared not available";
  EXPECT_EQ(verdict, "OK");
}

TEST(Sarif, PartialFingerprintsSurviveLinesAddedAbove) {
  TempDir temp;
  std::string sample = read_file(source_dir() + "/samples/report-with-footnote-defects.md");
  std::string before = temp.write("a/report.md", sample);
  std::string after = temp.write("b/report.md", "# A new first section\n\nWritten later, unrelated.\n\n" + sample);
  auto fingerprints = [&](const std::string& path) {
    json sarif = json::parse(check({path, "--format", "sarif"}).out);
    std::set<std::string> out;
    for (const json& r : sarif["runs"][0]["results"]) out.insert(r["partialFingerprints"].begin().value().get<std::string>());
    return out;
  };
  std::set<std::string> a = fingerprints(before), b = fingerprints(after);
  EXPECT_FALSE(a.empty());
  for (const std::string& f : a) EXPECT_TRUE(b.count(f)) << "fingerprint " << f << " changed";
}

TEST(GithubFormat, WritesOneWorkflowCommandPerFinding) {
  ProcessResult result = check({source_dir() + "/samples/report-with-footnote-defects.md", "--format", "github"});
  EXPECT_NE(result.out.find("::error file=" + source_dir() + "/samples/report-with-footnote-defects.md,line=19,"), std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("title=footnotes/missing-note::"), std::string::npos);
  EXPECT_NE(result.out.find("::warning "), std::string::npos);
}

TEST(JunitFormat, IsWellFormedWithOneFailurePerFindingAtTheFailLevel) {
  ProcessResult result = check({source_dir() + "/samples/report-with-footnote-defects.md", "--format", "junit"});
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(result.out.c_str())) << result.out;
  pugi::xml_node suites = doc.child("testsuites");
  EXPECT_EQ(suites.attribute("failures").as_int(), 2) << "two errors; the warning is below --fail-on error";
  EXPECT_EQ(suites.attribute("tests").as_int(), 3);
}

TEST(Jobs, SarifTeiAndJunitAreIdenticalWhateverTheJobCount) {
  TempDir temp;
  std::vector<std::string> inputs;
  for (int i = 0; i < 8; ++i)
    inputs.push_back(temp.write("in/r" + std::to_string(i) + (i % 2 ? ".md" : ".txt"),
                                read_file(source_dir() + "/samples/report-with-footnote-defects" + (i % 2 ? ".md" : ".txt"))));
  for (const char* format : {"sarif", "junit", "github"}) {
    std::string reference;
    for (const char* jobs : {"1", "2", "4"}) {
      std::vector<std::string> args = inputs;
      for (const std::string& a : {std::string("--format"), std::string(format), std::string("--jobs"), std::string(jobs)}) args.push_back(a);
      std::string out = check(args).out;
      if (reference.empty()) reference = out;
      EXPECT_EQ(out, reference) << format << " --jobs " << jobs;
    }
  }
  for (const char* jobs : {"1", "4"}) {
    std::vector<std::string> args = inputs;
    for (const std::string& a : {std::string("--format"), std::string("tei"), std::string("-o"), temp.file(std::string("tei") + jobs), std::string("--jobs"), std::string(jobs)})
      args.push_back(a);
    check(args);
  }
  for (const std::string& input : inputs) {
    std::string name = std::filesystem::path(input).filename().string() + ".tei.xml";
    EXPECT_EQ(read_file(temp.file("tei1/" + name)), read_file(temp.file("tei4/" + name))) << name;
    EXPECT_FALSE(read_file(temp.file("tei1/" + name)).empty());
  }
}

TEST(ExitCodes, FollowTheFailLevelAndExitZero) {
  std::string md = source_dir() + "/samples/report-with-footnote-defects.md";
  std::string clean = source_dir() + "/samples/clean-report.md";
  EXPECT_EQ(check({md}).exit_code, 1);
  EXPECT_EQ(check({md, "--exit-zero"}).exit_code, 0);
  EXPECT_EQ(check({clean}).exit_code, 0);
  EXPECT_EQ(check({clean, "--fail-on", "note"}).exit_code, 0);
  TempDir temp;
  std::string warning_only = temp.write("w.md", "# T\n\nA claim.[^1]\n\n[^1]: Agency, \"Report\", 2024, https://example.org/r.\n[^2]: Orphan, \"X\", 2020.\n");
  EXPECT_EQ(check({warning_only}).exit_code, 0) << "a warning is below the default fail level";
  EXPECT_EQ(check({warning_only, "--fail-on", "warning"}).exit_code, 1);
  EXPECT_EQ(check({md, "--fail-on", "loud"}).exit_code, 2);
}

}  // namespace
}  // namespace marginalia::testing
