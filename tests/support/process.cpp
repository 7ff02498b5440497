// SPDX-License-Identifier: MIT
#include "support/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>

#include "support/test_paths.hpp"

extern char** environ;

namespace marginalia::testing {

ProcessResult run_process(const std::string& program, const std::vector<std::string>& args, double timeout_seconds,
                          const std::vector<std::string>& env, const std::string& cwd) {
  ProcessResult result;
  int out_pipe[2], err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0 || ::pipe2(err_pipe, O_CLOEXEC) != 0) return result;
  auto start = std::chrono::steady_clock::now();
  pid_t pid = ::fork();
  if (pid == 0) {
    ::setpgid(0, 0);
    int null_fd = ::open("/dev/null", O_RDONLY);
    ::dup2(null_fd, 0);
    ::dup2(out_pipe[1], 1);
    ::dup2(err_pipe[1], 2);
    if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) ::_exit(127);
    for (const std::string& entry : env) {
      std::size_t eq = entry.find('=');
      std::string name = entry.substr(0, eq);
      std::string value = eq == std::string::npos ? "" : entry.substr(eq + 1);
      if (value.empty()) ::unsetenv(name.c_str());
      else ::setenv(name.c_str(), value.c_str(), 1);
    }
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(program.c_str()));
    for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    ::execve(program.c_str(), argv.data(), environ);
    ::_exit(127);
  }
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  struct pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  int open_count = 2;
  auto deadline = start + std::chrono::milliseconds(static_cast<long>(timeout_seconds * 1000));
  char buffer[65536];
  while (open_count > 0) {
    auto now = std::chrono::steady_clock::now();
    if (now >= deadline) {
      ::kill(-pid, SIGKILL);
      result.timed_out = true;
      break;
    }
    int wait_ms = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count());
    int ready = ::poll(fds, 2, std::min(wait_ms, 1000));
    if (ready < 0) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n <= 0) {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open_count;
      } else {
        (i == 0 ? result.out : result.err).append(buffer, static_cast<std::size_t>(n));
      }
    }
  }
  for (auto& fd : fds)
    if (fd.fd >= 0) ::close(fd.fd);
  int status = 0;
  struct rusage usage {};
  // wait4 reports this child's own peak (and its waited-for descendants'), not the maximum
  // over every child the test process ever had.
  ::wait4(pid, &status, 0, &usage);
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  result.peak_rss_kb = usage.ru_maxrss;
  return result;
}

ProcessResult run_marginalia(const std::vector<std::string>& args, double timeout_seconds, const std::vector<std::string>& env) {
  std::vector<std::string> full_env = {"NO_COLOR=1"};
  full_env.insert(full_env.end(), env.begin(), env.end());
  return run_process(marginalia_binary(), args, timeout_seconds, full_env);
}

ProcessResult run_offline_check(const std::vector<std::string>& args) {
  std::vector<std::string> full = {"check"};
  full.insert(full.end(), args.begin(), args.end());
  full.push_back("--offline");
  full.push_back("--no-cache");
  return run_marginalia(full);
}

}  // namespace marginalia::testing
