// SPDX-License-Identifier: MIT
// The marginalia binary end to end, as a user runs it: the seed report, the samples, exit codes,
// TEI validated by jing, byte-identical repeat runs.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_paths.hpp"

namespace marginalia::testing {
namespace {

using nlohmann::json;

// Byte offset of 1-based line:column (columns in code points) in `text`.
std::size_t offset_of(const std::string& text, unsigned line, unsigned column) {
  std::size_t pos = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  for (unsigned l = 1; l < line; ++l) pos = text.find('\n', pos) + 1;
  for (unsigned c = 1; c < column; ++c) {
    ++pos;
    while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
  }
  return pos;
}

json check_json(const std::string& path, const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args = {"check", path, "--format", "json", "--offline", "--no-cache"};
  args.insert(args.end(), extra.begin(), extra.end());
  ProcessResult result = run_marginalia(args);
  EXPECT_FALSE(result.timed_out);
  json parsed = json::parse(result.out, nullptr, false);
  EXPECT_FALSE(parsed.is_discarded()) << "not JSON: " << result.out.substr(0, 200) << result.err;
  return parsed;
}

void expect_valid_tei(const std::vector<std::string>& files) {
  if (jing().empty() || tei_schema().empty()) {
    std::cout << "[ SKIPPED  ] jing or ../shared/tei/tei_all.rng not available: TEI not validated\n";
    return;
  }
  std::vector<std::string> args = {tei_schema()};
  args.insert(args.end(), files.begin(), files.end());
  ProcessResult result = run_process(jing(), args, 120);
  EXPECT_EQ(result.exit_code, 0) << "jing: " << result.out;
}

std::set<std::string> positions(const json& report, const std::string& plugin) {
  std::set<std::string> out;
  for (const json& f : report["findings"])
    if (f["plugin"] == plugin)
      out.insert(std::to_string(f["line"].get<int>()) + ":" + std::to_string(f["column"].get<int>()) + " " + f["code"].get<std::string>());
  return out;
}

TEST(SeedReport, ReportsExactlyTheTwentyFourMarkersWithoutANoteAtTheirOwnPositions) {
  if (seed_report().empty()) GTEST_SKIP() << "../shared/seeds/000_a6c07b14fbcfaecc.txt is not present";
  json report = check_json(seed_report());
  const std::string source = read_file(seed_report());
  std::set<std::string> labels;
  for (const json& f : report["findings"]) {
    EXPECT_EQ(f["code"], "footnotes/missing-note") << f.dump();
    // The source-map property: the file's bytes at line:column are the marker itself.
    std::string text = f["text"];
    std::size_t at = offset_of(source, f["line"], f["column"]);
    EXPECT_EQ(source.substr(at, text.size()), text) << f.dump();
    labels.insert(text);
  }
  EXPECT_EQ(report["findings"].size(), 24u);
  EXPECT_EQ(labels.size(), 24u);
  for (int n = 1; n <= 24; ++n) EXPECT_TRUE(labels.count(std::to_string(n))) << "marker " << n;
}

TEST(SeedReport, ExitsOneAndWritesValidTei) {
  if (seed_report().empty()) GTEST_SKIP() << "../shared/seeds/000_a6c07b14fbcfaecc.txt is not present";
  TempDir temp;
  std::string tei = temp.file("seed.tei.xml");
  ProcessResult result = run_marginalia({"check", seed_report(), "--tei", tei, "--offline", "--no-cache"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.out.find("24 errors"), std::string::npos) << result.out;
  EXPECT_NE(result.err.find("TEI written to " + tei), std::string::npos) << result.err;
  std::string xml = read_file(tei);
  EXPECT_NE(xml.find("<date when=\"2024-07-23\">"), std::string::npos) << "the dateline is the document's date";
  EXPECT_NE(xml.find("type=\"noteAnchor\" n=\"24\""), std::string::npos);
  expect_valid_tei({tei});
}

TEST(Samples, PlainTextSampleHasExactlyItsPlantedFootnoteDefects) {
  json report = check_json(source_dir() + "/samples/report-with-footnote-defects.txt");
  EXPECT_EQ(positions(report, "footnotes"), (std::set<std::string>{"23:303 footnotes/out-of-order", "29:135 footnotes/missing-note",
                                                                     "35:4 footnotes/note-without-source", "39:1 footnotes/empty-note",
                                                                     "40:4 footnotes/orphan-note"}));
}

TEST(Samples, PlainTextSampleHasItsPlantedDateAndQuotationDefects) {
  json report = check_json(source_dir() + "/samples/report-with-footnote-defects.txt");
  EXPECT_EQ(positions(report, "dates"), (std::set<std::string>{"15:286 dates/date-after-document", "23:121 dates/weekday-mismatch",
                                                                 "33:49 dates/date-after-document"}));
  EXPECT_EQ(positions(report, "quotes"), (std::set<std::string>{"17:35 quotes/missing-speaker"}));
  for (const json& f : report["findings"]) {
    if (f["code"] == "dates/weekday-mismatch") {
      EXPECT_EQ(f["replacement"], "Wednesday");
    }
  }
}

TEST(Samples, MarkdownSampleHasExactlyItsPlantedFootnoteDefects) {
  json report = check_json(source_dir() + "/samples/report-with-footnote-defects.md");
  EXPECT_EQ(positions(report, "footnotes"),
            (std::set<std::string>{"19:73 footnotes/missing-note", "27:6 footnotes/empty-note", "30:7 footnotes/orphan-note"}));
  EXPECT_EQ(report["files"][0]["date"], "2024-05-06") << "the front matter gives the document date";
}

TEST(Samples, CleanReportExitsZero) {
  ProcessResult result = run_marginalia({"check", source_dir() + "/samples/clean-report.md", "--offline", "--no-cache"});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_NE(result.out.find("0 errors, 0 warnings"), std::string::npos) << result.out;
}

TEST(Samples, EveryTeiOutputValidatesAgainstTheTeiSchema) {
  TempDir temp;
  std::vector<std::string> inputs = {source_dir() + "/samples/report-with-footnote-defects.txt",
                                     source_dir() + "/samples/report-with-footnote-defects.md", source_dir() + "/samples/clean-report.md"};
  for (const auto& entry : std::filesystem::directory_iterator(source_dir() + "/plugins/footnotes/tests/invalid"))
    inputs.push_back(entry.path().string());
  std::vector<std::string> args = {"check"};
  args.insert(args.end(), inputs.begin(), inputs.end());
  for (const char* flag : {"--format", "tei", "-o", "", "--offline", "--no-cache"}) args.push_back(flag);
  args[args.size() - 3] = temp.path();
  ProcessResult result = run_marginalia(args);
  EXPECT_NE(result.exit_code, 2) << result.err;
  // Inputs from several folders keep their folders under the output folder.
  std::vector<std::string> outputs;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(temp.path()))
    if (entry.is_regular_file()) outputs.push_back(entry.path().string());
  EXPECT_EQ(outputs.size(), inputs.size());
  expect_valid_tei(outputs);
}

TEST(Output, IsByteIdenticalOnEveryRun) {
  std::string input = source_dir() + "/samples/report-with-footnote-defects.txt";
  ProcessResult first = run_marginalia({"check", input, "--format", "json", "--offline", "--no-cache"});
  ProcessResult second = run_marginalia({"check", input, "--format", "json", "--offline", "--no-cache"});
  EXPECT_EQ(first.out, second.out);
  ProcessResult tei1 = run_marginalia({"check", input, "--format", "tei", "--offline", "--no-cache"});
  ProcessResult tei2 = run_marginalia({"check", input, "--format", "tei", "--offline", "--no-cache"});
  EXPECT_EQ(tei1.out, tei2.out);
  EXPECT_FALSE(tei1.out.empty());
}

TEST(Output, IsByteIdenticalWhateverTheJobCount) {
  // Many Markdown files at once: cmark-gfm's process-wide state once made bare URLs vanish
  // from documents parsed while another parser was freed.
  TempDir temp;
  std::string markdown = read_file(source_dir() + "/samples/report-with-footnote-defects.md");
  std::string text = read_file(source_dir() + "/samples/report-with-footnote-defects.txt");
  std::vector<std::string> inputs;
  for (int i = 0; i < 12; ++i) inputs.push_back(temp.write("report-" + std::to_string(i) + (i % 3 ? ".md" : ".txt"), i % 3 ? markdown : text));
  auto run = [&](const std::string& jobs, const std::string& format) {
    std::vector<std::string> args = {"check"};
    args.insert(args.end(), inputs.begin(), inputs.end());
    for (const std::string& a : {std::string("--format"), format, std::string("--jobs"), jobs, std::string("--offline"), std::string("--no-cache")})
      args.push_back(a);
    return run_marginalia(args).out;
  };
  std::string reference = run("1", "json");
  ASSERT_FALSE(reference.empty());
  for (const char* jobs : {"2", "4", "12"})
    for (int repeat = 0; repeat < 2; ++repeat) EXPECT_EQ(run(jobs, "json"), reference) << "--jobs " << jobs;
}

TEST(Terminal, PrintsPathLineColumnSeverityMessageAndCodeWithACaret) {
  ProcessResult result = run_marginalia({"check", source_dir() + "/samples/report-with-footnote-defects.md", "--offline", "--no-cache"});
  std::string expected = "samples/report-with-footnote-defects.md:19:73: error: footnote marker 5 has no note";
  EXPECT_NE(result.out.find(expected), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("[footnotes/missing-note]"), std::string::npos);
  EXPECT_NE(result.out.find("^"), std::string::npos);
  EXPECT_EQ(result.out.find("\033["), std::string::npos) << "no colour on a pipe or with NO_COLOR";
}

TEST(Commands, PluginsListsTheFootnotesPluginAndItsCodes) {
  ProcessResult result = run_marginalia({"plugins"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("footnotes 1.0.0"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("footnotes/missing-note"), std::string::npos);
}

TEST(Commands, ExplainPrintsACodesDocumentationFromThePluginReadme) {
  ProcessResult result = run_marginalia({"explain", "footnotes/missing-note"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("### footnotes/missing-note"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("Fix:"), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("### footnotes/orphan-note"), std::string::npos) << "only the one section";
  ProcessResult core = run_marginalia({"explain", "reader/invalid-utf8"});
  EXPECT_EQ(core.exit_code, 0);
  EXPECT_NE(core.out.find("byte"), std::string::npos);
  ProcessResult unknown = run_marginalia({"explain", "footnotes/no-such-code"});
  EXPECT_EQ(unknown.exit_code, 2);
}

TEST(Commands, UsageErrorsExitTwoWithAMessage) {
  ProcessResult none = run_marginalia({});
  EXPECT_EQ(none.exit_code, 2);
  ProcessResult bad = run_marginalia({"check", "--format", "pdf", "x.txt"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("unknown format 'pdf'"), std::string::npos) << bad.err;
  ProcessResult help = run_marginalia({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("exit codes:"), std::string::npos);
}

}  // namespace
}  // namespace marginalia::testing
