// SPDX-License-Identifier: MIT
// How the binary takes its inputs: folders, globs, standard input, unknown extensions, and one
// run over files with different marginalia.json files.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_paths.hpp"

namespace marginalia::testing {
namespace {

using nlohmann::json;

// A weekday that does not match its date: dates/weekday-mismatch, a warning.
const char* kWrongWeekday = "# Minutes\n\nOn Monday, 24 April 2024 the committee met.\n";

std::vector<std::string> checked_paths(const std::string& json_text) {
  std::vector<std::string> out;
  json parsed = json::parse(json_text);
  for (const json& file : parsed["files"]) out.push_back(file["path"].get<std::string>());
  return out;
}

std::vector<std::string> codes_in(const std::string& json_text, const std::string& path) {
  std::vector<std::string> out;
  json parsed = json::parse(json_text);
  for (const json& f : parsed["findings"])
    if (f["file"] == path || f.value("path", "") == path) out.push_back(f["code"].get<std::string>());
  return out;
}

ProcessResult in_folder(const std::string& folder, const std::string& command) {
  return run_process("/bin/sh", {"-c", "cd '" + folder + "' && " + command}, 120);
}

TEST(Inputs, AFolderIsWalkedInSortedOrderRespectingGitignore) {
  TempDir temp;
  temp.write(".git/HEAD", "ref: refs/heads/main\n");  // a repository, so its top .gitignore applies
  temp.write(".gitignore", "scratch/\n");
  temp.write("reports/b.md", kWrongWeekday);
  temp.write("reports/a/z.txt", kWrongWeekday);
  temp.write("reports/scratch/c.md", kWrongWeekday);
  temp.write("reports/figure.png", "\x89PNG");
  ProcessResult result = in_folder(temp.path(), marginalia_binary() + " check reports --format json --offline --no-cache");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(checked_paths(result.out), (std::vector<std::string>{"reports/a/z.txt", "reports/b.md"}));
}

TEST(Inputs, AQuotedGlobIsExpandedByMarginalia) {
  TempDir temp;
  temp.write("reports/2024/q1.md", kWrongWeekday);
  temp.write("reports/top.md", kWrongWeekday);
  temp.write("reports/2024/notes.txt", kWrongWeekday);
  ProcessResult result = in_folder(temp.path(), marginalia_binary() + " check 'reports/**/*.md' --format json --offline --no-cache");
  EXPECT_EQ(checked_paths(result.out), (std::vector<std::string>{"reports/2024/q1.md", "reports/top.md"})) << result.err;
  ProcessResult none = in_folder(temp.path(), marginalia_binary() + " check 'reprots/**/*.md' --offline --no-cache");
  EXPECT_EQ(none.exit_code, 2) << "a mistyped pattern must not pass by checking nothing";
  EXPECT_NE(none.err.find("no file matches 'reprots/**/*.md'"), std::string::npos) << none.err;
}

TEST(Inputs, StandardInputTakesItsNameFormatAndConfigurationFromStdinFilename) {
  TempDir temp;
  temp.write("team/marginalia.json", R"({"severity": {"dates/weekday-mismatch": "error"}})");
  std::string source = temp.write("source.md", "Intro.\n\n<!-- a comment -->\n\nOn Monday, 24 April 2024 we met.\n");
  ProcessResult result = in_folder(temp.path(), marginalia_binary() + " check - --stdin-filename team/minutes.md --format json --offline --no-cache < source.md");
  EXPECT_EQ(result.exit_code, 1) << "the severity override of team/marginalia.json makes it an error: " << result.err;
  json parsed = json::parse(result.out);
  ASSERT_EQ(parsed["files"].size(), 1u);
  EXPECT_EQ(parsed["files"][0]["path"], "team/minutes.md");
  ASSERT_EQ(parsed["findings"].size(), 1u);
  EXPECT_EQ(parsed["findings"][0]["code"], "dates/weekday-mismatch");
  EXPECT_EQ(parsed["findings"][0]["line"], 5) << "read as Markdown: the comment is not text, but lines are the file's";
  ProcessResult plain = in_folder(temp.path(), marginalia_binary() + " check - --format json --offline --no-cache < source.md");
  EXPECT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(checked_paths(plain.out), (std::vector<std::string>{"-"}));
}

TEST(Inputs, StandardInputCannotBeMixedWithFiles) {
  TempDir temp;
  std::string file = temp.write("a.md", kWrongWeekday);
  EXPECT_EQ(run_offline_check({"-", file}).exit_code, 2);
  EXPECT_EQ(run_offline_check({file, "--stdin-filename", "x.md"}).exit_code, 2);
}

TEST(Inputs, AnUnknownExtensionIsReadAsTextWithANoteUnlessInputFormatForcesIt) {
  TempDir temp;
  std::string file = temp.write("minutes.rst", kWrongWeekday);
  ProcessResult result = run_offline_check({file, "--format", "json"});
  json parsed = json::parse(result.out);
  std::set<std::string> codes;
  for (const json& f : parsed["findings"]) codes.insert(f["code"].get<std::string>());
  EXPECT_TRUE(codes.count("reader/assumed-text")) << result.out;
  EXPECT_TRUE(codes.count("dates/weekday-mismatch")) << "the text is still checked";
  ProcessResult forced = run_offline_check({file, "--format", "json", "--input-format", "markdown"});
  EXPECT_EQ(forced.out.find("reader/assumed-text"), std::string::npos) << forced.out;
}

TEST(Inputs, EachFileUsesItsNearestConfigurationInOneRun) {
  TempDir temp;
  temp.write("marginalia.json", R"({"fail_on": "error"})");
  temp.write("strict/marginalia.json", R"({"fail_on": "warning"})");
  temp.write("quiet/marginalia.json", R"({"plugins": {"dates": {"enabled": false}}})");
  std::string relaxed = temp.write("relaxed.md", kWrongWeekday);
  std::string quiet = temp.write("quiet/a.md", kWrongWeekday);
  ProcessResult both = run_offline_check({relaxed, quiet, "--format", "json"});
  EXPECT_EQ(both.exit_code, 0) << "several configurations in one run are fine: " << both.err;
  json parsed = json::parse(both.out);
  ASSERT_EQ(parsed["files"].size(), 2u);
  std::size_t weekday = 0;
  for (const json& f : parsed["findings"]) weekday += f["code"] == "dates/weekday-mismatch";
  EXPECT_EQ(weekday, 1u) << "dates is off for quiet/ only: " << both.out;
  std::string strict = temp.write("strict/a.md", kWrongWeekday);
  EXPECT_EQ(run_offline_check({relaxed, strict}).exit_code, 1) << "strict/ fails on warnings";
  EXPECT_EQ(run_offline_check({relaxed}).exit_code, 0);
}

TEST(PrintConfig, ShowsTheNearestConfigurationWithOptionsOverTheirDefaults) {
  TempDir temp;
  temp.write("marginalia.json", R"({"fail_on": "warning"})");
  std::string team = temp.write("team/marginalia.json",
                                R"({"plugins": {"dates": {"options": {"numeric_order": "day-first"}}, "urls": {"enabled": false}},
                                    "severity": {"footnotes/orphan-note": "off"}, "ignore": ["old/**"]})");
  std::string report = temp.write("team/q1.md", kWrongWeekday);
  ProcessResult result = run_marginalia({"print-config", report});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  json config = json::parse(result.out);
  EXPECT_EQ(config["configuration"], team);
  EXPECT_EQ(config["fail_on"], "error") << "the nearest file wins whole; configurations do not cascade";
  EXPECT_EQ(config["plugins"]["dates"]["options"]["numeric_order"], "day-first");
  EXPECT_EQ(config["plugins"]["urls"]["enabled"], false);
  EXPECT_EQ(config["plugins"]["footnotes"]["options"]["require_source"], true) << "defaults are shown too";
  EXPECT_EQ(config["severity"]["footnotes/orphan-note"], "off");
  EXPECT_EQ(config["ignore"], json::array({"old/**"}));
  std::string other = temp.write("other.md", kWrongWeekday);
  EXPECT_EQ(json::parse(run_marginalia({"print-config", other}).out)["fail_on"], "warning");
  EXPECT_EQ(json::parse(run_marginalia({"print-config", other, "--fail-on", "note"}).out)["fail_on"], "note");
}

TEST(Init, WritesASchemaLineThatPointsAtTheInstalledSchema) {
  TempDir temp;
  std::string path = temp.file("marginalia.json");
  ASSERT_EQ(run_marginalia({"init", "-o", path}).exit_code, 0);
  json config = json::parse(read_file(path));
  ASSERT_TRUE(config.contains("$schema"));
  std::string schema = config["$schema"].get<std::string>();
  ASSERT_EQ(schema.rfind("file://", 0), 0u) << schema;
  EXPECT_NE(read_file(schema.substr(7)).find("\"fail_on\""), std::string::npos) << "the schema file exists beside the binary";
  EXPECT_EQ(json::parse(read_file(path)).begin().key(), "$schema") << "first, where editors look";
}

TEST(CommandLine, OutputToAFilePrintsOnlyTheSummary) {
  TempDir temp;
  std::string report = temp.write("a.md", kWrongWeekday);
  std::string out = temp.file("out.sarif");
  ProcessResult result = run_offline_check({report, "--format", "sarif", "-o", out});
  EXPECT_EQ(result.out, "0 errors, 1 warning, 0 notes in 1 file\n");
  EXPECT_NE(read_file(out).find("dates/weekday-mismatch"), std::string::npos);
}

TEST(CommandLine, HelpForACommandListsItsOptions) {
  ProcessResult help = run_marginalia({"help", "print-config"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("usage: marginalia print-config FILE"), std::string::npos) << help.out;
  EXPECT_EQ(run_marginalia({"check", "--help"}).out, run_marginalia({"help", "check"}).out);
  ProcessResult refused = run_marginalia({"plugins", "--offline"});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("--offline does not apply to 'plugins'"), std::string::npos) << refused.err;
}

TEST(Explain, SuggestsTheCodeAndShowsUserDocumentationOnly) {
  ProcessResult missing = run_marginalia({"explain", "weekday-mismatch"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("did you mean 'dates/weekday-mismatch'?"), std::string::npos) << missing.err;
  ProcessResult plugin = run_marginalia({"explain", "dates"});
  EXPECT_EQ(plugin.exit_code, 0);
  EXPECT_NE(plugin.out.find("## Finding codes"), std::string::npos);
  EXPECT_NE(plugin.out.find("## Limitations"), std::string::npos);
  EXPECT_EQ(plugin.out.find("### dates/weekday-mismatch"), std::string::npos) << "one code's section is explain CODE's";
  std::string readme = read_file(source_dir() + "/plugins/dates/README.md");
  std::size_t after = readme.find("\n## ", readme.find("## Limitations") + 1);
  if (after != std::string::npos) {
    std::string developer_heading = readme.substr(after + 1, readme.find('\n', after + 1) - after - 1);
    EXPECT_EQ(plugin.out.find(developer_heading), std::string::npos) << developer_heading << " is not user documentation";
  }
}

TEST(Baseline, StaleEntriesAreReportedAndPruneBaselineRemovesThem) {
  TempDir temp;
  std::string fixed = temp.write("fixed.md", kWrongWeekday);
  std::string kept = temp.write("kept.md", "# Notes\n\nOn Friday, 24 April 2024 the board met.\n");
  std::string unchecked = temp.write("unchecked.md", kWrongWeekday);
  std::string baseline = temp.file("baseline.json");
  ASSERT_EQ(run_offline_check({fixed, kept, unchecked, "--write-baseline", baseline}).exit_code, 0);
  ASSERT_EQ(json::parse(read_file(baseline))["findings"].size(), 3u);
  temp.write("fixed.md", "# Minutes\n\nOn Wednesday, 24 April 2024 the committee met.\n");

  ProcessResult reported = run_offline_check({fixed, kept, "--baseline", baseline});
  EXPECT_EQ(reported.exit_code, 0) << reported.err;
  EXPECT_NE(reported.err.find("fixed.md: dates/weekday-mismatch no longer matches a finding"), std::string::npos) << reported.err;
  EXPECT_NE(reported.err.find("1 baseline entry no longer matches; --prune-baseline removes them"), std::string::npos);
  EXPECT_EQ(reported.err.find("unchecked.md"), std::string::npos) << "a file this run did not check is not judged";

  ProcessResult pruned = run_offline_check({fixed, kept, "--baseline", baseline, "--prune-baseline"});
  EXPECT_EQ(pruned.exit_code, 0) << pruned.err;
  json entries = json::parse(read_file(baseline))["findings"];
  ASSERT_EQ(entries.size(), 2u);
  for (const json& entry : entries) EXPECT_NE(entry["file"], "fixed.md");
  EXPECT_EQ(run_offline_check({fixed, kept, "--baseline", baseline}).err.find("no longer"), std::string::npos);
  EXPECT_EQ(run_offline_check({fixed, "--prune-baseline"}).exit_code, 2) << "--prune-baseline needs --baseline";
}

}  // namespace
}  // namespace marginalia::testing
