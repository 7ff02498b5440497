// SPDX-License-Identifier: MIT
#include "writers/atomic_file.hpp"

#include <gtest/gtest.h>
#include <fcntl.h>
#include <signal.h>
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

std::string drain(int fd) {
  std::string out;
  char buffer[4096];
  for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) out.append(buffer, static_cast<std::size_t>(n));
  return out;
}

bool is_fifo(const std::string& path) {
  struct stat info {};
  return ::lstat(path.c_str(), &info) == 0 && S_ISFIFO(info.st_mode);
}

TEST(AtomicFile, WritesIntoAFifoInsteadOfReplacingIt) {
  TempDir temp;
  std::string fifo = temp.file("out.fifo");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);  // a reader, so the writer's open does not block
  ASSERT_GE(reader, 0);
  EXPECT_EQ(write_file_atomically(fifo, "{\"findings\": []}\n"), "");
  EXPECT_EQ(drain(reader), "{\"findings\": []}\n");
  ::close(reader);
  EXPECT_TRUE(is_fifo(fifo)) << "the FIFO was replaced by a regular file";
  EXPECT_EQ(entries(temp.path()), 1u);
}

TEST(AtomicFile, WritesThroughALinkToADescriptorInsteadOfReplacingTheLink) {
  TempDir temp;
  int pipe_fds[2];
  ASSERT_EQ(::pipe2(pipe_fds, O_NONBLOCK), 0);
  std::string link = temp.file("out.json");
  std::filesystem::create_symlink("/proc/self/fd/" + std::to_string(pipe_fds[1]), link);
  EXPECT_EQ(write_file_atomically(link, "new contents"), "");
  ::close(pipe_fds[1]);
  EXPECT_EQ(drain(pipe_fds[0]), "new contents");
  ::close(pipe_fds[0]);
  EXPECT_TRUE(std::filesystem::is_symlink(link)) << "the link was replaced by a regular file";
}

TEST(AtomicFile, AppendsToARegularFileReachedThroughADescriptorLink) {
  // `marginalia ... -o /dev/stdout >> log`: the log keeps its earlier lines.
  TempDir temp;
  std::string log = temp.write("log.txt", "earlier line\n");
  int fd = ::open(log.c_str(), O_WRONLY | O_APPEND);
  ASSERT_GE(fd, 0);
  EXPECT_EQ(write_file_atomically("/proc/self/fd/" + std::to_string(fd), "new report\n"), "");
  ::close(fd);
  EXPECT_EQ(read_file(log), "earlier line\nnew report\n");
  EXPECT_EQ(entries(temp.path()), 1u);
}

TEST(AtomicFile, KeepsAnInheritedIgnoredSigint) {
  // `nohup` and background jobs start with SIGINT ignored; installing the cleanup handler must
  // not make the run interruptible again. In a child, so this process's handlers stay as they are.
  pid_t child = ::fork();
  if (child == 0) {
    ::signal(SIGINT, SIG_IGN);
    install_temp_file_cleanup();
    struct sigaction sigint {}, sigterm {};
    ::sigaction(SIGINT, nullptr, &sigint);
    ::sigaction(SIGTERM, nullptr, &sigterm);
    ::_exit(sigint.sa_handler == SIG_IGN && sigterm.sa_handler != SIG_DFL ? 0 : 1);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "SIGINT must stay ignored and SIGTERM must still be caught";
}

}  // namespace
}  // namespace marginalia::writers
