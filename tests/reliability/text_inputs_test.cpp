// SPDX-License-Identifier: MIT
// RELIABILITY.md §1 for the plain-text and Markdown readers: encodings, line ends and BOMs,
// sizes and shapes, and cmark's pathological inputs. Inputs are generated here (nothing big is
// committed); each runs the CLI with a hard limit, and every output must be valid.
#include <gtest/gtest.h>

#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

#include "reliability_harness.hpp"
#include "support/test_paths.hpp"

namespace marginalia::testing {
namespace {

struct InputCase {
  std::string name;         ///< file name (its extension picks the reader)
  std::string input;
  std::string expect_code;  ///< a reader error code, or a finding code that must be present, or ""
  double limit_seconds = 30;
};

std::string with(std::initializer_list<std::string> parts) {
  std::string out;
  for (const std::string& p : parts) out += p;
  return out;
}

void run_group(const std::string& group, const std::vector<InputCase>& cases) {
  std::vector<CaseSpec> specs;
  for (const InputCase& c : cases) specs.push_back({c.name, c.input, c.limit_seconds});
  run_case_group(group, specs, [&](std::size_t i, const CaseRun& run, const nlohmann::json& report, bool read_error, const Expect& expect) {
    const InputCase& c = cases[i];
    expect(run.process.exit_code >= 0 && run.process.exit_code <= 2, "a documented exit code");
    if (!read_error) {
      std::string mismatch = check_source_map_property(c.input, run.json);
      expect(mismatch.empty(), "source map: " + mismatch);
    }
    if (!c.expect_code.empty() && run.json_valid) {
      bool found = read_error && report["files"][0]["error"]["code"] == c.expect_code;
      for (const auto& f : report["findings"]) found = found || f["code"] == c.expect_code;
      expect(found, "expected " + c.expect_code);
      if (c.expect_code.rfind("reader/", 0) == 0 && read_error) expect(run.process.exit_code == 2, "a read error exits 2");
    }
  });
}

TEST(ReliabilityText, Encodings) {
  const std::string body = "Title\n\nA claim.1\n";
  run_group("encoding", {
      {"stray-continuation.txt", with({"Title\n\nab\x80" "cd\n"}), "reader/invalid-utf8"},
      {"bad-lead-byte.txt", with({"Title\n\n\xFF\n"}), "reader/invalid-utf8"},
      {"overlong.txt", with({"Title\n\n\xC0\xAF\n"}), "reader/invalid-utf8"},
      {"surrogate.txt", with({"Title\n\n\xED\xA0\x80\n"}), "reader/invalid-utf8"},
      {"above-max.txt", with({"Title\n\n\xF4\x90\x80\x80\n"}), "reader/invalid-utf8"},
      {"cut-at-eof.txt", with({"Title\n\nend \xE2\x82"}), "reader/invalid-utf8"},
      {"latin1.md", with({"# Caf\xE9\n"}), "reader/invalid-utf8"},
      {"utf16le.txt", std::string("\xFF\xFET\0i\0", 6), "reader/unsupported-encoding"},
      {"utf16be.txt", std::string("\xFE\xFF\0T\0i", 6), "reader/unsupported-encoding"},
      {"utf32.txt", std::string("\xFF\xFE\0\0T\0\0\0", 8), "reader/unsupported-encoding"},
      {"noncharacters.txt", with({"Title\n\nA \xEF\xBF\xBE and \xEF\xBF\xBF.1\n"}), "reader/control-character"},
      {"c0-controls.md", with({"# Title\n\nSOH \x01 FF \x0C ESC \x1b[31m end.[^1]\n"}), "reader/control-character"},
      {"nul.txt", std::string("Title\n\nBefore \0 after.1\n", 24), "reader/control-character"},
      {"bidi-override.txt", with({"Title\n\nA \xE2\x80\xAE" "reversed claim.1\n"}), "footnotes/missing-note"},
  });
}

TEST(ReliabilityText, LineEndsAndByteOrderMarks) {
  auto report = [](const std::string& eol) {
    return "Title" + eol + eol + "First claim.1 Second claim\xE2\x80\x99s end.2" + eol + eol + "Notes" + eol + eol + "1. Source, \"T\", 2020." + eol;
  };
  run_group("lines", {
      {"crlf.txt", report("\r\n"), "footnotes/missing-note"},
      {"cr-only.txt", report("\r"), "footnotes/missing-note"},
      {"mixed.txt", "Title\r\n\nFirst claim.1\rSecond.2\n\r\nNotes\n\n1. Source, \"T\", 2020.\r\n", "footnotes/missing-note"},
      {"no-final-newline.md", "# T\n\nA claim.[^1]", "footnotes/missing-note"},
      {"bom.txt", "\xEF\xBB\xBF" + report("\n"), "footnotes/missing-note"},
      {"bom-crlf.md", "\xEF\xBB\xBF# T\r\n\r\nA claim\xE2\x80\x99s end.[^1]\r\n", "footnotes/missing-note"},
  });
}

TEST(ReliabilityText, SizesAndShapes) {
  // 10 MB here; the 100 MB case and the linearity ratio are measured by bench/reliability.
  const std::size_t ten_mb = 10u << 20;
  std::string sentence = "The ministry reported that exports fell sharply in the spring. ";
  std::string markers;
  for (int i = 1; i <= 100000; ++i) markers += "claim" + std::to_string(i) + " ";
  std::string urls;
  for (int i = 0; i < 100000; ++i) urls += "see https://example.org/page/" + std::to_string(i) + " and ";
  run_group("size", {
      {"empty.txt", "", "reader/empty-file"},
      {"one-byte.txt", "a", ""},
      {"ten-mb-one-line.txt", "Title\n\n" + repeat(sentence, ten_mb / sentence.size()) + "\n", "", 120},
      {"million-lines.txt", "Title\n\n" + repeat("a\n", 1000000), "", 120},
      {"ten-mb-no-spaces.txt", "Title\n\n" + std::string(ten_mb, 'x') + "\n", "", 120},
      {"markers-only.txt", "Title\n\n" + repeat(".1 ", 1000) + "\n", "", 60},
      {"hundred-thousand-markers.txt", "Title\n\n" + markers + "\n", "footnotes/missing-note", 120},
      {"hundred-thousand-urls.md", "# Links\n\n" + urls + "\n", "", 120},
  });
}

TEST(ReliabilityText, MarkdownPathologicalCases) {
  // cmark's pathological_tests.py at 50,000 repetitions; each must finish within cmark's 4 s bar
  // (plus our own work), here bounded at 10 s.
  const std::size_t n = 50000;
  run_group("markdown", {
      {"nested-strong-emph.md", repeat("*a **a ", n) + "b" + repeat(" a** a*", n), "", 10},
      {"emph-closers.md", repeat("a_ ", n), "", 10},
      {"emph-openers.md", repeat("_a ", n), "", 10},
      {"link-closers.md", repeat("a]", n), "", 10},
      {"link-openers.md", repeat("[a", n), "", 10},
      {"mismatched.md", repeat("*a_ ", n), "", 10},
      {"nested-brackets.md", repeat("[", n) + "a" + repeat("]", n), "", 10},
      {"nested-block-quotes.md", repeat("> ", n) + "a\n", "", 10},
      {"backticks.md", repeat("e`", n), "", 10},
      {"unclosed-links.md", repeat("[a](<b", n), "", 10},
  });
}

}  // namespace
}  // namespace marginalia::testing
