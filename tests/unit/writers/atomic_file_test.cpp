// SPDX-License-Identifier: MIT
#include "writers/atomic_file.hpp"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "support/temp_dir.hpp"
#include "support/test_paths.hpp"

namespace marginalia::writers {
namespace {

using marginalia::testing::read_file;
using marginalia::testing::TempDir;

std::size_t entries(const std::string& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) ++n;
  return n;
}

TEST(AtomicFile, ReplacesTheFileAndLeavesNoTemporaryFile) {
  TempDir temp;
  std::string path = temp.write("out.xml", "old contents");
  EXPECT_EQ(write_file_atomically(path, "new contents"), "");
  EXPECT_EQ(read_file(path), "new contents");
  EXPECT_EQ(entries(temp.path()), 1u);
}

TEST(AtomicFile, NamesThePathAndKeepsTheOldFileWhenItCannotWrite) {
  if (::geteuid() == 0) GTEST_SKIP() << "root ignores folder permissions";
  TempDir temp;
  std::string folder = temp.file("locked");
  std::filesystem::create_directory(folder);
  std::string path = folder + "/out.xml";
  ASSERT_EQ(write_file_atomically(path, "old"), "");
  ::chmod(folder.c_str(), 0555);
  std::string error = write_file_atomically(path, "new");
  ::chmod(folder.c_str(), 0755);
  EXPECT_NE(error.find(path), std::string::npos) << error;
  EXPECT_EQ(read_file(path), "old");
  EXPECT_EQ(entries(folder), 1u);
}

TEST(AtomicFile, AFailedWriteKeepsTheOldFileAndLeavesNoTemporaryFile) {
  // A file-size limit makes write() fail with EFBIG even for root; run it in a child.
  TempDir temp;
  std::string path = temp.write("out.json", "the old, complete contents");
  pid_t child = ::fork();
  if (child == 0) {
    struct rlimit limit {64, 64};
    ::setrlimit(RLIMIT_FSIZE, &limit);
    std::string error = write_file_atomically(path, std::string(100000, 'x'));
    ::_exit(error.find(path) != std::string::npos && error.find("write") != std::string::npos ? 0 : 1);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status)) << "the writer must not die of SIGXFSZ";
  EXPECT_EQ(WEXITSTATUS(status), 0) << "the error names the path and the failed write";
  EXPECT_EQ(read_file(path), "the old, complete contents");
  EXPECT_EQ(entries(temp.path()), 1u);
}

TEST(AtomicFile, RefusesADirectoryOrAMissingFolder) {
  TempDir temp;
  EXPECT_NE(write_file_atomically(temp.path(), "x").find("is a directory"), std::string::npos);
  EXPECT_NE(write_file_atomically(temp.file("no/such/out.xml"), "x").find("does not exist"), std::string::npos);
}

}  // namespace
}  // namespace marginalia::writers
