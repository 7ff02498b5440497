// SPDX-License-Identifier: MIT
#include "host/worker_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "host/descendant_reaper.hpp"

extern char** environ;

namespace marginalia::host {
namespace {

using Clock = WorkerProcess::Clock;

int milliseconds_until(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  if (left <= 0) return 0;
  return left > 60000 ? 60000 : static_cast<int>(left) + 1;
}

// The worker gets the variables that change what a plugin computes (locale, time zone) and
// those tools need (sanitizer options); nothing else of the user's environment.
std::vector<std::string> worker_environment() {
  static const char* const kept_prefixes[] = {"PATH=", "HOME=", "TMPDIR=", "LANG=", "LANGUAGE=", "LC_", "TZ=", "ASAN_OPTIONS=",
                                              "UBSAN_OPTIONS=", "LSAN_OPTIONS=", "TSAN_OPTIONS="};
  std::vector<std::string> kept;
  for (char** entry = environ; entry && *entry; ++entry)
    for (const char* prefix : kept_prefixes)
      if (std::strncmp(*entry, prefix, std::strlen(prefix)) == 0) {
        kept.emplace_back(*entry);
        break;
      }
  return kept;
}

// Our pipe ends must not sit on 0-4: posix_spawn's dup2 onto the same number would keep
// FD_CLOEXEC and the worker would start without its channel.
bool move_above_four(int& fd) {
  if (fd > 4) return true;
  int moved = ::fcntl(fd, F_DUPFD_CLOEXEC, 10);
  ::close(fd);
  fd = moved;
  return moved >= 0;
}

// Every worker is spawned from one thread that lives as long as the process. The worker's
// PR_SET_PDEATHSIG fires when the *thread* that spawned it ends, and pipeline threads end after
// every run: spawned from them, idle workers would die between runs.
class SpawnerThread {
 public:
  static SpawnerThread& instance() {
    static SpawnerThread* spawner = new SpawnerThread();  // never destroyed: lives until exit
    return *spawner;
  }
  int run(std::function<int()> task) {
    std::packaged_task<int()> job(std::move(task));
    std::future<int> done = job.get_future();
    {
      std::lock_guard<std::mutex> lock(mutex_);
      jobs_.push_back(std::move(job));
    }
    ready_.notify_one();
    return done.get();
  }

 private:
  SpawnerThread() { std::thread([this] { serve(); }).detach(); }
  [[noreturn]] void serve() {
    while (true) {
      std::unique_lock<std::mutex> lock(mutex_);
      ready_.wait(lock, [this] { return !jobs_.empty(); });
      std::packaged_task<int()> job = std::move(jobs_.front());
      jobs_.pop_front();
      lock.unlock();
      job();
    }
  }
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::packaged_task<int()>> jobs_;
};

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

}  // namespace

std::string describe_signal(int signal) {
  const char* abbreviation = ::sigabbrev_np(signal);
  const char* description = ::sigdescr_np(signal);
  std::string name = abbreviation ? std::string("SIG") + abbreviation : "signal " + std::to_string(signal);
  return description ? name + " (" + description + ")" : name;
}

std::unique_ptr<WorkerProcess> WorkerProcess::spawn(const WorkerLaunch& launch, std::string& error) {
  int to_worker[2] = {-1, -1}, from_worker[2] = {-1, -1};
  // Requests travel over a socket so that the host can write with MSG_NOSIGNAL: a dead worker
  // gives EPIPE, not a SIGPIPE that would need a process-wide SIG_IGN. Replies use a pipe.
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, to_worker) != 0 || ::pipe2(from_worker, O_CLOEXEC) != 0) {
    error = std::string("cannot create the worker's channels: ") + std::strerror(errno);
    for (int fd : {to_worker[0], to_worker[1], from_worker[0], from_worker[1]})
      if (fd >= 0) ::close(fd);
    return nullptr;
  }
  bool moved = true;
  for (int* fd : {&to_worker[0], &to_worker[1], &from_worker[0], &from_worker[1]}) moved = move_above_four(*fd) && moved;
  if (!moved) {
    error = std::string("cannot move a pipe descriptor: ") + std::strerror(errno);
    for (int fd : {to_worker[0], to_worker[1], from_worker[0], from_worker[1]})
      if (fd >= 0) ::close(fd);
    return nullptr;
  }
  // Bigger pipes mean fewer wake-ups for large documents and results; the default is kept if refused.
  int buffer_bytes = 1 << 20;
  ::setsockopt(to_worker[1], SOL_SOCKET, SO_SNDBUF, &buffer_bytes, sizeof buffer_bytes);
  ::fcntl(from_worker[0], F_SETPIPE_SZ, 1 << 20);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, to_worker[0], worker::request_fd);
  posix_spawn_file_actions_adddup2(&actions, from_worker[1], worker::reply_fd);
  posix_spawn_file_actions_addclosefrom_np(&actions, worker::reply_fd + 1);

  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  posix_spawnattr_setpgroup(&attributes, 0);
  sigset_t none, all;
  sigemptyset(&none);
  sigfillset(&all);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setsigdefault(&attributes, &all);

  std::vector<std::string> args = {launch.executable, "__worker", "--protocol", std::to_string(worker::protocol_version),
                                   "--plugin", launch.plugin_path, "--parent", std::to_string(::getpid()),
                                   "--memory-limit", std::to_string(launch.memory_limit_bytes)};
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  std::vector<std::string> environment = worker_environment();
  std::vector<char*> envp;
  for (std::string& entry : environment) envp.push_back(entry.data());
  envp.push_back(nullptr);

  pid_t pid = -1;
  int spawned = SpawnerThread::instance().run([&] {
    std::lock_guard<std::mutex> lock(worker_registry_mutex());
    int result = ::posix_spawn(&pid, launch.executable.c_str(), &actions, &attributes, argv.data(), envp.data());
    if (result == 0) register_worker(pid);
    return result;
  });
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  ::close(to_worker[0]);
  ::close(from_worker[1]);
  if (spawned != 0) {
    error = "cannot start the plugin worker " + launch.executable + ": " + std::strerror(spawned);
    ::close(to_worker[1]);
    ::close(from_worker[0]);
    return nullptr;
  }
  std::unique_ptr<WorkerProcess> process(new WorkerProcess());
  process->pid_ = pid;
  // glibc 2.36's <sys/pidfd.h> lacks C linkage for C++, hence the raw system call. -1 on
  // kernels before 5.3: receive() then looks at the worker with waitid every 20 ms.
  process->pidfd_ = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
  process->request_fd_ = to_worker[1];
  process->reply_fd_ = from_worker[0];
  ::fcntl(process->request_fd_, F_SETFL, ::fcntl(process->request_fd_, F_GETFL) | O_NONBLOCK);
  ::fcntl(process->reply_fd_, F_SETFL, ::fcntl(process->reply_fd_, F_GETFL) | O_NONBLOCK);
  return process;
}

