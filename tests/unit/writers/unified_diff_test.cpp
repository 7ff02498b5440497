// SPDX-License-Identifier: MIT
#include "writers/unified_diff.hpp"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace marginalia::writers {
namespace {

std::string numbered_lines(int count) {
  std::string out;
  for (int i = 1; i <= count; ++i) out += "line " + std::to_string(i) + "\n";
  return out;
}

// `text` with each (old, new) pair replaced at the old text's first place.
std::string edited(std::string text, const std::vector<std::pair<std::string, std::string>>& edits) {
  for (const auto& [old_text, replacement] : edits) text.replace(text.find(old_text), old_text.size(), replacement);
  return text;
}

TEST(UnifiedDiff, ShowsThreeLinesOfContextAroundAChange) {
  std::string text = numbered_lines(10);
  EXPECT_EQ(unified_diff("a.md", text, edited(text, {{"line 5", "line five"}})),
            "--- a.md\n+++ a.md\n@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+line five\n line 6\n line 7\n line 8\n");
}

TEST(UnifiedDiff, ChangesCloseTogetherShareAHunkAndFarApartDoNot) {
  std::string text = numbered_lines(30);
  std::string diff = unified_diff("a.md", text, edited(text, {{"line 2\n", "line two\n"}, {"line 8\n", "line eight\n"}, {"line 25", "line 25b"}}));
  EXPECT_NE(diff.find("@@ -1,11 +1,11 @@\n line 1\n-line 2\n+line two\n"), std::string::npos) << diff;
  EXPECT_NE(diff.find("@@ -22,7 +22,7 @@\n"), std::string::npos) << diff;
}

TEST(UnifiedDiff, TwoEditsOnOneLineAreOneChangedLine) {
  std::string text = "a b c\n";
  EXPECT_EQ(unified_diff("t", text, edited(text, {{"a", "A"}, {"c", "C"}})), "--- t\n+++ t\n@@ -1 +1 @@\n-a b c\n+A b C\n");
}

TEST(UnifiedDiff, MarksALastLineWithoutLineEndAndCountsAddedLines) {
  std::string text = "one\ntwo";
  EXPECT_EQ(unified_diff("t", text, edited(text, {{"two", "2\n3"}})),
            "--- t\n+++ t\n@@ -1,2 +1,3 @@\n one\n-two\n\\ No newline at end of file\n+2\n+3\n\\ No newline at end of file\n");
}

TEST(UnifiedDiff, KeepsCrlfLineEndsAsTheyAre) {
  std::string text = "one\r\ntwo\r\n";
  EXPECT_EQ(unified_diff("t", text, edited(text, {{"two", "2"}})), "--- t\n+++ t\n@@ -1,2 +1,2 @@\n one\r\n-two\r\n+2\r\n");
}

TEST(UnifiedDiff, ALineAddedInTheMiddleKeepsTheLinesAroundAsContext) {
  std::string text = numbered_lines(12);
  EXPECT_EQ(unified_diff("t", text, edited(text, {{"line 6\n", "line 6\nline 6b\n"}})),
            "--- t\n+++ t\n@@ -4,6 +4,7 @@\n line 4\n line 5\n line 6\n+line 6b\n line 7\n line 8\n line 9\n");
}

TEST(UnifiedDiff, NothingToShowWhenNothingChanged) { EXPECT_EQ(unified_diff("t", "x\n", "x\n"), ""); }

}  // namespace
}  // namespace marginalia::writers
