// SPDX-License-Identifier: MIT
#include "writers/atomic_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <mutex>

namespace marginalia::writers {
namespace {

// Paths of temporary files being written, readable from a signal handler without locks.
constexpr int kSlots = 64;
char g_temp_paths[kSlots][4096];
std::atomic<bool> g_slot_used[kSlots];
std::once_flag g_handlers_installed;

int claim_slot(const std::string& path) {
  if (path.size() >= sizeof g_temp_paths[0]) return -1;
  for (int i = 0; i < kSlots; ++i) {
    bool expected = false;
    if (g_slot_used[i].compare_exchange_strong(expected, true)) {
      std::memcpy(g_temp_paths[i], path.c_str(), path.size() + 1);
      return i;
    }
  }
  return -1;
}

void release_slot(int slot) {
  if (slot >= 0) g_slot_used[slot].store(false);
}

extern "C" void remove_temp_files_and_reraise(int signal_number) {
  for (int i = 0; i < kSlots; ++i)
    if (g_slot_used[i].load()) ::unlink(g_temp_paths[i]);
  ::signal(signal_number, SIG_DFL);
  ::raise(signal_number);
}

std::string describe(const std::string& path, const char* what, int error) {
  return path + ": cannot " + what + ": " + std::strerror(error);
}

bool names_a_descriptor(const std::string& path) {
  for (const char* prefix : {"/proc/", "/dev/fd/", "/dev/stdout", "/dev/stderr"})
    if (path.rfind(prefix, 0) == 0) return true;
  return false;
}

// Whether `path` must be written in place rather than replaced: a character device, a FIFO or a
// socket (`-o /dev/null` run as root must not put a regular file there), or a descriptor link
// such as /dev/stdout or /proc/self/fd/N, followed through symbolic links (replacing the link
// would cut the caller's pipe or redirection).
bool write_in_place(const std::string& path) {
  struct stat target {};
  if (::stat(path.c_str(), &target) == 0 && !S_ISREG(target.st_mode) && !S_ISDIR(target.st_mode)) return true;
  std::filesystem::path current(path);
  for (int hop = 0; hop < 40; ++hop) {
    if (names_a_descriptor(current.string())) return true;
    struct stat link {};
    if (::lstat(current.c_str(), &link) != 0 || !S_ISLNK(link.st_mode)) return false;
    std::error_code error;
    std::filesystem::path next = std::filesystem::read_symlink(current, error);
    if (error) return false;
    current = next.is_absolute() ? next : current.parent_path() / next;
  }
  return false;
}

std::string write_to(const std::string& path, int fd, std::string_view contents) {
  const char* data = contents.data();
  std::size_t left = contents.size();
  while (left > 0) {
    ssize_t written = ::write(fd, data, left);
    if (written < 0) {
      if (errno == EINTR) continue;
      return describe(path, "write", errno);
    }
    data += written;
    left -= static_cast<std::size_t>(written);
  }
  return {};
}

// A regular file behind a descriptor link was opened by the caller (`> file`, `>> log`): append,
// so a redirection in append mode keeps what it held.
std::string write_in_place_to(const std::string& path, std::string_view contents) {
  struct stat target {};
  bool regular = ::stat(path.c_str(), &target) == 0 && S_ISREG(target.st_mode);
  int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC | (regular ? O_APPEND : 0));
  if (fd < 0) return describe(path, "open", errno);
  std::string error = write_to(path, fd, contents);
  if (::close(fd) != 0 && error.empty()) error = describe(path, "close", errno);
  return error;
}

}  // namespace

void install_temp_file_cleanup() {
  std::call_once(g_handlers_installed, [] {
    // Over a file-size limit, write() must fail with EFBIG instead of SIGXFSZ killing the run.
    ::signal(SIGXFSZ, SIG_IGN);
    for (int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
      // A signal the caller ignores (`nohup`, a background job of a non-interactive shell) stays
      // ignored: catching it would let it end a run that was meant to survive it.
      struct sigaction current {};
      if (::sigaction(signal_number, nullptr, &current) == 0 && current.sa_handler == SIG_IGN) continue;
      struct sigaction action {};
      action.sa_handler = remove_temp_files_and_reraise;
      sigemptyset(&action.sa_mask);
      ::sigaction(signal_number, &action, nullptr);
    }
  });
}

std::string write_file_atomically(const std::string& path, std::string_view contents) {
  if (path == "-") {
    std::fwrite(contents.data(), 1, contents.size(), stdout);
    std::fflush(stdout);
    return {};
  }
  if (write_in_place(path)) return write_in_place_to(path, contents);
  install_temp_file_cleanup();
  namespace fs = std::filesystem;
  std::error_code error;
  if (fs::is_directory(path, error)) return path + ": is a directory; give a file name";
  fs::path target(path);
  fs::path directory = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  if (!fs::is_directory(directory, error)) return path + ": the folder " + directory.string() + " does not exist";

  std::string temp;
  int fd = -1;
  for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
    temp = (directory / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(attempt))).string();
    fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0 && errno != EEXIST) return describe(path, "create a temporary file in its folder", errno);
  }
  if (fd < 0) return describe(path, "create a temporary file in its folder", EEXIST);
  int slot = claim_slot(temp);
  auto fail = [&](const char* what) {
    int saved = errno;
    ::close(fd);
    ::unlink(temp.c_str());
    release_slot(slot);
    return describe(path, what, saved);
  };
  // Keep an existing file's permissions.
  struct stat existing {};
  if (::stat(path.c_str(), &existing) == 0) ::fchmod(fd, existing.st_mode & 07777);
  if (std::string error = write_to(path, fd, contents); !error.empty()) {
    ::close(fd);
    ::unlink(temp.c_str());
    release_slot(slot);
    return error;
  }
  if (::fsync(fd) != 0) return fail("sync");
  if (::close(fd) != 0) {
    int saved = errno;
    ::unlink(temp.c_str());
    release_slot(slot);
    return describe(path, "close", saved);
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    int saved = errno;
    ::unlink(temp.c_str());
    release_slot(slot);
    return describe(path, "replace", saved);
  }
  release_slot(slot);
  int dir_fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
  return {};
}

}  // namespace marginalia::writers
