// SPDX-License-Identifier: MIT
// The URL checker's fixture server (http_fixture_server.py) as a test object: started on a
// free port of 127.0.0.1, stopped with the object; its request log read back as JSON so tests
// can assert on server-side timestamps, connection numbers and concurrency. Header-only so any
// test folder can use it without a build change.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "support/temp_dir.hpp"
#include "support/test_paths.hpp"

namespace marginalia::testing {

/// One request as the server saw it.
struct ServedRequest {
  double time = 0, end = 0;      ///< server clock (seconds since the epoch) at start and end
  std::string method, path;
  int connection = 0;            ///< accepted-connection number
  int in_flight = 0;             ///< requests being served at its start, this one included
  int group_in_flight = 0;       ///< same, counting only its first path segment
  int status = 0;                ///< <0: reset (-2) or never answered (-3)
  long long sent = 0;            ///< body bytes written
  std::string range;
};

/// Starts `args[0]` with `args` and reads its first line of standard output, "PORT N": the port
/// it listens on, or 0 when it could not start or said something else. `pid` is the child's.
inline int start_port_announcing_child(std::vector<std::string> args, pid_t& pid) {
  int out[2];
  if (::pipe2(out, O_CLOEXEC) != 0) return 0;
  pid = ::fork();
  if (pid == 0) {
    ::dup2(out[1], 1);
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execv(args[0].c_str(), argv.data());
    ::_exit(127);
  }
  ::close(out[1]);
  std::string line;
  char c;
  while (::read(out[0], &c, 1) == 1 && c != '\n') line += c;
  ::close(out[0]);
  return line.rfind("PORT ", 0) == 0 ? std::stoi(line.substr(5)) : 0;
}

class LocalHttpServer {
 public:
  /// Starts the server (TLS when `cert`/`key` are given). `ok()` false if python3 is missing.
  explicit LocalHttpServer(const std::string& cert = "", const std::string& key = "") {
    log_path_ = temp_.file("requests.jsonl");
    std::string python_path = python();
    if (python_path.empty()) return;
    std::string script = source_dir() + "/tests/support/http_fixture_server.py";
    std::vector<std::string> args = {python_path, script, "--log", log_path_};
    if (!cert.empty()) args.insert(args.end(), {"--tls-cert", cert, "--tls-key", key});
    port_ = start_port_announcing_child(args, pid_);
  }
  ~LocalHttpServer() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  LocalHttpServer(const LocalHttpServer&) = delete;
  LocalHttpServer& operator=(const LocalHttpServer&) = delete;

  bool ok() const { return port_ > 0; }
  int port() const { return port_; }
  /// "http://127.0.0.1:PORT" + path.
  std::string url(const std::string& path, const std::string& scheme = "http") const {
    return scheme + "://127.0.0.1:" + std::to_string(port_) + path;
  }

  /// Every request logged so far, in completion order.
  std::vector<ServedRequest> requests() const {
    std::vector<ServedRequest> out;
    std::string text = read_file(log_path_);
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) break;  // a line still being written
      nlohmann::json entry = nlohmann::json::parse(text.substr(start, end - start), nullptr, false);
      start = end + 1;
      if (entry.is_discarded()) continue;
      ServedRequest r;
      r.time = entry.value("t", 0.0);
      r.end = entry.value("end", 0.0);
      r.method = entry.value("method", "");
      r.path = entry.value("path", "");
      r.connection = entry.value("connection", 0);
      r.in_flight = entry.value("in_flight", 0);
      r.group_in_flight = entry.value("group_in_flight", 0);
      r.status = entry.value("status", 0);
      r.sent = entry.value("sent", 0LL);
      if (entry.contains("range") && entry["range"].is_string()) r.range = entry["range"];
      out.push_back(r);
    }
    return out;
  }

  /// Requests whose path starts with `prefix`, sorted by start time.
  std::vector<ServedRequest> requests_to(const std::string& prefix) const {
    std::vector<ServedRequest> out;
    for (const ServedRequest& r : requests())
      if (r.path.rfind(prefix, 0) == 0) out.push_back(r);
    std::sort(out.begin(), out.end(), [](const ServedRequest& a, const ServedRequest& b) { return a.time < b.time; });
    return out;
  }

  /// Waits until the log shows `count` requests to `prefix` (a request that was cut off is
  /// logged when the server notices), up to `seconds`.
  std::vector<ServedRequest> wait_for(const std::string& prefix, std::size_t count, double seconds = 5) const {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(static_cast<long>(seconds * 1000));
    std::vector<ServedRequest> found = requests_to(prefix);
    while (found.size() < count && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      found = requests_to(prefix);
    }
    return found;
  }

 private:
  TempDir temp_;
  std::string log_path_;
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace marginalia::testing
