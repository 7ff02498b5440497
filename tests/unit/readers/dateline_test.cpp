// SPDX-License-Identifier: MIT
#include "readers/dateline.hpp"

#include <gtest/gtest.h>

namespace marginalia::readers {
namespace {

TEST(Dateline, ParsesTheCommonShapesOfALineThatIsOnlyADate) {
  EXPECT_EQ(parse_date_line("23.07.2024."), "2024-07-23");
  EXPECT_EQ(parse_date_line("2024-07-23"), "2024-07-23");
  EXPECT_EQ(parse_date_line("23 July 2024"), "2024-07-23");
  EXPECT_EQ(parse_date_line("July 23, 2024"), "2024-07-23");
  EXPECT_EQ(parse_date_line("Tuesday, 23 Jul 2024"), "2024-07-23");
  EXPECT_EQ(parse_date_line("04/10/2026", NumericDateOrder::month_first), "2026-04-10");
  EXPECT_EQ(parse_date_line("04/10/2026"), "2026-10-04");
}

TEST(Dateline, RefusesLinesThatAreNotDates) {
  EXPECT_FALSE(parse_date_line("31.04.2024."));
  EXPECT_FALSE(parse_date_line("Key findings"));
  EXPECT_FALSE(parse_date_line("2.1 Russia has no alternative"));
  EXPECT_FALSE(parse_date_line("12.5"));
}

}  // namespace
}  // namespace marginalia::readers
