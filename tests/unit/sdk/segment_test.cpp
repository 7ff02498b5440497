// SPDX-License-Identifier: MIT
// The SDK's text utilities: sentence and word segmentation on the conventions reports use: abbreviations, initials,
// decimals, quotations.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "marginalia/sdk/segment.hpp"
#include "marginalia/sdk/unicode.hpp"

namespace marginalia::sdk {
namespace {

std::vector<std::string> sentences(const std::string& text) {
  std::vector<std::string> out;
  for (Span span : split_sentences(text, {0, static_cast<std::uint32_t>(text.size())})) out.push_back(text.substr(span.begin, span.size()));
  return out;
}

std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  for (Span span : split_words(text, {0, static_cast<std::uint32_t>(text.size())})) out.push_back(text.substr(span.begin, span.size()));
  return out;
}

TEST(SplitSentences, EndsWhereAReaderWould) {
  struct Case {
    const char* rule;
    std::string text;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {"Ends at stops followed by a capital", "Exports rose. Imports fell! Did prices hold? Yes.",
       {"Exports rose.", "Imports fell!", "Did prices hold?", "Yes."}},
      {"Keeps abbreviations initials and decimals inside", "Dr. J. Smith met Mr. Jones at 3.5 p.m. in the U.S. Embassy. Then he left.",
       {"Dr. J. Smith met Mr. Jones at 3.5 p.m. in the U.S. Embassy.", "Then he left."}},
      {"Keeps closing quotation marks with their sentence", "He said: \u201cIt is over.\u201d Nobody agreed. \u201cNever,\u201d she said.",
       {"He said: \u201cIt is over.\u201d", "Nobody agreed.", "\u201cNever,\u201d she said."}},
      {"Does not split before a lower case word", "Prices rose, e.g. for fuel. Wages did not.",
       {"Prices rose, e.g. for fuel.", "Wages did not."}},
      {"Knows initials and number abbreviations", "The map is by J. R. R. Tolkien. See No. 5 and Fig. 3 for details. It was drawn in 1937.",
       {"The map is by J. R. R. Tolkien.", "See No. 5 and Fig. 3 for details.", "It was drawn in 1937."}},
      // Ł, Š and Ж are capitals outside Latin-1: each starts a new sentence.
      {"Ends before a capital of any script",
       "The talks ended. \u0141ukasz Nowak left. \u0160ef\u010Dovi\u010D stayed. \u0416\u0443\u043A\u043E\u0432 spoke.",
       {"The talks ended.", "\u0141ukasz Nowak left.", "\u0160ef\u010Dovi\u010D stayed.", "\u0416\u0443\u043A\u043E\u0432 spoke."}},
      {"A stop inside a closing quotation mark ends the sentence around it",
       "The minister said \"we will act.\" The opposition disagreed.",
       {"The minister said \"we will act.\"", "The opposition disagreed."}},
  };
  for (const Case& c : cases) EXPECT_EQ(sentences(c.text), c.expected) << c.rule;
}

TEST(SplitWords, KeepsApostrophesHyphensAndNumbersTogether) {
  EXPECT_EQ(words("The well-known firm's 1,000.5 units don't \u0160ef\u010Dovi\u010D."),
            (std::vector<std::string>{"The", "well-known", "firm's", "1,000.5", "units", "don't", "\u0160ef\u010Dovi\u010D"}));
}

TEST(SplitWords, SplitsAtDashesAndTrailingPunctuation) {
  EXPECT_EQ(words("rose \u2014 and fell- then 5."), (std::vector<std::string>{"rose", "and", "fell", "then", "5"}));
}


TEST(AbbreviationBefore, TellsAbbreviationsFromSentenceEnds) {
  std::string text = "Mr. Smith met the U.S. team and Dr. Ng. It rained.";
  EXPECT_TRUE(is_abbreviation_before(text, 0, text.find("Mr.") + 2));
  EXPECT_TRUE(is_abbreviation_before(text, 0, text.find("U.S.") + 3));
  EXPECT_TRUE(is_abbreviation_before(text, 0, text.find("Dr.") + 2));
  EXPECT_FALSE(is_abbreviation_before(text, 0, text.find("Ng.") + 2));
}

TEST(Unicode, LetterAndCaseClassesCoverEveryScript) {
  for (char32_t c : {U'a', U'\u00E9', U'\u0142', U'\u03B1', U'\u0436', U'\u05D0', U'\u6771'}) EXPECT_TRUE(unicode::is_letter(c)) << static_cast<unsigned>(c);
  for (char32_t c : {U'1', U'.', U'\u201C', U'\u2014', U' ', U'\U0001F600'}) EXPECT_FALSE(unicode::is_letter(c)) << static_cast<unsigned>(c);
  EXPECT_TRUE(unicode::is_upper(U'\u0141'));   // Ł
  EXPECT_TRUE(unicode::is_upper(U'\u0160'));   // Š
  EXPECT_TRUE(unicode::is_upper(U'\u01C5'));   // ǅ, title case
  EXPECT_TRUE(unicode::is_lower(U'\u0151'));   // ő
  EXPECT_FALSE(unicode::is_upper(U'\u6771'));  // 東 has no case
  EXPECT_FALSE(unicode::is_lower(U'\u6771'));
  EXPECT_TRUE(unicode::is_digit(U'\u0667'));   // Arabic-Indic seven
}

TEST(Unicode, ScriptsOfLettersAndCommonForTheRest) {
  EXPECT_EQ(unicode::script(U'\u0160'), unicode::Script::latin);
  EXPECT_EQ(unicode::script(U'\u03AC'), unicode::Script::greek);
  EXPECT_EQ(unicode::script(U'\u0416'), unicode::Script::cyrillic);
  EXPECT_EQ(unicode::script(U'\u05D0'), unicode::Script::hebrew);
  EXPECT_EQ(unicode::script(U'\u6771'), unicode::Script::han);
  EXPECT_EQ(unicode::script(U'7'), unicode::Script::common);
  EXPECT_EQ(unicode::script(U'\u201C'), unicode::Script::common);
  EXPECT_STREQ(unicode::to_string(unicode::Script::cyrillic), "cyrillic");
}

}  // namespace
}  // namespace marginalia::sdk
