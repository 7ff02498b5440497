// SPDX-License-Identifier: MIT
// The forms the dates plugin must recognise and the TEI values it must give them, numbers it
// must leave alone, and footnote markers that must never become part of a date.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "date_analysis.hpp"
#include "support/case_table.hpp"

namespace marginalia::plugins::dates {
namespace {

struct Marked {
  std::string text;
  std::string attributes;  // "when=2024-04-24", "from=2022 to=2024"
};

sdk::Document document_of(const std::string& text, const std::string& date, std::vector<sdk::NoteRef> refs = {}) {
  sdk::Document document;
  document.path = "test.txt";
  document.format = "text";
  document.text = text;
  document.blocks.push_back({sdk::BlockKind::paragraph, {0, static_cast<std::uint32_t>(text.size())}, 0, {}});
  document.note_refs = std::move(refs);
  if (!date.empty()) document.metadata.push_back({"date", date});
  return document;
}

std::vector<Marked> marks_of(const sdk::Document& document, DateOptions options = {}) {
  DateAnalysis analysis = analyse_document(document, options);
  std::vector<Marked> out;
  for (const sdk::Mark& mark : analysis.marks) {
    Marked m{std::string(document.slice(mark.span)), {}};
    for (const sdk::Attribute& a : mark.attributes) m.attributes += (m.attributes.empty() ? "" : " ") + a.name + "=" + a.value;
    out.push_back(m);
  }
  return out;
}

// The one mark of a sentence, as "text | attributes".
std::string mark(const std::string& text, const std::string& date = "2024-07-23") {
  std::vector<Marked> marks = marks_of(document_of(text, date));
  if (marks.size() != 1) return std::to_string(marks.size()) + " marks";
  return marks[0].text + " | " + marks[0].attributes;
}

// Every mark of a sentence, as "text | attributes; text | attributes" (a range's own first).
std::string all_marks(const std::string& text, const std::string& date = "2024-07-23") {
  std::string out;
  for (const Marked& m : marks_of(document_of(text, date))) out += (out.empty() ? "" : "; ") + m.text + " | " + m.attributes;
  return out;
}

TEST(DateScanner, NormalisesFullDatesInEveryWrittenForm) {
  testing::expect_each({
      {"It was signed on 24 April 2024 in Paris.", "24 April 2024 | when=2024-04-24"},
      {"It was signed on April 24, 2024 in Paris.", "April 24, 2024 | when=2024-04-24"},
      {"It was signed on 24 Apr. 2024 in Paris.", "24 Apr. 2024 | when=2024-04-24"},
      {"It was signed on 24.07.2024 in Paris.", "24.07.2024 | when=2024-07-24"},
      {"24.07.2024.", "24.07.2024 | when=2024-07-24"},
      {"It was signed on 2024-07-24 in Paris.", "2024-07-24 | when=2024-07-24"},
      {"It was signed on 24/07/2024 in Paris.", "24/07/2024 | when=2024-07-24"},
      {"It was signed on 07/24/2024 in Paris.", "07/24/2024 | when=2024-07-24"},
  }, [](const std::string& input) { return mark(input); });
}

TEST(DateScanner, NormalisesMonthsYearsAndPartialDates) {
  testing::expect_each({
      {"Exports fell in April 2024.", "April 2024 | when=2024-04"},
      {"Growth slowed in mid-2023.", "mid-2023 | notBefore=2023-05 notAfter=2023-08"},
      {"Growth slowed in early 2022.", "early 2022 | notBefore=2022-01 notAfter=2022-04"},
      {"Trade grew through the 1990s.", "1990s | notBefore=1990 notAfter=1999"},
      {"The outlook of 2019 still holds.", "2019 | when=2019"},
      {"Sales rose in Q1 2024.", "Q1 2024 | notBefore=2024-01 notAfter=2024-03"},
      {"Sales rose in the first quarter of 2009.", "the first quarter of 2009 | notBefore=2009-01 notAfter=2009-03"},
  }, [](const std::string& input) { return mark(input); });
}

TEST(DateScanner, NormalisesRanges) {
  EXPECT_EQ(mark("The fair ran 24–26 April 2024 in Hanover."), "24–26 April 2024 | from=2024-04-24 to=2024-04-26");
  // A range holds the dates of its ends, as TimeML tags them (and "since" the date alone).
  testing::expect_each({
      {"Prices rose between 2022 and 2024.", "between 2022 and 2024 | from=2022 to=2024 dur-iso=P2Y; 2022 | when=2022; 2024 | when=2024"},
      {"The envoy has been active since 2022.", "since 2022 | from=2022; 2022 | when=2022"},
      {"Deliveries run from 2009 to 2011.", "from 2009 to 2011 | from=2009 to=2011 dur-iso=P2Y; 2009 | when=2009; 2011 | when=2011"},
      {"Talks ran from May to June 2024.", "from May to June 2024 | from=2024-05 to=2024-06; May | when=2024-05; June 2024 | when=2024-06"},
  }, [](const std::string& input) { return all_marks(input); });
}

TEST(DateScanner, MarksTimesDurationsSetsAndReferencesInTei) {
  // 23 July 2024 is a Tuesday.
  testing::expect_each({
      {"Trading closed at 16:00 GMT today.", "16:00 GMT today | when=2024-07-23T16:00:00Z"},
      {"The plane landed at 6:40 p.m. local time.", "6:40 p.m. | when=2024-07-23T18:40:00"},
      {"The minister resigned on Monday morning.", "Monday morning | notBefore=2024-07-22T06:00:00 notAfter=2024-07-22T11:59:59"},
      {"They celebrated 75 years of relations.", "75 years | dur-iso=P75Y"},
      {"Prices rose for years.", "years | type=duration subtype=years"},
      {"The board meets weekly.", "weekly | type=set dur-iso=P1W"},
      {"The market is weak now.", "now | type=present"},
      {"Prices recently fell.", "recently | type=past notAfter=2024-07-23"},
      {"Sales fell last week.", "last week | when-iso=2024-W29 notBefore=2024-07-15 notAfter=2024-07-21"},
      {"Sales fell last weekend.", "last weekend | notBefore=2024-07-20 notAfter=2024-07-21"},
      {"Sales rose in late March.", "late March | notBefore=2024-03-21 notAfter=2024-03-31"},
      {"The FY2026 budget passed.", "FY2026 | type=fiscal when=2026"},
  }, [](const std::string& input) { return mark(input); });
}

TEST(DateScanner, ResolvesYearlessAndRelativeDatesAgainstTheDocumentDate) {
  // 23 July 2024 is a Tuesday.
  testing::expect_each({
      {"In May, the president travelled to Beijing.", "May | when=2024-05"},
      {"He spoke in Beijing on 24 April about exports.", "24 April | when=2024-04-24"},
      {"The minister resigned on Monday.", "Monday | when=2024-07-22"},
      {"The minister will resign on Friday.", "Friday | when=2024-07-26"},
      {"Wednesday 24 April was busy.", "Wednesday 24 April | when=2024-04-24"},
      {"Exports fell last year.", "last year | when=2023"},
      {"The talks failed two weeks ago.", "two weeks ago | when=2024-07-09"},
      {"The talks failed yesterday.", "yesterday | when=2024-07-22"},
      {"The talks resume today.", "today | when=2024-07-23"},
  }, [](const std::string& input) { return mark(input); });
  std::vector<Marked> marks = marks_of(document_of("Prices rose in March 2023. A year earlier they had fallen.", "2024-07-23"));
  ASSERT_EQ(marks.size(), 2u);
  EXPECT_EQ(marks[1].text + " | " + marks[1].attributes, "A year earlier | when=2022-03");  // the reference's month
}

// The marks of a text whose paragraphs are separated by blank lines, as "text | attributes; …".
std::string marks_in_paragraphs(const std::string& text, const std::string& date) {
  sdk::Document document = document_of(text, date);
  document.blocks.clear();
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find("\n\n", begin);
    if (end == std::string::npos) end = text.size();
    document.blocks.push_back({sdk::BlockKind::paragraph, {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)}, 0, {}});
    begin = end + 2;
  }
  std::string out;
  for (const Marked& m : marks_of(document)) out += (out.empty() ? "" : "; ") + m.text + " | " + m.attributes;
  return out;
}

