// SPDX-License-Identifier: MIT
/// @file fetch.hpp
/// The host's network service: plugins ask the host to check or read URLs, under the host's
/// address policy, limits and cache, instead of opening connections themselves.
#pragma once

#include <string>
#include <vector>

#include "marginalia/sdk/version.hpp"

namespace marginalia::sdk {
inline namespace MARGINALIA_SDK_NAMESPACE {

/// What the host should do with a URL.
enum class FetchMode {
  probe, ///< check that it answers (HEAD, then a short GET when HEAD is refused)
  text,  ///< read the resource and return its text (HTML turned into plain text)
};

/// The outcome of one request; each maps to one `urls/` finding code.
enum class FetchOutcome {
  ok,                 ///< 2xx
  redirected,         ///< ended 2xx after one or more redirects
  client_error,       ///< 4xx
  server_error,       ///< 5xx after retries
  timeout,            ///< connect or total timeout, or too slow
  dns_failure,        ///< the name does not resolve
  tls_failure,        ///< certificate or handshake failure
  unreachable,        ///< connection refused or reset
  blocked_address,    ///< refused by the address policy (private, loopback…)
  blocked_scheme,     ///< not http or https
  too_many_redirects, ///< a redirect loop or a chain longer than the limit
  rate_limited,       ///< 429 or 503 with a Retry-After above the cap
  malformed,          ///< the URL does not parse
  offline,            ///< not checked: the run is offline
  failed,             ///< any other failure; see `detail`
  bad_response,       ///< the server answered, but not in HTTP: a malformed status line, HTTP/0.9,
                      ///< oversized headers, an invalid Content-Length (API 1.1)
};

/// One URL to check or read.
struct FetchRequest {
  /// The absolute http(s) URL.
  std::string url;
  /// Probe or read.
  FetchMode mode = FetchMode::probe;
};

/// The result of one request.
struct FetchResult {
  /// The URL as requested.
  std::string url;
  /// What happened.
  FetchOutcome outcome = FetchOutcome::failed;
  /// The last HTTP status seen, 0 when none.
  int http_status = 0;
  /// The URL finally answered, after redirects.
  std::string final_url;
  /// Each redirect hop's target, in order.
  std::vector<std::string> redirects;
  /// True when every redirect in the chain was permanent (301, 308).
  bool permanent_redirect = false;
  /// For `FetchMode::text`: the resource as plain text. When the body was longer than the
  /// host's text cap, `text` holds what came before the cap and `detail` starts with
  /// "truncated" ("truncated at 2 MiB"): words missing from `text` may be further on.
  std::string text;
  /// A human-readable reason for failures ("connection refused", "HTTP 404").
  std::string detail;
  /// True when the result came from the on-disk cache.
  bool from_cache = false;
};

/// The lower-case snake name of an outcome ("client_error").
inline const char* to_string(FetchOutcome outcome) {
  switch (outcome) {
    case FetchOutcome::ok: return "ok";
    case FetchOutcome::redirected: return "redirected";
    case FetchOutcome::client_error: return "client_error";
    case FetchOutcome::server_error: return "server_error";
    case FetchOutcome::timeout: return "timeout";
    case FetchOutcome::dns_failure: return "dns_failure";
    case FetchOutcome::tls_failure: return "tls_failure";
    case FetchOutcome::unreachable: return "unreachable";
    case FetchOutcome::blocked_address: return "blocked_address";
    case FetchOutcome::blocked_scheme: return "blocked_scheme";
    case FetchOutcome::too_many_redirects: return "too_many_redirects";
    case FetchOutcome::rate_limited: return "rate_limited";
    case FetchOutcome::malformed: return "malformed";
    case FetchOutcome::offline: return "offline";
    case FetchOutcome::failed: return "failed";
    case FetchOutcome::bad_response: return "bad_response";
  }
  return "failed";
}

}  // namespace MARGINALIA_SDK_NAMESPACE
}  // namespace marginalia::sdk
