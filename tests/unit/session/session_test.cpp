// SPDX-License-Identifier: MIT
// The session as a front end drives it: plain settings in, run reports out, with the shipped
// plugins and configuration files in temporary folders.
#include "session/session.hpp"

#include <gtest/gtest.h>

#include "support/temp_dir.hpp"
#include "support/test_paths.hpp"

namespace marginalia::session {
namespace {

using testing::TempDir;

RunSettings shipped_plugins(Isolation isolation = Isolation::none) {
  RunSettings settings;
  settings.plugin_dirs = {testing::plugin_dir()};
  settings.default_plugins = false;
  settings.isolation = isolation;
  settings.offline = true;
  settings.worker_executable = testing::marginalia_binary();
  return settings;
}

std::string sample() { return testing::read_file(testing::source_dir() + "/samples/report-with-footnote-defects.md"); }

// "line:column code" of every finding of one plugin in the run's only file.
std::vector<std::string> findings_of(const merge::RunReport& run, const std::string& plugin) {
  std::vector<std::string> out;
  EXPECT_EQ(run.files.size(), 1u);
  if (run.files.empty() || !run.files[0].report) return out;
  for (const merge::ReportedFinding& f : run.files[0].report->findings)
    if (f.plugin == plugin) out.push_back(std::to_string(f.begin.line) + ":" + std::to_string(f.begin.column) + " " + f.finding.code);
  return out;
}

TEST(Session, ChecksADocumentInMemoryLikeTheSameFileOnDisk) {
  TempDir temp;
  std::string path = temp.write("draft.md", sample());
  Session session(shipped_plugins());
  util::Result<merge::RunReport> from_disk = session.check_paths({path});
  util::Result<merge::RunReport> in_memory = session.check_text(path, "markdown", sample());
  ASSERT_TRUE(from_disk) << from_disk.problems().front().to_string();
  ASSERT_TRUE(in_memory) << in_memory.problems().front().to_string();
  EXPECT_FALSE(findings_of(*from_disk, "footnotes").empty());
  EXPECT_EQ(findings_of(*in_memory, "footnotes"), findings_of(*from_disk, "footnotes"));
  EXPECT_EQ(in_memory->files[0].path, path);
  EXPECT_EQ(in_memory->tool_version, tool_version());
}

TEST(Session, WorkerProcessesAndThisProcessGiveTheSameFindings) {
  TempDir temp;
  std::string path = temp.write("draft.md", sample());
  Session in_process(shipped_plugins(Isolation::none));
  Session in_workers(shipped_plugins(Isolation::process));
  util::Result<merge::RunReport> a = in_process.check_paths({path});
  util::Result<merge::RunReport> b = in_workers.check_paths({path});
  ASSERT_TRUE(a && b);
  for (const char* plugin : {"footnotes", "dates", "quotes", "urls"}) EXPECT_EQ(findings_of(*a, plugin), findings_of(*b, plugin)) << plugin;
  EXPECT_TRUE(b->complete());
}

TEST(Session, ConfiguresThePluginsOncePerConfigurationFile) {
  TempDir temp;
  temp.write("quiet/marginalia.json", R"({"plugins": {"footnotes": {"enabled": false}}})");
  std::string quiet = temp.write("quiet/draft.md", sample());
  std::string plain = temp.write("plain/draft.md", sample());

  RunSettings settings = shipped_plugins();
  util::Result<merge::RunReport> refused = Session(settings).check_paths({quiet, plain});
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.problems().front().message.find("different configuration files"), std::string::npos);

  settings.one_configuration = false;
  Session session(settings);
  util::Result<merge::RunReport> run = session.check_paths({quiet, plain});
  ASSERT_TRUE(run) << run.problems().front().to_string();
  ASSERT_EQ(run->files.size(), 2u);
  auto footnotes = [](const merge::FileReport& file) {
    std::size_t n = 0;
    for (const merge::ReportedFinding& f : file.report->findings) n += f.plugin == "footnotes";
    return n;
  };
  EXPECT_EQ(run->files[0].path, quiet);
  EXPECT_EQ(footnotes(run->files[0]), 0u) << "marginalia.json turns footnotes off for this folder";
  EXPECT_GT(footnotes(run->files[1]), 0u);
}

TEST(Session, ABadConfigurationIsAProblemNamingTheFileAndTheKey) {
  TempDir temp;
  std::string config = temp.write("marginalia.json", R"({"plugins": {"footnotes": {"options": {"no-such-option": 1}}}})");
  std::string path = temp.write("draft.md", sample());
  util::Result<merge::RunReport> run = Session(shipped_plugins()).check_paths({path});
  ASSERT_FALSE(run);
  std::string message = run.problems().front().to_string();
  EXPECT_EQ(message.rfind(config + ": /plugins/footnotes/options", 0), 0u) << message;
}

TEST(Session, SkipsIgnoredInputsWithANotice) {
  TempDir temp;
  temp.write("marginalia.json", R"({"ignore": ["drafts/**"]})");
  std::string skipped = temp.write("drafts/old.md", sample());
  std::string kept = temp.write("report.md", sample());
  std::vector<std::string> notices;
  RunSettings settings = shipped_plugins();
  settings.notice = [&](const util::Problem& notice) { notices.push_back(notice.message); };
  util::Result<merge::RunReport> run = Session(settings).check_paths({skipped, kept});
  ASSERT_TRUE(run) << run.problems().front().to_string();
  ASSERT_EQ(run->files.size(), 1u);
  EXPECT_EQ(run->files[0].path, kept);
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_NE(notices[0].find("skipping " + skipped), std::string::npos);
}

TEST(Session, TheFailLevelComesFromTheSettingsThenTheConfiguration) {
  TempDir temp;
  temp.write("marginalia.json", R"({"fail_on": "note"})");
  std::string path = temp.write("clean.md", "A short clean report.\n");
  RunSettings settings = shipped_plugins();
  EXPECT_EQ(Session(settings).check_paths({path})->fail_level, sdk::Severity::note);
  settings.fail_on = sdk::Severity::warning;
  EXPECT_EQ(Session(settings).check_paths({path})->fail_level, sdk::Severity::warning);
}

}  // namespace
}  // namespace marginalia::session
