// SPDX-License-Identifier: MIT
// The urls plugin end to end through the CLI, against the fixture server: findings, TEI marks
// valid against TEI All, the cache file in a temporary folder, --offline sending nothing.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/local_http_server.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_paths.hpp"

namespace marginalia::net {
namespace {

using testing::LocalHttpServer;
using testing::TempDir;

std::vector<std::string> urls_only(const TempDir& dir) {
  // Only the urls plugin, so the test reads what it says and nothing else.
  std::string plugins = dir.file("plugins");
  std::filesystem::create_directories(plugins);
  std::filesystem::copy_file(testing::plugin_dir() + "/urls.so", plugins + "/urls.so");
  return {"--no-default-plugins", "--plugin-dir", plugins};
}

std::string report(const LocalHttpServer& server) {
  return "# Sources\n\n"
         "Fine " + server.url("/ok") + ", gone " + server.url("/status/410") + " and [moved](" + server.url("/redirect/301/x") + ").\n"
         "Internal http://10.0.0.1/admin and a typo https:/example.org/x.\n\n"
         "Again " + server.url("/status/410") + ".\n";
}

std::vector<std::string> codes(const std::string& json_text) {
  nlohmann::json json = nlohmann::json::parse(json_text, nullptr, false);
  std::vector<std::string> out;
  if (json.is_discarded()) return {"<not JSON>"};
  for (const auto& finding : json["findings"])
    if (finding["plugin"] == "urls") out.push_back(finding["code"].get<std::string>() + "@" + std::to_string(finding["line"].get<int>()));
  return out;
}

TEST(UrlsCli, ChecksEveryUrlOnceAndMarksTheTei) {
  LocalHttpServer server;
  if (!server.ok()) GTEST_SKIP() << "python3 is needed";
  TempDir dir;
  std::string input = dir.write("report.md", report(server));
  std::vector<std::string> args = {"check", input, "--allow-net", "127.0.0.1/32", "--cache-file", dir.file("cache/urls.sqlite"),
                                   "--format", "json", "--tei", dir.file("report.tei.xml")};
  for (const std::string& a : urls_only(dir)) args.push_back(a);
  testing::ProcessResult run = testing::run_marginalia(args, 60);
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_EQ(codes(run.out), (std::vector<std::string>{"urls/not-found@3", "urls/redirected@3", "urls/blocked-address@4", "urls/malformed@4"}));
  EXPECT_EQ(server.wait_for("/status/410", 2, 0.3).size(), 1u);  // cited twice, fetched once
  EXPECT_TRUE(std::filesystem::exists(dir.file("cache/urls.sqlite")));

  std::string tei = testing::read_file(dir.file("report.tei.xml"));
  EXPECT_NE(tei.find("type=\"url\" subtype=\"not-found\""), std::string::npos);
  EXPECT_NE(tei.find("subtype=\"ok\""), std::string::npos);
  EXPECT_NE(tei.find("subtype=\"redirected\""), std::string::npos);
  if (!testing::jing().empty() && !testing::tei_schema().empty()) {
    testing::ProcessResult valid = testing::run_process(testing::jing(), {testing::tei_schema(), dir.file("report.tei.xml")}, 120);
    EXPECT_EQ(valid.exit_code, 0) << valid.out << valid.err;
  }

  // A second run answers the successes from the cache.
  testing::ProcessResult again = testing::run_marginalia(args, 60);
  EXPECT_EQ(codes(again.out), codes(run.out));
  EXPECT_EQ(server.wait_for("/ok", 2, 0.3).size(), 1u);
}

TEST(UrlsCli, OfflineSendsNothingAndKeepsTheSyntaxFindings) {
  LocalHttpServer server;
  if (!server.ok()) GTEST_SKIP() << "python3 is needed";
  TempDir dir;
  std::string input = dir.write("report.md", report(server));
  std::vector<std::string> args = {"check", input, "--offline", "--format", "json"};
  for (const std::string& a : urls_only(dir)) args.push_back(a);
  testing::ProcessResult run = testing::run_marginalia(args, 60, {"XDG_CACHE_HOME=" + dir.file("xdg")});
  EXPECT_EQ(codes(run.out), (std::vector<std::string>{"urls/malformed@4"}));
  EXPECT_TRUE(server.requests().empty());
  EXPECT_FALSE(std::filesystem::exists(dir.file("xdg/marginalia/urls.sqlite")));
}

TEST(UrlsCli, RebuildsACorruptCacheWithAWarningAndRefusesBadSettings) {
  LocalHttpServer server;
  if (!server.ok()) GTEST_SKIP() << "python3 is needed";
  TempDir dir;
  std::string input = dir.write("report.txt", "See " + server.url("/ok") + ".\n");
  std::string cache = dir.write("urls.sqlite", "garbage, not a database");
  std::vector<std::string> args = {"check", input, "--allow-net", "127.0.0.1/32", "--cache-file", cache, "--format", "json"};
  for (const std::string& a : urls_only(dir)) args.push_back(a);
  testing::ProcessResult run = testing::run_marginalia(args, 60);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("warning: the URL cache"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("rebuilt"), std::string::npos) << run.err;

  testing::ProcessResult bad_range = testing::run_marginalia({"check", input, "--allow-net", "10.0.0.0/33", "--no-cache"}, 60);
  EXPECT_EQ(bad_range.exit_code, 2);
  EXPECT_NE(bad_range.err.find("--allow-net"), std::string::npos) << bad_range.err;
  testing::ProcessResult bad_setting = testing::run_marginalia({"check", input, "--net", "per-host=lots", "--no-cache"}, 60);
  EXPECT_EQ(bad_setting.exit_code, 2);
  EXPECT_NE(bad_setting.err.find("bad value 'lots' for network setting per-host"), std::string::npos) << bad_setting.err;
}

}  // namespace
}  // namespace marginalia::net
