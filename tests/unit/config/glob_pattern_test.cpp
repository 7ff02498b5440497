// SPDX-License-Identifier: MIT
#include "config/glob_pattern.hpp"

#include <gtest/gtest.h>

namespace marginalia::config {
namespace {

TEST(GlobPattern, MatchesNamesSegmentsAndAnyDepth) {
  EXPECT_TRUE(GlobPattern("*.md").matches("a/b/report.md"));
  EXPECT_FALSE(GlobPattern("*.md").matches("a/b/report.txt"));
  EXPECT_TRUE(GlobPattern("drafts/**").matches("drafts/2024/x.md"));
  EXPECT_FALSE(GlobPattern("drafts/*").matches("other/drafts.md"));
  EXPECT_TRUE(GlobPattern("report-?.md").matches("report-1.md"));
  EXPECT_TRUE(GlobPattern("[a-c]*.txt").matches("b-notes.txt"));
  EXPECT_FALSE(GlobPattern("[!a-c]*.txt").matches("b-notes.txt"));
  EXPECT_TRUE(GlobPattern("vendor/").matches("vendor/lib/x.md"));
}

TEST(GlobPattern, SaysWhyAPatternIsMalformed) {
  EXPECT_FALSE(GlobPattern("[abc").error().empty());
  EXPECT_TRUE(GlobPattern("a/**/b").error().empty());
}

}  // namespace
}  // namespace marginalia::config
