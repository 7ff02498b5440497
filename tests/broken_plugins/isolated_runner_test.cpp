// SPDX-License-Identifier: MIT
// Plugins in worker processes through the library API: what reaches a worker (options, host settings, the
// host's fetch service), how workers are reused, replaced after a fault and shared across
// threads. The workers are real `marginalia __worker` processes.
#include <gtest/gtest.h>

#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "config/plugin_options.hpp"
#include "host/worker_plugin.hpp"
#include "support/test_paths.hpp"

namespace marginalia::testing {
namespace {

std::string echo_library() { return std::string(MARGINALIA_BROKEN_PLUGINS_DIR) + "/echo.so"; }

host::WorkerSettings settings() {
  host::WorkerSettings settings;
  settings.executable = marginalia_binary();
  settings.timeout_ms = 10000;
  return settings;
}

host::LoadedPlugin load_echo() {
  host::LoadResult loaded = host::load_plugin_in_worker(echo_library(), settings());
  if (!loaded) ADD_FAILURE() << loaded.problem()->message;
  return loaded ? *loaded : host::LoadedPlugin{};
}

sdk::Options options(const std::string& json_text, const sdk::PluginInfo& info) {
  config::PluginOptionsResult result = config::make_plugin_options(info, nlohmann::json::parse(json_text));
  EXPECT_TRUE(result.errors.empty());
  return result.options;
}

sdk::Document document(const std::string& text) {
  sdk::Document document;
  document.path = "test.txt";
  document.format = "text";
  document.text = text;
  return document;
}

// The message of the finding with `code`, or "" when there is none.
std::string message(const host::PluginRunResult& result, const std::string& code) {
  for (const sdk::Finding& finding : result.findings)
    if (finding.code == code) return finding.message;
  return {};
}

// Answers every request from a table and records what it was asked.
class RecordingFetchService final : public net::FetchService {
 public:
  std::vector<sdk::FetchResult> fetch_all(const std::vector<sdk::FetchRequest>& requests) override {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<sdk::FetchResult> results;
    for (const sdk::FetchRequest& request : requests) {
      asked.push_back(request.url);
      sdk::FetchResult result;
      result.url = request.url;
      result.outcome = sdk::FetchOutcome::client_error;
      result.http_status = 404;
      result.detail = "HTTP 404";
      results.push_back(result);
    }
    return results;
  }
  std::vector<std::string> asked;

