// SPDX-License-Identifier: MIT
// A healthy plugin that shows what reached its worker: its options, a host setting, the result
// of a fetch through the host, and the worker's pid (so tests can see a worker reused or
// replaced). A document containing "CRASH" makes it crash, one containing "SLEEP" makes it hang.
#include <unistd.h>

#include <stdexcept>
#include <thread>

#include "support/test_plugin.hpp"

namespace {

namespace sdk = marginalia::sdk;

class EchoPlugin final : public marginalia::testing::TestPlugin {
 public:
  EchoPlugin()
      : TestPlugin("echo", "Reports what reached its worker (a test fixture).",
                   {{"echo/greeting", sdk::Severity::note, "The configured greeting."},
                    {"echo/setting", sdk::Severity::note, "The sources-dir host setting."},
                    {"echo/fetched", sdk::Severity::note, "The outcome of fetching the first link."},
                    {"echo/pid", sdk::Severity::note, "The worker's process id."}}) {
    info_.version = "1.0.0";
    info_.options_schema = R"({"type": "object", "additionalProperties": false,
                              "properties": {"greeting": {"type": "string"}}})";
  }

  std::vector<std::string> configure(const sdk::Options& options) override {
    greeting_ = options.get_string("greeting", "hello");
    if (greeting_ == "reject") return {"greeting 'reject' is refused"};
    if (greeting_ == "throw") throw std::runtime_error("configure threw on purpose");
    return {};
  }

  void check(const sdk::Document& document, sdk::Reporter& reporter) const override {
    if (document.text.find("CRASH") != std::string::npos) {
      volatile int* volatile nowhere = nullptr;
      *nowhere = 1;
    }
    if (document.text.find("SLEEP") != std::string::npos) std::this_thread::sleep_for(std::chrono::seconds(20));
    report(reporter, "echo/greeting", greeting_);
    report(reporter, "echo/setting", "sources-dir=" + reporter.host_setting("sources-dir"));
    report(reporter, "echo/pid", std::to_string(::getpid()));
    if (!document.links.empty()) {
      std::vector<sdk::FetchResult> results = reporter.fetch_all({{document.links.front().target, sdk::FetchMode::probe}});
      if (results.size() == 1) report(reporter, "echo/fetched", std::string(sdk::to_string(results[0].outcome)) + " " + results[0].detail);
    }
  }

 private:
  void report(sdk::Reporter& reporter, const char* code, std::string message) const {
    reporter.report(codes_.finding(code, {}, std::move(message)));
  }
  std::string greeting_ = "hello";
};

}  // namespace

MARGINALIA_PLUGIN(EchoPlugin)
