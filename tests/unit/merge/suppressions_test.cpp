// SPDX-License-Identifier: MIT
#include "merge/suppressions.hpp"

#include <gtest/gtest.h>

#include "readers/reader_registry.hpp"

namespace marginalia::merge {
namespace {

TEST(Suppressions, ReadsTheDirectiveOfEachFormatWithItsCodesAndReason) {
  auto md = parse_suppressions("x\n<!-- marginalia-disable-next-line dates/weekday-mismatch, footnotes/empty-note -- checked with the minutes -->\n", "markdown");
  ASSERT_EQ(md.size(), 1u);
  EXPECT_EQ(md[0].kind, DirectiveKind::disable_next_line);
  EXPECT_EQ(md[0].codes.size(), 2u);
  EXPECT_EQ(md[0].reason, "checked with the minutes");
  EXPECT_TRUE(md[0].error.empty());
  auto text = parse_suppressions("[marginalia-disable-next-line footnotes/missing-note -- notes follow]\n", "text");
  ASSERT_EQ(text.size(), 1u);
  EXPECT_EQ(text[0].codes[0], "footnotes/missing-note");
  auto tei = parse_suppressions("<p>a</p><?marginalia-disable dates/mixed-styles -- house style?>", "tei");
  ASSERT_EQ(tei.size(), 1u);
  EXPECT_EQ(tei[0].kind, DirectiveKind::disable);
}

TEST(Suppressions, RequiresAReason) {
  auto directives = parse_suppressions("<!-- marginalia-disable-next-line footnotes/missing-note -->\n", "markdown");
  ASSERT_EQ(directives.size(), 1u);
  EXPECT_FALSE(directives[0].error.empty());
}

TEST(Suppressions, IgnoresCommentsThatAreNotDirectives) {
  EXPECT_TRUE(parse_suppressions("<!-- a comment about marginalia -->\n[not a directive]\n", "markdown").empty());
}

DocumentReport report_with_missing_note(const std::string& text) {
  readers::ReadResult read = readers::read_bytes("r.txt", text, {});
  EXPECT_TRUE(read.document);
  host::PluginRunResult run;
  run.plugin_id = "footnotes";
  for (const sdk::NoteRef& ref : read.document->document.note_refs)
    run.findings.push_back({"footnotes/missing-note", sdk::Severity::error, ref.span, "marker " + ref.label, {}, std::nullopt});
  sdk::PluginInfo info{"footnotes", "1", "", "", {}, "{}", ""};
  return merge_document(std::move(*read.document), {run}, {&info}, {});
}

SuppressionSettings settings() {
  SuppressionSettings s;
  s.declared_codes["footnotes"] = {"footnotes/missing-note", "footnotes/empty-note"};
  s.declared_codes["host"] = {"host/unused-suppression", "host/invalid-suppression"};
  return s;
}

TEST(Suppressions, SilencesTheNextLineCountsItAndReportsUnusedAndUnknownOnes) {
  DocumentReport report = report_with_missing_note(
      "Title\n\n[marginalia-disable-next-line footnotes/missing-note -- the author adds it]\nA claim.1\n\n"
      "[marginalia-disable-next-line footnotes/empty-note -- stale]\nNothing here.\n\n"
      "[marginalia-disable-next-line footnotes/no-such-code -- typo]\nAnother.2\n");
  apply_suppressions(report, settings());
  EXPECT_EQ(report.suppressed_count, 1u);
  std::vector<std::string> codes;
  for (const ReportedFinding& f : report.findings) codes.push_back(f.finding.code + "@" + std::to_string(f.begin.line));
  EXPECT_EQ(codes, (std::vector<std::string>{"host/unused-suppression@6", "host/invalid-suppression@9", "footnotes/missing-note@10"}));
}

TEST(Suppressions, DisableAndEnableBlocksSilenceEverythingBetween) {
  DocumentReport report = report_with_missing_note(
      "Title\n\n[marginalia-disable footnotes/missing-note -- draft section]\nA claim.1\n\nMore.2\n\n"
      "[marginalia-enable footnotes/missing-note]\nLast.3\n");
  apply_suppressions(report, settings());
  EXPECT_EQ(report.suppressed_count, 2u);
  ASSERT_EQ(report.findings.size(), 1u);
  EXPECT_EQ(report.findings[0].begin.line, 9u);
}

TEST(Suppressions, CodesTurnedOffInTheConfigurationAreDropped) {
  DocumentReport report = report_with_missing_note("Title\n\nA claim.1\n");
  SuppressionSettings s = settings();
  s.disabled_codes = {"footnotes/missing-note"};
  apply_suppressions(report, s);
  EXPECT_TRUE(report.findings.empty());
}

}  // namespace
}  // namespace marginalia::merge
