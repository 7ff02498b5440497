// SPDX-License-Identifier: MIT
// `marginalia check --fix` and `--fix-dry-run` on every format that can be written back (text,
// Markdown, HTML, TEI): the file's bytes after the fix, its line ends, byte-order mark and
// charset kept, markup escaped, unmappable and overlapping fixes left out, the diff of a dry run,
// a second run that changes nothing, and the refusals (Word files, standard input).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/local_http_server.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_paths.hpp"

namespace marginalia::testing {
namespace {

// 3 March 2025 was a Monday: dates/weekday-mismatch proposes "Monday".
const char* kMeeting = "# Minutes\n\nThe board met on Friday, 3 March 2025 in Tallinn.\n";
const char* kMeetingFixed = "# Minutes\n\nThe board met on Monday, 3 March 2025 in Tallinn.\n";

std::string contents(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

ProcessResult check_in(const TempDir& temp, const std::string& arguments, const std::string& stdin_file = "") {
  std::string command = "cd '" + temp.path() + "' && " + marginalia_binary() + " check " + arguments + " --offline --no-cache";
  if (!stdin_file.empty()) command += " < " + stdin_file;
  return run_process("/bin/sh", {"-c", command}, 120);
}

// `name`, holding `before` with a wrong "Friday", is fixed by `--fix` (exit 0) into exactly the
// same bytes with "Monday" in its place.
void expect_friday_fixed_to_monday(const TempDir& temp, const std::string& name, const std::string& before) {
  temp.write(name, before);
  ProcessResult result = check_in(temp, name + " --fix");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  std::string expected = before;
  expected.replace(expected.find("Friday"), 6, "Monday");
  EXPECT_EQ(contents(temp.file(name)), expected);
}

TEST(Fix, MarkdownWeekdayIsFixedInPlaceAndTheRunReportsWhatIsLeft) {
  TempDir temp;
  temp.write("minutes.md", kMeeting);
  ProcessResult result = check_in(temp, "minutes.md --fix --format json");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(contents(temp.file("minutes.md")), kMeetingFixed);
  EXPECT_EQ(result.out.find("weekday-mismatch"), std::string::npos) << "the report is of the fixed file: " << result.out;
  EXPECT_NE(result.err.find("fixed 1 finding in 1 file"), std::string::npos) << result.err;
}

TEST(Fix, TheFindingsLeftAfterFixingDecideTheExitCode) {
  TempDir temp;
  // The weekday is fixed; the marker without a note (an error) cannot be, so the run still fails.
  temp.write("minutes.md", std::string(kMeeting) + "\nThe vote was close.[^1]\n");
  ProcessResult result = check_in(temp, "minutes.md --fix");
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_NE(contents(temp.file("minutes.md")).find("on Monday, 3 March"), std::string::npos);
  EXPECT_EQ(result.out.find("weekday-mismatch"), std::string::npos) << result.out;
}

TEST(Fix, ASecondRunChangesNothing) {
  TempDir temp;
  temp.write("minutes.md", kMeeting);
  ASSERT_EQ(check_in(temp, "minutes.md --fix").exit_code, 0);
  ProcessResult again = check_in(temp, "minutes.md --fix");
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(contents(temp.file("minutes.md")), kMeetingFixed);
  EXPECT_NE(again.err.find("fixed 0 findings in 0 files"), std::string::npos) << again.err;
}

TEST(Fix, PlainTextKeepsItsByteOrderMarkAndCrlfLineEnds) {
  TempDir temp;
  temp.write("minutes.txt", "\xEF\xBB\xBFMinutes\r\n\r\nThe board met on Friday, 3 March 2025.\r\nNothing else.\r\n");
  ProcessResult result = check_in(temp, "minutes.txt --fix");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(contents(temp.file("minutes.txt")), "\xEF\xBB\xBFMinutes\r\n\r\nThe board met on Monday, 3 March 2025.\r\nNothing else.\r\n");
}

TEST(Fix, HtmlInALegacyCharsetIsWrittenBackInThatCharset) {
  TempDir temp;
  // Latin-1: "é" is the single byte E9, and must stay so (not become UTF-8's C3 A9).
  std::string page = "<html><head><meta charset=\"iso-8859-1\"><title>Proc\xE8s-verbal</title></head><body>\n"
                     "<p>La r\xE9union eut lieu on Friday, 3 March 2025 \xE0 Tallinn.</p>\n</body></html>\n";
  expect_friday_fixed_to_monday(temp, "minutes.html", page);
}

TEST(Fix, AUtf16FileIsNotReadSoNeverRewritten) {
  TempDir temp;
  std::string utf16 = std::string("\xFF\xFE", 2);
  for (char c : std::string(kMeeting)) utf16 += std::string(1, c) + std::string(1, '\0');
  temp.write("minutes.txt", utf16);
  ProcessResult result = check_in(temp, "minutes.txt --fix");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.out.find("reader/unsupported-encoding"), std::string::npos) << result.out;
  EXPECT_EQ(contents(temp.file("minutes.txt")), utf16);
}

TEST(Fix, TeiIsFixedInItsTextAndStaysWellFormed) {
  TempDir temp;
  std::string tei = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n"
                    "  <teiHeader><fileDesc><titleStmt><title>Minutes</title></titleStmt><publicationStmt><p>draft</p></publicationStmt>"
                    "<sourceDesc><p>none</p></sourceDesc></fileDesc></teiHeader>\n"
                    "  <text><body>\n    <p>The board met on <hi>Friday, 3 March 2025</hi> in Tallinn.</p>\n  </body></text>\n</TEI>\n";
  expect_friday_fixed_to_monday(temp, "minutes.xml", tei);
  if (!jing().empty() && std::ifstream(tei_schema())) {
    ProcessResult valid = run_process(jing(), {tei_schema(), temp.file("minutes.xml")});
    EXPECT_EQ(valid.exit_code, 0) << valid.out << valid.err;
  }
}

// A house style whose substitution puts an "&" in the text: "Smith and Sons" → "Smith & Sons".
void write_firm_name_style(const TempDir& temp) {
  temp.write("styles/house/firm-names.yml", "kind: substitution\nmessage: \"write '{replacement}'\"\nswap:\n  Smith and Sons: Smith & Sons\n");
  temp.write("marginalia.json", R"({"plugins": {"rules": {"options": {"styles": ["styles/house"]}}}})");
}

TEST(Fix, AReplacementInHtmlIsEscapedForTheMarkup) {
  TempDir temp;
  write_firm_name_style(temp);
  temp.write("page.html", "<html><body><p>Audited by Smith and Sons in 2024.</p></body></html>\n");
  ProcessResult result = check_in(temp, "page.html --fix");
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_EQ(contents(temp.file("page.html")), "<html><body><p>Audited by Smith &amp; Sons in 2024.</p></body></html>\n");
}

TEST(Fix, SarifCarriesTheSameEditsAsFix) {
  TempDir temp;
  write_firm_name_style(temp);
  temp.write("page.html", "<html><body><p>Audited by Smith and Sons on Fri&#100;ay, 3 March 2025.</p></body></html>\n");
  ProcessResult result = check_in(temp, "page.html --format sarif");
  nlohmann::json sarif = nlohmann::json::parse(result.out, nullptr, false);
  ASSERT_FALSE(sarif.is_discarded()) << result.out << result.err;
  int with_fix = 0;
  for (const nlohmann::json& r : sarif["runs"][0]["results"]) {
    if (!r.contains("fixes")) {
      EXPECT_EQ(r["ruleId"], "dates/weekday-mismatch") << "the weekday runs over a character reference: no fix to apply";
      continue;
    }
    ++with_fix;
    const nlohmann::json& replacement = r["fixes"][0]["artifactChanges"][0]["replacements"][0];
    EXPECT_EQ(replacement["insertedContent"]["text"], "Smith &amp; Sons");
    EXPECT_EQ(replacement["deletedRegion"]["startColumn"], 27);
    EXPECT_EQ(replacement["deletedRegion"]["endColumn"], 41);
  }
  EXPECT_EQ(with_fix, 1);
}

TEST(Fix, AFixWhoseTextIsNotWrittenVerbatimIsSkippedAndSaidSo) {
  TempDir temp;
  // "Friday" is written with a character reference: its text has no single place in the file.
  std::string page = "<html><body><p>The board met on Fri&#100;ay, 3 March 2025.</p></body></html>\n";
  temp.write("minutes.html", page);
  ProcessResult result = check_in(temp, "minutes.html --fix");
  EXPECT_EQ(contents(temp.file("minutes.html")), page);
  EXPECT_NE(result.err.find("minutes.html:1:33: fix of [dates/weekday-mismatch] not applied: the text is not written verbatim"), std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("1 fix not applied"), std::string::npos) << result.err;
  EXPECT_NE(result.out.find("weekday-mismatch"), std::string::npos) << "the finding is still reported: " << result.out;
}

TEST(Fix, OfOverlappingFixesOnlyTheFirstIsApplied) {
  TempDir temp;
  // A house rule proposing "Fri." over the same word the weekday check proposes "Monday" for.
  temp.write("styles/house/short-days.yml", "kind: substitution\nmessage: \"write '{replacement}'\"\nswap:\n  Friday: Fri.\n");
  temp.write("marginalia.json", R"({"plugins": {"rules": {"options": {"styles": ["styles/house"]}}}})");
  temp.write("minutes.md", kMeeting);
  ProcessResult result = check_in(temp, "minutes.md --fix");
  EXPECT_EQ(contents(temp.file("minutes.md")), kMeetingFixed) << result.err;
  EXPECT_NE(result.err.find("fixed 1 finding in 1 file"), std::string::npos) << "the word the rule matched is gone: " << result.err;
}

TEST(Fix, AMovedUrlIsFixedWhereverItIsCitedButNotInALinkThatWritesItTwice) {
  LocalHttpServer server;
  if (!server.ok()) GTEST_SKIP() << "python3 is needed";
  TempDir temp;
  std::string moved = server.url("/redirect/301/report");
  std::string twice = server.url("/redirect/308/data");
  // A slash missing after the scheme; the fixed URL is then checked too, on this test's server.
  std::string typo = server.url("/ok");
  typo.erase(typo.find("//"), 1);
  std::string text = "# Sources\n\nSee <" + moved + "> and, again, " + moved + ".\n\nThe data: [" + twice + "](" + twice +
                     ").\n\nA typo: " + typo + ".\n";
  temp.write("sources.md", text);
  ProcessResult result = run_process("/bin/sh", {"-c", "cd '" + temp.path() + "' && " + marginalia_binary() +
                                                           " check sources.md --fix --allow-net 127.0.0.1/32 --no-cache"});
  // Both citations of the moved URL: the second is fixed in the second pass.
  std::string expected = text;
  for (std::size_t at; (at = expected.find(moved)) != std::string::npos;) expected.replace(at, moved.size(), server.url("/redirect/end/report"));
  expected.replace(expected.find(typo), typo.size(), server.url("/ok"));
  EXPECT_EQ(contents(temp.file("sources.md")), expected) << result.err;
  EXPECT_NE(result.err.find("fix of [urls/redirected] not applied: the link's address is also written in its markup"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("fixed 3 findings in 1 file"), std::string::npos) << result.err;
}

TEST(Fix, DryRunPrintsAUnifiedDiffAndChangesNothing) {
  TempDir temp;
  std::string text = "# Minutes\n\nOne.\n\nTwo.\n\nThe board met on Friday, 3 March 2025 in Tallinn.\n\nThree.\n\nFour.\n";
  temp.write("minutes.md", text);
  ProcessResult result = check_in(temp, "minutes.md --fix-dry-run");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(contents(temp.file("minutes.md")), text);
  std::string diff = "--- minutes.md\n+++ minutes.md\n@@ -4,7 +4,7 @@\n \n Two.\n \n"
                     "-The board met on Friday, 3 March 2025 in Tallinn.\n+The board met on Monday, 3 March 2025 in Tallinn.\n \n Three.\n \n";
  EXPECT_EQ(result.out.substr(0, diff.size()), diff) << result.out;
  EXPECT_NE(result.err.find("--fix-dry-run: 1 fix would be applied in 1 file"), std::string::npos) << result.err;
  // The diff is a patch: applied, it gives what --fix writes.
  temp.write("fix.diff", result.out.substr(0, diff.size()));
  ProcessResult patched = run_process("/bin/sh", {"-c", "cd '" + temp.path() + "' && patch -s -p0 < fix.diff"});
  if (patched.exit_code == 127) GTEST_SKIP() << "patch is not installed";
  EXPECT_EQ(patched.exit_code, 0) << patched.out << patched.err;
  EXPECT_EQ(contents(temp.file("minutes.md")).find("Friday"), std::string::npos);
}

TEST(Fix, DryRunReadsStandardInputAndNamesIt) {
  TempDir temp;
  temp.write("draft.md", kMeeting);
  ProcessResult result = check_in(temp, "- --stdin-filename minutes.md --fix-dry-run", "draft.md");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out.rfind("--- minutes.md\n+++ minutes.md\n@@ -1,3 +1,3 @@\n", 0), 0u) << result.out;
}

TEST(Fix, RefusedForStandardInputAndForWordFiles) {
  TempDir temp;
  temp.write("draft.md", kMeeting);
  ProcessResult from_stdin = check_in(temp, "- --fix", "draft.md");
  EXPECT_EQ(from_stdin.exit_code, 2);
  EXPECT_NE(from_stdin.err.find("--fix rewrites files and standard input is none"), std::string::npos) << from_stdin.err;
  ProcessResult word = check_in(temp, "draft.docx --fix");
  EXPECT_EQ(word.exit_code, 2);
  EXPECT_NE(word.err.find("--annotate OUT.docx --annotate-fixes"), std::string::npos) << word.err;
  ProcessResult both = check_in(temp, "draft.md --fix --fix-dry-run");
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_EQ(contents(temp.file("draft.md")), kMeeting);
}

}  // namespace
}  // namespace marginalia::testing
