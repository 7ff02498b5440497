// SPDX-License-Identifier: MIT
#include "readers/dateline.hpp"

#include <gtest/gtest.h>

#include <string>

#include "support/case_table.hpp"

namespace marginalia::readers {
namespace {

// The date a line is read as, or "no date".
std::string date_of(const std::string& line) { return parse_date_line(line).value_or("no date"); }

TEST(Dateline, ParsesTheCommonShapesOfALineThatIsOnlyADate) {
  testing::expect_each({
      {"23.07.2024.", "2024-07-23"},
      {"2024-07-23", "2024-07-23"},
      {"23 July 2024", "2024-07-23"},
      {"July 23, 2024", "2024-07-23"},
      {"Tuesday, 23 Jul 2024", "2024-07-23"},
      {"04/10/2026", "2026-10-04"},
  }, date_of);
  EXPECT_EQ(parse_date_line("04/10/2026", NumericDateOrder::month_first), "2026-04-10");
}

TEST(Dateline, RefusesLinesThatAreNotDates) {
  testing::expect_each({
      {"31.04.2024.", "no date"},
      {"Key findings", "no date"},
      {"2.1 Russia has no alternative", "no date"},
      {"12.5", "no date"},
  }, date_of);
}

}  // namespace
}  // namespace marginalia::readers
