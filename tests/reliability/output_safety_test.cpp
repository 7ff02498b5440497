// SPDX-License-Identifier: MIT
// RELIABILITY.md §5, "nothing lost": an output path always holds a complete old or a complete new
// file, whatever moment the run is killed at, and an interrupted run leaves no temporary file.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstring>

#include <chrono>
#include <filesystem>
#include <thread>

#include "support/temp_dir.hpp"
#include "support/test_paths.hpp"

extern char** environ;

namespace marginalia::testing {
namespace {

namespace fs = std::filesystem;

pid_t spawn(const std::vector<std::string>& args) {
  pid_t pid = ::fork();
  if (pid == 0) {
    ::setpgid(0, 0);
    std::vector<char*> argv;
    static std::string binary = marginalia_binary();
    argv.push_back(binary.data());
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    int null_fd = ::open("/dev/null", O_WRONLY);
    ::dup2(null_fd, 1);
    ::dup2(null_fd, 2);
    ::execve(binary.c_str(), argv.data(), environ);
    ::_exit(127);
  }
  return pid;
}

std::vector<std::string> temporary_files(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().filename().string().find(".tmp-") != std::string::npos) out.push_back(entry.path().string());
  return out;
}

class OutputSafety : public ::testing::Test {
 protected:
  void SetUp() override {
    // A report big enough that writing its outputs takes a measurable moment.
    std::string report = "Title\n\n";
    for (int i = 1; i <= 4000; ++i) report += "A claim about exports in 2023 is made here.1 Another follows.\n\n";
    input_ = temp_.write("report.txt", report);
    json_ = temp_.file("out.json");
    tei_ = temp_.file("out.tei.xml");
    old_json_ = "{\"old\": true}\n";
    old_tei_ = "<old/>\n";
  }
  std::vector<std::string> args() const {
    return {"check", input_, "--format", "json", "-o", json_, "--tei", tei_, "--offline", "--no-cache", "--isolation", "none"};
  }
  TempDir temp_;
  std::string input_, json_, tei_, old_json_, old_tei_;
};

TEST_F(OutputSafety, KilledAtAnyMomentEachOutputIsTheCompleteOldOrTheCompleteNewFile) {
  // The complete new outputs, for comparison.
  pid_t reference = spawn(args());
  int status = 0;
  ::waitpid(reference, &status, 0);
  std::string new_json = read_file(json_), new_tei = read_file(tei_);
  ASSERT_FALSE(new_json.empty());
  auto start = std::chrono::steady_clock::now();
  ::waitpid(spawn(args()), &status, 0);
  auto full = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();

  int both_old = 0, both_new = 0;
  for (int run = 0; run < 16; ++run) {
    temp_.write("out.json", old_json_);
    temp_.write("out.tei.xml", old_tei_);
    pid_t pid = spawn(args());
    std::this_thread::sleep_for(std::chrono::microseconds(full * run / 14));
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    std::string json = read_file(json_), tei = read_file(tei_);
    EXPECT_TRUE(json == old_json_ || json == new_json) << "run " << run << ": a partial JSON file";
    EXPECT_TRUE(tei == old_tei_ || tei == new_tei) << "run " << run << ": a partial TEI file";
    both_old += json == old_json_;
    both_new += json == new_json;
    for (const std::string& leftover : temporary_files(temp_.path())) fs::remove(leftover);  // SIGKILL cannot clean up
  }
  std::cout << "[ FIGURES  ] kill sweep: 16 runs, " << both_old << " left the old JSON, " << both_new << " the new; full run "
            << full / 1000 << " ms\n";
}

TEST_F(OutputSafety, InterruptedRunLeavesNoTemporaryFileAndTheOldOutputs) {
  for (int signal_number : {SIGINT, SIGTERM}) {
    temp_.write("out.json", old_json_);
    temp_.write("out.tei.xml", old_tei_);
    pid_t pid = spawn(args());
    std::this_thread::sleep_for(std::chrono::milliseconds(40));
    ::kill(pid, signal_number);
    int status = 0;
    ::waitpid(pid, &status, 0);
    EXPECT_TRUE(temporary_files(temp_.path()).empty()) << strsignal(signal_number);
    std::string json = read_file(json_);
    EXPECT_TRUE(json == old_json_ || json.find("\"findings\"") != std::string::npos) << strsignal(signal_number);
  }
}

TEST_F(OutputSafety, AnOutputPathThatIsAFolderExitsTwoNamingItAndKeepsTheOtherOutput) {
  std::string folder = temp_.file("a-folder");
  fs::create_directory(folder);
  temp_.write("out.tei.xml", old_tei_);
  pid_t pid = spawn({"check", input_, "--format", "json", "-o", folder, "--offline", "--no-cache"});
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 2);
  EXPECT_TRUE(temporary_files(temp_.path()).empty());
}

}  // namespace
}  // namespace marginalia::testing
