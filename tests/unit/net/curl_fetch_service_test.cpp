// SPDX-License-Identifier: MIT
// The libcurl fetch service against the fixture server on 127.0.0.1: outcomes, retries,
// redirects, limits and body caps. Safety (address guard) and the cache have their own files.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <fstream>
#include <thread>

#include "fetch_test_support.hpp"

namespace marginalia::net {
namespace {

using testing::LocalHttpServer;
using testing::ServedRequest;
using Outcome = sdk::FetchOutcome;

TEST(CurlFetchService, ReportsOkAndClientErrors) {
  LocalHttpServer server;
  REQUIRE_SERVER(server);
  CurlFetchService service(loopback_settings());
  std::vector<sdk::FetchResult> results =
      service.fetch_all({{server.url("/ok")}, {server.url("/status/404")}, {server.url("/status/410")}, {server.url("/status/401")}});
  EXPECT_EQ(results[0].outcome, Outcome::ok);
  EXPECT_EQ(results[0].http_status, 200);
  EXPECT_EQ(results[0].url, server.url("/ok"));
  EXPECT_EQ(results[1].outcome, Outcome::client_error);
  EXPECT_EQ(results[1].http_status, 404);
  EXPECT_EQ(results[1].detail, "HTTP 404 not found");
  EXPECT_EQ(results[2].http_status, 410);
  EXPECT_EQ(results[2].detail, "HTTP 410 gone");
  EXPECT_EQ(results[3].outcome, Outcome::client_error);
  // A probe is a HEAD request.
  for (const ServedRequest& r : server.requests()) EXPECT_EQ(r.method, "HEAD") << r.path;
}

TEST(CurlFetchService, RetriesServerErrorsWithGrowingBackoff) {
  LocalHttpServer server;
  REQUIRE_SERVER(server);
  CurlFetchService service(loopback_settings());
  sdk::FetchResult flaky = fetch_one(service, server.url("/flaky/a?fail=2"));
  EXPECT_EQ(flaky.outcome, Outcome::ok) << flaky.detail;
  std::vector<ServedRequest> tries = server.wait_for("/flaky/a", 3);
  ASSERT_EQ(tries.size(), 3u);
  // backoff 50 ms doubling, with jitter in [0.5, 1]: gaps in [25, 50] then [50, 100] ms (+ latency).
  double first = tries[1].time - tries[0].end, second = tries[2].time - tries[1].end;
  EXPECT_GE(first, 0.020);
  EXPECT_GE(second, 0.045);
  EXPECT_GE(second + 0.005, first);

  sdk::FetchResult down = fetch_one(service, server.url("/status/503"));
  EXPECT_EQ(down.outcome, Outcome::server_error);
  EXPECT_EQ(down.detail, "HTTP 503 service unavailable after 3 retries");
  EXPECT_EQ(server.wait_for("/status/503", 4).size(), 4u);  // one try and three retries
}

TEST(CurlFetchService, FollowsRedirectChainsAndRecordsThem) {
  LocalHttpServer server;
  REQUIRE_SERVER(server);
  CurlFetchService service(loopback_settings());
  std::vector<sdk::FetchResult> results = service.fetch_all(
      {{server.url("/redirect/301,308/x")}, {server.url("/redirect/301,302/y")}, {server.url("/redirect/307/z")}, {server.url("/hops/10")}});
  EXPECT_EQ(results[0].outcome, Outcome::redirected);
  EXPECT_TRUE(results[0].permanent_redirect);
  EXPECT_EQ(results[0].redirects, (std::vector<std::string>{server.url("/redirect/308/x"), server.url("/redirect/end/x")}));
  EXPECT_EQ(results[0].final_url, server.url("/redirect/end/x"));
  EXPECT_EQ(results[0].http_status, 200);
  EXPECT_FALSE(results[1].permanent_redirect);
  EXPECT_EQ(results[1].outcome, Outcome::redirected);
  EXPECT_FALSE(results[2].permanent_redirect);
  EXPECT_EQ(results[3].outcome, Outcome::redirected);  // ten hops pass
  EXPECT_EQ(results[3].redirects.size(), 10u);
}

TEST(CurlFetchService, StopsLoopsAndOverlongChains) {
  LocalHttpServer server;
  REQUIRE_SERVER(server);
  CurlFetchService service(loopback_settings());
  std::vector<sdk::FetchResult> results = service.fetch_all({{server.url("/loop/a")}, {server.url("/hops/11")}});
  EXPECT_EQ(results[0].outcome, Outcome::too_many_redirects);
  EXPECT_NE(results[0].detail.find("redirect loop"), std::string::npos) << results[0].detail;
  EXPECT_LE(server.requests_to("/loop/").size(), 3u);
  EXPECT_EQ(results[1].outcome, Outcome::too_many_redirects);
  EXPECT_EQ(results[1].detail, "more than 10 redirects");
  EXPECT_EQ(server.wait_for("/hops/", 12, 1).size(), 11u);  // the 12th URL is never asked for
}

TEST(CurlFetchService, TimesOutAtTheConfiguredTotal) {
  LocalHttpServer server;
  REQUIRE_SERVER(server);
  CurlFetchService service(loopback_settings());
  auto start = std::chrono::steady_clock::now();
  std::vector<sdk::FetchResult> results =
      service.fetch_all({{server.url("/never")}, {server.url("/slow?ms=5000")}, {server.url("/trickle-headers")}, {server.url("/trickle-body")}});
  double elapsed = seconds_since(start);
  for (const sdk::FetchResult& r : results) EXPECT_EQ(r.outcome, Outcome::timeout) << r.url << ": " << r.detail;
  EXPECT_NEAR(elapsed, 2.0, 0.5);
  EXPECT_EQ(results[0].detail, "no complete answer within 2 s");
  EXPECT_NE(results[3].detail.find("slower than 1024 bytes/s"), std::string::npos) << results[3].detail;
}

TEST(CurlFetchService, RetriesResetsAndReportsThemUnreachable) {
  LocalHttpServer server;
  REQUIRE_SERVER(server);
  CurlFetchService service(loopback_settings());
  sdk::FetchResult reset = fetch_one(service, server.url("/reset"));
  EXPECT_EQ(reset.outcome, Outcome::unreachable);
  EXPECT_NE(reset.detail.find("after 3 retries"), std::string::npos) << reset.detail;
  EXPECT_EQ(server.wait_for("/reset", 4).size(), 4u);
  sdk::FetchResult once = fetch_one(service, server.url("/reset-once/a"));
  EXPECT_EQ(once.outcome, Outcome::ok) << once.detail;
}

TEST(CurlFetchService, ReportsAClosedPortQuickly) {
  int port = 0;
  {
    LocalHttpServer server;  // a port that was free a moment ago and is closed now
    REQUIRE_SERVER(server);
    port = server.port();
  }
  CurlFetchService service(loopback_settings());
  auto start = std::chrono::steady_clock::now();
  sdk::FetchResult result = fetch_one(service, "http://127.0.0.1:" + std::to_string(port) + "/");
  EXPECT_EQ(result.outcome, Outcome::unreachable);
  EXPECT_EQ(result.detail, "connection refused");
  EXPECT_LT(seconds_since(start), 1.0);
}

TEST(CurlFetchService, HonoursRetryAfterForTheWholeHost) {
  LocalHttpServer server;
  REQUIRE_SERVER(server);
  FetchSettings settings = loopback_settings();
  settings.per_host = 1;  // the other URLs queue behind the rate-limited one
  CurlFetchService service(settings);
  std::vector<sdk::FetchResult> results =
      service.fetch_all({{server.url("/retry-after/a?s=1")}, {server.url("/ok?1")}, {server.url("/ok?2")}});
  for (const sdk::FetchResult& r : results) EXPECT_EQ(r.outcome, Outcome::ok) << r.url << ": " << r.detail;
  std::vector<ServedRequest> all = server.wait_for("/", 4);
  ASSERT_EQ(all.size(), 4u);
  ASSERT_EQ(all[0].status, 429);
  for (std::size_t i = 1; i < all.size(); ++i) EXPECT_GE(all[i].time - all[0].end, 0.95) << all[i].path;

  // 503 with Retry-After too.
  sdk::FetchResult busy = fetch_one(service, server.url("/retry-after/b?s=1&status=503"));
  EXPECT_EQ(busy.outcome, Outcome::ok);
  std::vector<ServedRequest> b = server.wait_for("/retry-after/b", 2);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_NEAR(b[1].time - b[0].end, 1.0, 0.5);
  EXPECT_GE(b[1].time - b[0].end, 0.95);
}

TEST(CurlFetchService, DoesNotWaitForARetryAfterAboveTheCapOrInThePast) {
  LocalHttpServer server;
  REQUIRE_SERVER(server);
  CurlFetchService service(loopback_settings());
  auto start = std::chrono::steady_clock::now();
  std::vector<sdk::FetchResult> results =
      service.fetch_all({{server.url("/retry-after/long?s=86400")}, {server.url("/retry-after-date/past")}});
  EXPECT_LT(seconds_since(start), 1.0);
  EXPECT_EQ(results[0].outcome, Outcome::rate_limited);
  EXPECT_EQ(results[0].detail, "HTTP 429 too many requests asking to wait 86400 s, above the 5 s cap");
  EXPECT_EQ(server.wait_for("/retry-after/long", 2, 0.3).size(), 1u);
  EXPECT_EQ(results[1].outcome, Outcome::ok);
}

TEST(CurlFetchService, FallsBackToAOneByteGetWhenHeadIsRefused) {
  LocalHttpServer server;
  REQUIRE_SERVER(server);
  CurlFetchService service(loopback_settings());
  sdk::FetchResult result = fetch_one(service, server.url("/head-405"));
  EXPECT_EQ(result.outcome, Outcome::ok);
  EXPECT_EQ(result.http_status, 206);
  std::vector<ServedRequest> seen = server.wait_for("/head-405", 2);
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].method, "HEAD");
  EXPECT_EQ(seen[1].method, "GET");
  EXPECT_EQ(seen[1].range, "bytes=0-0");
}

