// SPDX-License-Identifier: MIT
// marginalia.json, marginalia init, suppressions and baselines, run through the binary.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_paths.hpp"

namespace marginalia::testing {
namespace {

using nlohmann::json;

ProcessResult check(const std::vector<std::string>& args) { return run_offline_check(args); }

std::set<std::string> codes(const std::string& json_text) {
  std::set<std::string> out;
  json parsed = json::parse(json_text);  // keep it alive: a range over a temporary's member dangles
  for (const json& f : parsed["findings"]) out.insert(f["code"].get<std::string>());
  return out;
}

TEST(Configuration, IsFoundInAParentFolderAndAppliesPluginsSeverityAndOptions) {
  TempDir temp;
  temp.write("marginalia.json", R"({
    "plugins": {"footnotes": {"options": {"require_source": false}}, "dates": {"enabled": false}},
    "severity": {"footnotes/orphan-note": "error", "footnotes/empty-note": "off"}
  })");
  std::string report = temp.write("drafts/2024/report.txt", read_file(source_dir() + "/samples/report-with-footnote-defects.txt"));
  json result = json::parse(check({report, "--format", "json"}).out);
  std::set<std::string> found;
  for (const json& f : result["findings"]) {
    found.insert(f["code"].get<std::string>());
    if (f["code"] == "footnotes/orphan-note") {
      EXPECT_EQ(f["severity"], "error");
    }
  }
  EXPECT_FALSE(found.count("footnotes/note-without-source")) << "option require_source=false";
  EXPECT_FALSE(found.count("footnotes/empty-note")) << "severity off";
  EXPECT_FALSE(found.count("dates/weekday-mismatch")) << "plugin disabled";
  EXPECT_TRUE(found.count("footnotes/missing-note"));
}

TEST(Configuration, ABadKeyStopsTheRunNamingTheFileAndJsonPath) {
  TempDir temp;
  std::string config = temp.write("marginalia.json", R"({"plugins": {"footnotes": {"options": {"require_source": "yes"}}}})");
  std::string report = temp.write("r.md", "# T\n\nText.\n");
  ProcessResult result = check({report});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find(config + ": /plugins/footnotes/options/require_source: expected a boolean"), std::string::npos) << result.err;
  EXPECT_TRUE(result.out.empty()) << "no check runs with a bad configuration";
}

TEST(Configuration, IgnoreGlobsSkipFiles) {
  TempDir temp;
  temp.write("marginalia.json", R"({"ignore": ["drafts/**"]})");
  std::string skipped = temp.write("drafts/old.md", "# T\n\nA claim.[^9]\n");
  std::string kept = temp.write("final.md", "# T\n\nA claim.[^9]\n");
  json result = json::parse(check({skipped, kept, "--format", "json"}).out);
  ASSERT_EQ(result["files"].size(), 1u);
  EXPECT_EQ(result["files"][0]["path"], kept);
}

TEST(Init, WritesAConfigWithEveryPluginThatTheCheckAccepts) {
  TempDir temp;
  std::string path = temp.file("marginalia.json");
  ProcessResult init = run_marginalia({"init", "-o", path});
  ASSERT_EQ(init.exit_code, 0) << init.err;
  json config = json::parse(read_file(path));
  EXPECT_TRUE(config["plugins"].contains("footnotes"));
  EXPECT_EQ(config["plugins"]["footnotes"]["options"]["require_source"], true);
  EXPECT_EQ(run_marginalia({"init", "-o", path}).exit_code, 2) << "never overwrites without --force";
  std::string report = temp.write("r.md", read_file(source_dir() + "/samples/clean-report.md"));
  EXPECT_EQ(check({report, "--config", path}).exit_code, 0);
}

TEST(Suppressions, InlineCommentsSilenceFindingsAndStaleOnesAreReported) {
  TempDir temp;
  std::string report = temp.write("r.md",
                                  "# T\n\n<!-- marginalia-disable-next-line footnotes/missing-note -- the note is being written -->\n"
                                  "A claim.[^1]\n\n<!-- marginalia-disable-next-line footnotes/empty-note -- stale -->\nNothing.\n");
  ProcessResult run = check({report, "--format", "json"});
  json result = json::parse(run.out);
  EXPECT_EQ(codes(result.dump()), (std::set<std::string>{"host/unused-suppression"})) << run.out << run.err;
}

// CommonMark lets an HTML comment interrupt a paragraph; had the directive split this one, the
// quotation would lose its speaker ("said" on the line above) and gain quotes/missing-speaker.
TEST(Suppressions, ADirectiveInsideAParagraphSilencesItsFindingAndChangesNothingElse) {
  TempDir temp;
  const std::string before = "# Budget\n\nThe minister said\n";
  const std::string after = "on Monday, 24 April 2024: \"We will not raise taxes this year.\"[^1]\n\n"
                            "[^1]: Ministry of Finance, press release, https://example.org/release, 24 April 2024.\n";
  std::string plain = temp.write("plain.md", before + after);
  EXPECT_EQ(codes(check({plain, "--format", "json"}).out), (std::set<std::string>{"dates/weekday-mismatch"}));
  std::string suppressed = temp.write(
      "suppressed.md", before + "<!-- marginalia-disable-next-line dates/weekday-mismatch -- the ministry confirmed the day -->\n" + after);
  ProcessResult run = check({suppressed, "--format", "json"});
  EXPECT_EQ(codes(run.out), std::set<std::string>{}) << run.out << run.err;
}

TEST(Baseline, ReportsOnlyNewFindingsAfterItIsWritten) {
  TempDir temp;
  std::string sample = read_file(source_dir() + "/samples/report-with-footnote-defects.md");
  std::string report = temp.write("r.md", sample);
  std::string baseline = temp.file("baseline.json");
  EXPECT_EQ(check({report, "--write-baseline", baseline}).exit_code, 0);
  temp.write("r.md", "# Added on top\n\nIntroduction.\n\n" + sample);
  ProcessResult again = check({report, "--baseline", baseline, "--format", "json"});
  EXPECT_EQ(again.exit_code, 0) << again.out;
  EXPECT_TRUE(json::parse(again.out)["findings"].empty());
  temp.write("r.md", "# Added on top\n\nA new claim.[^new]\n\n" + sample);
  ProcessResult fresh = check({report, "--baseline", baseline, "--format", "json"});
  EXPECT_EQ(fresh.exit_code, 1);
  json findings = json::parse(fresh.out)["findings"];
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0]["line"], 3);
}

}  // namespace
}  // namespace marginalia::testing
