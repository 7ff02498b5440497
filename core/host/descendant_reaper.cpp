// SPDX-License-Identifier: MIT
#include "host/descendant_reaper.hpp"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <set>
#include <vector>

namespace marginalia::host {
namespace {

std::set<pid_t>& workers() {
  static auto* live = new std::set<pid_t>();  // never destroyed: used until exit
  return *live;
}

bool is_subreaper() {
  int flag = 0;
  return ::prctl(PR_GET_CHILD_SUBREAPER, &flag) == 0 && flag != 0;
}

// Children of every thread of this process: an orphan is adopted by whichever thread the
// kernel picks, and each thread lists its own children.
std::vector<pid_t> children() {
  std::vector<pid_t> found;
  std::error_code error;
  for (const auto& task : std::filesystem::directory_iterator("/proc/self/task", error)) {
    std::ifstream list(task.path() / "children");
    for (pid_t pid; list >> pid;) found.push_back(pid);
  }
  return found;
}

}  // namespace

void adopt_orphaned_descendants() { ::prctl(PR_SET_CHILD_SUBREAPER, 1); }

std::mutex& worker_registry_mutex() {
  static auto* mutex = new std::mutex();
  return *mutex;
}

void register_worker(pid_t pid) { workers().insert(pid); }

void unregister_worker(pid_t pid) {
  std::lock_guard<std::mutex> lock(worker_registry_mutex());
  workers().erase(pid);
}

void kill_adopted_descendants() {
  if (!is_subreaper()) return;
  std::lock_guard<std::mutex> lock(worker_registry_mutex());
  // Killing an orphan orphans its own children, which come to us next: repeat until calm.
  for (int round = 0; round < 100; ++round) {
    std::vector<pid_t> strays;
    for (pid_t pid : children())
      if (!workers().count(pid)) strays.push_back(pid);
    if (strays.empty()) return;
    for (pid_t pid : strays) ::kill(pid, SIGKILL);
    for (pid_t pid : strays)
      while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
      }
  }
}

}  // namespace marginalia::host
