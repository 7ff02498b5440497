// SPDX-License-Identifier: MIT
#include "net/host_scheduler.hpp"

#include <algorithm>

namespace marginalia::net {

void HostScheduler::push(void* item, const std::string& host, Clock::time_point not_before) {
  ++queued_;
  delayed_.push({not_before, order_++, item, host});
}

void HostScheduler::pause_host(const std::string& host, Clock::time_point until) {
  Host& state = hosts_[host];
  state.paused_until = std::max(state.paused_until, until);
}

void HostScheduler::finished(const std::string& host) {
  auto found = hosts_.find(host);
  if (found == hosts_.end()) return;
  if (found->second.in_flight) --found->second.in_flight;
  if (found->second.in_flight == 0 && found->second.waiting.empty() && found->second.paused_until < Clock::now() &&
      found->second.next_start < Clock::now())
    hosts_.erase(found);  // nothing to remember
}

void* HostScheduler::pop_ready(Clock::time_point now, Clock::time_point& next_wake) {
  while (!delayed_.empty() && delayed_.top().when <= now) {
    const Delayed& due = delayed_.top();
    hosts_[due.host].waiting.push(due.item);
    pending_hosts_.insert(due.host);
    delayed_.pop();
  }
  if (!delayed_.empty()) next_wake = std::min(next_wake, delayed_.top().when);
  if (pending_hosts_.empty()) return nullptr;
  // Round-robin: start after the host served last, wrap around once.
  auto start = pending_hosts_.upper_bound(cursor_);
  std::size_t visited = 0, total = pending_hosts_.size();
  for (auto it = start; visited < total; ++visited) {
    if (it == pending_hosts_.end()) it = pending_hosts_.begin();
    Host& host = hosts_[*it];
    Clock::time_point ready_at = std::max(host.next_start, host.paused_until);
    if (host.in_flight < per_host_ && ready_at <= now) {
      void* item = host.waiting.front();
      host.waiting.pop();
      ++host.in_flight;
      host.next_start = now + interval_;
      --queued_;
      cursor_ = *it;
      if (host.waiting.empty()) pending_hosts_.erase(it);
      return item;
    }
    if (host.in_flight < per_host_) next_wake = std::min(next_wake, ready_at);
    ++it;
  }
  return nullptr;
}

}  // namespace marginalia::net
