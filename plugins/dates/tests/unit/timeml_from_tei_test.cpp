// SPDX-License-Identifier: MIT
// The TEI the plugin writes reads back as the TimeML value it stands for (README, "TEI
// mapping"): what the MEANTIME scorer relies on when it scores the TEI users get.
#include <gtest/gtest.h>

#include <string>

#include "date_analysis.hpp"
#include "timeml_from_tei.hpp"

namespace marginalia::plugins::dates {
namespace {

// The TimeML reading of the first mark the plugin writes for `text` (document date 2013-03-20,
// a Wednesday), as "TYPE value", or what went wrong.
std::string reading(const std::string& text) {
  sdk::Document document;
  document.path = "test.txt";
  document.format = "text";
  document.text = text;
  document.blocks.push_back({sdk::BlockKind::paragraph, {0, static_cast<std::uint32_t>(text.size())}, 0, {}});
  document.metadata.push_back({"date", "2013-03-20"});
  DateAnalysis analysis = analyse_document(document, {});
  if (analysis.marks.empty()) return "no mark";
  const std::vector<sdk::Attribute>& attributes = analysis.marks[0].attributes;
  bool time = false;
  for (const sdk::Attribute& a : attributes)
    if (a.name != "dur-iso" && a.value.find(':') != std::string::npos) time = true;  // what the TEI writer does
  TimexReading out;
  if (!timeml_from_tei(time ? "time" : "date", attributes, out)) return "no reading";
  static const char* names[] = {"DATE", "TIME", "DURATION", "SET"};
  return std::string(names[static_cast<int>(out.type)]) + " " + out.value;
}

TEST(TimemlFromTei, ReadsCalendarDatesAndPeriodsBack) {
  EXPECT_EQ(reading("It closed on 23 March 2013."), "DATE 2013-03-23");
  EXPECT_EQ(reading("It closed in March 2013."), "DATE 2013-03");
  EXPECT_EQ(reading("It closed in 2012."), "DATE 2012");
  EXPECT_EQ(reading("It grew in the first quarter of 2013."), "DATE 2013-Q1");
  EXPECT_EQ(reading("It grew in the second half of 2012."), "DATE 2012-H2");
  EXPECT_EQ(reading("It grew in spring 2012."), "DATE 2012-SP");
  EXPECT_EQ(reading("It grew in winter 2012."), "DATE 2012-WI");
  EXPECT_EQ(reading("It grew in early December."), "DATE 2012-12");
  EXPECT_EQ(reading("It grew in mid-2012."), "DATE 2012");
  EXPECT_EQ(reading("It grew in the 1990s."), "DATE 199");
  EXPECT_EQ(reading("It grew in the 19th century."), "DATE 18");
  EXPECT_EQ(reading("It fell last week."), "DATE 2013-W11");
  EXPECT_EQ(reading("It fell last weekend."), "DATE 2013-W11-WE");
  EXPECT_EQ(reading("It has grown since 2009."), "DATE 2009");
  EXPECT_EQ(reading("The FY2013 budget passed."), "DATE FY2013");
}

TEST(TimemlFromTei, ReadsTimesDurationsSetsAndReferencesBack) {
  EXPECT_EQ(reading("Trading closed at 15:00 GMT today."), "TIME 2013-03-20T15:00Z");
  EXPECT_EQ(reading("Trading closed on Monday morning."), "TIME 2013-03-18TMO");
  EXPECT_EQ(reading("Trading closed tonight."), "TIME 2013-03-20TNI");
  EXPECT_EQ(reading("It lasted 75 years."), "DURATION P75Y");
  EXPECT_EQ(reading("It fell for years."), "DURATION PXY");
  EXPECT_EQ(reading("It is published weekly."), "SET P1W");
  EXPECT_EQ(reading("It is weak now."), "DATE PRESENT_REF");
  EXPECT_EQ(reading("It recently fell."), "DATE PAST_REF");
  EXPECT_EQ(reading("It will rise in the future."), "DATE FUTURE_REF");
}

}  // namespace
}  // namespace marginalia::plugins::dates
