// SPDX-License-Identifier: MIT
#include "host/worker_limits.hpp"

#include <sys/resource.h>

#include <algorithm>

namespace marginalia::host {
namespace {

// RLIMIT_NPROC counts every task of the user, not the worker's own: a fork bomb stops here,
// while a plugin that starts a helper process still can on any ordinary machine.
constexpr rlim_t kMaxUserTasks = 4096;
// No plugin writes files (its findings travel over the reply pipe); 1 GiB stops a runaway
// writer well before a disk fills, and is far from any log a plugin's stderr may go to.
constexpr rlim_t kMaxFileBytes = rlim_t{1} << 30;
// Ten times the default wall-clock limit per call: only a plugin whose threads spin on after
// the host stopped waiting, or a host that cannot enforce its limit, ever reaches it.
constexpr rlim_t kCpuSecondsPerCall = 300;

void lower(int resource, rlim_t value) {
  struct rlimit limit {};
  if (::getrlimit(resource, &limit) != 0) return;
  limit.rlim_cur = std::min(limit.rlim_cur, value);
  limit.rlim_max = std::min(limit.rlim_max, value);
  ::setrlimit(resource, &limit);
}

}  // namespace

void apply_worker_limits() {
  lower(RLIMIT_CORE, 0);
  lower(RLIMIT_NPROC, kMaxUserTasks);
  lower(RLIMIT_FSIZE, kMaxFileBytes);
}

void renew_cpu_budget() {
  struct rusage usage {};
  struct rlimit limit {};
  if (::getrusage(RUSAGE_SELF, &usage) != 0 || ::getrlimit(RLIMIT_CPU, &limit) != 0) return;
  rlim_t used = static_cast<rlim_t>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + 1;
  limit.rlim_cur = std::min(used + kCpuSecondsPerCall, limit.rlim_max);
  ::setrlimit(RLIMIT_CPU, &limit);
}

}  // namespace marginalia::host
