// SPDX-License-Identifier: MIT
#include "url_scanner.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "doi.hpp"
#include "support/case_table.hpp"
#include "url_syntax.hpp"

namespace marginalia::plugins::urls {
namespace {

std::vector<std::string> found(std::string_view text) {
  std::vector<std::string> out;
  for (const Candidate& c : scan_urls(text)) out.push_back(std::string(text.substr(c.span.begin, c.span.size())));
  return out;
}

// The URLs found in `text`, joined by " | ".
std::string found_joined(const std::string& text) {
  std::string out;
  for (const std::string& url : found(text)) out += (out.empty() ? "" : " | ") + url;
  return out;
}

TEST(UrlScanner, LeavesSentencePunctuationAndForeignBracketsOutside) {
  testing::expect_each({
      {"(see https://example.org/a).", "https://example.org/a"},
      {"at https://example.org/a, then", "https://example.org/a"},
      {"Is it https://example.org/?q=1?", "https://example.org/?q=1"},
      {"[https://example.org/x]", "https://example.org/x"},
      {"“https://example.org/q” and «https://example.org/r»", "https://example.org/q | https://example.org/r"},
      {"<https://example.org/auto>", "https://example.org/auto"},
      {"'https://example.org/s'", "https://example.org/s"},
      {"https://example.org/a—and more", "https://example.org/a"},
  }, found_joined);
}

TEST(UrlScanner, KeepsBracketsTheUrlOpened) {
  testing::expect_each({
      {"(https://en.wikipedia.org/wiki/Mercury_(planet)).", "https://en.wikipedia.org/wiki/Mercury_(planet)"},
      {"https://example.org/a[1]/b", "https://example.org/a[1]/b"},
  }, found_joined);
}

TEST(UrlScanner, FindsWwwDoisAndNearMisses) {
  std::vector<Candidate> candidates = scan_urls("www.example.org/x; doi:10.1000/182, DOI: 10.1000/183 and DOI 10.1000/184. "
                                                "https:/example.org and http//example.net and www.nodot and doing");
  ASSERT_EQ(candidates.size(), 6u);
  EXPECT_EQ(candidates[0].kind, CandidateKind::www);
  EXPECT_EQ(candidates[0].text, "www.example.org/x");
  EXPECT_EQ(candidates[1].kind, CandidateKind::doi);
  EXPECT_EQ(candidates[1].text, "10.1000/182");
  EXPECT_EQ(candidates[2].text, "10.1000/183");
  EXPECT_EQ(candidates[3].text, "10.1000/184");
  EXPECT_EQ(candidates[4].kind, CandidateKind::missing_slash);
  EXPECT_EQ(candidates[4].text, "https://example.org");
  EXPECT_EQ(candidates[5].kind, CandidateKind::missing_colon);
  EXPECT_EQ(candidates[5].text, "http://example.net");
}

TEST(UrlScanner, DoesNotStartInsideWordsOrEmailAddresses) {
  EXPECT_TRUE(found("press@www.example.org and xhttps is not a scheme").empty());
  EXPECT_EQ(found("URL:https://example.org/a"), std::vector<std::string>{"https://example.org/a"});
  EXPECT_EQ(found("https://web.archive.org/web/2020/https://example.org/"),
            std::vector<std::string>{"https://web.archive.org/web/2020/https://example.org/"});
}

TEST(UrlScanner, KeepsNonAsciiPathsAndStopsAtUnicodeSpace) {
  EXPECT_EQ(found("https://de.wikipedia.org/wiki/Köln\u00A0und"), std::vector<std::string>{"https://de.wikipedia.org/wiki/Köln"});
}

TEST(UrlScanner, IsLinearOnPathologicalText) {
  std::string colons(2'000'000, ':');
  std::string slashes;
  for (int i = 0; i < 200'000; ++i) slashes += "ab:/";
  std::string brackets = "https://example.org/" + std::string(500'000, ')');
  auto start = std::chrono::steady_clock::now();
  scan_urls(colons);
  scan_urls(slashes);
  EXPECT_EQ(found(brackets), std::vector<std::string>{"https://example.org/"});
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 5.0);
}

TEST(UrlSyntax, ParsesAndNormalisesWithLibcurl) {
  UrlSyntax url = parse_url("HTTPS://Example.ORG/Köln?q=1#frag");
  ASSERT_TRUE(url.ok) << url.problem;
  EXPECT_EQ(url.scheme, "https");
  EXPECT_EQ(url.key, "https://example.org/K%C3%B6ln?q=1");
  EXPECT_EQ(url.request, "HTTPS://Example.ORG/K%C3%B6ln?q=1#frag");
  EXPECT_FALSE(parse_url("http://example.com:99999/").ok);
  EXPECT_EQ(parse_url("http://x..org/").problem, "the host name x..org has an empty label");
  EXPECT_EQ(parse_url("http://-x.org/").problem, "the host name -x.org has a label starting or ending with a hyphen");
  EXPECT_EQ(parse_url("http:///path").problem, "no host name after \"//\"");
  EXPECT_TRUE(parse_url("http://2130706433/").ok);  // an odd spelling of an address: the host's policy judges it
  EXPECT_TRUE(parse_url("file:///etc/passwd").ok);
}

TEST(UrlSyntax, KnowsSchemes) {
  testing::expect_each({
      {"mailto:a@b.c", "mailto"},
      {"./a:b", ""},
      {"HTTPS://x", "https"},
  }, scheme_of);
  EXPECT_TRUE(is_non_web_scheme("tel"));
  testing::expect_each({
      {"htp", "http"},
      {"htps", "https"},
      {"htttps", "https"},
      {"ftp", ""},
      {"hxxp", ""},
      {"javascript", ""},
  }, corrected_scheme);
}

TEST(Doi, ChecksSyntaxAndReadsDoiOrgUrls) {
  testing::expect_each({
      {"10.1000/182", "valid"},
      {"10.1000.10/abc", "valid"},
      {"10.1002/(SICI)1097-4636(199706)35:4<>1.0.CO;2-1", "valid"},
      {"10.1000", "invalid"},
      {"10.1000/", "invalid"},
      {"10.12/x", "invalid"},
      {"10.abc/x", "invalid"},
      {"11.1000/x", "invalid"},
  }, [](const std::string& doi) -> std::string { return doi_problem(doi).empty() ? "valid" : "invalid"; });
  testing::expect_each({
      {"https://doi.org/10.1000/a%2Fb?x#y", "10.1000/a/b"},
      {"http://dx.doi.org/10.1000/182", "10.1000/182"},
      {"https://example.org/10.1000/182", ""},
  }, doi_of_url);
  EXPECT_EQ(doi_url("10.1000/a b#c"), "https://doi.org/10.1000/a%20b%23c");
}

}  // namespace
}  // namespace marginalia::plugins::urls