// Limits a loaded machine (parallel tests, a fuzzing campaign) cannot reach by slowness alone:
// what these tests show is the order and number of things, not how fast they happen.
FetchSettings patient(FetchSettings settings) {
  settings.total_timeout = Milliseconds(30000);
  settings.connect_timeout = Milliseconds(10000);
  settings.low_speed_time = Milliseconds(10000);
  return settings;
}

// The largest size of a socket's receive plus send buffer (Linux autotunes loopback buffers up
// to these): what a server can write that the client never read.
long long socket_buffers_max() {
  long long total = 0;
  for (const char* file : {"/proc/sys/net/ipv4/tcp_rmem", "/proc/sys/net/ipv4/tcp_wmem"}) {
    std::ifstream in(file);
    long long low = 0, initial = 0, high = 0;
    if (!(in >> low >> initial >> high)) return 64ll << 20;
    total += high;
  }
  return total;
}

TEST(CurlFetchService, CapsHugeEndlessAndCompressedBodies) {
  LocalHttpServer server;
  REQUIRE_SERVER(server);
  CurlFetchService service(patient(loopback_settings()));
  struct rusage before {};
  ::getrusage(RUSAGE_SELF, &before);
  auto start = std::chrono::steady_clock::now();
  std::vector<sdk::FetchResult> results = service.fetch_all({{server.url("/huge")},
                                                             {server.url("/endless")},
                                                             {server.url("/gzip-bomb"), sdk::FetchMode::text},
                                                             {server.url("/endless?text"), sdk::FetchMode::text}});
  // An endless body that was not cut off would end at the 30 s timeout, as a timeout.
  for (const sdk::FetchResult& r : results) EXPECT_EQ(r.outcome, Outcome::ok) << r.url << ": " << r.detail;
  EXPECT_LT(seconds_since(start), 25.0) << "the bodies were cut at their caps, not at the timeout";
  EXPECT_LE(results[2].text.size(), 2u * 1024 * 1024);
  EXPECT_LE(results[3].text.size(), 2u * 1024 * 1024);
  struct rusage after {};
  ::getrusage(RUSAGE_SELF, &after);
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)  // shadow memory inflates RSS
  EXPECT_LT(after.ru_maxrss - before.ru_maxrss, 32 * 1024) << "KiB";
