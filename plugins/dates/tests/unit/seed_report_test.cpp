// SPDX-License-Identifier: MIT
// The seed report (../shared): all 16 date expressions found and normalised against its
// dateline 23.07.2024., no finding, and TEI output that validates against tei_all.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "date_analysis.hpp"
#include "readers/reader_registry.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_paths.hpp"

namespace marginalia::plugins::dates {
namespace {

TEST(SeedReport, AllSixteenDatesAreFoundAndNormalisedWithNoFinding) {
  std::string seed = testing::seed_report();
  if (seed.empty()) GTEST_SKIP() << "../shared/seeds is absent";
  readers::ReadResult read = readers::read_document(seed, {});
  ASSERT_TRUE(read.document.has_value());
  const sdk::Document& document = read.document->document;
  ASSERT_EQ(document.meta("date"), "2024-07-23");
  DateAnalysis analysis = analyse_document(document, {});
  std::vector<std::string> marks;
  for (const sdk::Mark& mark : analysis.marks) {
    std::string m(document.slice(mark.span));
    for (const sdk::Attribute& a : mark.attributes) m += " " + a.name + "=" + a.value;
    marks.push_back(m);
  }
  // The sixteen calendar dates (the year of "since 2022" nested in its interval), and the
  // duration ("75 years") and the present and past references ("now", "today" in "is today
  // criticized", two "recent", "Recently") that TEI also holds.
  std::vector<std::string> expected = {
      "23.07.2024 when=2024-07-23",      "May when=2024-05",           "24 April when=2024-04-24",
      "6 May when=2024-05-06",           "2019 when=2019",             "June 2023 when=2023-06",
      "February 2022 when=2022-02",      "2022 when=2022",             "March 2024 when=2024-03",
      "now type=present",
      "since 2022 from=2022", "2022 when=2022", "June 2024 when=2024-06",
      "recent type=past notAfter=2024-07-23", "recent type=past notAfter=2024-07-23", "May 2024 when=2024-05",
      "May 2024 when=2024-05",           "today type=present", "4 February 2022 when=2022-02-04", "March 2023 when=2023-03",
      "May 2024 when=2024-05",           "75 years dur-iso=P75Y",      "Recently type=past notAfter=2024-07-23"};
  EXPECT_EQ(marks, expected);
  int calendar_dates = 0;
  for (const FoundDate& f : analysis.scanned.dates)
    calendar_dates += f.expression.type == TimexType::date && f.expression.granularity != Granularity::none;
  EXPECT_EQ(calendar_dates, 16);
  for (const sdk::Finding& finding : analysis.findings) ADD_FAILURE() << finding.code << ": " << finding.message;
}

TEST(SeedReport, TeiWithDateMarksValidatesAgainstTeiAll) {
  std::string seed = testing::seed_report();
  if (seed.empty() || testing::jing().empty() || testing::tei_schema().empty()) GTEST_SKIP() << "seed, jing or tei_all.rng is absent";
  testing::TempDir temp;
  std::string out = temp.path() + "/seed.xml";
  testing::ProcessResult run = testing::run_marginalia({"check", seed, "--tei", out, "--exit-zero", "--quiet"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::string tei = testing::read_file(out);
  EXPECT_NE(tei.find("<date when=\"2024-04-24\">24 April</date>"), std::string::npos);
  EXPECT_NE(tei.find("<date from=\"2022\">since <date when=\"2022\">2022</date></date>"), std::string::npos);
  EXPECT_NE(tei.find("<date dur-iso=\"P75Y\">75 years</date>"), std::string::npos);
  testing::ProcessResult jing = testing::run_process(testing::jing(), {testing::tei_schema(), out});
  EXPECT_EQ(jing.exit_code, 0) << jing.out;
}

TEST(SeedReport, TeiWithEveryKindOfDateAttributeValidates) {
  if (testing::jing().empty() || testing::tei_schema().empty()) GTEST_SKIP() << "jing or tei_all.rng is absent";
  testing::TempDir temp;
  std::string input = temp.write("forms.txt",
                                 "12.09.2024.\n\nForms\n\nThe fair ran 24–26 April 2024; prices rose between 2022 and 2024 and "
                                 "since 2019, slowed in mid-2023 and Q1 2024, and peaked in the 1990s, last week and on 3 May. "
                                 "The count was 04/05/2024 and 31 April 2023 was no date. Trading closed at 16:00 GMT on "
                                 "Friday morning, as it has weekly for years and for 75 years; it is calm now, after a bad "
                                 "weekend last weekend and recently, in early December and the FY2026 budget.\n");
  std::string out = temp.path() + "/forms.xml";
  testing::ProcessResult run = testing::run_marginalia({"check", input, "--tei", out, "--exit-zero", "--quiet"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::string tei = testing::read_file(out);
  for (const char* expected : {"<date from=\"2024-04-24\" to=\"2024-04-26\">", "<date notBefore=\"2023-05\" notAfter=\"2023-08\">",
                               "<date notBefore=\"1990\" notAfter=\"1999\">", "<date when=\"2024-05-03\">",
                               "<time when=\"2024-09-12T16:00:00Z\">", "<time notBefore=\"2024-09-06T06:00:00\"",
                               "<date type=\"set\" dur-iso=\"P1W\">", "<date dur-iso=\"P75Y\">", "<date type=\"present\">",
                               "<date type=\"past\" notAfter=\"2024-09-12\">", "<date when-iso=\"2024-W36\"",
                               "<date type=\"duration\" subtype=\"years\">", "<date type=\"fiscal\" when=\"2026\">"})
    EXPECT_NE(tei.find(expected), std::string::npos) << expected;
  testing::ProcessResult jing = testing::run_process(testing::jing(), {testing::tei_schema(), out});
  EXPECT_EQ(jing.exit_code, 0) << jing.out;
}

}  // namespace
}  // namespace marginalia::plugins::dates
