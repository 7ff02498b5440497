// SPDX-License-Identifier: MIT
// `check --shard K/N` and `merge`: the shards of a run, merged, are byte for byte the unsharded
// run's JSON and SARIF; a file added to the inputs moves only itself; bad values are refused.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_paths.hpp"

namespace marginalia::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// `marginalia ARGS` run from `cwd`, offline and without the cache, as a CI job would.
ProcessResult in_folder(const std::string& cwd, std::vector<std::string> args) {
  if (!args.empty() && args[0] == "check") args.insert(args.end(), {"--offline", "--no-cache"});
  return run_process(marginalia_binary(), args, 120, {}, cwd);
}

class ShardMerge : public ::testing::TestWithParam<std::string> {};

TEST_P(ShardMerge, ThreeShardsOfSamplesMergeToTheUnshardedBytes) {
  const std::string format = GetParam();
  TempDir temp;
  std::string whole = temp.file("whole." + format);
  ProcessResult unsharded = in_folder(source_dir(), {"check", "samples", "--format", format, "-o", whole});
  ASSERT_EQ(unsharded.exit_code, 1) << unsharded.err;
  std::vector<std::string> parts;
  std::size_t files_in_shards = 0, nonempty = 0;
  for (int k = 1; k <= 3; ++k) {
    parts.push_back(temp.file("part-" + std::to_string(k) + "." + format));
    ProcessResult shard = in_folder(source_dir(), {"check", "samples", "--shard", std::to_string(k) + "/3", "--format", format, "-o", parts.back()});
    ASSERT_NE(shard.exit_code, 2) << shard.err;
    json part = json::parse(read_file(parts.back()));
    std::size_t files = format == "json" ? part["files"].size() : part["runs"][0]["artifacts"].size();
    files_in_shards += files;
    nonempty += files > 0;
  }
  json all = json::parse(read_file(whole));
  EXPECT_EQ(files_in_shards, format == "json" ? all["files"].size() : all["runs"][0]["artifacts"].size());
  EXPECT_GE(nonempty, 2u) << "the samples should spread over several shards for this test to mean something";
  // Given in any order, the merge is the unsharded result, byte for byte.
  std::string merged = temp.file("merged." + format);
  ProcessResult merge = in_folder(source_dir(), {"merge", merged, parts[2], parts[0], parts[1]});
  ASSERT_EQ(merge.exit_code, 0) << merge.err;
  EXPECT_EQ(read_file(merged), read_file(whole));
  EXPECT_NE(read_file(parts[0]), read_file(whole));
}

INSTANTIATE_TEST_SUITE_P(Formats, ShardMerge, ::testing::Values("json", "sarif"));

// Which shard each file of `folder` went to, from the shards' JSON.
std::map<std::string, int> assignment(const std::string& cwd, const std::string& folder, int n, const TempDir& temp) {
  std::map<std::string, int> shard_of;
  for (int k = 1; k <= n; ++k) {
    std::string out = temp.file("a-" + std::to_string(k) + ".json");
    ProcessResult run = in_folder(cwd, {"check", folder, "--shard", std::to_string(k) + "/" + std::to_string(n), "--format", "json", "-o", out});
    EXPECT_NE(run.exit_code, 2) << run.err;
    json result = json::parse(read_file(out));
    for (const json& file : result["files"]) {
      EXPECT_TRUE(shard_of.emplace(file["path"].get<std::string>(), k).second) << file["path"] << " is in two shards";
    }
  }
  return shard_of;
}

TEST(ShardMerge, AddingAFileMovesOnlyThatFile) {
  TempDir temp;
  fs::create_directories(temp.file("reports"));
  for (int i = 0; i < 12; ++i)
    temp.write("reports/r" + std::to_string(i) + ".md", "# Report " + std::to_string(i) + "\n\nThe council met on 3 March 2023.\n");
  std::map<std::string, int> before = assignment(temp.path(), "reports", 4, temp);
  ASSERT_EQ(before.size(), 12u);
  temp.write("reports/added.md", "# Added\n\nA new report.\n");
  std::map<std::string, int> after = assignment(temp.path(), "reports", 4, temp);
  ASSERT_EQ(after.size(), 13u);
  for (const auto& [path, shard] : before) EXPECT_EQ(after[path], shard) << path << " moved";
  EXPECT_TRUE(after.count("reports/added.md"));
  // Named another way (./reports, an absolute path), the files keep their shards.
  std::map<std::string, int> dotted = assignment(temp.path(), "./reports", 4, temp);
  for (const auto& [path, shard] : dotted) EXPECT_EQ(after[fs::path(path).lexically_normal().string()], shard) << path;
}

// Every file under `folder`, by its path relative to it, with its bytes.
std::map<std::string, std::string> tree(const std::string& folder) {
  std::map<std::string, std::string> files;
  if (!fs::exists(folder)) return files;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(folder))
    if (entry.is_regular_file()) files[fs::relative(entry.path(), folder).string()] = read_file(entry.path().string());
  return files;
}

