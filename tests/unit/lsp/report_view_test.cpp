// SPDX-License-Identifier: MIT
#include "lsp/report_view.hpp"

#include <gtest/gtest.h>

#include "readers/reader_registry.hpp"

namespace marginalia::lsp {
namespace {

TEST(HeadingAnchor, FollowsGitHubsRule) {
  EXPECT_EQ(heading_anchor("dates/weekday-mismatch"), "datesweekday-mismatch");
  EXPECT_EQ(heading_anchor("Finding Codes"), "finding-codes");
}

TEST(DocumentationLinks, ResolvesRelativeHelpPathsOnlyWithABase) {
  sdk::PluginInfo dates;
  dates.id = "dates";
  dates.help_url = "plugins/dates/README.md";
  dates.codes = {{"dates/weekday-mismatch", sdk::Severity::warning, "the weekday does not match"}};
  sdk::PluginInfo remote;
  remote.id = "remote";
  remote.help_url = "https://example.org/remote";
  remote.codes = {{"remote/gone", sdk::Severity::error, "gone"}};

  DocumentationLinks without_base;
  without_base.add({dates, remote});
  EXPECT_EQ(without_base.link("dates/weekday-mismatch"), "");  // no link rather than a broken one
  EXPECT_EQ(without_base.link("remote/gone"), "https://example.org/remote#remotegone");

  DocumentationLinks with_base("https://example.org/marginalia/");
  with_base.add({dates});
  EXPECT_EQ(with_base.link("dates/weekday-mismatch"), "https://example.org/marginalia/plugins/dates/README.md#datesweekday-mismatch");
  EXPECT_EQ(with_base.link("dates/unknown"), "");

  DocumentationLinks missing_checkout("file:///nonexistent/marginalia");
  missing_checkout.add({dates});
  EXPECT_EQ(missing_checkout.link("dates/weekday-mismatch"), "");
  DocumentationLinks checkout("file://" MARGINALIA_SOURCE_DIR);
  checkout.add({dates});
  EXPECT_EQ(checkout.link("dates/weekday-mismatch"), "file://" MARGINALIA_SOURCE_DIR "/plugins/dates/README.md#datesweekday-mismatch");
}

TEST(ProblemsView, PutsConfigurationProblemsAtTheTop) {
  util::Problem problem = util::Problem::about("/r/marginalia.json", "config/invalid", "unknown key \"enabeld\"");
  ReportView view = problems_view({problem});
  ASSERT_EQ(view.diagnostics.size(), 1u);
  EXPECT_EQ(view.diagnostics[0]["code"], "config/invalid");
  EXPECT_EQ(view.diagnostics[0]["severity"], 1);
  EXPECT_EQ(view.diagnostics[0]["message"], "/r/marginalia.json: unknown key \"enabeld\"");
  EXPECT_EQ(view.diagnostics[0]["range"]["start"]["line"], 0);
}

// A checked HTML buffer with one finding per (text, replacement) pair.
merge::FileReport html_report(const std::string& html, const std::vector<std::pair<std::string, std::string>>& fixes) {
  readers::ReadResult read = readers::read_bytes("a.html", html, {});
  EXPECT_TRUE(read.document);
  merge::FileReport file;
  file.path = "a.html";
  file.report = merge::DocumentReport{std::move(*read.document), {}, {}, {}, true, 0, {}};
  const model::LoadedDocument& loaded = file.report->loaded;
  for (const auto& [old_text, replacement] : fixes) {
    auto at = static_cast<std::uint32_t>(loaded.document.text.find(old_text));
    merge::ReportedFinding reported;
    reported.finding = {"test/fix", sdk::Severity::warning, {at, at + static_cast<std::uint32_t>(old_text.size())}, "fix me", {}, replacement};
    reported.begin = loaded.source_map.position(at);
    reported.end = loaded.source_map.position(at + static_cast<std::uint32_t>(old_text.size()));
    file.report->findings.push_back(reported);
  }
  return file;
}

TEST(ReportView, QuickFixesAreTheEditsCheckFixWouldMake) {
  // The first fix's text is written verbatim and its replacement is escaped for HTML; the second
  // runs over a character reference, so it gets a diagnostic but no quick fix.
  merge::FileReport file = html_report("<p>Smith and Sons met on Fri&#100;ay.</p>", {{"and", "&"}, {"Friday", "Monday"}});
  ReportView view = make_view(file, "file:///a.html", DocumentationLinks());
  EXPECT_EQ(view.diagnostics.size(), 2u);
  ASSERT_EQ(view.fixes.size(), 1u);
  EXPECT_EQ(view.fixes[0].new_text, "&amp;");
  EXPECT_EQ(view.fixes[0].range.start.character, 9u);
  EXPECT_EQ(view.fixes[0].range.end.character, 12u);
}

}  // namespace
}  // namespace marginalia::lsp
