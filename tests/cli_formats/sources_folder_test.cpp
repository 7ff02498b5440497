// SPDX-License-Identifier: MIT
// `--sources DIR` reads only files inside DIR: a sources.json entry with an absolute path or
// "..", or a link in DIR to a file or folder outside it, is refused with an error naming the
// entry, and not one word of the outside file reaches any output (issue 13, item 1).
#include <gtest/gtest.h>

#include <filesystem>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace marginalia::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kCanary = "canary words nobody may read";

// A report whose quotation cites note 1, a folder of sources and a secret file beside it.
struct SourcesCase {
  TempDir temp;
  std::string report, sources, secret;
  SourcesCase() {
    report = temp.write("r.md",
                        "# Plans\n\nMinister Anna Berg said \xE2\x80\x9C" "the canary words nobody may hear today\xE2\x80\x9D at the launch.[^1]\n\n"
                        "[^1]: Ministry statement, 2024.\n");
    fs::create_directory(temp.file("sources"));
    fs::create_directory(temp.file("outside"));
    sources = temp.file("sources");
    secret = temp.write("outside/secret.txt", "The " + std::string(kCanary) + " hear today.\n");
  }
  ProcessResult run() const {
    return run_marginalia({"check", report, "--sources", sources, "--offline", "--format", "json", "--disable", "dates"});
  }
};

void expect_refused(const ProcessResult& run, const std::string& entry) {
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_NE(run.err.find(entry), std::string::npos) << "the error names the entry: " << run.err;
  EXPECT_NE(run.err.find("outside"), std::string::npos) << run.err;
  EXPECT_EQ(run.out.find("canary words nobody may read"), std::string::npos) << run.out;
  EXPECT_EQ(run.err.find("canary words nobody may read"), std::string::npos) << run.err;
}

TEST(SourcesFolder, AnAbsolutePathInSourcesJsonIsRefused) {
  SourcesCase c;
  c.temp.write("sources/sources.json", "{\"1\": \"" + c.secret + "\"}");
  expect_refused(c.run(), "\"1\"");
}

TEST(SourcesFolder, ADotDotPathInSourcesJsonIsRefused) {
  SourcesCase c;
  c.temp.write("sources/sources.json", "{\"1\": \"../outside/secret.txt\"}");
  expect_refused(c.run(), "\"1\"");
}

TEST(SourcesFolder, ALinkToAFileOutsideIsRefused) {
  SourcesCase c;
  fs::create_symlink(c.secret, c.temp.file("sources/1.txt"));
  expect_refused(c.run(), "1.txt");
}

TEST(SourcesFolder, ALinkToAFolderOutsideIsRefused) {
  SourcesCase c;
  fs::create_directory_symlink(c.temp.file("outside"), c.temp.file("sources/sub"));
  c.temp.write("sources/sources.json", "{\"1\": \"sub/secret.txt\"}");
  expect_refused(c.run(), "\"1\"");
}

TEST(SourcesFolder, ARelativeLinkThatClimbsOutIsRefused) {
  SourcesCase c;
  fs::create_symlink("../outside/secret.txt", c.temp.file("sources/1.txt"));
  expect_refused(c.run(), "1.txt");
}

TEST(SourcesFolder, ALinkThatStaysInsideIsFollowed) {
  SourcesCase c;
  c.temp.write("sources/statement.txt", "The minister said we will build a new port.\n");
  fs::create_symlink("statement.txt", c.temp.file("sources/1.txt"));
  ProcessResult run = c.run();
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.out.find("quotes/not-in-source"), std::string::npos) << "the quotation was checked against the linked file: " << run.out;
  EXPECT_NE(run.out.find("note 1 (1.txt)"), std::string::npos) << run.out;
}

}  // namespace
}  // namespace marginalia::testing