WorkerProcess::~WorkerProcess() {
  kill_group();
  close_fd(request_fd_);
  close_fd(reply_fd_);
  close_fd(pidfd_);
}

bool WorkerProcess::running() {
  if (reaped_) return false;
  siginfo_t info{};
  // WNOWAIT: look without reaping, so the pid (and the process group id) stays ours.
  if (::waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOHANG | WNOWAIT) != 0) return false;
  return info.si_pid == 0;
}

void WorkerProcess::kill_group() {
  if (reaped_ || pid_ <= 0) return;
  // The worker is not reaped yet, so its pid still names its group: no risk of hitting a
  // recycled id. Grandchildren the plugin started die with it.
  ::kill(-pid_, SIGKILL);
  ::kill(pid_, SIGKILL);
  reap(true);
}

void WorkerProcess::reap(bool block) {
  if (reaped_) return;
  int status = 0;
  pid_t done;
  do {
    done = ::waitpid(pid_, &status, block ? 0 : WNOHANG);
  } while (done < 0 && errno == EINTR);
  if (done == 0) return;
  reaped_ = true;
  unregister_worker(pid_);
  // The worker's descendants outside its process group (`setsid`) are ours now: end them.
  kill_adopted_descendants();
  if (done > 0 && WIFSIGNALED(status)) exit_signal_ = WTERMSIG(status);
  if (done > 0 && WIFEXITED(status)) exit_status_ = WEXITSTATUS(status);
}

std::string WorkerProcess::exit_description() const {
  if (exit_signal_) return "signal " + describe_signal(exit_signal_);
  return "exit status " + std::to_string(exit_status_);
}

// Reads whatever is available without blocking; false at end of file (every writer closed).
bool WorkerProcess::fill_buffer() {
  char chunk[65536];
  while (true) {
    ssize_t n = ::read(reply_fd_, chunk, sizeof chunk);
    if (n > 0) {
      buffer_.append(chunk, static_cast<std::size_t>(n));
      continue;
    }
    if (n == 0) return false;
    if (errno == EINTR) continue;
    return true;  // EAGAIN: nothing more for now
  }
}

bool WorkerProcess::send(std::string_view frame, Clock::time_point deadline) {
  std::size_t written = 0;
  while (written < frame.size()) {
    ssize_t n = ::send(request_fd_, frame.data() + written, frame.size() - written, MSG_NOSIGNAL);
    if (n > 0) {
      written += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) return false;  // EPIPE: the worker is gone
    if (!running() || Clock::now() >= deadline) return false;
    struct pollfd wait_for[2] = {{request_fd_, POLLOUT, 0}, {pidfd_, POLLIN, 0}};
    ::poll(wait_for, pidfd_ >= 0 ? 2 : 1, std::min(milliseconds_until(deadline), pidfd_ >= 0 ? 60000 : 20));
  }
  return true;
}

WorkerProcess::Receive WorkerProcess::receive(worker::Frame& frame, Clock::time_point deadline, std::size_t max_frame_bytes) {
  bool end_of_file = false;
  while (true) {
    switch (worker::take_frame(buffer_, max_frame_bytes, frame)) {
      case worker::FrameScan::complete: return Receive::frame;
      case worker::FrameScan::too_large: return Receive::too_large;
      case worker::FrameScan::malformed: return Receive::malformed;
      case worker::FrameScan::incomplete: break;
    }
    if (reaped_) return Receive::died;
    if (!running()) {
      // Dead (a zombie until reaped): take what it wrote before dying, then clean up its group.
      fill_buffer();
      kill_group();
      continue;
    }
    if (Clock::now() >= deadline) return Receive::timeout;
    // Without a pidfd, wake up every 20 ms to look at the worker with waitid.
    int slice = pidfd_ >= 0 ? milliseconds_until(deadline) : std::min(milliseconds_until(deadline), 20);
    struct pollfd wait_for[2] = {{end_of_file ? -1 : reply_fd_, POLLIN, 0}, {pidfd_, POLLIN, 0}};
    int ready = ::poll(wait_for, 2, slice);
    if (ready < 0 && errno != EINTR) return Receive::died;
    if (wait_for[0].revents & (POLLIN | POLLHUP | POLLERR)) {
      // End of file with the worker alive: it closed its channel. Keep waiting for its death or
      // the deadline, but stop polling a descriptor that would always be ready.
      if (!fill_buffer()) end_of_file = true;
    }
  }
}

}  // namespace marginalia::host
