// SPDX-License-Identifier: MIT
// Each broken plugin (RELIABILITY.md §3) runs next to the healthy plugins through the real
// binary. The run must exit 2, say it is incomplete, carry exactly one host finding naming the
// broken plugin with the expected code, drop the broken plugin's partial findings, leave no
// process behind, and keep every healthy plugin's findings byte-identical to a run without it.
#include <gtest/gtest.h>
#include <signal.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_paths.hpp"

extern char** environ;

namespace marginalia::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Short, so the hang cases stay fast; generous enough for a loaded CI machine to load and check.
const std::string kTimeoutMs = "1000";

std::string report() { return MARGINALIA_BROKEN_PLUGINS_REPORT; }
std::string fixture(const std::string& id) { return std::string(MARGINALIA_BROKEN_PLUGINS_DIR) + "/" + id + ".so"; }

struct CliRun {
  ProcessResult process;
  json output;
};

CliRun check(std::vector<std::string> extra) {
  std::vector<std::string> args = {"check", report(), "--format", "json", "--offline", "--timeout", kTimeoutMs};
  args.insert(args.end(), extra.begin(), extra.end());
  CliRun run;
  run.process = run_marginalia(args, 60, {"MARGINALIA_PLUGIN_PATH="});
  run.output = json::parse(run.process.out, nullptr, false);
  return run;
}

// The findings of every plugin but `excluded` and the host, as the JSON output prints them.
std::string healthy_findings(const json& output, const std::string& excluded) {
  std::string out;
  for (const json& finding : output["findings"])
    if (finding["plugin"] != "host" && finding["plugin"] != excluded) out += finding.dump() + "\n";
  return out;
}

const CliRun& baseline() {
  static const CliRun run = check({});
  return run;
}

// Processes whose command line mentions `needle` (a worker or a grandchild it forked).
std::vector<std::string> processes_mentioning(const std::string& needle) {
  std::vector<std::string> found;
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator("/proc", error)) {
    std::string pid = entry.path().filename().string();
    if (pid.find_first_not_of("0123456789") != std::string::npos) continue;
    std::string cmdline = read_file(entry.path().string() + "/cmdline");
    for (char& c : cmdline)
      if (c == '\0') c = ' ';
    if (cmdline.find(needle) != std::string::npos) found.push_back(pid + ": " + cmdline);
  }
  return found;
}

struct FaultCase {
  std::string id;              ///< fixture library (and plugin id)
  std::string code;            ///< the one host finding expected
  std::string status;          ///< the plugin's status in the JSON output
  std::string detail;          ///< a fragment of the host finding's message
  std::vector<std::string> args = {};
};

std::ostream& operator<<(std::ostream& out, const FaultCase& fault) { return out << fault.id; }

class BrokenPlugin : public ::testing::TestWithParam<FaultCase> {};

TEST_P(BrokenPlugin, CostsOnlyItsOwnFindings) {
  const FaultCase& fault = GetParam();
  ASSERT_EQ(baseline().process.exit_code, 1) << baseline().process.err;
  ASSERT_FALSE(baseline().output.is_discarded());
  ASSERT_FALSE(healthy_findings(baseline().output, "").empty()) << "the healthy plugins found nothing to compare";

  TempDir dir;
  std::string library = dir.file(fault.id + ".so");
  if (fault.id == "not-elf") {
    dir.write("not-elf.so", "this is a text file, not a shared library\n");
  } else {
    std::string source = fault.id == "group-writable" ? fixture("exception") : fixture(fault.id);
    fs::copy_file(source, library);
  }
  ::chmod(library.c_str(), fault.id == "group-writable" ? 0775 : 0755);

  std::vector<std::string> args = {"--plugin-dir", dir.path()};
  args.insert(args.end(), fault.args.begin(), fault.args.end());
  CliRun run = check(args);
  std::cout << "[ figures  ] " << fault.id << ": " << fault.code << " reported after " << run.process.seconds << " s\n";

  EXPECT_EQ(run.process.exit_code, 2) << run.process.err;
  ASSERT_FALSE(run.output.is_discarded()) << "stdout is not JSON:\n" << run.process.out.substr(0, 500);
  EXPECT_EQ(run.output["complete"], false);
  EXPECT_EQ(healthy_findings(run.output, fault.id), healthy_findings(baseline().output, ""));

  std::vector<json> host;
  for (const json& finding : run.output["findings"]) {
    EXPECT_NE(finding["plugin"], fault.id) << "a partial finding of the broken plugin was kept: " << finding.dump();
    if (finding["plugin"] == "host") host.push_back(finding);
  }
  ASSERT_EQ(host.size(), 1u) << run.output["findings"].dump(2);
  EXPECT_EQ(host[0]["code"], fault.code);
  std::string message = host[0]["message"];
  EXPECT_NE(message.find("'" + fault.id + "'"), std::string::npos) << message;
  EXPECT_NE(message.find(fault.detail), std::string::npos) << message;
  // A library that never loaded is named by its file, so the user knows what to remove or rebuild.
  for (const char* status : {"load-failed", "incompatible", "not-a-plugin", "refused"}) {
    if (fault.status == status) {
      EXPECT_NE(message.find(library), std::string::npos) << message;
    }
  }

  bool status_found = false;
  for (const json& plugin : run.output["files"][0]["plugins"])
    if (plugin["id"] == fault.id) {
      status_found = true;
      EXPECT_EQ(plugin["status"], fault.status);
    }
  EXPECT_TRUE(status_found) << run.output["files"][0]["plugins"].dump();

  std::vector<std::string> left = processes_mentioning(dir.path());
  EXPECT_TRUE(left.empty()) << "still running: " << left.front();
}

