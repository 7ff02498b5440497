// SPDX-License-Identifier: MIT
// What can be said about a URL before any packet is sent: does it parse (libcurl's URL API),
// is it http(s), is its host a name reserved to fail (".invalid") or an address the policy
// refuses in any spelling. Run on the URL a plugin asks for and on every redirect target, and
// before the cache is consulted, so a cached answer never bypasses the policy.
#pragma once

#include <string>

#include "marginalia/sdk/fetch.hpp"
#include "net/address_policy.hpp"

namespace marginalia::net {

/// The verdict on one URL.
struct Precheck {
  bool ok = false;
  /// When not ok: malformed, blocked_scheme, blocked_address or dns_failure.
  sdk::FetchOutcome outcome = sdk::FetchOutcome::malformed;
  std::string detail;
  /// When ok: the URL as libcurl normalises it, without its fragment (the cache and
  /// de-duplication key), and "host:port" (what per-host limits count).
  std::string url;
  std::string host_key;
};

/// Checks `url` under `policy`.
Precheck precheck_url(const std::string& url, const AddressPolicy& policy);

/// `url` without its "user:password@" part ("https://a:b@example.org/x" → "https://example.org/x").
std::string strip_userinfo(const std::string& url);

}  // namespace marginalia::net