#endif
  // What the server managed to write: the cap plus what socket buffers absorbed — megabytes at
  // most, where an uncapped client would have taken gigabytes before the timeout.
  long long buffers = socket_buffers_max();
  struct Case {
    const char* path;
    long long cap;
  } cases[] = {{"/huge", 64ll << 10}, {"/endless", 64ll << 10}, {"/gzip-bomb", 2ll << 20}, {"/endless?text", 2ll << 20}};
  for (const Case& c : cases) {
    long long sent = -1;
    // A cut-off request is logged when the server notices the closed connection.
    for (auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30); sent < 0 && std::chrono::steady_clock::now() < deadline;) {
      for (const ServedRequest& r : server.requests())
        if (r.method == "GET" && r.path == c.path) sent = r.sent;
      if (sent < 0) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ASSERT_GE(sent, 0) << c.path;
    std::printf("server wrote %lld bytes for %s (cap %lld, socket buffers up to %lld)\n", sent, c.path, c.cap, buffers);
    EXPECT_LE(sent, c.cap + buffers) << c.path;
  }
}

TEST(CurlFetchService, ReadsTheTextOfAnHtmlPage) {
  LocalHttpServer server;
  REQUIRE_SERVER(server);
  CurlFetchService service(loopback_settings());
  sdk::FetchResult page = fetch_one(service, server.url("/html"), sdk::FetchMode::text);
  ASSERT_EQ(page.outcome, Outcome::ok) << page.detail;
  EXPECT_EQ(page.text, "Annual report\nThe minister said \u201Cwe will build\u201D & left.\nSecond paragraph");
  EXPECT_EQ(server.wait_for("/html", 1).at(0).method, "GET");
}

