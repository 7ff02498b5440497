// SPDX-License-Identifier: MIT
// The address guard end to end: redirects to internal addresses, DNS rebinding, schemes,
// allow-lists and TLS, checked with a socket counter so a refusal provably opened nothing.
#include <gtest/gtest.h>

#include <cstdlib>

#include "fetch_test_support.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace marginalia::net {
namespace {

using testing::LocalHttpServer;
using Outcome = sdk::FetchOutcome;

std::string to(const LocalHttpServer& server, const std::string& target, int code = 302) {
  std::string escaped;
  for (char c : target) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_') escaped += c;
    else {
      char buffer[4];
      std::snprintf(buffer, sizeof buffer, "%%%02X", static_cast<unsigned char>(c));
      escaped += buffer;
    }
  }
  return server.url("/to?code=" + std::to_string(code) + "&url=" + escaped);
}

void expect_only_loopback_sockets(const EngineStats& stats) {
  for (const std::string& address : stats.sockets_opened) EXPECT_EQ(address, "127.0.0.1");
}

TEST(AddressGuard, RefusesRedirectsToInternalAddressesWithoutOpeningASocket) {
  LocalHttpServer server;
  REQUIRE_SERVER(server);
  CurlFetchService service(loopback_settings());
  std::string port = std::to_string(server.port());
  std::vector<std::string> targets = {
      "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://192.168.1.1/", "http://100.100.100.200/",
      "http://[fd00:ec2::254]/", "http://0.0.0.0:" + port + "/ok", "http://[::]:" + port + "/ok",
      "http://127.0.0.2:" + port + "/ok", "http://[::1]:" + port + "/ok", "http://0x7f.2:" + port + "/ok",
      "http://2130706434:" + port + "/ok", "http://localhost.:" + port + "/ok", "http://localhost:" + port + "/ok",
      "http://[::ffff:127.0.0.1]:" + port + "/ok", "http://[2002:a9fe:a9fe::]/", "http://[64:ff9b::a9fe:a9fe]/"};
  std::vector<sdk::FetchRequest> requests;
  for (const std::string& target : targets) requests.push_back({to(server, target)});
  std::vector<sdk::FetchResult> results = service.fetch_all(requests);
  for (std::size_t i = 0; i < targets.size(); ++i) {
    EXPECT_EQ(results[i].outcome, Outcome::blocked_address) << targets[i] << ": " << results[i].detail;
    ASSERT_EQ(results[i].redirects.size(), 1u) << targets[i];
    EXPECT_EQ(results[i].final_url, results[i].redirects[0]);  // as curl normalised it: 0x7f.2 is 127.0.0.2
  }
  EXPECT_NE(results[0].detail.find("169.254.169.254 is a link-local address"), std::string::npos) << results[0].detail;
  EngineStats stats = service.stats();
  expect_only_loopback_sockets(stats);
  EXPECT_TRUE(stats.sockets_refused.empty());  // refused before DNS: not even a refused socket
}

TEST(AddressGuard, JudgesTheAddressAfterDnsSoRebindingIsRefused) {
  LocalHttpServer server;
  REQUIRE_SERVER(server);
  FetchSettings settings = loopback_settings();
  settings.allow.clear();  // loopback not allowed
  settings.resolve = {"evil.test:" + std::to_string(server.port()) + ":127.0.0.1"};
  CurlFetchService service(settings);
  sdk::FetchResult result = fetch_one(service, "http://evil.test:" + std::to_string(server.port()) + "/ok");
  EXPECT_EQ(result.outcome, Outcome::blocked_address) << result.detail;
  EXPECT_EQ(result.detail, "127.0.0.1 is a loopback address");
  EngineStats stats = service.stats();
  EXPECT_TRUE(stats.sockets_opened.empty());
  EXPECT_EQ(stats.sockets_refused, std::vector<std::string>{"127.0.0.1"});
  EXPECT_TRUE(server.requests().empty());

  settings.allow = loopback_settings().allow;  // the same name, allowed
  CurlFetchService allowed(settings);
  EXPECT_EQ(fetch_one(allowed, "http://evil.test:" + std::to_string(server.port()) + "/ok").outcome, Outcome::ok);
}

TEST(AddressGuard, LetsAnAllowedRangeThroughToTheSocket) {
  LocalHttpServer server;
  REQUIRE_SERVER(server);
  FetchSettings settings = loopback_settings();
  std::string error;
  settings.allow.push_back(*parse_cidr("10.0.0.0/8", error));
  CurlFetchService service(settings);
  // The policy lets 10.0.0.1 through; the test's socket gate (never the policy) stops the packet.
  sdk::FetchResult result = fetch_one(service, to(server, "http://10.0.0.1:9/"));
  EXPECT_EQ(result.outcome, Outcome::unreachable) << result.detail;
  EXPECT_NE(result.detail.find("socket gate"), std::string::npos);
  EngineStats stats = service.stats();
  EXPECT_EQ(stats.sockets_refused, std::vector<std::string>{"10.0.0.1"});
  expect_only_loopback_sockets(stats);
}

TEST(AddressGuard, RefusesOtherSchemesDirectlyAndOnRedirects) {
  LocalHttpServer server;
  REQUIRE_SERVER(server);
  CurlFetchService service(loopback_settings());
  std::vector<std::string> schemes = {"file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1:70/_x", "dict://127.0.0.1:11211/stat"};
  std::vector<sdk::FetchRequest> requests;
  for (const std::string& url : schemes) {
    requests.push_back({url});
    requests.push_back({to(server, url, 301)});
  }
  for (const sdk::FetchResult& r : service.fetch_all(requests)) EXPECT_EQ(r.outcome, Outcome::blocked_scheme) << r.url << ": " << r.detail;
  expect_only_loopback_sockets(service.stats());
}

TEST(AddressGuard, ResolvesNothingForInvalidNames) {
  CurlFetchService service(loopback_settings());
  sdk::FetchResult result = fetch_one(service, "http://no-such-host.invalid/page");
  EXPECT_EQ(result.outcome, Outcome::dns_failure);
  EXPECT_NE(result.detail.find("no-such-host.invalid does not resolve"), std::string::npos);
  EXPECT_EQ(service.stats().requests, 0u);
}

TEST(AddressGuard, NeverAcceptsASelfSignedCertificate) {
  std::string openssl = "/usr/bin/openssl";
  if (::access(openssl.c_str(), X_OK) != 0) GTEST_SKIP() << "openssl is needed to make a certificate";
  testing::TempDir dir;
  testing::ProcessResult made = testing::run_process(
      openssl, {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", dir.file("key.pem"), "-out", dir.file("cert.pem"),
                "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"},
      30);
  ASSERT_EQ(made.exit_code, 0) << made.err;
  LocalHttpServer server(dir.file("cert.pem"), dir.file("key.pem"));
  REQUIRE_SERVER(server);
  CurlFetchService service(loopback_settings());
  sdk::FetchResult result = fetch_one(service, server.url("/ok", "https"));
  EXPECT_EQ(result.outcome, Outcome::tls_failure) << result.detail;
  EXPECT_FALSE(result.detail.empty());

  FetchSettings trusting = loopback_settings();  // with its CA given explicitly, it is fine
  trusting.ca_file = dir.file("cert.pem");
  CurlFetchService explicit_ca(trusting);
  EXPECT_EQ(fetch_one(explicit_ca, server.url("/ok", "https")).outcome, Outcome::ok);
}

}  // namespace
}  // namespace marginalia::net
