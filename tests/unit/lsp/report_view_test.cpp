// SPDX-License-Identifier: MIT
#include "lsp/report_view.hpp"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace marginalia::lsp
