// SPDX-License-Identifier: MIT
#include "merge/baseline.hpp"

#include <gtest/gtest.h>

#include "readers/reader_registry.hpp"
#include "support/temp_dir.hpp"
#include "writers/atomic_file.hpp"

namespace marginalia::merge {
namespace {

FileReport checked(const std::string& path, const std::string& text) {
  readers::ReadResult read = readers::read_bytes(path, text, {});
  host::PluginRunResult run;
  run.plugin_id = "footnotes";
  for (const sdk::NoteRef& ref : read.document->document.note_refs)
    run.findings.push_back({"footnotes/missing-note", sdk::Severity::error, ref.span, "marker " + ref.label, {}, std::nullopt});
  sdk::PluginInfo info{"footnotes", "1", "", "", {}, "{}", ""};
  FileReport file;
  file.path = path;
  file.report = merge_document(std::move(*read.document), {run}, {&info}, {});
  return file;
}

TEST(Baseline, ReportsOnlyNewFindingsEvenAfterLinesAreAddedAbove) {
  testing::TempDir temp;
  std::string path = temp.file("report.txt");
  std::vector<FileReport> before = {checked(path, "Title\n\nA claim.1 Another claim.2\n")};
  Baseline recorded = Baseline::record(temp.file("baseline.json"), before);
  EXPECT_EQ(recorded.entries().size(), 2u);
  ASSERT_EQ(writers::write_file_atomically(temp.file("baseline.json"), recorded.serialize()), "");

  BaselineLoad loaded = Baseline::load(temp.file("baseline.json"));
  ASSERT_TRUE(loaded.baseline) << loaded.error;
  std::vector<FileReport> after = {checked(path, "Title\n\nA paragraph added later.\n\nA claim.1 Another claim.2\n\nA new paragraph with a third claim.3\n")};
  EXPECT_EQ(loaded.baseline->filter(after), 2u);
  ASSERT_EQ(after[0].report->findings.size(), 1u);
  EXPECT_EQ(after[0].report->findings[0].finding.message, "marker 3");
}

TEST(Baseline, NamesTheFileAndPathOfABrokenBaseline) {
  testing::TempDir temp;
  std::string path = temp.write("baseline.json", "{\"marginalia_baseline\": 1, \"findings\": [{\"file\": 3}]}");
  BaselineLoad loaded = Baseline::load(path);
  EXPECT_FALSE(loaded.baseline);
  EXPECT_NE(loaded.error.find("baseline.json"), std::string::npos) << loaded.error;
  EXPECT_FALSE(Baseline::load(temp.file("missing.json")).baseline);
}

TEST(Baseline, NeverAcceptsAFailedRun) {
  testing::TempDir temp;
  FileReport file = checked(temp.file("r.txt"), "Title\n\nA claim.1\n");
  file.report->findings.push_back(file.report->findings[0]);
  file.report->findings.back().plugin = "host";
  file.report->findings.back().finding.code = "host/plugin-crashed";
  Baseline recorded = Baseline::record(temp.file("b.json"), {file});
  for (const BaselineEntry& entry : recorded.entries()) EXPECT_NE(entry.code, "host/plugin-crashed");
}

}  // namespace
}  // namespace marginalia::merge
