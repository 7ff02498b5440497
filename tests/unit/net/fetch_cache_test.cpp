// SPDX-License-Identifier: MIT
// The fetch service with its on-disk cache: what is kept, what is not, and the policy first.
#include <gtest/gtest.h>

#include "fetch_test_support.hpp"
#include "support/temp_dir.hpp"

namespace marginalia::net {
namespace {

using testing::LocalHttpServer;
using Outcome = sdk::FetchOutcome;

// Each test gets its own fixture server and a cache file in a folder of its own.
class FetchCache : public ::testing::Test {
 protected:
  void SetUp() override {
    REQUIRE_SERVER(server_);
    settings_ = loopback_settings();
    settings_.cache_file = dir_.file("urls.sqlite");
  }

  LocalHttpServer server_;
  testing::TempDir dir_;
  FetchSettings settings_;
};

TEST_F(FetchCache, ReusesSuccessesAcrossRunsAndRechecksFailures) {
  {
    CurlFetchService first(settings_);
    std::vector<sdk::FetchResult> results = first.fetch_all({{server_.url("/ok")}, {server_.url("/status/404")}, {server_.url("/redirect/301/c")}});
    EXPECT_FALSE(results[0].from_cache);
  }
  CurlFetchService second(settings_);
  std::vector<sdk::FetchResult> again = second.fetch_all({{server_.url("/ok")}, {server_.url("/status/404")}, {server_.url("/redirect/301/c")}});
  EXPECT_TRUE(again[0].from_cache);
  EXPECT_EQ(again[0].outcome, Outcome::ok);
  EXPECT_FALSE(again[1].from_cache);  // errors are checked again
  EXPECT_EQ(again[1].outcome, Outcome::client_error);
  EXPECT_TRUE(again[2].from_cache);
  EXPECT_TRUE(again[2].permanent_redirect);
  EXPECT_EQ(server_.wait_for("/ok", 2, 0.3).size(), 1u);
  EXPECT_EQ(server_.wait_for("/status/404", 2).size(), 2u);
}

TEST_F(FetchCache, ChecksThePolicyBeforeTheCache) {
  std::string name_url = "http://cached.test:" + std::to_string(server_.port()) + "/ok";
  settings_.resolve = {"cached.test:" + std::to_string(server_.port()) + ":127.0.0.1"};
  {
    CurlFetchService allowed(settings_);
    EXPECT_EQ(fetch_one(allowed, server_.url("/ok")).outcome, Outcome::ok);
    EXPECT_EQ(fetch_one(allowed, name_url).outcome, Outcome::ok);
  }
  settings_.allow.clear();
  CurlFetchService refused(settings_);
  sdk::FetchResult literal = fetch_one(refused, server_.url("/ok"));
  EXPECT_EQ(literal.outcome, Outcome::blocked_address);
  EXPECT_FALSE(literal.from_cache);
  sdk::FetchResult named = fetch_one(refused, name_url);  // cached ok, but it came from 127.0.0.1
  EXPECT_EQ(named.outcome, Outcome::blocked_address) << named.detail;
  EXPECT_FALSE(named.from_cache);
  EXPECT_TRUE(refused.stats().sockets_opened.empty());
}

TEST_F(FetchCache, RebuildsACorruptCacheAndCarriesOn) {
  settings_.cache_file = dir_.write("urls.sqlite", "this is not an SQLite database, just some bytes\n");
  std::vector<std::string> warnings;
  settings_.warn = [&](const std::string& w) { warnings.push_back(w); };
  {
    CurlFetchService service(settings_);
    EXPECT_EQ(fetch_one(service, server_.url("/ok")).outcome, Outcome::ok);
  }
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("rebuilt"), std::string::npos);
  CurlFetchService later(settings_);
  EXPECT_TRUE(fetch_one(later, server_.url("/ok")).from_cache);
  EXPECT_EQ(warnings.size(), 1u);
}

TEST_F(FetchCache, KeepsFailuresOnlyWhenAskedTo) {
  settings_.cache_ttl_failure = Milliseconds(3600 * 1000);
  { CurlFetchService first(settings_); fetch_one(first, server_.url("/status/410")); }
  CurlFetchService second(settings_);
  sdk::FetchResult gone = fetch_one(second, server_.url("/status/410"));
  EXPECT_TRUE(gone.from_cache);
  EXPECT_EQ(gone.http_status, 410);
  EXPECT_EQ(server_.wait_for("/status/410", 2, 0.3).size(), 1u);
}

}  // namespace
}  // namespace marginalia::net
