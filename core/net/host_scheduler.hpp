// SPDX-License-Identifier: MIT
// Decides which queued transfer may start next: at most N per host at once, a minimum
// interval between starts to one host, a host paused after Retry-After, and per-transfer
// earliest start times (retry backoff). Hosts are served round-robin so one site citing
// hundreds of pages does not starve the rest. Not thread-safe: the engine's loop owns it.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <queue>
#include <set>
#include <string>
#include <vector>

#include "net/fetch_settings.hpp"

namespace marginalia::net {

using Clock = std::chrono::steady_clock;

/// Queues opaque items (the engine's jobs) per host.
class HostScheduler {
 public:
  HostScheduler(std::size_t per_host, Milliseconds interval) : per_host_(per_host), interval_(interval) {}

  /// Queues `item` for `host`, not to start before `not_before`.
  void push(void* item, const std::string& host, Clock::time_point not_before);
  /// The next item allowed to start at `now` (counted as started), or nullptr; then
  /// `next_wake` is lowered to the earliest time one could become ready without a completion.
  void* pop_ready(Clock::time_point now, Clock::time_point& next_wake);
  /// A transfer to `host` ended.
  void finished(const std::string& host);
  /// Starts no transfer to `host` before `until` (Retry-After).
  void pause_host(const std::string& host, Clock::time_point until);
  /// Items queued or delayed.
  std::size_t queued() const { return queued_; }

 private:
  struct Host {
    std::size_t in_flight = 0;
    Clock::time_point next_start{};
    Clock::time_point paused_until{};
    std::queue<void*> waiting;
  };
  struct Delayed {
    Clock::time_point when;
    std::size_t order;
    void* item;
    std::string host;
    bool operator>(const Delayed& other) const { return when != other.when ? when > other.when : order > other.order; }
  };

  std::size_t per_host_;
  Milliseconds interval_;
  std::map<std::string, Host> hosts_;
  std::set<std::string> pending_hosts_;  // hosts with waiting items
  std::string cursor_;                   // round-robin position in pending_hosts_
  std::priority_queue<Delayed, std::vector<Delayed>, std::greater<Delayed>> delayed_;
  std::size_t order_ = 0;
  std::size_t queued_ = 0;
};

}  // namespace marginalia::net
