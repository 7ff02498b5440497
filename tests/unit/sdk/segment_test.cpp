// SPDX-License-Identifier: MIT
// The SDK's text utilities: sentence and word segmentation on the conventions reports use: abbreviations, initials,
// decimals, quotations.
#include <gtest/gtest.h>

#include <chrono>
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

std::vector<std::string> sentences(const std::string& text, const SentenceContext& context) {
  std::vector<std::string> out;
  for (Span span : split_sentences(text, {0, static_cast<std::uint32_t>(text.size())}, context)) out.push_back(text.substr(span.begin, span.size()));
  return out;
}

Span span_of(const std::string& text, const std::string& part) {
  auto at = static_cast<std::uint32_t>(text.find(part));
  return {at, static_cast<std::uint32_t>(at + part.size())};
}

// The quotes plugin's reading: quotations are opaque, note markers glued to a stop stay with it.
TEST(SplitSentences, StopsInsideAQuotationEndTheSentenceOnlyAtTheQuotationsEnd) {
  std::string text = "He said \u201cWe left. They stayed\u201d and went home. \u201cIt is over.\u201d Nobody agreed.";
  SentenceContext context;
  context.quotations = {span_of(text, "\u201cWe left. They stayed\u201d"), span_of(text, "\u201cIt is over.\u201d")};
  EXPECT_EQ(sentences(text, context), (std::vector<std::string>{"He said \u201cWe left. They stayed\u201d and went home.",
                                                                "\u201cIt is over.\u201d", "Nobody agreed."}));
  // Without the quotations, the first one's inner stop ends a sentence.
  EXPECT_EQ(sentences(text).size(), 4u);
}

TEST(SplitSentences, KeepsANoteMarkerAfterTheStopWithItsSentence) {
  std::string text = "Prices rose.12 Wages did not.3";
  SentenceContext context;
  context.markers = {{12, 14}, {static_cast<std::uint32_t>(text.size() - 1), static_cast<std::uint32_t>(text.size())}};
  EXPECT_EQ(sentences(text, context), (std::vector<std::string>{"Prices rose.12", "Wages did not.3"}));
  EXPECT_EQ(sentences(text).size(), 1u);  // unmarked, "12" glued to the stop hides the boundary
}

TEST(SplitSentences, KnowsMoreAbbreviationsAndCaselessScripts) {
  EXPECT_EQ(sentences("Shares of Acme Inc. Rose sharply. Smith et al. Found more. Ask Messrs. Brown and Lt. Gray."),
            (std::vector<std::string>{"Shares of Acme Inc. Rose sharply.", "Smith et al. Found more.", "Ask Messrs. Brown and Lt. Gray."}));
  EXPECT_EQ(sentences("The talks ended. \u6771\u4EAC responded."), (std::vector<std::string>{"The talks ended.", "\u6771\u4EAC responded."}));
  EXPECT_EQ(sentences("He said no. The board agreed. See no. 5 and Art. 12."),
            (std::vector<std::string>{"He said no.", "The board agreed.", "See no. 5 and Art. 12."}));
}

// Each stop of a run ("......") reaches the same verdict: the run is read once, not once per
// stop (400,000 stops took minutes when every stop rescanned the rest of the run).
TEST(SplitSentences, ReadsALongRunOfStopsOnce) {
  std::string text = "a" + std::string(400000, '.') + "x" + std::string(400000, '?') + " Then it ended.";
  auto started = std::chrono::steady_clock::now();
  std::vector<std::string> out = sentences(text);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[1], "Then it ended.");
}

TEST(EndsSentence, AppliesTheSplittersRuleToOneStop) {
  std::string text = "Is it? yes. We met on Wed. 5 March in the U.S. Then we flew to the UK. It rained!";
  Span all{0, static_cast<std::uint32_t>(text.size())};
  EXPECT_FALSE(ends_sentence(text, all, text.find('?')));              // a lower-case word follows
  EXPECT_TRUE(ends_sentence(text, all, text.find("yes.") + 3));        // "We" follows
  EXPECT_FALSE(ends_sentence(text, all, text.find("Wed.") + 3));       // a weekday abbreviation before a date
  EXPECT_FALSE(ends_sentence(text, all, text.find("U.S.") + 3));       // "U.S." then a capital
  EXPECT_TRUE(ends_sentence(text, all, text.find("UK.") + 2));         // two capitals are a word, not an initial
  EXPECT_TRUE(ends_sentence(text, all, text.size() - 1));              // the end of the span
  EXPECT_FALSE(ends_sentence(text, all, text.find("met")));            // not a stop
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

TEST(AbbreviationBefore, InitialsOfAnyScriptAndWordsThatAreAlsoAbbreviations) {
  std::string text = "By \u0141. Nowak. The sun. On Sat. the fig. 3 shows no. 4 Fig. It";
  EXPECT_TRUE(is_abbreviation_before(text, 0, text.find("\u0141.") + 2));  // Ł. is an initial
  EXPECT_FALSE(is_abbreviation_before(text, 0, text.find("sun.") + 3));     // "sun" is a word
  EXPECT_TRUE(is_abbreviation_before(text, 0, text.find("Sat.") + 3));      // "Sat" capitalised is a weekday
  EXPECT_TRUE(is_abbreviation_before(text, 0, text.find("fig.") + 3));      // lower case before a number
  EXPECT_TRUE(is_abbreviation_before(text, 0, text.find("no.") + 2));
  EXPECT_TRUE(is_abbreviation_before(text, 0, text.find("Fig.") + 3));
  EXPECT_FALSE(is_abbreviation_before(text, 0, text.find("Nowak.") + 5));
}

TEST(StartsSentence, CapitalsCaselessLettersDigitsAndOpeners) {
  for (char32_t c : {U'A', U'\u0141', U'\u6771', U'\u05D0', U'7', U'\u201C', U'(', U'"'}) EXPECT_TRUE(starts_sentence(c)) << static_cast<unsigned>(c);
  for (char32_t c : {U'a', U'\u0142', U',', U'\u2014'}) EXPECT_FALSE(starts_sentence(c)) << static_cast<unsigned>(c);
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

TEST(Unicode, CaseMappingCoversEveryScript) {
  EXPECT_EQ(unicode::to_lower(U'A'), U'a');
  EXPECT_EQ(unicode::to_lower(U'\u0141'), U'\u0142');  // Ł → ł, outside Latin-1
  EXPECT_EQ(unicode::to_lower(U'\u0160'), U'\u0161');  // Š → š
  EXPECT_EQ(unicode::to_lower(U'\u03A3'), U'\u03C3');  // Σ → σ
  EXPECT_EQ(unicode::to_lower(U'\u0416'), U'\u0436');  // Ж → ж
  EXPECT_EQ(unicode::to_upper(U'\u0142'), U'\u0141');
  EXPECT_EQ(unicode::to_upper(U'\u00E9'), U'\u00C9');  // é → É
  for (char32_t c : {U'7', U'.', U'\u6771', U'\u201C'}) {
    EXPECT_EQ(unicode::to_lower(c), c);
    EXPECT_EQ(unicode::to_upper(c), c);
  }
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