TEST(DateScanner, GivesYearlessDatesTheYearTheNarrativeIsIn) {
  // The scene is set in 1897; a flash-forward to 1920 does not move the next section's dates,
  // whether the memoir carries a publication date or not.
  std::string memoir =
      "In November, 1897, we sailed from Bristol. On December 3 we reached Lisbon.\n\n"
      "Years later, in 1920, I would return there.\n\n"
      "On December 20 we left Lisbon for Madeira.";
  std::string expected = "November, 1897 | when=1897-11; December 3 | when=1897-12-03; 1920 | when=1920; December 20 | when=1897-12-20";
  EXPECT_EQ(marks_in_paragraphs(memoir, ""), expected);
  EXPECT_EQ(marks_in_paragraphs(memoir, "2024-07-23"), expected);
  // A comma before a year followed by a count is no year.
  EXPECT_EQ(all_marks("In November, 1500 workers left the mill.", "2024-07-23"), "November | when=2023-11");
}

// Sentence ends are the SDK's (sdk::ends_sentence): "No. 595" does not end the sentence, so its
// past tense still dates "February 11th"; "SAFETEA-LU." does, so "In September 2008" opens a
// sentence and sets the year the next paragraph's "second quarter" is in.
TEST(DateScanner, ReadsSentenceEndsAsTheSdkDoes) {
  EXPECT_EQ(mark("Your dispatch of February 11th, No. 595, has been received.", "2011-10-24"), "February 11th | when=2011-02-11");
  EXPECT_EQ(marks_in_paragraphs("In 2005, the law passed. It was called SAFETEA-LU. In September 2008, Congress moved money.\n\n"
                                "The fund ran dry in the second quarter.",
                                "2024-07-23"),
            "2005 | when=2005; September 2008 | when=2008-09; the second quarter | notBefore=2008-04 notAfter=2008-06");
}

