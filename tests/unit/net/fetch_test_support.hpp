// SPDX-License-Identifier: MIT
// Shared by the network tests: settings that keep every test fast and on 127.0.0.1.
#pragma once

#include <gtest/gtest.h>

#include <chrono>

#include "net/curl_fetch_service.hpp"
#include "support/local_http_server.hpp"

namespace marginalia::net {

inline FetchSettings loopback_settings() {
  FetchSettings s;
  std::string error;
  s.allow = {*parse_cidr("127.0.0.1/32", error)};
  s.total_timeout = Milliseconds(2000);
  s.connect_timeout = Milliseconds(1000);
  s.low_speed_bytes = 1024;
  s.low_speed_time = Milliseconds(1000);
  s.backoff = Milliseconds(50);
  s.retry_after_cap = Milliseconds(5000);
  s.host_interval = Milliseconds(0);
  s.per_host = 16;
  // Even a policy bug cannot send a packet anywhere but 127.0.0.1.
  s.socket_gate = [](const IpAddress& address) { return address.to_string() == "127.0.0.1"; };
  s.warn = [](const std::string&) {};
  return s;
}

inline sdk::FetchResult fetch_one(FetchService& service, const std::string& url, sdk::FetchMode mode = sdk::FetchMode::probe) {
  return service.fetch_all({{url, mode}}).at(0);
}

inline double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

#define REQUIRE_SERVER(server) \
  if (!(server).ok()) GTEST_SKIP() << "python3 is needed for the fixture server"

}  // namespace marginalia::net