TEST(CurlFetchService, ChecksEachDistinctUrlOnceEvenFromSeveralThreads) {
  LocalHttpServer server;
  REQUIRE_SERVER(server);
  CurlFetchService service(loopback_settings());
  std::string url = server.url("/slow?ms=300");
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      std::vector<sdk::FetchResult> results = service.fetch_all({{url}, {url + "#part"}, {url}});
      for (const sdk::FetchResult& r : results) EXPECT_EQ(r.outcome, Outcome::ok);
    });
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(server.wait_for("/slow", 2, 0.3).size(), 1u);
  EXPECT_EQ(fetch_one(service, url + "#again").url, url + "#again");  // results carry the URL as asked
}

TEST(CurlFetchService, KeepsThePerHostLimitAndTheMinimumInterval) {
  LocalHttpServer server;
  REQUIRE_SERVER(server);
  FetchSettings settings = patient(loopback_settings());
  settings.per_host = 4;
  CurlFetchService service(settings);
  std::vector<sdk::FetchRequest> requests;
  // Each answer takes 300 ms: the client starts its first four at once, so even a slow machine
  // shows at least two of them at the server together.
  for (int i = 0; i < 16; ++i) requests.push_back({server.url("/page/" + std::to_string(i) + "?delay=300")});
  for (const sdk::FetchResult& r : service.fetch_all(requests)) EXPECT_EQ(r.outcome, Outcome::ok) << r.url << ": " << r.detail;
  std::vector<ServedRequest> pages = server.wait_for("/page/", 16, 30);
  ASSERT_EQ(pages.size(), 16u);
  int peak = 0;
  for (const ServedRequest& r : pages) peak = std::max(peak, r.group_in_flight);
  EXPECT_LE(peak, 4);
  EXPECT_GE(peak, 2);  // and it does run them in parallel

  FetchSettings spaced = patient(loopback_settings());
  spaced.host_interval = Milliseconds(100);
  CurlFetchService polite(spaced);
  requests.clear();
  for (int i = 0; i < 5; ++i) requests.push_back({server.url("/ok/spaced/" + std::to_string(i))});
  // Server times are on the system clock. A request reaches the server at or after the client
  // starts it, never before, so the n-th start is at least n intervals after the batch began,
  // however late a loaded machine delivers any of them; the gaps between arrivals say nothing.
  double batch_start = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  for (const sdk::FetchResult& r : polite.fetch_all(requests)) EXPECT_EQ(r.outcome, Outcome::ok) << r.url << ": " << r.detail;
  std::vector<ServedRequest> starts = server.wait_for("/ok/spaced/", 5, 30);
  ASSERT_EQ(starts.size(), 5u);
  for (std::size_t i = 1; i < starts.size(); ++i) EXPECT_GE(starts[i].time - batch_start, 0.1 * static_cast<double>(i) - 0.005) << i;
}

TEST(CurlFetchService, QueuedUrlsNeverRunOutTheirTimeout) {
  LocalHttpServer server;
  REQUIRE_SERVER(server);
  FetchSettings settings = loopback_settings();
  settings.max_in_flight = 8;
  settings.per_host = 64;
  settings.total_timeout = Milliseconds(1000);  // less than the 200 × 50 ms / 8 = 1.25 s the batch takes
  CurlFetchService service(settings);
  std::vector<sdk::FetchRequest> requests;
  for (int i = 0; i < 200; ++i) requests.push_back({server.url("/page/" + std::to_string(i) + "?delay=50")});
  std::size_t ok = 0;
  for (const sdk::FetchResult& r : service.fetch_all(requests)) ok += r.outcome == Outcome::ok;
  EXPECT_EQ(ok, 200u);
  int peak = 0;
  for (const ServedRequest& r : server.requests_to("/page/")) peak = std::max(peak, r.in_flight);
  EXPECT_LE(peak, 8);
}

TEST(CurlFetchService, IgnoresProxyVariablesFromTheEnvironment) {
  LocalHttpServer server;
  REQUIRE_SERVER(server);
  ::setenv("http_proxy", "http://127.0.0.1:1", 1);
  ::setenv("HTTP_PROXY", "http://127.0.0.1:1", 1);
  ::setenv("ALL_PROXY", "http://127.0.0.1:1", 1);
  CurlFetchService service(loopback_settings());
  sdk::FetchResult result = fetch_one(service, server.url("/ok"));
  ::unsetenv("http_proxy");
  ::unsetenv("HTTP_PROXY");
  ::unsetenv("ALL_PROXY");
  EXPECT_EQ(result.outcome, Outcome::ok) << result.detail;
}

}  // namespace
}  // namespace marginalia::net