TEST(ShardMerge, TheShardsTeiFilesFormTheUnshardedTree) {
  TempDir temp;
  ProcessResult whole = in_folder(source_dir(), {"check", "samples", "--tei", temp.file("whole") + "/", "-q"});
  ASSERT_NE(whole.exit_code, 2) << whole.err;
  // Each job writes into the same folder, as jobs sharing a workspace or an artifact would.
  for (int k = 1; k <= 3; ++k) {
    ProcessResult shard = in_folder(source_dir(), {"check", "samples", "--shard", std::to_string(k) + "/3", "--tei", temp.file("parts") + "/", "-q"});
    ASSERT_NE(shard.exit_code, 2) << shard.err;
  }
  std::map<std::string, std::string> expected = tree(temp.file("whole")), got = tree(temp.file("parts"));
  EXPECT_GE(expected.size(), 5u);
  EXPECT_EQ(got, expected) << "the same paths and the same bytes";
}

TEST(ShardMerge, BadShardValuesAreRefused) {
  for (const char* bad : {"0/3", "4/3", "3", "1/0", "01/3", "-1/3", "1/3/3", "x/3", "1/1025"}) {
    ProcessResult run = run_offline_check({source_dir() + "/samples", "--shard", bad});
    EXPECT_EQ(run.exit_code, 2) << bad;
    EXPECT_NE(run.err.find("--shard takes K/N"), std::string::npos) << bad << ": " << run.err;
  }
  ProcessResult from_stdin = run_offline_check({"-", "--shard", "1/2"});
  EXPECT_EQ(from_stdin.exit_code, 2);
  EXPECT_NE(from_stdin.err.find("standard input"), std::string::npos) << from_stdin.err;
}

TEST(ShardMerge, MergeRefusesIncompleteMixedOrForeignResults) {
  TempDir temp;
  auto run_part = [&](const std::string& shard, const std::string& format) {
    std::string out = temp.file("p" + std::to_string(std::hash<std::string>()(shard + format)) + "." + format);
    std::vector<std::string> args = {"check", "samples", "--format", format, "-o", out};
    if (!shard.empty()) args.insert(args.end(), {"--shard", shard});
    EXPECT_NE(in_folder(source_dir(), args).exit_code, 2);
    return out;
  };
  std::string one = run_part("1/2", "json"), two = run_part("2/2", "json"), two_sarif = run_part("2/2", "sarif");
  std::string unsharded = run_part("", "json"), of_three = run_part("2/3", "json");
  struct Case {
    std::vector<std::string> inputs;
    const char* says;
  };
  for (const Case& c : std::vector<Case>{{{one}, "2/2 missing"},
                                         {{one, one, two}, "like"},
                                         {{one, two_sarif}, "one format"},
                                         {{one, unsharded}, "not the result of a --shard"},
                                         {{one, of_three}, "not the same run"},
                                         {{one, temp.write("x.json", "[1, 2]")}, "neither marginalia JSON"},
                                         {{one, temp.file("absent.json")}, "cannot be read"}}) {
    std::string out = temp.file("merged.json");
    std::vector<std::string> args = {"merge", out};
    args.insert(args.end(), c.inputs.begin(), c.inputs.end());
    ProcessResult merge = in_folder(source_dir(), args);
    EXPECT_EQ(merge.exit_code, 2) << c.says;
    EXPECT_NE(merge.err.find(c.says), std::string::npos) << merge.err;
    EXPECT_FALSE(fs::exists(out)) << "nothing is written when the merge is refused";
  }
  // A shard result edited by hand into something marginalia never writes.
  std::string one_sarif = run_part("1/2", "sarif");
  std::string with_files = read_file(one_sarif).find("marginalia/inputIndex") != std::string::npos ? one_sarif : two_sarif;
  std::string bytes = read_file(with_files);
  std::size_t at = bytes.find("\"marginalia/inputIndex\": ");
  ASSERT_NE(at, std::string::npos);
  bytes.insert(at + 25, "\"zero\", \"was\": ");
  std::string edited = temp.write("edited.sarif", bytes);
  ProcessResult broken = in_folder(source_dir(), {"merge", temp.file("all.sarif"), with_files == one_sarif ? edited : one_sarif,
                                                  with_files == one_sarif ? two_sarif : edited});
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_NE(broken.err.find("not as marginalia writes it"), std::string::npos) << broken.err;
  EXPECT_EQ(broken.err.find("internal error"), std::string::npos) << broken.err;
  // The JSON shards written as a .sarif file: the name and the contents disagree.
  ProcessResult misnamed = in_folder(source_dir(), {"merge", temp.file("all.sarif"), one, two});
  EXPECT_EQ(misnamed.exit_code, 2);
  EXPECT_NE(misnamed.err.find("SARIF"), std::string::npos) << misnamed.err;
}

}  // namespace
}  // namespace marginalia::testing
