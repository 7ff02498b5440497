// SPDX-License-Identifier: MIT
// The one table of core codes: every failed run status has its own host code, and its name is
// read off that code.
#include "host/builtin_codes.hpp"

#include <gtest/gtest.h>

#include <set>

namespace marginalia::host {
namespace {

TEST(BuiltinCodes, EveryFailedRunStatusHasItsOwnHostCodeAndComesBackFromIt) {
  std::set<std::string> codes;
  for (int s = 1; s <= static_cast<int>(RunStatus::not_a_plugin); ++s) {
    RunStatus status = static_cast<RunStatus>(s);
    const std::string& code = code_for(status);
    EXPECT_EQ(code.rfind("host/", 0), 0u) << to_string(status);
    EXPECT_TRUE(codes.insert(code).second) << code << " is listed twice";
    EXPECT_EQ(status_for_code(code), status) << code;
  }
  EXPECT_TRUE(code_for(RunStatus::ok).empty());
  EXPECT_EQ(status_for_code("host/unused-suppression"), RunStatus::load_failed) << "a code of no status";
}

TEST(BuiltinCodes, StatusNamesAreTheCodesWithoutTheirPrefixes) {
  EXPECT_STREQ(to_string(RunStatus::ok), "ok");
  EXPECT_STREQ(to_string(RunStatus::out_of_memory), "out-of-memory");
  EXPECT_STREQ(to_string(RunStatus::load_failed), "load-failed");
  EXPECT_STREQ(to_string(RunStatus::not_a_plugin), "not-a-plugin");
  EXPECT_EQ(code_for(RunStatus::failed), "host/plugin-failed");
  EXPECT_EQ(code_for(RunStatus::not_a_plugin), "host/not-a-plugin");
}

}  // namespace
}  // namespace marginalia::host
