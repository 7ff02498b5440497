// SPDX-License-Identifier: MIT
// Every document under ../shared/eval (all sets, all input formats) gets a TEI file that
// validates against tei_all.rng: the binary checks each set in one run (offline, every plugin,
// so their marks are in the TEI too), and jing validates every output in one run.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_paths.hpp"
#include "writers/output_paths.hpp"

namespace marginalia::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// The documents of one eval set: inputs marginalia reads, not the set's README/SOURCE files.
std::vector<std::string> documents_in(const fs::path& set) {
  static const std::vector<std::string> extensions = {".md", ".txt", ".html", ".htm", ".xml", ".docx"};
  std::vector<std::string> out;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(set)) {
    if (!entry.is_regular_file()) continue;
    std::string name = entry.path().filename().string();
    std::string ext = entry.path().extension().string();
    if (std::find(extensions.begin(), extensions.end(), ext) == extensions.end()) continue;
    if (name.rfind("README", 0) == 0 || name.rfind("SOURCE", 0) == 0) continue;
    out.push_back(entry.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(EvalTei, EveryDocumentOfEveryEvalSetGetsValidTei) {
  if (shared_dir().empty() || !fs::is_directory(shared_dir() + "/eval")) GTEST_SKIP() << "../shared/eval is not present";
  if (jing().empty() || tei_schema().empty()) GTEST_SKIP() << "jing or ../shared/tei/tei_all.rng is not available";
  TempDir out;
  std::vector<std::string> written;
  std::map<std::string, std::string> source_of;
  for (const fs::directory_entry& set : fs::directory_iterator(shared_dir() + "/eval")) {
    if (!set.is_directory()) continue;
    std::vector<std::string> documents = documents_in(set.path());
    if (documents.empty()) continue;
    std::string folder = out.file(set.path().filename().string());
    std::vector<std::string> args = {"check", "--offline", "--no-cache", "--format", "json", "--tei", folder + "/", "-j", "2"};
    args.insert(args.end(), documents.begin(), documents.end());
    ProcessResult run = run_marginalia(args, 600);
    ASSERT_FALSE(run.timed_out) << set.path();
    ASSERT_EQ(run.signal, 0) << set.path() << " ended by a signal";
    json report = json::parse(run.out, nullptr, false);
    ASSERT_FALSE(report.is_discarded()) << set.path() << ": " << run.err;
    // Each TEI sits at its input's path relative to the inputs' common folder.
    std::vector<std::string> paths;
    for (const json& file : report["files"]) paths.push_back(file["path"].get<std::string>());
    std::vector<std::string> teis = writers::output_paths_under(folder + "/", paths, ".tei.xml");
    for (std::size_t i = 0; i < paths.size(); ++i) {
      const std::string& path = paths[i];
      if (report["files"][i].contains("error")) continue;  // a refused input has no TEI (and says why)
      const std::string& tei = teis[i];
      EXPECT_TRUE(fs::exists(tei)) << "no TEI for " << path;
      if (fs::exists(tei)) { written.push_back(tei); source_of[tei] = path; }
    }
  }
  ASSERT_FALSE(written.empty());
  std::vector<std::string> jing_args = {tei_schema()};
  jing_args.insert(jing_args.end(), written.begin(), written.end());
  ProcessResult valid = run_process(jing(), jing_args, 600);
  EXPECT_EQ(valid.exit_code, 0) << "jing on " << written.size() << " TEI files:\n" << valid.out.substr(0, 4000);
  std::cout << "[ INFO     ] " << written.size() << " TEI files validated\n";
}

}  // namespace
}  // namespace marginalia::testing