TEST(DateScanner, NeverResolvesAPastTenseToAMonthStillToCome) {
  // An article of March 2013: "denied in August" is August 2012, a plan for August is 2013.
  EXPECT_EQ(mark("The company denied the report in August.", "2013-03-20"), "August | when=2012-08");
  EXPECT_EQ(mark("The company has denied in August that it sold the unit.", "2013-03-20"), "August | when=2012-08");
  EXPECT_EQ(all_marks("Sales have fallen since August.", "2013-03-20"), "since August | from=2012-08; August | when=2012-08");
  EXPECT_EQ(mark("The company will report in August.", "2013-03-20"), "August | when=2013-08");
  // A background year in a news sentence does not move the month: "since its launch in 2003 … as of February".
  EXPECT_EQ(all_marks("Sales grew since its launch in 2003 and as of February the store leads.", "2008-04-09"),
            "2003 | when=2003; February | when=2008-02");
}

TEST(DateScanner, ResolvesTheNewsIdiomsForTheDayTheStoryIsIn) {
  // 23 July 2024 is a Tuesday; "on Monday" is the 22nd.
  testing::expect_each({
      {"Stocks fell on Monday. The index ended the day down 3 percent.", "Monday | when=2024-07-22; the day | when=2024-07-22"},
      {"The deal closes by June 10. If no price is agreed by that time, banks decide.",
       "June 10 | when=2024-06-10; that time | when=2024-06-10"},
      {"Stocks had their best week since November.",
       "week | when-iso=2024-W30 notBefore=2024-07-22 notAfter=2024-07-28; since November | from=2023-11; November | when=2023-11"},
      // not the story's day: another day, a relative clause, the day after something
      {"The day after the vote, he resigned.", ""},
      {"The day he left was cold.", ""},
      {"We will call as soon as we can.", ""},
  }, [](const std::string& input) { return all_marks(input); });
  testing::expect_each({
      {"Stocks rose for a fourth week in a row.", "fourth week | when-iso=2024-W30 notBefore=2024-07-22 notAfter=2024-07-28"},
      {"Markets rallied over the weekend.", "the weekend | notBefore=2024-07-20 notAfter=2024-07-21"},
      {"Details will follow very soon.", "very soon | type=future notBefore=2024-07-23"},
      {"Rates stay low in the near term.", "the near term | type=future notBefore=2024-07-23"},
      {"Prices hold for the time being.", "the time being | type=present"},
  }, [](const std::string& input) { return mark(input); });
}

