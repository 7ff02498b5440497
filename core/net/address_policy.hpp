// SPDX-License-Identifier: MIT
// Which addresses the URL checker may connect to. By default only globally reachable ones:
// loopback, private, link-local (cloud metadata), carrier-grade NAT, unique-local, multicast,
// unspecified, reserved and IPv4-mapped addresses are refused, so a report cannot turn the
// checker against the network it runs in. CIDR ranges given with `--allow-net` are let through.
// The policy judges the address actually connected to (CURLOPT_OPENSOCKETFUNCTION, every
// redirect hop) and, before any DNS, literal addresses in any spelling.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "net/ip_address.hpp"

namespace marginalia::net {

/// The policy's answer for one address or host.
struct AddressVerdict {
  bool allowed = true;
  /// Why not, for messages: "10.0.0.1 is a private address".
  std::string reason;
};

/// Immutable, so safe to share between threads.
class AddressPolicy {
 public:
  explicit AddressPolicy(std::vector<IpRange> allow = {}) : allow_(std::move(allow)) {}

  /// Judges an address about to be connected to.
  AddressVerdict judge(const IpAddress& address) const;

  /// Judges a URL's host before DNS: literal addresses in any spelling ("2130706433", "0x7f.1",
  /// "[::ffff:127.0.0.1]") and names that are loopback by definition ("localhost",
  /// "*.localhost", with or without a final dot; they pass only when a range covers
  /// 127.0.0.0/8 or ::1). Nothing for other names: they are judged
  /// after DNS, on the address connected to.
  std::optional<AddressVerdict> judge_host(std::string_view host) const;

  /// The allowed ranges, as given.
  const std::vector<IpRange>& allowed() const { return allow_; }

 private:
  std::vector<IpRange> allow_;
};

}  // namespace marginalia::net
