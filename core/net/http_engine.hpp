// SPDX-License-Identifier: MIT
// The libcurl multi-interface event loop behind the fetch service. One thread owns one multi
// handle and keeps at most `max_in_flight` easy handles in it (a sliding window: a handle is
// only added when it can start at once, so queued URLs never run out their timeout, PITFALLS
// P9). Per host it respects the scheduler's limits; per URL it probes with HEAD and falls back
// to a capped GET, follows redirects itself (so every hop is pre-checked, counted per host and
// recorded), retries timeouts, resets, 5xx and 429 with backoff and jitter, and honours
// Retry-After. Every socket passes the address guard (CURLOPT_OPENSOCKETFUNCTION), with a
// second check before each request is sent (CURLOPT_PREREQFUNCTION).
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "marginalia/sdk/fetch.hpp"
#include "net/address_policy.hpp"
#include "net/fetch_settings.hpp"

namespace marginalia::net {

/// What the engine did, for tests and the benchmark: every address a socket was opened to or
/// refused for, and how many HTTP requests were sent.
struct EngineStats {
  std::vector<std::string> sockets_opened;
  std::vector<std::string> sockets_refused;
  std::size_t requests = 0;
};

/// A finished URL: its result and the addresses connected to on the way.
struct EngineResult {
  sdk::FetchResult result;
  std::vector<std::string> addresses;
};

class HttpEngine {
 public:
  using Done = std::function<void(EngineResult)>;
  using Progress = std::function<void(std::size_t done, std::size_t total)>;

  HttpEngine(const FetchSettings& settings, const AddressPolicy& policy, Progress progress = {});
  /// Stops the loop; URLs still queued finish as `failed`.
  ~HttpEngine();
  HttpEngine(const HttpEngine&) = delete;
  HttpEngine& operator=(const HttpEngine&) = delete;

  /// Queues a request whose URL passed `precheck_url` (`url` normalised, `host_key` from it).
  /// `done` runs on the engine's thread.
  void submit(sdk::FetchRequest request, std::string url, std::string host_key, Done done);
  /// A snapshot of the counters.
  EngineStats stats() const;

  struct Job;
  struct Transfer;
  struct Loop;

 private:
  void run();

  const FetchSettings& settings_;
  const AddressPolicy& policy_;
  Progress progress_;
  std::unique_ptr<Loop> loop_;
  std::thread thread_;
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<Job>> incoming_;
  bool stopping_ = false;
  std::size_t submitted_ = 0;
  EngineStats stats_;

  friend struct Loop;
};

}  // namespace marginalia::net