 private:
  std::mutex mutex_;
};

TEST(WorkerPlugin, ForwardsOptionsHostSettingsAndFetchesThroughTheHost) {
  host::LoadedPlugin echo = load_echo();
  ASSERT_TRUE(echo.instance);
  EXPECT_TRUE(echo.instance->configure(options(R"({"greeting": "bonjour"})", echo.info)).empty());
  RecordingFetchService fetch;
  host::RunContext context;
  context.fetch = &fetch;
  context.host_settings["sources-dir"] = "/srv/sources";
  sdk::Document with_link = document("See https://example.org/missing for details.");
  with_link.links.push_back({{4, 33}, "https://example.org/missing"});
  host::PluginRunResult result = echo.instance->run(with_link, context);
  ASSERT_EQ(result.status, host::RunStatus::ok) << result.detail;
  EXPECT_EQ(message(result, "echo/greeting"), "bonjour");
  EXPECT_EQ(message(result, "echo/setting"), "sources-dir=/srv/sources");
  EXPECT_EQ(message(result, "echo/fetched"), "client_error HTTP 404");
  EXPECT_EQ(fetch.asked, std::vector<std::string>{"https://example.org/missing"});
}

TEST(WorkerPlugin, TheWorkerValidatesOptionsAgainstTheSchemaBeforeConfigure) {
  host::LoadedPlugin echo = load_echo();
  ASSERT_TRUE(echo.instance);
  // Options that skipped the host's validation still never reach the plugin's configure.
  sdk::Options unchecked({{"greeting", std::int64_t{5}}}, R"({"greeting": 5})");
  std::vector<std::string> problems = echo.instance->configure(unchecked);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("/greeting"), std::string::npos) << problems[0];
}

TEST(WorkerPlugin, ConfigureProblemsAndExceptionsComeBackFromTheWorker) {
  host::LoadedPlugin echo = load_echo();
  ASSERT_TRUE(echo.instance);
  std::vector<std::string> problems = echo.instance->configure(options(R"({"greeting": "reject"})", echo.info));
  EXPECT_EQ(problems, std::vector<std::string>{"greeting 'reject' is refused"});
  EXPECT_THROW(echo.instance->configure(options(R"({"greeting": "throw"})", echo.info)), std::runtime_error);
}

TEST(WorkerPlugin, ReusesAWorkerAndReplacesItAfterACrash) {
  host::LoadedPlugin echo = load_echo();
  ASSERT_TRUE(echo.instance);
  ASSERT_TRUE(echo.instance->configure(options(R"({"greeting": "hi"})", echo.info)).empty());
  net::OfflineFetchService offline;
  host::RunContext context;
  context.fetch = &offline;
  std::string first = message(echo.instance->run(document("one"), context), "echo/pid");
  std::string second = message(echo.instance->run(document("two"), context), "echo/pid");
  EXPECT_FALSE(first.empty());
  EXPECT_EQ(first, second) << "a healthy worker serves the next document";

  host::PluginRunResult crashed = echo.instance->run(document("CRASH"), context);
  EXPECT_EQ(crashed.status, host::RunStatus::crashed);
  EXPECT_NE(crashed.detail.find("SIGSEGV"), std::string::npos) << crashed.detail;
  EXPECT_TRUE(crashed.findings.empty());

  host::PluginRunResult after = echo.instance->run(document("three"), context);
  ASSERT_EQ(after.status, host::RunStatus::ok) << after.detail;
  EXPECT_NE(message(after, "echo/pid"), first) << "a crashed worker is replaced";
  EXPECT_EQ(message(after, "echo/greeting"), "hi") << "the replacement is configured like the first";
}

// The soft limit of `name` ("Max processes") in /proc/PID/limits, "" when the line is missing.
std::string soft_limit(const std::string& pid, const std::string& name) {
  std::string limits = read_file("/proc/" + pid + "/limits");
  std::size_t at = limits.find(name);
  if (at == std::string::npos) return {};
  std::size_t begin = limits.find_first_not_of(' ', at + 26);
  return limits.substr(begin, limits.find(' ', begin) - begin);
}

TEST(WorkerPlugin, WorkersRunUnderProcessFileSizeCpuAndCoreLimits) {
  host::LoadedPlugin echo = load_echo();
  ASSERT_TRUE(echo.instance);
  net::OfflineFetchService offline;
  host::RunContext context;
  context.fetch = &offline;
  std::string pid = message(echo.instance->run(document("one"), context), "echo/pid");
  pid = pid.substr(pid.find_first_of("0123456789"));
  pid = pid.substr(0, pid.find_first_not_of("0123456789"));
  ASSERT_FALSE(pid.empty());
  // The worker is alive between documents: its limits are readable.
  for (const char* name : {"Max processes", "Max file size", "Max cpu time"}) {
    std::string value = soft_limit(pid, name);
    EXPECT_FALSE(value.empty()) << name;
    EXPECT_NE(value, "unlimited") << name;
  }
  EXPECT_EQ(soft_limit(pid, "Max core file size"), "0");
}

TEST(WorkerPlugin, AHungWorkerIsKilledAtTheTimeLimitAndReplaced) {
  host::LoadedPlugin echo = load_echo();
  ASSERT_TRUE(echo.instance);
  net::OfflineFetchService offline;
  host::RunContext context;
  context.fetch = &offline;
  context.timeout_ms = 300;
  host::PluginRunResult hung = echo.instance->run(document("SLEEP"), context);
  EXPECT_EQ(hung.status, host::RunStatus::timeout);
  EXPECT_NE(hung.detail.find("300 ms"), std::string::npos) << hung.detail;
  EXPECT_EQ(echo.instance->run(document("fine"), context).status, host::RunStatus::ok);
}

TEST(WorkerPlugin, ConcurrentChecksEachGetAWorker) {
  host::LoadedPlugin echo = load_echo();
  ASSERT_TRUE(echo.instance);
  net::OfflineFetchService offline;
  host::RunContext context;
  context.fetch = &offline;
  std::mutex mutex;
  std::vector<std::string> pids;
  std::vector<std::thread> threads;
  for (int t = 0; t < 3; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 4; ++i) {
        host::PluginRunResult result = echo.instance->run(document("document " + std::to_string(i)), context);
        std::lock_guard<std::mutex> lock(mutex);
        EXPECT_EQ(result.status, host::RunStatus::ok) << result.detail;
        pids.push_back(message(result, "echo/pid"));
      }
    });
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(pids.size(), 12u);
}

TEST(WorkerPlugin, RunsLikeTheSamePluginLoadedInProcess) {
  host::LoadResult loaded = host::load_plugin(echo_library());
  ASSERT_TRUE(loaded);
  host::LoadedPlugin echo = load_echo();
  ASSERT_TRUE(echo.instance);
  for (const host::LoadedPlugin* plugin : {&*loaded, &echo})
    ASSERT_TRUE(plugin->instance->configure(options(R"({"greeting": "same"})", plugin->info)).empty());
  net::OfflineFetchService offline;
  host::RunContext context;
  context.fetch = &offline;
  host::PluginRunResult in_process = loaded->instance->run(document("text"), context);
  host::PluginRunResult in_worker = echo.instance->run(document("text"), context);
  ASSERT_EQ(in_process.status, host::RunStatus::ok) << in_process.detail;
  ASSERT_EQ(in_worker.status, host::RunStatus::ok) << in_worker.detail;
  EXPECT_EQ(message(in_process, "echo/greeting"), "same");
  EXPECT_EQ(message(in_worker, "echo/greeting"), "same");
  EXPECT_EQ(in_process.findings.size(), in_worker.findings.size());
}

}  // namespace
}  // namespace marginalia::testing
