// SPDX-License-Identifier: MIT
// Files are read only inside their folder, links followed, through openat2 and through the
// canonical-path fallback alike; JSON deeper than the bound is found before any parse.
#include "input/beneath_file.hpp"
#include "input/json_depth.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

#include "support/temp_dir.hpp"

namespace marginalia::input {
namespace {

namespace fs = std::filesystem;

class BeneathFileTest : public ::testing::TestWithParam<bool> {
 protected:
  BeneathFile read(const std::string& folder, const std::string& name) {
    return GetParam() ? read_beneath(folder, name, 1 << 20) : read_beneath_by_canonical_path(folder, name, 1 << 20);
  }
};

TEST_P(BeneathFileTest, ReadsInsideAndRefusesEveryWayOut) {
  if (GetParam() && !has_openat2()) GTEST_SKIP() << "this kernel has no openat2";
  testing::TempDir temp;
  std::string folder = temp.file("sources");
  temp.write("sources/real.txt", "inside");
  temp.write("sources/sub/deep.txt", "deeper");
  std::string secret = temp.write("secret.txt", "outside");
  fs::create_symlink("real.txt", folder + "/alias.txt");
  fs::create_symlink("../sub/deep.txt", folder + "/sub/up-and-back.txt");
  fs::create_symlink(secret, folder + "/absolute-link.txt");
  fs::create_symlink("../secret.txt", folder + "/relative-link.txt");
  fs::create_directory_symlink(temp.path(), folder + "/parent");
  ASSERT_EQ(::mkfifo((folder + "/fifo").c_str(), 0600), 0);

  EXPECT_EQ(read(folder, "real.txt").bytes, "inside");
  EXPECT_EQ(read(folder, "alias.txt").bytes, "inside");
  EXPECT_EQ(read(folder, "sub/deep.txt").bytes, "deeper");
  EXPECT_EQ(read(folder, "sub/up-and-back.txt").bytes, "deeper");
  for (const char* name : {"../secret.txt", "absolute-link.txt", "relative-link.txt", "parent/secret.txt", "sub/../../secret.txt"}) {
    BeneathFile file = read(folder, name);
    EXPECT_EQ(file.status, BeneathStatus::outside) << name;
    EXPECT_TRUE(file.bytes.empty()) << name;
  }
  EXPECT_EQ(read(folder, secret).status, BeneathStatus::outside);
  EXPECT_EQ(read(folder, "missing.txt").status, BeneathStatus::missing);
  EXPECT_EQ(read(folder, "sub").status, BeneathStatus::not_regular);
  EXPECT_EQ(read(folder, "fifo").status, BeneathStatus::not_regular) << "a FIFO neither blocks nor is read";
}

INSTANTIATE_TEST_SUITE_P(BothWays, BeneathFileTest, ::testing::Values(true, false),
                         [](const ::testing::TestParamInfo<bool>& info) { return info.param ? "openat2" : "canonical_path"; });

TEST(JsonDepth, CountsBracketsOutsideStringsOnly) {
  EXPECT_FALSE(json_depth_problem("[[[]]]", 3).too_deep);
  EXPECT_TRUE(json_depth_problem("[[[[]]]]", 3).too_deep);
  EXPECT_EQ(json_depth_problem("{\"a\": [[[{}]]]}", 3).offset, 8u);
  EXPECT_FALSE(json_depth_problem("[\"[[[[\\\"[[[[\", [[]]]", 3).too_deep);
  EXPECT_FALSE(json_depth_problem(std::string(100000, ']'), 3).too_deep);
  EXPECT_TRUE(json_depth_problem(std::string(200000, '[')).too_deep);
}

}  // namespace
}  // namespace marginalia::input
