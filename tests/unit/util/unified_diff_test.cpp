// SPDX-License-Identifier: MIT
#include "util/unified_diff.hpp"

#include <gtest/gtest.h>

namespace marginalia::util {
namespace {

TEST(UtilUnifiedDiff, EqualListsGiveNoDiff) { EXPECT_EQ(unified_diff({"a", "b"}, {"a", "b"}, "x", "y"), ""); }

TEST(UtilUnifiedDiff, OneChangedLineIsAHunkWithTheFilesOwnLineNumbers) {
  std::vector<std::string> before = {"options {}", "1:5 a/b one", "2:1 a/b two"};
  std::vector<std::string> after = {"options {}", "1:6 a/b one", "2:1 a/b two"};
  EXPECT_EQ(unified_diff(before, after, "f.txt", "f.txt (reported)", 10),
            "--- f.txt\n+++ f.txt (reported)\n@@ -10,3 +10,3 @@\n options {}\n-1:5 a/b one\n+1:6 a/b one\n 2:1 a/b two\n");
}

TEST(UtilUnifiedDiff, AnAddedLineAtTheEndOfAnEmptyBlockNamesTheLineBefore) {
  EXPECT_EQ(unified_diff({}, {"3:1 a/b new"}, "f", "g", 4), "--- f\n+++ g\n@@ -3,0 +4 @@\n+3:1 a/b new\n");
}

TEST(UtilUnifiedDiff, DistantChangesAreSeparateHunksAndNearOnesShareOne) {
  std::vector<std::string> before, after;
  for (int i = 0; i < 20; ++i) before.push_back("line " + std::to_string(i));
  after = before;
  after[1] = "changed 1";
  after[3] = "changed 3";
  after[17] = "changed 17";
  std::string diff = unified_diff(before, after, "a", "b");
  EXPECT_NE(diff.find("@@ -1,7 +1,7 @@"), std::string::npos) << diff;
  EXPECT_NE(diff.find("@@ -15,6 +15,6 @@"), std::string::npos) << diff;
  std::size_t hunks = 0;
  for (std::size_t at = diff.find("\n@@"); at != std::string::npos; at = diff.find("\n@@", at + 1)) ++hunks;
  EXPECT_EQ(hunks, 2u) << diff;
}

}  // namespace
}  // namespace marginalia::util
