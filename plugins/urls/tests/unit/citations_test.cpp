// SPDX-License-Identifier: MIT
#include "citations.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "url_findings.hpp"

namespace marginalia::plugins::urls {
namespace {

// The citations of `text` where each {words, target} makes the first `words` a link to `target`.
std::vector<Cited> citations_of(const std::string& text, const std::vector<std::pair<std::string, std::string>>& links = {}) {
  sdk::Document d;
  d.text = text;
  for (const auto& [words, target] : links) {
    std::size_t at = d.text.find(words);
    d.links.push_back({{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + words.size())}, target});
  }
  return collect_citations(d);
}

TEST(Citations, GroupsEveryCitationOfOneUrl) {
  std::vector<Cited> cited = citations_of("A https://Example.org/a#one, B https://example.org/a#two and C https://example.org/b.");
  ASSERT_EQ(cited.size(), 2u);
  EXPECT_EQ(cited[0].citations.size(), 2u);
  EXPECT_EQ(cited[0].key, "https://example.org/a");
  EXPECT_EQ(cited[1].key, "https://example.org/b");
}

TEST(Citations, LetsTheLinkWinOverTheTextItCovers) {
  std::vector<Cited> cited = citations_of("Read https://shown.example/ now.", {{"https://shown.example/", "https://real.example/target"}});
  ASSERT_EQ(cited.size(), 1u);
  EXPECT_EQ(cited[0].request, "https://real.example/target");
  EXPECT_FALSE(cited[0].citations[0].span_is_url);
}

TEST(Citations, IgnoresRelativeAndMailLinksAndFlagsOtherSchemes) {
  std::vector<Cited> cited = citations_of("annex, mail, draft, script", {{"annex", "./annex.md#a"},
                                                                         {"mail", "mailto:press@example.org"},
                                                                         {"draft", "file:///home/me/draft.docx"},
                                                                         {"script", "javascript:alert(1)"}});
  ASSERT_EQ(cited.size(), 2u);
  EXPECT_EQ(cited[0].kind, CitedKind::blocked_scheme);
  EXPECT_EQ(cited[0].scheme, "file");
  EXPECT_EQ(cited[1].scheme, "javascript");
}

TEST(Findings, PermanentRedirectOffersTheNewUrlOnlyWhereTheUrlIsWritten) {
  std::vector<Cited> cited = citations_of("See http://example.org/old and [the report].", {{"the report", "http://example.org/old"}});
  ASSERT_EQ(cited.size(), 1u);
  sdk::FetchResult moved;
  moved.outcome = sdk::FetchOutcome::redirected;
  moved.permanent_redirect = true;
  moved.redirects = {"https://example.org/new"};
  moved.final_url = "https://example.org/new";
  Verdict verdict = judge(cited[0], moved, {});
  ASSERT_TRUE(verdict.finding);
  EXPECT_EQ(verdict.status, "redirected");
  EXPECT_EQ(verdict.finding->replacement.value_or(""), "https://example.org/new");
  ASSERT_EQ(verdict.finding->related.size(), 1u);
  EXPECT_EQ(verdict.finding->related[0].message, "also cited here");
}

TEST(Findings, DoiRegisteredWhateverThePublisherSays) {
  std::vector<Cited> cited = citations_of("doi:10.1000/182");
  ASSERT_EQ(cited.size(), 1u);
  EXPECT_EQ(cited[0].request, "https://doi.org/10.1000/182");
  sdk::FetchResult blocked_by_publisher;
  blocked_by_publisher.outcome = sdk::FetchOutcome::client_error;
  blocked_by_publisher.http_status = 403;
  blocked_by_publisher.redirects = {"https://publisher.example/article"};
  EXPECT_FALSE(judge(cited[0], blocked_by_publisher, {}).finding);
  EXPECT_EQ(judge(cited[0], std::nullopt, {}).status, "unchecked");
}

TEST(Findings, EveryCodeIsDeclaredOnce) {
  const std::vector<sdk::CodeInfo>& codes = code_table.codes();
  for (std::size_t i = 0; i < codes.size(); ++i) {
    EXPECT_EQ(codes[i].code.rfind("urls/", 0), 0u);
    for (std::size_t j = i + 1; j < codes.size(); ++j) EXPECT_NE(codes[i].code, codes[j].code);
  }
}

}  // namespace
}  // namespace marginalia::plugins::urls
