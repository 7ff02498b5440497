// SPDX-License-Identifier: MIT
#include "config/option_values.hpp"

#include <gtest/gtest.h>

namespace marginalia::config {
namespace {

TEST(OptionValues, CountsAreDigitsOnlyWithinTheirRange) {
  EXPECT_EQ(parse_count("30000", 1, 86400000), 30000u);
  for (const char* bad : {"", "-1", "+5", " 5", "5 ", "0x10", "1e3", "12ms", "0"}) EXPECT_FALSE(parse_count(bad, 1, 1000)) << bad;
  EXPECT_FALSE(parse_count("1001", 1, 1000));
  EXPECT_EQ(parse_count("18446744073709551615", 0, ~0ull), ~0ull);
  EXPECT_FALSE(parse_count("18446744073709551616", 0, ~0ull)) << "overflow must not wrap";
  EXPECT_FALSE(parse_count("17592186044416", 1, 1u << 20));
}

TEST(OptionValues, SizesTakeBinarySuffixesAndRefuseOverflow) {
  EXPECT_EQ(parse_size("64M", 1ull << 31), 64ull << 20);
  EXPECT_EQ(parse_size("1048576", 1ull << 31), 1048576u);
  EXPECT_EQ(parse_size("2g", 1ull << 31), 2ull << 30);
  for (const char* bad : {"", "G", "-5", "0", "0K", "99999999999G", "3G", "1T", "5MB", "1.5M"}) EXPECT_FALSE(parse_size(bad, 1ull << 31)) << bad;
}

TEST(OptionValues, DatesMustBeRealCalendarDays) {
  for (const char* good : {"2024-02-29", "2000-02-29", "1999-12-31", "0001-01-01"}) EXPECT_TRUE(is_iso_date(good)) << good;
  for (const char* bad : {"2024-13-45", "yesterday", "2023-02-29", "1900-02-29", "2024-04-31", "2024-00-10", "2024-1-5", "0000-01-01",
                          "2024-03-15T10:00", "", "2024/03/15"})
    EXPECT_FALSE(is_iso_date(bad)) << bad;
}

}  // namespace
}  // namespace marginalia::config
