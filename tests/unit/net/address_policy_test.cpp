// SPDX-License-Identifier: MIT
#include "net/address_policy.hpp"

#include <gtest/gtest.h>

#include "net/url_precheck.hpp"

namespace marginalia::net {
namespace {

AddressPolicy allowing(std::initializer_list<const char*> ranges) {
  std::vector<IpRange> allow;
  std::string error;
  for (const char* range : ranges) allow.push_back(*parse_cidr(range, error));
  return AddressPolicy(allow);
}

TEST(AddressPolicy, RefusesInternalAddressesByDefaultWithTheReason) {
  AddressPolicy policy;
  AddressVerdict metadata = policy.judge(*parse_ip("169.254.169.254"));
  EXPECT_FALSE(metadata.allowed);
  EXPECT_EQ(metadata.reason, "169.254.169.254 is a link-local address");
  EXPECT_EQ(policy.judge(*parse_ip("::ffff:127.0.0.1")).reason, "::ffff:127.0.0.1 is an IPv4-mapped IPv6 address");
  EXPECT_EQ(policy.judge(*parse_ip("0.0.0.0")).reason, "0.0.0.0 is an unspecified address");
  EXPECT_TRUE(policy.judge(*parse_ip("93.184.215.14")).allowed);
}

TEST(AddressPolicy, LetsAllowedRangesThroughAndNothingMore) {
  AddressPolicy policy = allowing({"127.0.0.1/32", "10.0.0.0/8"});
  EXPECT_TRUE(policy.judge(*parse_ip("127.0.0.1")).allowed);
  EXPECT_TRUE(policy.judge(*parse_ip("10.9.8.7")).allowed);
  EXPECT_FALSE(policy.judge(*parse_ip("127.0.0.2")).allowed);
  EXPECT_FALSE(policy.judge(*parse_ip("::1")).allowed);
  EXPECT_FALSE(policy.judge(*parse_ip("::ffff:127.0.0.1")).allowed);
  EXPECT_FALSE(policy.judge(*parse_ip("192.168.0.1")).allowed);
}

TEST(AddressPolicy, JudgesLiteralHostsInAnySpellingBeforeDns) {
  AddressPolicy policy = allowing({"127.0.0.1/32"});
  for (const char* host : {"127.0.0.2", "[::1]", "[::ffff:127.0.0.1]", "0x7f.2", "2130706434", "0177.0.0.2", "169.254.169.254",
                           "[fd00:ec2::254]", "0.0.0.0", "[::]", "[2002:a9fe:a9fe::]", "[64:ff9b::a9fe:a9fe]", "LOCALHOST",
                           "localhost.", "api.localhost"}) {
    std::optional<AddressVerdict> verdict = policy.judge_host(host);
    ASSERT_TRUE(verdict) << host;
    EXPECT_FALSE(verdict->allowed) << host;
  }
  EXPECT_TRUE(policy.judge_host("0x7f.1")->allowed);
  EXPECT_TRUE(policy.judge_host("2130706433")->allowed);
  EXPECT_FALSE(policy.judge_host("example.org"));  // a name: judged after DNS
}

TEST(AddressPolicy, LetsLoopbackNamesThroughOnlyWithTheLoopbackNetwork) {
  EXPECT_FALSE(allowing({"127.0.0.1/32"}).judge_host("localhost")->allowed);
  EXPECT_FALSE(allowing({"127.0.0.1/32"}).judge_host("localhost").value().reason.empty());
  EXPECT_FALSE(allowing({"127.0.0.0/8"}).judge_host("localhost"));
  EXPECT_FALSE(allowing({"::1/128"}).judge_host("localhost"));
}

TEST(UrlPrecheck, NormalisesAndKeysByHostAndPort) {
  AddressPolicy policy;
  Precheck check = precheck_url("HTTPS://Example.ORG/a/b?q=1#section", policy);
  ASSERT_TRUE(check.ok) << check.detail;
  EXPECT_EQ(check.url, "https://Example.ORG/a/b?q=1");
  EXPECT_EQ(check.host_key, "example.org:443");
  EXPECT_EQ(precheck_url("http://example.org:8080/", policy).host_key, "example.org:8080");
}

TEST(UrlPrecheck, RefusesWhatNeedsNoNetworkToRefuse) {
  AddressPolicy policy;
  struct Case {
    const char* url;
    sdk::FetchOutcome outcome;
  } cases[] = {
      {"file:///etc/passwd", sdk::FetchOutcome::blocked_scheme},
      {"ftp://example.org/a", sdk::FetchOutcome::blocked_scheme},
      {"gopher://example.org/", sdk::FetchOutcome::blocked_scheme},
      {"dict://example.org:11211/stat", sdk::FetchOutcome::blocked_scheme},
      {"javascript:alert(1)", sdk::FetchOutcome::malformed},
      {"http://exa mple.org/", sdk::FetchOutcome::malformed},
      {"http://example.org:99999/", sdk::FetchOutcome::malformed},
      {"http://[::1", sdk::FetchOutcome::malformed},
      {"http://nothing.invalid/", sdk::FetchOutcome::dns_failure},
      {"http://2130706433/", sdk::FetchOutcome::blocked_address},
      {"http://[::ffff:169.254.169.254]/", sdk::FetchOutcome::blocked_address},
      {"http://localhost:8080/", sdk::FetchOutcome::blocked_address},
  };
  for (const Case& c : cases) {
    Precheck check = precheck_url(c.url, policy);
    EXPECT_FALSE(check.ok) << c.url;
    EXPECT_EQ(sdk::to_string(check.outcome), std::string(sdk::to_string(c.outcome))) << c.url << ": " << check.detail;
    EXPECT_FALSE(check.detail.empty()) << c.url;
  }
}

}  // namespace
}  // namespace marginalia::net
