// SPDX-License-Identifier: MIT
#include "merge/merge.hpp"

#include <gtest/gtest.h>

#include "readers/reader_registry.hpp"

namespace marginalia::merge {
namespace {

model::LoadedDocument document(const std::string& text) {
  readers::ReadResult result = readers::read_bytes("doc.txt", text, {});
  EXPECT_TRUE(result.document);
  return std::move(*result.document);
}

host::PluginRunResult run(const std::string& plugin, std::vector<sdk::Finding> findings) {
  host::PluginRunResult result;
  result.plugin_id = plugin;
  result.findings = std::move(findings);
  return result;
}

sdk::Finding finding(const std::string& code, std::uint32_t begin, std::uint32_t end, const std::string& message) {
  return {code, sdk::Severity::warning, {begin, end}, message, {}, std::nullopt};
}

std::vector<std::string> summary(const DocumentReport& report) {
  std::vector<std::string> out;
  for (const ReportedFinding& f : report.findings) out.push_back(f.id + " " + f.plugin + " " + f.finding.code);
  return out;
}

const std::string kText = "Title\n\nFirst sentence here. Second sentence there.\n";

TEST(Merge, OrdersFindingsByPositionThenPluginCodeAndMessageWhateverTheRunOrder) {
  sdk::PluginInfo a{"alpha", "1", "", "", {}, "{}", ""}, b{"beta", "1", "", "", {}, "{}", ""};
  auto runs = [&] {
    return std::vector<host::PluginRunResult>{run("beta", {finding("beta/x", 7, 12, "m"), finding("beta/y", 0, 5, "m")}),
                                              run("alpha", {finding("alpha/z", 7, 12, "m")})};
  };
  DocumentReport first = merge_document(document(kText), runs(), {&b, &a}, {});
  std::vector<host::PluginRunResult> reversed = runs();
  std::reverse(reversed.begin(), reversed.end());
  DocumentReport second = merge_document(document(kText), reversed, {&a, &b}, {});
  EXPECT_EQ(summary(first), summary(second));
  ASSERT_EQ(first.findings.size(), 3u);
  EXPECT_EQ(first.findings[0].finding.code, "beta/y");
  EXPECT_EQ(first.findings[1].finding.code, "alpha/z");
  EXPECT_EQ(first.findings[2].finding.code, "beta/x");
}

TEST(Merge, DerivesIdsFromContentAsXmlNames) {
  DocumentReport report = merge_document(document(kText), {run("alpha", {finding("alpha/z", 7, 12, "m"), finding("alpha/z", 7, 12, "m")})},
                                         {}, {});
  ASSERT_EQ(report.findings.size(), 2u);
  EXPECT_NE(report.findings[0].id, report.findings[1].id) << "identical findings still get distinct ids";
  EXPECT_EQ(report.findings[0].id.rfind("f-", 0), 0u);
  DocumentReport again = merge_document(document(kText), {run("alpha", {finding("alpha/z", 7, 12, "m"), finding("alpha/z", 7, 12, "m")})},
                                        {}, {});
  EXPECT_EQ(summary(report), summary(again));
}

TEST(Merge, KeepsFingerprintsWhenLinesAreAddedAboveAFinding) {
  std::string edited = "Title\n\nA new paragraph written later.\n\nFirst sentence here. Second sentence there.\n";
  std::uint32_t shift = static_cast<std::uint32_t>(edited.find("First"));
  DocumentReport before = merge_document(document(kText), {run("alpha", {finding("alpha/z", 7, 12, "m")})}, {}, {});
  DocumentReport after = merge_document(document(edited), {run("alpha", {finding("alpha/z", shift, shift + 5, "m")})}, {}, {});
  EXPECT_EQ(before.findings[0].fingerprint, after.findings[0].fingerprint);
  EXPECT_NE(before.findings[0].begin.line, after.findings[0].begin.line);
}

TEST(Merge, TurnsAFailedRunIntoOneHostFindingAndMarksTheReportIncomplete) {
  host::PluginRunResult crashed = run("gamma", {});
  crashed.status = host::RunStatus::crashed;
  crashed.detail = "signal Segmentation fault";
  DocumentReport report = merge_document(document(kText), {run("alpha", {finding("alpha/z", 7, 12, "m")}), crashed}, {}, {});
  EXPECT_FALSE(report.complete);
  ASSERT_EQ(report.findings.size(), 2u);
  EXPECT_EQ(report.findings[0].finding.code, "host/plugin-crashed");
  EXPECT_EQ(report.findings[0].finding.severity, sdk::Severity::error);
  EXPECT_NE(report.findings[0].finding.message.find("gamma"), std::string::npos);
}

TEST(Merge, AppliesSeverityOverridesByCode) {
  DocumentReport report = merge_document(document(kText), {run("alpha", {finding("alpha/z", 7, 12, "m")})}, {},
                                         {{"alpha/z", sdk::Severity::error}});
  EXPECT_EQ(report.findings[0].finding.severity, sdk::Severity::error);
}

TEST(Merge, ComputesLineAndColumnOfEveryFindingAndRelatedSpan) {
  sdk::Finding f = finding("alpha/z", 28, 34, "m");
  f.related.push_back({{7, 12}, "first"});
  DocumentReport report = merge_document(document(kText), {run("alpha", {f})}, {}, {});
  EXPECT_EQ(report.findings[0].begin.line, 3u);
  EXPECT_EQ(report.findings[0].begin.column, 22u);
  EXPECT_EQ(report.findings[0].related_begin[0].column, 1u);
}

}  // namespace
}  // namespace marginalia::merge
