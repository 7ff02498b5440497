// SPDX-License-Identifier: MIT
// Every knob of the libcurl fetch service, with the defaults RELIABILITY.md §7 proposes, and
// the NAME=VALUE parser behind `--net NAME=VALUE` (and the configuration file's network
// section), so the CLI, the configuration and plugin workers all read settings one way.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "net/ip_address.hpp"
#include "net/proxy_choice.hpp"

namespace marginalia::net {

using Milliseconds = std::chrono::milliseconds;

/// How the fetch service checks and reads URLs.
struct FetchSettings {
  // Address policy.
  std::vector<IpRange> allow;               ///< --allow-net: ranges let through the guard
  /// `--net proxy=URL`: every request through this proxy; "none": no proxy whatever the
  /// environment says; empty: as `proxy_environment` says (net/proxy_choice.hpp).
  std::string proxy;
  /// The proxy variables, filled by front ends from the process's environment; the engine
  /// itself never reads the environment. Every address connected to, a proxy's included,
  /// passes the address policy.
  ProxyEnvironment proxy_environment;

  // Load.
  std::size_t max_in_flight = 64;          ///< transfers in the multi handle at once (sliding window)
  std::size_t per_host = 4;                ///< transfers to one host at once
  Milliseconds host_interval{20};          ///< minimum time between two request starts to one host

  // Limits per URL.
  Milliseconds connect_timeout{10000};     ///< per connection attempt
  Milliseconds total_timeout{30000};       ///< network time per URL, across retries and redirects
  long low_speed_bytes = 1024;             ///< abort below this many bytes/s…
  Milliseconds low_speed_time{10000};      ///< …sustained this long
  int max_redirects = 10;
  int retries = 3;                         ///< after timeouts, resets, 5xx and 429
  Milliseconds backoff{500};               ///< first retry delay; doubles each time, with jitter
  Milliseconds retry_after_cap{60000};     ///< a longer Retry-After gives `rate_limited`
  std::size_t probe_bytes = 64 * 1024;     ///< body bytes read by a probe's GET fallback
  std::size_t text_bytes = 2 * 1024 * 1024;///< body bytes read for FetchMode::text
  std::string user_agent = "marginalia/0.1 (report link checker)";
  std::string ca_file;                     ///< extra CA bundle; empty: the system's

  // Cache.
  std::string cache_file;                  ///< SQLite file; empty: no cache
  Milliseconds cache_ttl{24 * 3600 * 1000}; ///< how long ok and redirected results are reused
  Milliseconds cache_ttl_failure{0};       ///< how long other results are reused (0: never)

  // People.
  bool progress = false;                   ///< draw a progress bar on stderr

  // Hooks (tests and embedders).
  std::vector<std::string> resolve;        ///< CURLOPT_RESOLVE entries "host:port:address"
  /// Called for each address the policy allowed, just before a socket is opened; false refuses
  /// the socket (tests use it to make sure no packet leaves 127.0.0.1).
  std::function<bool(const IpAddress&)> socket_gate;
  /// Where warnings go (a corrupt cache…); default: stderr.
  std::function<void(const std::string&)> warn;
};

/// Applies one `NAME=VALUE` setting; returns an error message, empty on success.
/// Names: concurrency, per-host, host-interval, connect-timeout, timeout, low-speed,
/// low-speed-time, max-redirects, retries, backoff, retry-after-cap, probe-bytes, text-bytes,
/// user-agent, proxy, ca-file, cache-ttl, cache-ttl-failure. Durations take ms, s, m, h or d
/// ("500ms", "30s"; a bare number is seconds); sizes take K or M.
std::string apply_setting(FetchSettings& settings, const std::string& name_value);

/// The names `apply_setting` knows, with their defaults, one "name=default  what" per line.
std::string describe_settings();

}  // namespace marginalia::net
