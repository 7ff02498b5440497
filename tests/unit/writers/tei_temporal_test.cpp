// SPDX-License-Identifier: MIT
#include "writers/tei_temporal.hpp"

#include <gtest/gtest.h>

namespace marginalia::writers {
namespace {

TEST(TeiTemporal, AcceptsTheW3cFormsTheSchemaAccepts) {
  for (const char* v : {"2024", "2024-07", "2024-07-23", "--07-23", "--07", "15:00:00", "15:00:00Z", "2013-03-23T15:00:00",
                        "2013-03-23T15:00:00Z", "2013-03-23T15:00:00+01:00"})
    EXPECT_TRUE(valid_w3c_temporal(v)) << v;
  // the schema's dateTime needs seconds; TimeML's "2013-03-23T15:00" is not a W3C value
  for (const char* v : {"2013-03-23T15:00", "2013-03-23TMO", "24:00:00", "--13", "2013-W12", "PRESENT_REF", "2023-02-29T10:00:00"})
    EXPECT_FALSE(valid_w3c_temporal(v)) << v;
}

TEST(TeiTemporal, AcceptsIsoDurationsAndWeeks) {
  for (const char* v : {"P75Y", "P1W", "PT30M", "P2.5Y", "P1Y6M", "PT12H"}) EXPECT_TRUE(valid_iso_duration(v)) << v;
  for (const char* v : {"P", "PXY", "P1", "PT", "P1H", "P1M1Y", "P.5Y"}) EXPECT_FALSE(valid_iso_duration(v)) << v;
  EXPECT_TRUE(valid_iso_temporal("2013-W12"));
  EXPECT_TRUE(valid_iso_temporal("2013-W12-5"));
  EXPECT_FALSE(valid_iso_temporal("2013-W54"));
  EXPECT_FALSE(valid_iso_temporal("2013-W12-WE"));
}

TEST(TeiTemporal, WritesATimeOfDayAsTimeAndDropsInvalidValues) {
  TemporalElement time = temporal_element({{"when", "2013-03-23T15:00:00Z"}});
  EXPECT_EQ(time.name, "time");
  TemporalElement set = temporal_element({{"type", "set"}, {"dur-iso", "P1W"}, {"when", "2024-02-30"}, {"subtype", "two words"}});
  EXPECT_EQ(set.name, "date");
  ASSERT_EQ(set.attributes.size(), 2u);
  EXPECT_EQ(set.attributes[0], (std::pair<std::string, std::string>{"type", "set"}));
  EXPECT_EQ(set.attributes[1], (std::pair<std::string, std::string>{"dur-iso", "P1W"}));
  TemporalElement week = temporal_element({{"when-iso", "2013-W12"}, {"notBefore", "2013-03-18"}});
  EXPECT_EQ(week.name, "date");
  EXPECT_EQ(week.attributes.size(), 2u);
}

}  // namespace
}  // namespace marginalia::writers
