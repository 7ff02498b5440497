// SPDX-License-Identifier: MIT
#include "session/git_ignore.hpp"

#include <gtest/gtest.h>

namespace marginalia::session {
namespace {

TEST(GitIgnore, NameWithoutSlashMatchesAtAnyDepthAndAnchoredOnlyAtItsFolder) {
  GitIgnore ignore;
  ignore.add_rules("# comment\n*.tmp.md\n/build\n", "/repo");
  EXPECT_TRUE(ignore.ignores("/repo/a/b/x.tmp.md", false));
  EXPECT_FALSE(ignore.ignores("/repo/a/b/x.md", false));
  EXPECT_TRUE(ignore.ignores("/repo/build", true));
  EXPECT_FALSE(ignore.ignores("/repo/docs/build", true)) << "a leading / anchors the pattern at the .gitignore's folder";
  EXPECT_FALSE(ignore.ignores("/other/x.tmp.md", false)) << "rules apply only below their folder";
}

TEST(GitIgnore, TrailingSlashMatchesFoldersOnlyAndNegationReincludesALaterMatch) {
  GitIgnore ignore;
  ignore.add_rules("drafts/\n*.md\n!keep.md\n", "/repo");
  EXPECT_TRUE(ignore.ignores("/repo/drafts", true));
  EXPECT_FALSE(ignore.ignores("/repo/drafts", false)) << "a file named drafts is not a folder";
  EXPECT_TRUE(ignore.ignores("/repo/a.md", false));
  EXPECT_FALSE(ignore.ignores("/repo/keep.md", false));
}

TEST(GitIgnore, TruncateDropsTheRulesOfAFolderTheWalkLeft) {
  GitIgnore ignore;
  ignore.add_rules("*.txt\n", "/repo");
  std::size_t before = ignore.size();
  ignore.add_rules("*.md\n", "/repo/sub");
  EXPECT_TRUE(ignore.ignores("/repo/sub/a.md", false));
  ignore.truncate(before);
  EXPECT_FALSE(ignore.ignores("/repo/sub/a.md", false));
  EXPECT_TRUE(ignore.ignores("/repo/sub/a.txt", false));
}

}  // namespace
}  // namespace marginalia::session
