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

}  // namespace
}  // namespace marginalia::testing
