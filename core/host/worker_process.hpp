// SPDX-License-Identifier: MIT
// One plugin worker process as the host sees it: started with posix_spawn (never a bare fork
// of the multi-threaded host) as `marginalia __worker`, in its own process group, with only
// fds 0-4 open, a cleaned environment and its memory limit; spoken to in frames
// (worker_protocol.hpp); watched through a pidfd, so its death is noticed even while a
// grandchild still holds the reply pipe open; and killed with its whole group.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "host/worker_protocol.hpp"

namespace marginalia::host {

/// How to start a worker.
struct WorkerLaunch {
  /// The marginalia binary (it serves `__worker`).
  std::string executable;
  /// The plugin library the worker loads.
  std::string plugin_path;
  /// RLIMIT_AS of the worker, bytes; 0 = none.
  unsigned long long memory_limit_bytes = 0;
};

/// A running worker. Not thread-safe: one caller at a time (the pool hands it out).
class WorkerProcess {
 public:
  using Clock = std::chrono::steady_clock;

  /// What waiting for a frame gave.
  enum class Receive { frame, died, timeout, too_large, malformed };

  /// Starts a worker; nullptr with `error` set when it cannot be started.
  static std::unique_ptr<WorkerProcess> spawn(const WorkerLaunch& launch, std::string& error);
  /// Kills the process group (if still running) and reaps the worker.
  ~WorkerProcess();
  WorkerProcess(const WorkerProcess&) = delete;
  WorkerProcess& operator=(const WorkerProcess&) = delete;

  /// Writes one frame, giving up at `deadline`; false when the worker is gone or stuck.
  bool send(std::string_view frame, Clock::time_point deadline);
  /// Waits for the next frame until `deadline`. Frames longer than `max_frame_bytes` are
  /// `too_large` and bytes that are not a frame `malformed`; the worker must then be killed.
  Receive receive(worker::Frame& frame, Clock::time_point deadline, std::size_t max_frame_bytes);
  /// True while the worker has not exited (does not block).
  bool running();
  /// SIGKILL to the worker's whole process group, then reap it.
  void kill_group();
  /// After `died`: "signal SIGSEGV (Segmentation fault)" or "exit status 0".
  std::string exit_description() const;
  /// After `died`: the signal that ended the worker, 0 when it exited.
  int exit_signal() const { return exit_signal_; }
  pid_t pid() const { return pid_; }

 private:
  WorkerProcess() = default;
  void reap(bool block);
  bool fill_buffer();

  pid_t pid_ = -1;
  int pidfd_ = -1;
  int request_fd_ = -1;  // our end of the worker's fd 3
  int reply_fd_ = -1;    // our end of the worker's fd 4
  bool reaped_ = false;
  int exit_signal_ = 0;
  int exit_status_ = 0;
  std::string buffer_;
};

/// "SIGSEGV (Segmentation fault)".
std::string describe_signal(int signal);

}  // namespace marginalia::host