const std::vector<FaultCase> kFaults = {
    {"segfault", "host/plugin-crashed", "crashed", "SIGSEGV"},
    {"abort", "host/plugin-crashed", "crashed", "SIGABRT"},
    {"noexcept-throw", "host/plugin-crashed", "crashed", "SIGABRT"},
    {"exception", "host/plugin-failed", "failed", "exception: broken on purpose"},
    {"throw-int", "host/plugin-failed", "failed", "a non-standard exception"},
    {"busy-loop", "host/plugin-timeout", "timeout", "no reply within " + kTimeoutMs + " ms"},
    {"blocked-read", "host/plugin-timeout", "timeout", "process group were killed"},
    {"ignores-sigterm", "host/plugin-timeout", "timeout", "process group were killed"},
    {"grandchild-exit", "host/plugin-failed", "failed", "exit status 0"},
    {"setsid-grandchild", "host/plugin-failed", "failed", "exception: left a grandchild in a session of its own"},
    // Filling memory, building 200,000 findings or a 65 MiB message takes time on a loaded
    // machine: these cases get a time limit they cannot reach.
    {"runaway-memory", "host/plugin-out-of-memory", "out-of-memory", "128 MiB", {"--memory-limit", "128", "--timeout", "20000"}},
    {"flood", "host/plugin-output-too-large", "output-too-large", "more than 100000 findings", {"--timeout", "20000"}},
    {"huge-message", "host/plugin-output-too-large", "output-too-large", "bytes of output", {"--timeout", "20000"}},
    {"span-outside", "host/plugin-bad-output", "bad-output", "past the text"},
    {"span-reversed", "host/plugin-bad-output", "bad-output", "ends before it begins"},
    {"invalid-utf8", "host/plugin-bad-output", "bad-output", "not valid UTF-8"},
    {"undeclared-code", "host/plugin-bad-output", "bad-output", "undeclared code"},
    {"garbage-reply", "host/plugin-bad-output", "bad-output", "not a reply"},
    {"exit-zero", "host/plugin-failed", "failed", "exit status 0"},
    {"static-constructor-crash", "host/plugin-load-failed", "load-failed", "crashed while loading: signal SIGSEGV"},
    {"unresolved-symbol", "host/plugin-load-failed", "load-failed", "undefined symbol"},
    {"abi-major", "host/plugin-incompatible", "incompatible", "built for plugin API 2.0, but this marginalia provides API 1.1"},
    {"abi-newer-minor", "host/plugin-incompatible", "incompatible", "built for plugin API 1.2, but this marginalia provides API 1.1"},
    {"missing-factory", "host/not-a-plugin", "not-a-plugin", "marginalia_plugin_create"},
    {"missing-abi-symbol", "host/not-a-plugin", "not-a-plugin", "exports no marginalia_plugin_abi()"},
    {"not-elf", "host/not-a-plugin", "not-a-plugin", "not a shared library"},
    {"group-writable", "host/plugin-refused", "refused", "writable by group or others"},
};

INSTANTIATE_TEST_SUITE_P(Faults, BrokenPlugin, ::testing::ValuesIn(kFaults), [](const ::testing::TestParamInfo<FaultCase>& info) {
  std::string name = info.param.id;
  for (char& c : name)
    if (c == '-') c = '_';
  return name;
});

TEST(BrokenPlugins, PrintingToStandardOutputDoesNotCorruptTheReply) {
  TempDir dir;
  fs::copy_file(fixture("printf-stdout"), dir.file("printf-stdout.so"));
  CliRun run = check({"--plugin-dir", dir.path()});
  EXPECT_EQ(run.process.exit_code, 1) << run.process.err;
  ASSERT_FALSE(run.output.is_discarded()) << "stdout is not JSON:\n" << run.process.out.substr(0, 500);
  EXPECT_EQ(run.output["complete"], true);
  EXPECT_EQ(healthy_findings(run.output, "printf-stdout"), healthy_findings(baseline().output, ""));
  int own = 0;
  for (const json& finding : run.output["findings"]) {
    EXPECT_NE(finding["plugin"], "host") << finding.dump();
    own += finding["plugin"] == "printf-stdout";
  }
  EXPECT_EQ(own, 1);
}