TEST(DateScanner, LeavesNumbersThatAreNotDatesUnmarked) {
  for (const char* text : {"Exports jumped by 12.5 percent.",
                           "As section 2.1 shows, the alignment holds.", "The plan costs $2,019 million.",
                           "The programme has 1,500 staff.", "See P.L. 119-27 and H.R. 2670 for details.",
                           "Over 2000 workers joined the strike.", "China's 12-point position paper is a dead end.",
                           "The Russell 2000 Index fell.", "Version 4.12.0 was released."})
    EXPECT_EQ(marks_of(document_of(text, "2024-07-23")).size(), 0u) << text;
}

TEST(DateScanner, NeverReadsFootnoteMarkersAsPartsOfDates) {
  // "outlook of 20194": the reader says the 4 is a marker, so the year is 2019.
  std::string text = "The outlook of 20194 was confirmed in June 2023.5 and 31.4";
  std::vector<sdk::NoteRef> refs = {{{19, 20}, "4"}, {{48, 49}, "5"}, {{54, 55}, "4"}};
  std::vector<Marked> marks = marks_of(document_of(text, "2024-07-23", refs));
  ASSERT_EQ(marks.size(), 2u);
  EXPECT_EQ(marks[0].text + " | " + marks[0].attributes, "2019 | when=2019");
  EXPECT_EQ(marks[1].text + " | " + marks[1].attributes, "June 2023 | when=2023-06");
}

TEST(DateScanner, ReadsAmbiguousNumericDatesAsConfigured) {
  sdk::Document document = document_of("It was signed on 04/05/2024.", "");
  DateOptions month_first;
  month_first.numeric_order = NumericOrder::month_first;
  EXPECT_EQ(marks_of(document, month_first)[0].attributes, "when=2024-04-05");
  DateOptions day_first;
  day_first.numeric_order = NumericOrder::day_first;
  EXPECT_EQ(marks_of(document, day_first)[0].attributes, "when=2024-05-04");
  // Unsettled: both readings stay possible, and the check reports it.
  EXPECT_EQ(marks_of(document)[0].attributes, "notBefore=2024-04-05 notAfter=2024-05-04");
  EXPECT_EQ(analyse_document(document, {}).findings.size(), 1u);
}

TEST(DateScanner, GivesTheWeekdayCorrectionAsReplacement) {
  DateAnalysis analysis = analyse_document(document_of("They met on Monday, 24 April 2024 in Geneva.", ""), {});
  ASSERT_EQ(analysis.findings.size(), 1u);
  const sdk::Finding& finding = analysis.findings[0];
  EXPECT_EQ(finding.code, "dates/weekday-mismatch");
  ASSERT_TRUE(finding.replacement.has_value());
  EXPECT_EQ(*finding.replacement, "Wednesday");
  EXPECT_NE(finding.message.find("which is a Wednesday"), std::string::npos);
}

TEST(DateScanner, GivesNoReplacementWhenTheYearIsNotWritten) {
  // The weekday does not match 24 April 2024 (the year of the document date), but the year is not written: the slip may be the
  // year's, so no fix is certain (check --fix would otherwise write it into the file).
  DateAnalysis analysis = analyse_document(document_of("On Monday, 24 April the board met.", "2024-05-10"), {});
  ASSERT_EQ(analysis.findings.size(), 1u);
  EXPECT_EQ(analysis.findings[0].code, "dates/weekday-mismatch");
  EXPECT_FALSE(analysis.findings[0].replacement.has_value());
}

TEST(DateScanner, ScansInLinearTimeOnPathologicalInput) {
  // Long runs of near-dates must not make a pattern re-scan: 200,000 tokens finish at once.
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "24 April 24 between since the end of 12.5 ";
  DateAnalysis analysis = analyse_document(document_of(text, "2024-07-23"), {});
  EXPECT_GT(analysis.scanned.dates.size(), 0u);
}

}  // namespace
}  // namespace marginalia::plugins::dates
