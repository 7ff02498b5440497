// SPDX-License-Identifier: MIT
// Servers on 127.0.0.1 that answer in broken or unusual ways, and the cache's handling of
// secrets and of files it does not own (issue 13, items 8, 11, 12, 13; issue 12's charsets).
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "fetch_test_support.hpp"
#include "net/result_cache.hpp"
#include "net/url_precheck.hpp"
#include "support/temp_dir.hpp"

namespace marginalia::net {
namespace {

using Outcome = sdk::FetchOutcome;
using testing::LocalHttpServer;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A path on the fixture server and what its answer must say (a cause, or words of the page).
struct Case {
  const char* path;
  const char* expected;
};

TEST(HostileAnswers, EachBrokenResponseIsABadResponseWithItsCause) {
  LocalHttpServer server;
  REQUIRE_SERVER(server);
  CurlFetchService service(loopback_settings());
  for (const Case& c : {Case{"/raw/bad-status-line", "not a valid HTTP response"}, Case{"/raw/http09", "HTTP/0.9"},
                        Case{"/raw/huge-header", "response headers larger than 100 KiB"},
                        Case{"/raw/negative-length", "not a valid HTTP response"}}) {
    sdk::FetchResult result = fetch_one(service, server.url(c.path));
    EXPECT_EQ(result.outcome, Outcome::bad_response) << c.path << ": " << sdk::to_string(result.outcome) << " " << result.detail;
    EXPECT_NE(result.detail.find(c.expected), std::string::npos) << c.path << ": " << result.detail;
    EXPECT_EQ(server.wait_for(c.path, 2, 0.2).size(), 1u) << c.path << " is not retried: the same server gives the same answer";
  }
}

TEST(HostileAnswers, PagesInOtherCharsetsAreReadAsTheirWords) {
  LocalHttpServer server;
  REQUIRE_SERVER(server);
  CurlFetchService service(loopback_settings());
  for (const Case& c : {Case{"/charset/shift_jis", "\u65B0\u3057\u3044\u6E2F\u3092\u5EFA\u8A2D\u3059\u308B"},
                        Case{"/charset/koi8-r", "\u043C\u044B \u043F\u043E\u0441\u0442\u0440\u043E\u0438\u043C \u043D\u043E\u0432\u044B\u0439 \u043F\u043E\u0440\u0442"},
                        Case{"/charset-meta/koi8-r", "\u043C\u044B \u043F\u043E\u0441\u0442\u0440\u043E\u0438\u043C"},
                        Case{"/charset/iso-8859-2", "\u0141ukasz Nowak powiedzia\u0142: zbudujemy nowy port w \u0141odzi i \u017Bywcu."}}) {
    sdk::FetchResult result = fetch_one(service, server.url(c.path), sdk::FetchMode::text);
    ASSERT_EQ(result.outcome, Outcome::ok) << c.path << " " << result.detail;
    EXPECT_NE(result.text.find(c.expected), std::string::npos) << c.path << ": " << result.text;
    EXPECT_EQ(result.text.find("\uFFFD"), std::string::npos) << c.path << ": " << result.text;
  }
}

TEST(HostileAnswers, APageLongerThanTheTextCapSaysItWasTruncated) {
  LocalHttpServer server;
  REQUIRE_SERVER(server);
  FetchSettings settings = loopback_settings();
  settings.text_bytes = 1 << 20;
  CurlFetchService service(settings);
  sdk::FetchResult result = fetch_one(service, server.url("/long-page?mb=2"), sdk::FetchMode::text);
  ASSERT_EQ(result.outcome, Outcome::ok) << result.detail;
  EXPECT_EQ(result.detail.rfind("truncated at 1 MiB", 0), 0u) << result.detail;
  EXPECT_LE(result.text.size(), std::size_t{1} << 20);
  sdk::FetchResult whole = fetch_one(service, server.url("/long-page?mb=0.5"), sdk::FetchMode::text);
  EXPECT_TRUE(whole.detail.empty()) << whole.detail;
  EXPECT_NE(whole.text.find("we will build a new port"), std::string::npos);
}

TEST(HostileAnswers, CredentialsInAUrlNeverReachTheCacheFileWhichIsPrivate) {
  LocalHttpServer server;
  REQUIRE_SERVER(server);
  testing::TempDir dir;
  FetchSettings settings = loopback_settings();
  settings.cache_file = dir.file("urls.sqlite");
  std::string url = "http://alice:s3cret-pass@127.0.0.1:" + std::to_string(server.port()) + "/ok";
  {
    CurlFetchService service(settings);
    EXPECT_EQ(fetch_one(service, url).outcome, Outcome::ok);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::string file = settings.cache_file + suffix;
    struct stat info {};
    if (::stat(file.c_str(), &info) != 0) continue;
    EXPECT_EQ(info.st_mode & 0777, 0600u) << file;
    EXPECT_EQ(slurp(file).find("s3cret-pass"), std::string::npos) << file << " holds the password";
  }
  CurlFetchService again(settings);
  EXPECT_TRUE(fetch_one(again, url).from_cache) << "the answer is still reused for the same URL";
  EXPECT_FALSE(fetch_one(again, server.url("/ok")).from_cache) << "not for the URL without credentials";
}

TEST(HostileAnswers, StripsUserinfoFromUrls) {
  EXPECT_EQ(strip_userinfo("https://a:b@example.org/x@y"), "https://example.org/x@y");
  EXPECT_EQ(strip_userinfo("http://user@host:8080"), "http://host:8080");
  EXPECT_EQ(strip_userinfo("https://example.org/?q=a@b"), "https://example.org/?q=a@b");
  EXPECT_EQ(strip_userinfo("mailto:a@b"), "mailto:a@b");
}

TEST(HostileAnswers, ABrokenCacheIsSetAsideWithoutReplacingAnEarlierOne) {
  testing::TempDir dir;
  std::string path = dir.write("urls.sqlite", "notes I wanted to keep\n");
  dir.write("urls.sqlite.corrupt", "an earlier broken cache, also kept\n");
  std::vector<std::string> warnings;
  auto cache = ResultCache::open(path, [&](const std::string& w) { warnings.push_back(w); }, 1000);
  ASSERT_TRUE(cache);
  EXPECT_EQ(slurp(path + ".corrupt"), "an earlier broken cache, also kept\n");
  EXPECT_EQ(slurp(path + ".corrupt.1"), "notes I wanted to keep\n");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("urls.sqlite.corrupt.1"), std::string::npos) << warnings[0];
}

}  // namespace
}  // namespace marginalia::net
