// SPDX-License-Identifier: MIT
// Sentence and word segmentation on the conventions reports use: abbreviations, initials,
// decimals, quotations.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text_units.hpp"

namespace marginalia::plugins::rules {
namespace {

std::vector<std::string> sentences(const std::string& text) {
  std::vector<std::string> out;
  for (sdk::Span span : split_sentences(text, {0, static_cast<std::uint32_t>(text.size())})) out.push_back(text.substr(span.begin, span.size()));
  return out;
}

std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  for (sdk::Span span : split_words(text, {0, static_cast<std::uint32_t>(text.size())})) out.push_back(text.substr(span.begin, span.size()));
  return out;
}

TEST(SplitSentences, EndsAtStopsFollowedByACapital) {
  EXPECT_EQ(sentences("Exports rose. Imports fell! Did prices hold? Yes."),
            (std::vector<std::string>{"Exports rose.", "Imports fell!", "Did prices hold?", "Yes."}));
}

TEST(SplitSentences, KeepsAbbreviationsInitialsAndDecimalsInside) {
  EXPECT_EQ(sentences("Dr. J. Smith met Mr. Jones at 3.5 p.m. in the U.S. Embassy. Then he left."),
            (std::vector<std::string>{"Dr. J. Smith met Mr. Jones at 3.5 p.m. in the U.S. Embassy.", "Then he left."}));
}

TEST(SplitSentences, KeepsClosingQuotationMarksWithTheirSentence) {
  EXPECT_EQ(sentences("He said: \u201cIt is over.\u201d Nobody agreed. \u201cNever,\u201d she said."),
            (std::vector<std::string>{"He said: \u201cIt is over.\u201d", "Nobody agreed.", "\u201cNever,\u201d she said."}));
}

TEST(SplitSentences, DoesNotSplitBeforeALowerCaseWord) {
  EXPECT_EQ(sentences("Prices rose, e.g. for fuel. Wages did not."), (std::vector<std::string>{"Prices rose, e.g. for fuel.", "Wages did not."}));
}

TEST(SplitWords, KeepsApostrophesHyphensAndNumbersTogether) {
  EXPECT_EQ(words("The well-known firm's 1,000.5 units don't \u0160ef\u010Dovi\u010D."),
            (std::vector<std::string>{"The", "well-known", "firm's", "1,000.5", "units", "don't", "\u0160ef\u010Dovi\u010D"}));
}

TEST(SplitWords, SplitsAtDashesAndTrailingPunctuation) {
  EXPECT_EQ(words("rose \u2014 and fell- then 5."), (std::vector<std::string>{"rose", "and", "fell", "then", "5"}));
}

}  // namespace
}  // namespace marginalia::plugins::rules
