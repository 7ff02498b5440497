// SPDX-License-Identifier: MIT
#include "writers/unified_diff.hpp"

#include <gtest/gtest.h>

namespace marginalia::writers {
namespace {

std::string numbered_lines(int count) {
  std::string out;
  for (int i = 1; i <= count; ++i) out += "line " + std::to_string(i) + "\n";
  return out;
}

ByteEdit replace(const std::string& text, const std::string& old_text, const std::string& replacement) {
  auto at = static_cast<std::uint32_t>(text.find(old_text));
  return {at, static_cast<std::uint32_t>(at + old_text.size()), replacement};
}

TEST(UnifiedDiff, ShowsThreeLinesOfContextAroundAChange) {
  std::string text = numbered_lines(10);
  EXPECT_EQ(unified_diff("a.md", text, {replace(text, "line 5", "line five")}),
            "--- a.md\n+++ a.md\n@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+line five\n line 6\n line 7\n line 8\n");
}

TEST(UnifiedDiff, ChangesCloseTogetherShareAHunkAndFarApartDoNot) {
  std::string text = numbered_lines(30);
  std::string diff = unified_diff("a.md", text, {replace(text, "line 2\n", "line two\n"), replace(text, "line 8\n", "line eight\n"),
                                                 replace(text, "line 25", "line 25b")});
  EXPECT_NE(diff.find("@@ -1,11 +1,11 @@\n line 1\n-line 2\n+line two\n"), std::string::npos) << diff;
  EXPECT_NE(diff.find("@@ -22,7 +22,7 @@\n"), std::string::npos) << diff;
}

TEST(UnifiedDiff, TwoEditsOnOneLineAreOneChangedLine) {
  std::string text = "a b c\n";
  EXPECT_EQ(unified_diff("t", text, {replace(text, "a", "A"), replace(text, "c", "C")}), "--- t\n+++ t\n@@ -1 +1 @@\n-a b c\n+A b C\n");
}

TEST(UnifiedDiff, MarksALastLineWithoutLineEndAndCountsAddedLines) {
  std::string text = "one\ntwo";
  EXPECT_EQ(unified_diff("t", text, {replace(text, "two", "2\n3")}),
            "--- t\n+++ t\n@@ -1,2 +1,3 @@\n one\n-two\n\\ No newline at end of file\n+2\n+3\n\\ No newline at end of file\n");
}

TEST(UnifiedDiff, KeepsCrlfLineEndsAsTheyAre) {
  std::string text = "one\r\ntwo\r\n";
  EXPECT_EQ(unified_diff("t", text, {replace(text, "two", "2")}), "--- t\n+++ t\n@@ -1,2 +1,2 @@\n one\r\n-two\r\n+2\r\n");
}

TEST(UnifiedDiff, NothingToShowWithoutEdits) { EXPECT_EQ(unified_diff("t", "x\n", {}), ""); }

}  // namespace
}  // namespace marginalia::writers
