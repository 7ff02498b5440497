// SPDX-License-Identifier: MIT
// --shard K/N: strict parsing, a split that depends on the path only, and stability when files
// come and go.
#include <gtest/gtest.h>

#include "session/shard.hpp"

namespace marginalia::session {
namespace {

TEST(Shard, ParsesOnlyCanonicalKOverN) {
  std::string error;
  std::optional<Shard> two_of_four = parse_shard("2/4", error);
  ASSERT_TRUE(two_of_four);
  EXPECT_EQ(two_of_four->index, 2u);
  EXPECT_EQ(two_of_four->count, 4u);
  EXPECT_TRUE(parse_shard("1/1", error));
  EXPECT_TRUE(parse_shard("1024/1024", error));
  for (const char* bad : {"", "/", "1", "1/", "/3", "0/3", "4/3", "1/0", "01/3", "1/03", "+1/3", "-1/3", " 1/3", "1/3 ", "1 /3",
                          "1/3/4", "a/b", "1/1025", "99999/99999", "1.0/3", "1\\3"}) {
    EXPECT_FALSE(parse_shard(bad, error)) << bad;
    EXPECT_NE(error.find("K/N"), std::string::npos) << bad;
  }
}

TEST(Shard, TheKeyIsThePathRelativeToTheWorkingFolder) {
  EXPECT_EQ(shard_key("reports/a.md", "/work/repo"), "reports/a.md");
  EXPECT_EQ(shard_key("./reports/a.md", "/work/repo"), "reports/a.md");
  EXPECT_EQ(shard_key("reports/../reports/a.md", "/work/repo"), "reports/a.md");
  EXPECT_EQ(shard_key("/work/repo/reports/a.md", "/work/repo"), "reports/a.md");
  EXPECT_EQ(shard_key("/work/repo/reports/a.md", "/work/repo/"), "reports/a.md");
  // The same checkout in another place splits the same way.
  EXPECT_EQ(shard_of("/ci/build/7/reports/a.md", 5, "/ci/build/7"), shard_of("reports/a.md", 5, "/home/me/repo"));
}

TEST(Shard, EveryFileIsInExactlyOneShardAndTheSplitIsRoughlyEven) {
  std::vector<std::string> paths;
  for (int i = 0; i < 2000; ++i) paths.push_back("corpus/report-" + std::to_string(i) + ".md");
  for (unsigned n : {1u, 2u, 4u, 8u}) {
    std::vector<int> seen(paths.size(), 0);
    for (unsigned k = 1; k <= n; ++k) {
      std::vector<std::size_t> chosen = select_shard(paths, {k, n}, "/repo");
      for (std::size_t i : chosen) ++seen[i];
      // Within a fifth of an even share: the hash spreads similar names.
      EXPECT_NEAR(static_cast<double>(chosen.size()), 2000.0 / n, 2000.0 / n / 5) << k << "/" << n;
      EXPECT_TRUE(std::is_sorted(chosen.begin(), chosen.end()));
    }
    for (int count : seen) EXPECT_EQ(count, 1);
  }
}

TEST(Shard, AddingAFileMovesOnlyThatFile) {
  std::vector<std::string> before = {"a.md", "b.md", "notes/c.txt", "notes/d.html", "e.docx"};
  std::vector<std::string> after = before;
  after.insert(after.begin() + 2, "new.md");
  // Membership is a function of the path alone, so the list around a file does not matter.
  for (unsigned k = 1; k <= 3; ++k) {
    std::vector<std::string> old_members, new_members;
    for (std::size_t i : select_shard(before, {k, 3}, "/r")) old_members.push_back(before[i]);
    for (std::size_t i : select_shard(after, {k, 3}, "/r"))
      if (after[i] != "new.md") new_members.push_back(after[i]);
    EXPECT_EQ(old_members, new_members) << k;
  }
}

TEST(Shard, TheHashIsFixedAcrossBuilds) {
  // Values from an independent FNV-1a 64 (a few lines of Python): a change of hash, which would
  // reshuffle every CI matrix's split, has to be a deliberate one.
  std::vector<unsigned> pinned;
  for (const char* path : {"a.md", "reports/q1.md", "samples/clean-report.md"}) pinned.push_back(shard_of(path, 7, "/r"));
  EXPECT_EQ(pinned, (std::vector<unsigned>{2, 3, 6}));
}

}  // namespace
}  // namespace marginalia::session
