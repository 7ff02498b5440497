// SPDX-License-Identifier: MIT
// Issue 13, "hostile inputs": shapes that once hung or killed the run. Each runs the CLI with a
// hard limit far above what the fixed code needs and far below what the old code took, so a
// regression shows up as a timeout or a signal rather than a slow pass. The scaling of these
// shapes is measured by bench/scaling, not timed here.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "reliability_harness.hpp"
#include "support/test_paths.hpp"

namespace marginalia::testing {
namespace {

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::size_t findings_with(const nlohmann::json& report, const std::string& code) {
  std::size_t n = 0;
  for (const auto& f : report["findings"]) n += f["code"] == code;
  return n;
}

TEST(ReliabilityHostile, OneLongLineWithManyFindings) {
  // The terminal excerpt copied the whole line for every finding and each column was counted
  // from the line's start: 20,000 markers on one line took more than 60 s; now about a second.
  std::string markers, notes;
  for (int i = 1; i <= 20000; ++i) markers += "claim[^" + std::to_string(i) + "] ";
  std::string minified = "<html><body><p>";
  for (int i = 1; i <= 5000; ++i) minified += "A claim.<sup><a href=\"#fn" + std::to_string(i) + "\">" + std::to_string(i) + "</a></sup> ";
  minified += "</p></body></html>";
  std::vector<CaseSpec> cases = {
      {"markers-on-one-line.md", "# Title\n\n" + markers + "\n", 30},
      {"minified-page.html", minified, 30},
      {"wide-characters-on-one-line.md", "# Title\n\n" + repeat("\xE2\x80\x9C" "quoted\xE2\x80\x9D claim[^9] ", 20000) + "\n", 30},
  };
  run_case_group("long lines", cases, [&](std::size_t i, const CaseRun& run, const nlohmann::json& report, bool, const Expect& expect) {
    expect(run.process.exit_code == 1, "exits 1 (findings)");
    if (i != 1) expect(findings_with(report, "footnotes/missing-note") >= 20000, "every missing note is reported");
    std::string mismatch = check_source_map_property(cases[i].input, run.json);
    expect(mismatch.empty(), "source map: " + mismatch);
    // The excerpt under the last finding shows the line's end, not its whole length.
    expect(run.process.out.size() < 400 * report["findings"].size() + 4096, "excerpts are windows, not whole lines");
  });
}

TEST(ReliabilityHostile, DeeplyNestedDivisionsWithHeads) {
  // 100,000 nested <div><head>: the TEI writer indented every level, quadratic in depth (20,000
  // levels wrote 1.2 GB; 100,000 ended in std::bad_alloc). Indentation now stops at a cap.
  const std::string tei = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>"
                          "<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader><text><body>";
  const std::size_t depth = 100000;
  std::string input = tei + repeat("<div><head>h</head>", depth) + "<p>deep</p>" + repeat("</div>", depth) + "</body></text></TEI>";
  std::vector<CaseSpec> cases = {{"nested-div-head-1e5.xml", input, 60}};
  run_case_group("deep TEI", cases, [&](std::size_t, const CaseRun& run, const nlohmann::json&, bool read_error, const Expect& expect) {
    expect(run.process.exit_code == 0 || run.process.exit_code == 1 || read_error, "exits 0 or 1");
    expect(run.tei.size() < 100 * input.size(), "the TEI output stays linear in the input");
  });
}

TEST(ReliabilityHostile, Utf16WithoutAByteOrderMarkIsNamed) {
  // Once called "binary (… NUL bytes)", which sends the user looking for the wrong problem.
  std::string little, big;
  for (char c : std::string("Title\n\nA claim about exports in 2023.1\n")) {
    little += std::string{c, '\0'};
    big += std::string{'\0', c};
  }
  std::vector<CaseSpec> cases = {{"utf16le-no-bom.txt", little, 30}, {"utf16be-no-bom.md", big, 30}};
  run_case_group("UTF-16 without BOM", cases, [&](std::size_t, const CaseRun& run, const nlohmann::json& report, bool read_error, const Expect& expect) {
    expect(read_error, "a read error");
    expect(run.process.exit_code == 2, "exits 2");
    if (!read_error) return;
    const nlohmann::json& error = report["files"][0]["error"];
    expect(error["code"] == "reader/unsupported-encoding", "reader/unsupported-encoding");
    expect(error["message"].get<std::string>().find("looks like UTF-16") != std::string::npos, "the message says UTF-16");
  });
}

TEST(ReliabilityHostile, RunningOutOfMemoryIsExitTwoWithAMessageNotAnAbort) {
  // Under a 150 MB address-space limit a 20 MB report cannot be checked. An uncaught
  // std::bad_alloc used to end the process with SIGABRT; the top-level handler makes it exit 2.
  TempDir temp;
  std::string input = temp.write("big.txt", "Title\n\n" + repeat("The ministry reported that exports fell sharply in 2023.1 ", 340000) + "\n");
  std::string command = "ulimit -v 150000 && exec '" + marginalia_binary() + "' check '" + input +
                        "' --offline --no-cache --isolation none --jobs 1 --format json -o '" + temp.file("out.json") + "'";
  ProcessResult run = run_process("/bin/sh", {"-c", command}, 120);
  EXPECT_EQ(run.signal, 0);
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_NE(run.err.find("marginalia: out of memory"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace marginalia::testing
