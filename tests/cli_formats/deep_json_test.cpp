// SPDX-License-Identifier: MIT
// JSON nested 200,000 levels deep, wherever the tool reads JSON: refused with a message and
// exit 2, never a crash (issue 13, item 4: a deep plugin option used to end the host with
// SIGSEGV in a recursive copy).
#include <gtest/gtest.h>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace marginalia::testing {
namespace {

std::string nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

void expect_refused(const ProcessResult& run, const std::string& what) {
  EXPECT_EQ(run.signal, 0) << "killed by signal " << run.signal;
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_NE(run.err.find("nested deeper than 64 levels"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find(what), std::string::npos) << run.err;
}

TEST(DeepJson, APluginOptionNested200000LevelsIsRefused) {
  TempDir temp;
  std::string report = temp.write("r.md", "# Report\n\nText.\n");
  temp.write("marginalia.json", "{\"plugins\": {\"dates\": {\"options\": {\"order\": " + nested(200000) + "}}}}");
  expect_refused(run_marginalia({"check", report, "--config", temp.file("marginalia.json"), "--format", "json"}), "marginalia.json:1:");
}

TEST(DeepJson, ACoreKeyNested200000LevelsIsRefused) {
  TempDir temp;
  std::string report = temp.write("r.md", "# Report\n\nText.\n");
  temp.write("marginalia.json", "{\"ignore\": " + nested(200000) + "}");
  expect_refused(run_marginalia({"check", report, "--config", temp.file("marginalia.json"), "--format", "json"}), "marginalia.json:1:");
}

TEST(DeepJson, ABaselineNested200000LevelsIsRefused) {
  TempDir temp;
  std::string report = temp.write("r.md", "# Report\n\nText.\n");
  std::string baseline = temp.write("baseline.json", "{\"marginalia_baseline\": 1, \"findings\": " + nested(200000) + "}");
  expect_refused(run_marginalia({"check", report, "--baseline", baseline, "--format", "json"}), "baseline.json");
}

TEST(DeepJson, ASourcesIndexNested200000LevelsIsRefused) {
  TempDir temp;
  std::string report = temp.write("r.md", "# Report\n\nText.\n");
  temp.write("sources/sources.json", "{\"1\": " + nested(200000) + "}");
  expect_refused(run_marginalia({"check", report, "--sources", temp.file("sources"), "--format", "json"}), "sources.json");
}

}  // namespace
}  // namespace marginalia::testing
