// SPDX-License-Identifier: MIT
#include "input/beneath_file.hpp"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace marginalia::input {
namespace {

namespace fs = std::filesystem;

class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// O_NONBLOCK: opening a FIFO must not wait for a writer; the file type is checked after.
constexpr int open_flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY;

BeneathStatus status_of_errno(int error) {
  switch (error) {
    case ENOENT:
    case ENOTDIR:
      return BeneathStatus::missing;
    case EXDEV:  // RESOLVE_BENEATH: the path, or a link on it, leaves the folder
    case ELOOP:  // a magic link (/proc/self/fd/N) or a link loop
      return BeneathStatus::outside;
    default:
      return BeneathStatus::unreadable;
  }
}

// -1 with errno ENOSYS when the kernel (or a seccomp filter) does not offer openat2.
int open_beneath(int folder_fd, const std::string& name) {
  open_how how{};
  how.flags = static_cast<std::uint64_t>(open_flags);
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
  long fd = ::syscall(SYS_openat2, folder_fd, name.c_str(), &how, sizeof how);
  if (fd < 0 && (errno == EPERM || errno == E2BIG)) errno = ENOSYS;  // filtered or an older struct
  return static_cast<int>(fd);
}

// The fallback: canonical paths compared, then the canonical path opened without following a
// last link (a race with a link swapped in between is possible here, not with openat2).
int open_canonical(const std::string& folder, const std::string& name, BeneathStatus& status) {
  if (fs::path(name).is_absolute()) {
    status = BeneathStatus::outside;
    return -1;
  }
  std::error_code error;
  fs::path root = fs::canonical(folder, error);
  if (error) {
    status = BeneathStatus::missing;
    return -1;
  }
  fs::path target = fs::weakly_canonical(root / name, error);
  if (error) {
    status = BeneathStatus::unreadable;
    return -1;
  }
  fs::path relative = target.lexically_relative(root);
  if (relative.empty() || *relative.begin() == ".." || relative == ".") {
    status = BeneathStatus::outside;
    return -1;
  }
  int fd = ::open(target.c_str(), open_flags | O_NOFOLLOW);
  if (fd < 0) status = status_of_errno(errno);
  return fd;
}

int probe_openat2() {
  Fd root(::open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  Fd fd(open_beneath(root.get(), "."));
  return fd.get() >= 0 || errno != ENOSYS ? 1 : 0;
}

}  // namespace

bool has_openat2() {
  static const bool available = probe_openat2() == 1;
  return available;
}

namespace {

BeneathFile read_file(const std::string& folder, const std::string& name, std::uint64_t max_bytes, bool read, bool use_openat2) {
  BeneathFile result;
  if (name.empty() || name.find('\0') != std::string::npos) return result;
  BeneathStatus status = BeneathStatus::missing;
  int raw = -1;
  if (use_openat2) {
    Fd folder_fd(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (folder_fd.get() < 0) return result;
    raw = open_beneath(folder_fd.get(), name);
    if (raw < 0) status = status_of_errno(errno);
  } else {
    raw = open_canonical(folder, name, status);
  }
  Fd fd(raw);
  if (fd.get() < 0) {
    result.status = status;
    if (status == BeneathStatus::unreadable) result.detail = std::strerror(errno);
    return result;
  }
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0 || !S_ISREG(info.st_mode)) {
    result.status = BeneathStatus::not_regular;
    return result;
  }
  if (static_cast<std::uint64_t>(info.st_size) > max_bytes) {
    result.status = BeneathStatus::too_large;
    return result;
  }
  if (read) {
    result.bytes.resize(static_cast<std::size_t>(info.st_size));
    std::size_t have = 0;
    while (have < result.bytes.size()) {
      ssize_t got = ::read(fd.get(), result.bytes.data() + have, result.bytes.size() - have);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) {
        result.status = BeneathStatus::unreadable;
        result.detail = std::strerror(errno);
        result.bytes.clear();
        return result;
      }
      if (got == 0) break;  // shrank meanwhile
      have += static_cast<std::size_t>(got);
    }
    result.bytes.resize(have);
  }
  result.status = BeneathStatus::ok;
  return result;
}

}  // namespace

BeneathFile read_beneath(const std::string& folder, const std::string& name, std::uint64_t max_bytes, bool read) {
  return read_file(folder, name, max_bytes, read, has_openat2());
}

BeneathFile read_beneath_by_canonical_path(const std::string& folder, const std::string& name, std::uint64_t max_bytes) {
  return read_file(folder, name, max_bytes, true, false);
}

const char* describe(BeneathStatus status) {
  switch (status) {
    case BeneathStatus::ok: return "is readable";
    case BeneathStatus::missing: return "does not exist";
    case BeneathStatus::outside: return "resolves outside the folder";
    case BeneathStatus::not_regular: return "is not a regular file";
    case BeneathStatus::too_large: return "is too large";
    case BeneathStatus::unreadable: return "cannot be read";
  }
  return "cannot be read";
}

}  // namespace marginalia::input