TEST(BrokenPlugins, IsolatedAndInProcessRunsGiveTheSameOutput) {
  CliRun in_process = check({"--isolation", "none"});
  EXPECT_EQ(in_process.process.exit_code, baseline().process.exit_code);
  EXPECT_EQ(in_process.process.out, baseline().process.out);
}

TEST(BrokenPlugins, InProcessRunsContainExceptionsToo) {
  TempDir dir;
  fs::copy_file(fixture("exception"), dir.file("exception.so"));
  CliRun run = check({"--plugin-dir", dir.path(), "--isolation", "none"});
  EXPECT_EQ(run.process.exit_code, 2);
  ASSERT_FALSE(run.output.is_discarded());
  EXPECT_EQ(healthy_findings(run.output, "exception"), healthy_findings(baseline().output, ""));
  bool reported = false;
  for (const json& finding : run.output["findings"])
    if (finding["plugin"] == "host")
      reported = finding["code"] == "host/plugin-failed" &&
                 finding["message"].get<std::string>().find("exception: broken on purpose") != std::string::npos;
  EXPECT_TRUE(reported) << run.output["findings"].dump(2);
}

TEST(BrokenPlugins, AnIncompleteRunStillWritesValidTei) {
  if (jing().empty() || tei_schema().empty()) GTEST_SKIP() << "jing or ../shared/tei/tei_all.rng is missing";
  TempDir dir;
  fs::copy_file(fixture("segfault"), dir.file("segfault.so"));
  fs::copy_file(fixture("static-constructor-crash"), dir.file("static-constructor-crash.so"));
  std::string tei = dir.file("out.tei.xml");
  CliRun run = check({"--plugin-dir", dir.path(), "--tei", tei});
  EXPECT_EQ(run.process.exit_code, 2);
  std::string written = read_file(tei);
  EXPECT_NE(written.find("incomplete"), std::string::npos);
  EXPECT_NE(written.find("host/plugin-crashed"), std::string::npos);
  EXPECT_NE(written.find("host/plugin-load-failed"), std::string::npos);
  ProcessResult valid = run_process(jing(), {tei_schema(), tei}, 120);
  EXPECT_EQ(valid.exit_code, 0) << valid.out << valid.err;
}

TEST(BrokenPlugins, PluginsCommandListsALoadCrashAsARefusal) {
  TempDir dir;
  fs::copy_file(fixture("static-constructor-crash"), dir.file("static-constructor-crash.so"));
  ProcessResult listed = run_marginalia({"plugins", "--json", "--plugin-dir", dir.path()}, 60, {"MARGINALIA_PLUGIN_PATH="});
  EXPECT_EQ(listed.exit_code, 2);
  json output = json::parse(listed.out, nullptr, false);
  ASSERT_FALSE(output.is_discarded()) << listed.out;
  ASSERT_EQ(output["problems"].size(), 1u);
  EXPECT_EQ(output["problems"][0]["code"], "host/plugin-load-failed");
  EXPECT_NE(output["problems"][0]["message"].get<std::string>().find("crashed while loading"), std::string::npos);
  EXPECT_FALSE(output["plugins"].empty()) << "the healthy plugins must still be listed";
}

TEST(BrokenPlugins, WorkersDieWithAKilledHost) {
  TempDir dir;
  fs::copy_file(fixture("busy-loop"), dir.file("busy-loop.so"));
  std::vector<std::string> args = {marginalia_binary(), "check", report(), "--offline", "--timeout", "60000", "--plugin-dir", dir.path()};
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t host = 0;
  ASSERT_EQ(::posix_spawn(&host, argv[0], &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  // Wait until the busy-loop worker is running, then kill the host without warning.
  for (int i = 0; i < 200 && processes_mentioning(dir.path()).size() < 2; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_GE(processes_mentioning(dir.path()).size(), 2u) << "the busy-loop worker never started";
  ::kill(host, SIGKILL);
  int status = 0;
  ::waitpid(host, &status, 0);
  // PR_SET_PDEATHSIG takes the workers down with the host; the kernel needs a moment.
  std::vector<std::string> left;
  for (int i = 0; i < 100; ++i) {
    left = processes_mentioning(dir.path());
    if (left.empty()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_TRUE(left.empty()) << "outlived the host: " << left.front();
}

}  // namespace
}  // namespace marginalia::testing
