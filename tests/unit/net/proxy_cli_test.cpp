// SPDX-License-Identifier: MIT
// Proxies from the environment through the CLI, against a forward proxy and the fixture server
// both started on 127.0.0.1: http_proxy is used, no_proxy and `--net proxy=none` bypass it, the
// upper-case HTTP_PROXY is not read (as curl), and the address guard judges the proxy's address.
// Also the URL counts of the summaries, on the same servers.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "support/local_http_server.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_paths.hpp"

namespace marginalia::net {
namespace {

using testing::LocalHttpServer;
using testing::TempDir;

// tests/support/forward_proxy.py, forwarding "reports.test" and 127.0.0.1 to `upstream`.
class ForwardProxy {
 public:
  explicit ForwardProxy(int upstream) {
    log_ = temp_.file("proxy.log");
    std::string python = testing::python();
    if (python.empty()) return;
    port_ = testing::start_port_announcing_child(
        {python, testing::source_dir() + "/tests/support/forward_proxy.py", "--log", log_, "--upstream", std::to_string(upstream)}, pid_);
  }
  ~ForwardProxy() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  bool ok() const { return port_ > 0; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  /// "METHOD URL" lines, one per request the proxy received.
  std::string log() const { return testing::read_file(log_); }

 private:
  TempDir temp_;
  std::string log_;
  pid_t pid_ = -1;
  int port_ = 0;
};

// The environment of one run: every proxy variable unset but those given.
std::vector<std::string> proxy_env(std::vector<std::string> set) {
  std::vector<std::string> env = {"http_proxy=", "HTTP_PROXY=", "https_proxy=", "HTTPS_PROXY=", "all_proxy=", "ALL_PROXY=", "no_proxy=", "NO_PROXY="};
  env.insert(env.end(), set.begin(), set.end());
  return env;
}

struct CheckRun {
  int exit_code;
  nlohmann::json json;
  std::string err;
};

// `check` of a report citing `urls`, only the urls plugin, JSON out; `extra` flags added.
CheckRun check_urls(const TempDir& dir, const std::vector<std::string>& urls, const std::vector<std::string>& env, std::vector<std::string> extra = {}) {
  std::string text = "# Sources\n\n";
  for (const std::string& url : urls) text += "See " + url + " for this.\n\n";
  std::string input = dir.write("report.md", text);
  std::string plugins = dir.file("plugins");
  std::filesystem::create_directories(plugins);
  if (!std::filesystem::exists(plugins + "/urls.so")) std::filesystem::copy_file(testing::plugin_dir() + "/urls.so", plugins + "/urls.so");
  std::vector<std::string> args = {"check", input, "--no-default-plugins", "--plugin-dir", plugins, "--format", "json", "--net", "retries=0"};
  if (std::find(extra.begin(), extra.end(), "--cache-file") == extra.end()) args.push_back("--no-cache");
  args.insert(args.end(), extra.begin(), extra.end());
  testing::ProcessResult run = testing::run_marginalia(args, 60, env);
  return {run.exit_code, nlohmann::json::parse(run.out, nullptr, false), run.err};
}

std::vector<std::string> codes(const nlohmann::json& json) {
  std::vector<std::string> out;
  if (json.is_discarded()) return {"<not JSON>"};
  for (const auto& finding : json["findings"]) out.push_back(finding["code"]);
  return out;
}

TEST(ProxyCli, HttpProxyFromTheEnvironmentCarriesTheRequest) {
  LocalHttpServer server;
  ForwardProxy proxy(server.port());
  if (!server.ok() || !proxy.ok()) GTEST_SKIP() << "python3 is needed";
  TempDir dir;
  // reports.test resolves nowhere: only the proxy knows where it is.
  CheckRun run = check_urls(dir, {"http://reports.test/ok", "http://reports.test/status/404"}, proxy_env({"http_proxy=" + proxy.url()}),
                       {"--allow-net", "127.0.0.1/32"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_EQ(codes(run.json), (std::vector<std::string>{"urls/not-found"})) << run.err;
  EXPECT_NE(proxy.log().find("HEAD http://reports.test/ok"), std::string::npos) << proxy.log();
  EXPECT_NE(proxy.log().find("http://reports.test/status/404"), std::string::npos) << proxy.log();
  EXPECT_EQ(run.json["summary"]["urls"]["checked"], 2);
}

TEST(ProxyCli, TheGuardJudgesTheProxysAddress) {
  LocalHttpServer server;
  ForwardProxy proxy(server.port());
  if (!server.ok() || !proxy.ok()) GTEST_SKIP() << "python3 is needed";
  TempDir dir;
  // Without --allow-net the proxy, on loopback, is an internal address like any other.
  CheckRun run = check_urls(dir, {"http://reports.test/ok"}, proxy_env({"http_proxy=" + proxy.url()}));
  EXPECT_EQ(codes(run.json), (std::vector<std::string>{"urls/blocked-address"})) << run.err;
  std::string message = run.json["findings"][0]["message"];
  EXPECT_NE(message.find("the proxy " + proxy.url() + " was refused"), std::string::npos) << message;
  EXPECT_EQ(proxy.log(), "") << "refused before a socket was opened";
  EXPECT_EQ(run.json["summary"]["urls"]["blocked"], 1);
  // A literal internal address in the URL is refused before the proxy is asked.
  CheckRun literal = check_urls(dir, {"http://10.1.2.3/admin"}, proxy_env({"http_proxy=" + proxy.url()}), {"--allow-net", "127.0.0.1/32"});
  EXPECT_EQ(codes(literal.json), (std::vector<std::string>{"urls/blocked-address"})) << literal.err;
  EXPECT_EQ(proxy.log(), "");
}

TEST(ProxyCli, NoProxyTheSettingAndUpperCaseHttpProxyGoDirect) {
  LocalHttpServer server;
  ForwardProxy proxy(server.port());
  if (!server.ok() || !proxy.ok()) GTEST_SKIP() << "python3 is needed";
  TempDir dir;
  const std::string direct = server.url("/ok");
  std::vector<std::string> allow = {"--allow-net", "127.0.0.1/32"};
  for (const auto& [env, extra] : std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>>{
           {proxy_env({"http_proxy=" + proxy.url(), "no_proxy=127.0.0.1"}), {}},
           {proxy_env({"http_proxy=" + proxy.url(), "NO_PROXY=localhost,127.0.0.0/8"}), {}},
           {proxy_env({"http_proxy=" + proxy.url()}), {"--net", "proxy=none"}},
           {proxy_env({"HTTP_PROXY=" + proxy.url()}), {}},
           {proxy_env({"https_proxy=" + proxy.url()}), {}}}) {
    std::vector<std::string> flags = allow;
    flags.insert(flags.end(), extra.begin(), extra.end());
    CheckRun run = check_urls(dir, {direct}, env, flags);
    EXPECT_EQ(run.exit_code, 0) << env.back() << " " << run.err;
    EXPECT_EQ(codes(run.json), std::vector<std::string>{}) << env.back();
  }
  EXPECT_EQ(proxy.log(), "") << "every one of these went straight to the server";
  EXPECT_GE(server.wait_for("/ok", 5).size(), 5u);  // logged after answering, so waited for
  // The same URL with only http_proxy set does go through the proxy.
  CheckRun proxied = check_urls(dir, {direct}, proxy_env({"http_proxy=" + proxy.url()}), allow);
  EXPECT_EQ(codes(proxied.json), std::vector<std::string>{}) << proxied.err;
  EXPECT_NE(proxy.log().find(direct), std::string::npos) << proxy.log();
}

TEST(UrlCounts, SummariesSayWhatWasCheckedCachedOrNot) {
  LocalHttpServer server;
  if (!server.ok()) GTEST_SKIP() << "python3 is needed";
  TempDir dir;
  std::vector<std::string> urls = {server.url("/ok"), server.url("/page/1"), server.url("/status/404"), "http://10.0.0.1/admin"};
  std::vector<std::string> cached = {"--allow-net", "127.0.0.1/32", "--cache-file", dir.file("urls.sqlite")};
  CheckRun first = check_urls(dir, urls, proxy_env({}), cached);
  EXPECT_EQ(first.json["summary"]["urls"], nlohmann::json::parse(R"({"checked": 3, "cached": 0, "offline": 0, "blocked": 1, "skipped": 0})"))
      << first.err;
  EXPECT_EQ(first.json["files"][0]["urls"], first.json["summary"]["urls"]);
  // Answers that were fine are reused; the 404 is asked again (failures are not cached by default).
  CheckRun second = check_urls(dir, urls, proxy_env({}), cached);
  EXPECT_EQ(second.json["summary"]["urls"], nlohmann::json::parse(R"({"checked": 1, "cached": 2, "offline": 0, "blocked": 1, "skipped": 0})"));
  CheckRun offline = check_urls(dir, urls, proxy_env({}), {"--offline"});
  EXPECT_EQ(offline.json["summary"]["urls"], nlohmann::json::parse(R"({"checked": 0, "cached": 0, "offline": 4, "blocked": 0, "skipped": 0})"));
  // The terminal says the same under the findings.
  std::string input = dir.file("report.md");
  testing::ProcessResult terminal = testing::run_marginalia(
      {"check", input, "--no-default-plugins", "--plugin-dir", dir.file("plugins"), "--allow-net", "127.0.0.1/32", "--cache-file", dir.file("urls.sqlite")},
      60, proxy_env({}));
  EXPECT_NE(terminal.out.find("URLs: 1 checked, 2 from the cache, 1 not checked (1 blocked)\n"), std::string::npos) << terminal.out;
  testing::ProcessResult quiet = testing::run_marginalia({"check", input, "--no-default-plugins", "--plugin-dir", dir.file("plugins"), "--offline", "-q"},
                                                         60, proxy_env({}));
  EXPECT_EQ(quiet.out.find("URLs:"), std::string::npos) << "--quiet keeps to the one summary line";
}

}  // namespace
}  // namespace marginalia::net
