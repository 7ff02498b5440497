// SPDX-License-Identifier: MIT
#include "net/fetch_settings.hpp"

#include <gtest/gtest.h>

#include "net/retry_after.hpp"

namespace marginalia::net {
namespace {

TEST(FetchSettings, DefaultsAreTheDocumentedOnes) {
  FetchSettings s;
  EXPECT_EQ(s.max_in_flight, 64u);
  EXPECT_EQ(s.per_host, 4u);
  EXPECT_EQ(s.connect_timeout, Milliseconds(10000));
  EXPECT_EQ(s.total_timeout, Milliseconds(30000));
  EXPECT_EQ(s.max_redirects, 10);
  EXPECT_EQ(s.retries, 3);
  EXPECT_EQ(s.retry_after_cap, Milliseconds(60000));
  EXPECT_TRUE(s.proxy.empty());
  EXPECT_TRUE(s.allow.empty());
}

TEST(FetchSettings, AppliesNamedSettingsWithUnits) {
  FetchSettings s;
  EXPECT_EQ(apply_setting(s, "concurrency=128"), "");
  EXPECT_EQ(apply_setting(s, "per-host=16"), "");
  EXPECT_EQ(apply_setting(s, "timeout=2s"), "");
  EXPECT_EQ(apply_setting(s, "host-interval=0"), "");
  EXPECT_EQ(apply_setting(s, "backoff=250ms"), "");
  EXPECT_EQ(apply_setting(s, "cache-ttl=7d"), "");
  EXPECT_EQ(apply_setting(s, "text-bytes=512K"), "");
  EXPECT_EQ(apply_setting(s, "proxy=http://proxy.example:3128"), "");
  EXPECT_EQ(s.max_in_flight, 128u);
  EXPECT_EQ(s.per_host, 16u);
  EXPECT_EQ(s.total_timeout, Milliseconds(2000));
  EXPECT_EQ(s.host_interval, Milliseconds(0));
  EXPECT_EQ(s.backoff, Milliseconds(250));
  EXPECT_EQ(s.cache_ttl, Milliseconds(7LL * 86400 * 1000));
  EXPECT_EQ(s.text_bytes, 512u * 1024);
  EXPECT_EQ(s.proxy, "http://proxy.example:3128");
}

TEST(FetchSettings, RejectsUnknownNamesAndBadValues) {
  FetchSettings s;
  EXPECT_NE(apply_setting(s, "concurrency").find("NAME=VALUE"), std::string::npos);
  EXPECT_NE(apply_setting(s, "speed=3").find("unknown network setting 'speed'"), std::string::npos);
  EXPECT_NE(apply_setting(s, "concurrency=0").find("bad value"), std::string::npos);
  EXPECT_NE(apply_setting(s, "timeout=soon").find("bad value"), std::string::npos);
  EXPECT_NE(apply_setting(s, "retries=-1").find("bad value"), std::string::npos);
  EXPECT_EQ(s.max_in_flight, 64u);
  EXPECT_NE(describe_settings().find("per-host=4"), std::string::npos);
}

TEST(RetryAfter, ReadsSecondsAndDates) {
  std::time_t now = 1700000000;  // 2023-11-14T22:13:20Z
  EXPECT_EQ(parse_retry_after("2", now), Milliseconds(2000));
  EXPECT_EQ(parse_retry_after(" 120 ", now), Milliseconds(120000));
  EXPECT_EQ(parse_retry_after("86400", now), Milliseconds(86400000));
  EXPECT_EQ(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now), Milliseconds(0));  // past: no wait
  EXPECT_EQ(parse_retry_after("Tue, 14 Nov 2023 22:13:50 GMT", now), Milliseconds(30000));
  EXPECT_FALSE(parse_retry_after("soon", now));
  EXPECT_FALSE(parse_retry_after("", now));
  EXPECT_GT(*parse_retry_after("99999999999999", now), Milliseconds(60000));
}

}  // namespace
}  // namespace marginalia::net
