// SPDX-License-Identifier: MIT
// The quotes plugin's analysis on the seed report and on small inputs: what is found,
// classified, attributed and cited, and how the source matcher and source lookup behave.
// (Findings per input are covered by the fixtures in plugins/quotes/tests/{valid,invalid}.)
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "input/html_text.hpp"
#include "quote_analyzer.hpp"
#include "quote_checks.hpp"
#include "readers/reader_registry.hpp"
#include "source_checker.hpp"
#include "source_library.hpp"
#include "source_matcher.hpp"

namespace marginalia::plugins::quotes {
namespace {

namespace fs = std::filesystem;

model::LoadedDocument read(const std::string& name, const std::string& text) {
  readers::ReadResult result = readers::read_bytes(name, text, {});
  EXPECT_TRUE(result.document.has_value());
  return std::move(*result.document);
}

std::string seed() {
  std::ifstream in(std::string(MARGINALIA_SHARED_DIR) + "/seeds/000_a6c07b14fbcfaecc.txt", std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

const Quotation* starting_with(const sdk::Document& d, const Analysis& a, std::string_view words) {
  for (const Quotation& q : a.quotations)
    if (d.slice(q.inner).substr(0, words.size()) == words) return &q;
  return nullptr;
}

TEST(QuotesSeedReport, FindsEveryPairClassifiesAttributesAndCitesWithNoFinding) {
  std::string text = seed();
  if (text.empty()) GTEST_SKIP() << "seed report not found under " << MARGINALIA_SHARED_DIR;
  model::LoadedDocument loaded = read("seed.txt", text);
  const sdk::Document& d = loaded.document;
  Analysis a = QuoteAnalyzer().analyse(d);
  EXPECT_TRUE(a.stray.empty());
  int doubles = 0, singles = 0;
  for (const Quotation& q : a.quotations) (q.open_mark == 0x201C ? doubles : singles) += 1;
  EXPECT_EQ(doubles, 22);  // all “…” pairs, balanced
  EXPECT_EQ(singles, 3);   // ‘marriage of convenience’, ‘friendly balancing’, ‘forbidden’
  struct Expected { const char* words; const char* speaker; const char* cite; };
  for (const Expected& e : {Expected{"Moscow is using", "Antony Blinken", "2"},
                            Expected{"More effort is needed", "Ursula von der Leyen", "3"},
                            Expected{"a partner for cooperation", "the Commission’s 2019 strategic outlook", "4"},
                            Expected{"The war in Ukraine is a long-term war", "Beijing", "12"},
                            Expected{"form a balanced", "Wang Yi", "18"},
                            Expected{"address the legitimate security concerns", "Xi Jinping", "20"},
                            Expected{"re-affirm that", "the joint statement of 4 February 2022", "22"}}) {
    const Quotation* q = starting_with(d, a, e.words);
    ASSERT_NE(q, nullptr) << e.words;
    EXPECT_EQ(q->kind, QuoteKind::direct) << e.words;
    EXPECT_EQ(q->speaker.name, e.speaker) << e.words;
    EXPECT_EQ(q->citation.target, e.cite) << e.words;
  }
  for (const char* scare : {"best friend", "limitless partners", "pivot to the East", "crisis", "marriage of convenience",
                            "friendly balancing", "forbidden", "circle of friends", "de-Nazification", "Ukraine crisis"}) {
    const Quotation* q = starting_with(d, a, scare);
    ASSERT_NE(q, nullptr) << scare;
    EXPECT_EQ(q->kind, QuoteKind::scare) << scare;
  }
  const Quotation* title = starting_with(d, a, "Joint Statement on Deepening");
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(title->kind, QuoteKind::title);
  EXPECT_TRUE(check_quotations(d, a, {}).empty());
}

TEST(QuoteScanner, ApostrophesAreNotQuotationMarks) {
  model::LoadedDocument loaded = read("a.txt", "Russia’s exports in the ’90s, rock ’n’ roll and Xi Jinping’s visit; the allies’ view.\n");
  Analysis a = QuoteAnalyzer().analyse(loaded.document);
  EXPECT_TRUE(a.quotations.empty());
  EXPECT_TRUE(a.stray.empty());
}

TEST(QuoteScanner, JoinsAQuotationOverSeveralParagraphs) {
  model::LoadedDocument loaded = read("a.md", "She wrote:\n\n“First part of the letter.\n\n“Second part of the letter.”\n");
  Analysis a = QuoteAnalyzer().analyse(loaded.document);
  ASSERT_EQ(a.quotations.size(), 1u);
  EXPECT_EQ(a.quotations[0].pieces.size(), 2u);
  EXPECT_TRUE(a.stray.empty());
}

TEST(QuoteScanner, ReportsTheOpeningMarkOfAnUnclosedQuotation) {
  std::string text = "He said “this never ends.\n\nNext paragraph.\n";
  model::LoadedDocument loaded = read("a.md", text);
  Analysis a = QuoteAnalyzer().analyse(loaded.document);
  ASSERT_EQ(a.stray.size(), 1u);
  EXPECT_TRUE(a.stray[0].opening);
  EXPECT_EQ(loaded.document.slice(a.stray[0].span), "“");
}

TEST(QuoteAnalyzer, LaterSurnameResolvesToTheFullName) {
  model::LoadedDocument loaded = read("a.md",
                                      "US Secretary of State Antony Blinken arrived in Beijing.\n\n"
                                      "Blinken said that “the talks were frank and covered every point of disagreement”.[^1]\n\n"
                                      "[^1]: Press release.\n");
  Analysis a = QuoteAnalyzer().analyse(loaded.document);
  ASSERT_EQ(a.quotations.size(), 1u);
  EXPECT_EQ(a.quotations[0].speaker.name, "Antony Blinken");
  EXPECT_EQ(a.quotations[0].citation.target, "1");
}

TEST(QuoteAnalyzer, NamesInAnyScriptAreNames) {
  model::LoadedDocument loaded = read("a.md",
                                      "Commission Vice-President Maroš Šefčovič said that “the door to a settlement remains open”.[^1]\n\n"
                                      "Łukasz Nowak: “The tariffs will hurt exporters on both sides of the border.”[^1]\n\n"
                                      "“We will not accept a deal that leaves our farmers behind,” Šefčovič added.[^1]\n\n"
                                      // An initial outside ASCII ends no sentence and stays with its name.
                                      "The council met. Ž. Kovač, who chairs it, was blunt. “We will fight the closure in every court.”[^1]\n\n"
                                      "According to Š. Horvat the plan was “a betrayal of everyone who works in the valley”.[^1]\n\n"
                                      "[^1]: Press conference.\n");
  Analysis a = QuoteAnalyzer().analyse(loaded.document);
  const sdk::Document& d = loaded.document;
  ASSERT_NE(starting_with(d, a, "the door"), nullptr);
  EXPECT_EQ(starting_with(d, a, "the door")->speaker.name, "Maroš Šefčovič");
  EXPECT_EQ(starting_with(d, a, "The tariffs")->speaker.name, "Łukasz Nowak");
  EXPECT_EQ(starting_with(d, a, "We will not")->speaker.name, "Maroš Šefčovič");
  ASSERT_NE(starting_with(d, a, "We will fight"), nullptr);
  EXPECT_EQ(starting_with(d, a, "We will fight")->speaker.name, "Ž. Kovač");
  ASSERT_NE(starting_with(d, a, "a betrayal"), nullptr);
  EXPECT_EQ(starting_with(d, a, "a betrayal")->speaker.name, "Š. Horvat");
}

TEST(QuoteAnalyzer, DocumentsInstitutionsPronounsAndColonSubjectsSpeak) {
  model::LoadedDocument loaded = read(
      "a.md",
      "The joint statement was published on Friday. It stated that “both sides will refrain from any step that could escalate”.[^1]\n\n"
      "The statement said that “the border will be reopened to trade within thirty days”.[^1]\n\n"
      "The ministry announced that “all consular services will resume on the first of next month”.[^1]\n\n"
      "Article 12 of the treaty reads: “Each party shall respect the territorial integrity of the other.”[^1]\n\n"
      "The foreign minister Anna Berg met her counterpart in Vienna. She added that “the details will be settled by the experts”.[^1]\n\n"
      "Minister Paul Roth spoke first. Critics were blunter: “This deal rewards the aggressor and punishes nobody at all.”[^1]\n\n"
      "The book argues for restraint. As the author puts it, a “patient, step-by-step diplomacy is worth more than any bargain”.[^1]\n\n"
      "[^1]: Source.\n");
  Analysis a = QuoteAnalyzer().analyse(loaded.document);
  const sdk::Document& d = loaded.document;
  auto speaker = [&](std::string_view words) {
    const Quotation* q = starting_with(d, a, words);
    return q ? q->speaker : Speaker{};
  };
  EXPECT_EQ(speaker("both sides").name, "The joint statement");
  EXPECT_EQ(speaker("both sides").type, SpeakerType::document);
  EXPECT_EQ(speaker("the border").type, SpeakerType::document);
  EXPECT_EQ(speaker("all consular").name, "The ministry");
  EXPECT_EQ(speaker("all consular").type, SpeakerType::organisation);
  EXPECT_EQ(speaker("Each party").type, SpeakerType::document);
  EXPECT_NE(speaker("Each party").name.find("treaty"), std::string::npos);
  EXPECT_EQ(speaker("the details").name, "Anna Berg");
  EXPECT_EQ(speaker("This deal").name, "Critics");
  EXPECT_EQ(speaker("patient").name, "the author");
}

TEST(QuoteAnalyzer, SourcesNamedInTheTextCiteTheQuotation) {
  model::LoadedDocument loaded = read(
      "a.md",
      "One paper said “the economy is stalling badly in every region of the country” (Frankfurter Zeitung, 3 May 1921).\n\n"
      "Smith (2020, p. 4) argues that “nothing in the archive supports the later account”.\n\n"
      "“The numbers do not add up in any of the three regions studied here” (Okafor 2019, p. 12).\n");
  Analysis a = QuoteAnalyzer().analyse(loaded.document);
  const sdk::Document& d = loaded.document;
  const Quotation* paper = starting_with(d, a, "the economy");
  ASSERT_NE(paper, nullptr);
  EXPECT_TRUE(paper->citation.in_text);
  EXPECT_EQ(paper->citation.target, "Frankfurter Zeitung, 3 May 1921");
  EXPECT_EQ(starting_with(d, a, "nothing in")->speaker.name, "Smith");
  EXPECT_TRUE(starting_with(d, a, "nothing in")->citation.in_text);
  EXPECT_EQ(starting_with(d, a, "The numbers")->speaker.name, "Okafor");
}

TEST(SourceIndex, ToleratesTypographyElisionsAndInsertions) {
  SourceIndex index("Russia's defence – industrial base depends on the People's Republic of China's machine tools.");
  EXPECT_TRUE(index.find("RUSSIA’S defence—industrial base […] on [China’s] machine tools").found);
  EXPECT_TRUE(index.find("[T]he People's Republic [sic] of China's machine tools").found);
  EXPECT_FALSE(index.find("Russia's defence base depends on Chinese machine tools").found);
}

TEST(SourceIndex, ShowsTheClosestPassageAndHowFarItDiffers) {
  SourceIndex index("Opening remarks. The PRC is the top supplier of machine tools to Russia. Closing remarks.");
  MatchResult r = index.find("China is the top supplier of machine tools to Russia");
  EXPECT_FALSE(r.found);
  EXPECT_EQ(r.quote_words, 10);
  EXPECT_EQ(r.differing_words, 1);
  EXPECT_EQ(r.closest, "PRC is the top supplier of machine tools to Russia");
}

TEST(SourceLibrary, NamesUrlCopiesAndReducesHtmlToText) {
  EXPECT_EQ(file_name_for_url("https://www.state.gov/briefings/press-briefing/"), "www.state.gov_briefings_press-briefing");
  EXPECT_EQ(input::html_to_text("<p>Russia&rsquo;s&nbsp;base</p><script>x</script>"), "Russia\xE2\x80\x99s base");
  EXPECT_EQ(urls_in("See https://example.org/a. And http://b.example/c)"), (std::vector<std::string>{"https://example.org/a", "http://b.example/c"}));
}

TEST(SourceChecker, UsesFetchedTextAndSkipsSourcesThatCannotBeHad) {
  model::LoadedDocument loaded = read("a.md",
                                      "Spokesperson Matthew Miller said that “the sanctions will be lifted soon after the talks”.[^1]\n\n"
                                      "[^1]: Briefing, https://www.example.org/briefing\n");
  Analysis a = QuoteAnalyzer().analyse(loaded.document);
  SourceLibrary none("");
  int calls = 0;
  Fetcher fetched = [&](const std::vector<sdk::FetchRequest>& requests) {
    ++calls;
    std::vector<sdk::FetchResult> results;
    for (const sdk::FetchRequest& r : requests) {
      EXPECT_EQ(r.mode, sdk::FetchMode::text);
      sdk::FetchResult result;
      result.url = r.url;
      result.outcome = sdk::FetchOutcome::ok;
      result.text = "MR MILLER: The sanctions will stay in place until the war ends.";
      results.push_back(result);
    }
    return results;
  };
  std::vector<sdk::Finding> findings = check_sources(loaded.document, a, none, fetched);
  EXPECT_EQ(calls, 1);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].code, "quotes/not-in-source");
  Fetcher offline = [](const std::vector<sdk::FetchRequest>& requests) {
    std::vector<sdk::FetchResult> results(requests.size());
    for (sdk::FetchResult& r : results) r.outcome = sdk::FetchOutcome::offline;
    return results;
  };
  SourceCheckStats stats;
  EXPECT_TRUE(check_sources(loaded.document, a, none, offline, &stats).empty());
  EXPECT_EQ(stats.unavailable, 1);
}

}  // namespace
}  // namespace marginalia::plugins::quotes
