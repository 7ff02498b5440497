// SPDX-License-Identifier: MIT
// Issue 13, "hostile inputs", on the command line: outputs that would destroy an input, TEI
// outputs that would overwrite each other, limits that silently vanished, a document date that
// was silently ignored, control characters in printed paths. Each runs the real binary.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_paths.hpp"

namespace marginalia::testing {
namespace {

namespace fs = std::filesystem;

const char* const kReport = "Title\n\nA claim about exports in 2023.1\n\nNotes\n\n1. Source, \"Title\", 2020.\n";

struct OutputClash {
  std::string name;
  std::vector<std::string> args;  ///< after `check INPUT`; "INPUT" stands for the input's path
};

TEST(ReliabilityCli, AnOutputThatIsAnInputIsRefusedBeforeAnythingIsWritten) {
  TempDir temp;
  std::string input = temp.write("same.txt", kReport);
  fs::create_symlink(input, temp.file("link.txt"));
  const std::vector<OutputClash> clashes = {
      {"json", {"--format", "json", "-o", "INPUT"}},
      {"sarif through a link", {"--format", "sarif", "-o", temp.file("link.txt")}},
      {"tei", {"--tei", "INPUT"}},
      {"format tei", {"--format", "tei", "-o", "INPUT"}},
      {"baseline", {"--write-baseline", "INPUT"}},
      {"another spelling", {"--format", "json", "-o", temp.path() + "/./same.txt"}},
  };
  for (const OutputClash& clash : clashes) {
    SCOPED_TRACE(clash.name);
    std::vector<std::string> args = {"check", input, "--offline", "--no-cache"};
    for (const std::string& arg : clash.args) args.push_back(arg == "INPUT" ? input : arg);
    ProcessResult run = run_marginalia(args, 60);
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_NE(run.err.find("would destroy the input"), std::string::npos) << run.err;
    EXPECT_EQ(read_file(input), kReport) << "the input was modified";
    EXPECT_EQ(run.out, "") << "nothing is checked or printed";
  }
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(temp.path())) ++files;
  EXPECT_EQ(files, 2u) << "no output and no temporary file was written";
}

TEST(ReliabilityCli, InputsWithOneNameInTwoFoldersWriteTwoTeiFiles) {
  TempDir temp;
  fs::create_directories(temp.file("d1"));
  fs::create_directories(temp.file("d2"));
  std::string first = temp.write("d1/report.md", "# First\n\nOne claim.[^1]\n");
  std::string second = temp.write("d2/report.md", "# Second\n\nAnother claim.[^1]\n");
  ProcessResult run = run_marginalia({"check", first, second, "--offline", "--no-cache", "--tei", temp.file("out"), "-q"}, 60);
  EXPECT_EQ(run.exit_code, 1) << run.err;
  std::string tei1 = read_file(temp.file("out/d1/report.md.tei.xml")), tei2 = read_file(temp.file("out/d2/report.md.tei.xml"));
  EXPECT_NE(tei1.find("One claim"), std::string::npos);
  EXPECT_NE(tei2.find("Another claim"), std::string::npos);
}

TEST(ReliabilityCli, NumericOptionsAreParsedStrictly) {
  TempDir temp;
  std::string input = temp.write("report.txt", kReport);
  const std::vector<std::pair<std::string, std::string>> refused = {
      {"--timeout", "-1"}, {"--timeout", "0"}, {"--timeout", "99999999999999999999"}, {"--timeout", "30s"},
      {"--memory-limit", "-1"}, {"--memory-limit", "17592186044416"}, {"--memory-limit", " 64"},
      {"--max-input-size", "-5"}, {"--max-input-size", "99999999999G"}, {"--max-input-size", "0"}, {"--max-input-size", "3G"},
      {"--jobs", "+2"}, {"--jobs", "-1"}, {"--jobs", "257"},
  };
  for (const auto& [option, value] : refused) {
    SCOPED_TRACE(option + " " + value);
    ProcessResult run = run_marginalia({"check", input, "--offline", "--no-cache", option, value}, 30);
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_NE(run.err.find(option + " takes"), std::string::npos) << run.err;
    EXPECT_EQ(run.out, "");
  }
  // In range: the limit applies (a 20-byte cap refuses the report).
  ProcessResult capped = run_marginalia({"check", input, "--offline", "--no-cache", "--max-input-size", "20", "--format", "json"}, 30);
  EXPECT_EQ(capped.exit_code, 2);
  EXPECT_NE(capped.out.find("reader/too-large"), std::string::npos);
}

TEST(ReliabilityCli, ADocumentDateMustBeACalendarDate) {
  TempDir temp;
  std::string input = temp.write("report.txt", kReport);
  for (const char* date : {"2024-13-45", "yesterday", "2023-02-29", "2024-03"}) {
    SCOPED_TRACE(date);
    ProcessResult run = run_marginalia({"check", input, "--offline", "--no-cache", "--document-date", date}, 30);
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_NE(run.err.find("--document-date takes a calendar date"), std::string::npos) << run.err;
  }
  ProcessResult leap = run_marginalia({"check", input, "--offline", "--no-cache", "--document-date", "2024-02-29"}, 30);
  EXPECT_NE(leap.exit_code, 2) << leap.err;
}

TEST(ReliabilityCli, OutputTargetsThatAreNotRegularFilesAreWrittenInPlace) {
  // A FIFO and a link to the process's own standard output: replacing either with a regular
  // file loses the output (and, run as root, -o /dev/null would replace the real one).
  TempDir temp;
  std::string input = temp.write("report.txt", kReport);
  std::string link = temp.file("stdout-link.json");
  fs::create_symlink("/proc/self/fd/1", link);
  ProcessResult run = run_marginalia({"check", input, "--offline", "--no-cache", "--format", "json", "-o", link, "-q"}, 30);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("\"findings\""), std::string::npos) << "the JSON went through the link to stdout";
  EXPECT_TRUE(fs::is_symlink(link)) << "the link was replaced";

  std::string fifo = temp.file("out.fifo");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string command = "cat '" + fifo + "' > '" + temp.file("from-fifo.json") + "' & '" + marginalia_binary() + "' check '" + input +
                        "' --offline --no-cache --format json -o '" + fifo + "' -q; status=$?; wait; exit $status";
  ProcessResult piped = run_process("/bin/sh", {"-c", command}, 60);
  EXPECT_EQ(piped.exit_code, 0) << piped.err;
  EXPECT_NE(read_file(temp.file("from-fifo.json")).find("\"findings\""), std::string::npos);
  EXPECT_EQ(fs::status(fifo).type(), fs::file_type::fifo) << "the FIFO was replaced";
}

TEST(ReliabilityCli, PrintedPathsCannotDriveTheTerminal) {
  TempDir temp;
  std::string input = temp.write("report.txt", kReport);
  std::string output = temp.file("out\x1b[31mred\x07.tei.xml");
  ProcessResult run = run_marginalia({"check", input, "--offline", "--no-cache", "--tei", output}, 30);
  EXPECT_NE(run.err.find("TEI written to"), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find('\x1b'), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find('\x07'), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("\\u{1B}[31mred\\u{7}"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace marginalia::testing
