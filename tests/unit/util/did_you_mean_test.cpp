// SPDX-License-Identifier: MIT
#include "util/did_you_mean.hpp"

#include <gtest/gtest.h>

namespace marginalia::util {
namespace {

const std::vector<std::string> kCodes = {"dates/impossible-date", "dates/weekday-mismatch", "footnotes/missing-note"};

TEST(DidYouMean, AFindingCodeWithoutItsPluginIsFoundByItsName) {
  EXPECT_EQ(closest_match("weekday-mismatch", kCodes), "dates/weekday-mismatch");
}

TEST(DidYouMean, ATypoWithinAThirdOfTheWordIsCorrected) {
  EXPECT_EQ(closest_match("dates/weekday-mismach", kCodes), "dates/weekday-mismatch");
  EXPECT_EQ(closest_match("--ofline", {"--offline", "--output"}), "--offline");
  EXPECT_EQ(did_you_mean("chek", {"check", "init"}), " (did you mean 'check'?)");
}

TEST(DidYouMean, AnUnrelatedWordGetsNoSuggestion) {
  EXPECT_EQ(closest_match("frobnicate", kCodes), "");
  EXPECT_EQ(did_you_mean("xyz", {"check"}), "");
  EXPECT_EQ(closest_match("", kCodes), "");
}

}  // namespace
}  // namespace marginalia::util
