// SPDX-License-Identifier: MIT
#include "merge/fix_plan.hpp"

#include <gtest/gtest.h>

#include <string>

#include "readers/reader_registry.hpp"

namespace marginalia::merge {
namespace {

// A document read from `bytes` as `path` with findings proposing `replacement` for each
// occurrence of the texts in `fixes` (in order), as a plugin would report them.
DocumentReport report_of(const std::string& path, const std::string& bytes,
                                const std::vector<std::pair<std::string, std::string>>& fixes) {
  readers::ReadResult read = readers::read_bytes(path, bytes, {});
  EXPECT_TRUE(read.document) << (read.error ? read.error->message : "");
  DocumentReport report{std::move(*read.document), {}, {}, {}, true, 0, {}};
  const std::string& text = report.loaded.document.text;
  for (const auto& [old_text, replacement] : fixes) {
    std::size_t at = text.find(old_text);
    EXPECT_NE(at, std::string::npos) << old_text;
    ReportedFinding reported;
    reported.finding.code = "test/fix";
    reported.finding.span = {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + old_text.size())};
    reported.finding.replacement = replacement;
    reported.begin = report.loaded.source_map.position(reported.finding.span.begin);
    report.findings.push_back(std::move(reported));
  }
  return report;
}

std::string applied(const DocumentReport& report, const FixPlan& plan) {
  std::string out = report.loaded.source_map.source();
  for (auto edit = plan.edits.rbegin(); edit != plan.edits.rend(); ++edit) out.replace(edit->begin, edit->end - edit->begin, edit->text);
  return out;
}

TEST(FixPlan, EditsTheFileBytesWhereTheTextWasWritten) {
  DocumentReport report = report_of("a.md", "# Title\n\nMet on *Friday*, 3 March 2025.\n", {{"Friday", "Monday"}});
  FixPlan plan = plan_fixes(report);
  ASSERT_EQ(plan.edits.size(), 1u);
  EXPECT_EQ(applied(report, plan), "# Title\n\nMet on *Monday*, 3 March 2025.\n");
}

TEST(FixPlan, EscapesTheReplacementForHtmlAndTei) {
  DocumentReport html = report_of("a.html", "<p>Smith and Sons</p>\n", {{"and", "& <co>"}});
  EXPECT_EQ(applied(html, plan_fixes(html)), "<p>Smith &amp; &lt;co&gt; Sons</p>\n");
  DocumentReport markdown = report_of("a.md", "Smith and Sons\n", {{"and", "&"}});
  EXPECT_EQ(applied(markdown, plan_fixes(markdown)), "Smith & Sons\n") << "Markdown text takes a bare ampersand";
}

TEST(FixPlan, SkipsTextThatSpansMarkupOrAnEntity) {
  DocumentReport report = report_of("a.html", "<p>Smith &amp; Sons, <b>Fri</b>day</p>\n", {{"Smith & Sons", "Smith and Sons"}, {"Friday", "Monday"}});
  FixPlan plan = plan_fixes(report);
  EXPECT_TRUE(plan.edits.empty());
  ASSERT_EQ(plan.skipped.size(), 2u);
  EXPECT_NE(plan.skipped[0].reason.find("not written verbatim"), std::string::npos);
}

TEST(FixPlan, OfOverlappingFixesTheFirstWinsAndTheSameFixTwiceIsOneEdit) {
  DocumentReport report = report_of("a.txt", "Met on Friday, 3 March.\n", {{"Friday", "Monday"}, {"Friday, 3", "Fri 3"}, {"Friday", "Monday"}});
  FixPlan plan = plan_fixes(report);
  ASSERT_EQ(plan.edits.size(), 1u);
  EXPECT_EQ(plan.fixed.size(), 2u) << "the repeated proposal is fixed by the same edit";
  ASSERT_EQ(plan.skipped.size(), 1u);
  EXPECT_EQ(plan.skipped[0].finding, &report.findings[1]);
  EXPECT_NE(plan.skipped[0].reason.find("overlaps the fix of test/fix at 1:8"), std::string::npos) << plan.skipped[0].reason;
  EXPECT_EQ(applied(report, plan), "Met on Monday, 3 March.\n");
}

TEST(FixPlan, LeavesALinkWhoseAddressIsAlsoInItsMarkup) {
  const std::string old_url = "http://example.org/old";
  DocumentReport html = report_of("a.html", "<p><a href=\"" + old_url + "\">" + old_url + "</a></p>\n", {{old_url, "https://example.org/new"}});
  EXPECT_TRUE(plan_fixes(html).edits.empty()) << "the href would keep the old address";
  DocumentReport inline_link = report_of("a.md", "See [" + old_url + "](" + old_url + ").\n", {{old_url, "https://example.org/new"}});
  EXPECT_TRUE(plan_fixes(inline_link).edits.empty());
  DocumentReport autolink = report_of("a.md", "See <" + old_url + ">.\n", {{old_url, "https://example.org/new"}});
  EXPECT_EQ(applied(autolink, plan_fixes(autolink)), "See <https://example.org/new>.\n") << "an autolink writes its address once";
}

TEST(FixPlan, KeepsTheFileLineEndsInAReplacementThatBreaksALine) {
  DocumentReport report = report_of("a.txt", "one two\r\nthree\r\n", {{"two", "two\nand a half"}});
  EXPECT_EQ(applied(report, plan_fixes(report)), "one two\r\nand a half\r\nthree\r\n");
}

}  // namespace
}  // namespace marginalia::merge
