// SPDX-License-Identifier: MIT
// The pipeline over real files with the shipped footnotes plugin, loaded in this process.
#include "pipeline/pipeline.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "config/plugin_options.hpp"
#include "support/temp_dir.hpp"
#include "support/test_paths.hpp"

namespace marginalia::pipeline {
namespace {

using testing::TempDir;

class PipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    registry_.load(testing::plugin_dir() + "/footnotes.so");
    ASSERT_EQ(registry_.plugins().size(), 1u);
    const host::LoadedPlugin& plugin = registry_.plugins().front();
    ASSERT_TRUE(plugin.instance->configure(config::make_plugin_options(plugin.info, nlohmann::json::object()).options).empty());
    options_.context.fetch = &offline_;
  }
  // "path code line:column" of every finding, file by file.
  static std::vector<std::string> summary(const std::vector<merge::FileReport>& files) {
    std::vector<std::string> out;
    for (const merge::FileReport& file : files) {
      if (file.error) out.push_back(file.path + " " + file.error->code);
      if (file.report)
        for (const merge::ReportedFinding& f : file.report->findings)
          out.push_back(file.path + " " + f.finding.code + " " + std::to_string(f.begin.line) + ":" + std::to_string(f.begin.column));
    }
    return out;
  }
  host::PluginRegistry registry_;
  net::OfflineFetchService offline_;
  RunOptions options_;
};

TEST_F(PipelineTest, ReportsComeBackInInputOrderWhateverTheNumberOfJobs) {
  TempDir temp;
  std::string defects = testing::read_file(testing::source_dir() + "/samples/report-with-footnote-defects.md");
  std::vector<std::string> paths;
  for (int i = 0; i < 6; ++i) paths.push_back(temp.write("r" + std::to_string(i) + ".md", i % 2 ? defects : "A clean paragraph.\n"));
  paths.push_back(temp.file("missing.md"));
  options_.jobs = 1;
  std::vector<merge::FileReport> one = Pipeline(registry_, options_).check_files(paths);
  options_.jobs = 4;
  std::vector<merge::FileReport> four = Pipeline(registry_, options_).check_files(paths);
  ASSERT_EQ(one.size(), paths.size());
  for (std::size_t i = 0; i < paths.size(); ++i) EXPECT_EQ(one[i].path, paths[i]);
  EXPECT_EQ(summary(one), summary(four));
  EXPECT_TRUE(one[6].error && one[6].error->code == "reader/not-found");
}

TEST_F(PipelineTest, ARunThatFailsStandsInTheReportAsAHostFinding) {
  host::PluginRegistry with_missing;
  with_missing.load(testing::plugin_dir() + "/footnotes.so");
  with_missing.load(testing::source_dir() + "/samples/README.md");  // not a library
  ASSERT_EQ(with_missing.problems().size(), 1u);
  merge::FileReport file = Pipeline(with_missing, options_).check_read("draft.txt", readers::read_bytes("draft.txt", "Text.\n", {}));
  ASSERT_TRUE(file.report);
  EXPECT_FALSE(file.report->complete);
  ASSERT_FALSE(file.report->findings.empty());
  EXPECT_EQ(file.report->findings.front().plugin, "host");
}

TEST_F(PipelineTest, TheSettingsDateReplacesTheDocumentsOwn) {
  options_.document_date = "2024-09-12";
  merge::FileReport file = Pipeline(registry_, options_).check_read("d.txt", readers::read_bytes("d.txt", "Dated 1 May 2020.\n", {}));
  ASSERT_TRUE(file.report);
  std::string date;
  for (const sdk::Attribute& entry : file.report->loaded.document.metadata)
    if (entry.name == "date") date = entry.value;
  EXPECT_EQ(date, "2024-09-12");
}

}  // namespace
}  // namespace marginalia::pipeline
