// SPDX-License-Identifier: MIT
// IP addresses and CIDR ranges as plain values, and what kind of network an address belongs to.
// The address policy (address_policy.hpp) judges every connection with these; nothing here
// touches the network.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sockaddr;

namespace marginalia::net {

/// An IPv4 or IPv6 address; IPv4 keeps its 4 bytes in `bytes[0..3]`.
struct IpAddress {
  bool v6 = false;
  std::array<std::uint8_t, 16> bytes{};

  /// Dotted quad or RFC 5952 text ("127.0.0.1", "::ffff:127.0.0.1").
  std::string to_string() const;
  bool operator==(const IpAddress& other) const { return v6 == other.v6 && bytes == other.bytes; }
};

/// Parses strict text: a dotted quad of decimal numbers, or IPv6 (brackets and a zone "%eth0"
/// allowed). Returns nothing for anything else.
std::optional<IpAddress> parse_ip(std::string_view text);

/// Parses an IPv4 address the way inet_aton (and so curl, browsers and resolvers) reads it:
/// 1 to 4 parts, each decimal, octal (leading 0) or hex (0x), the last part filling the rest:
/// "2130706433", "0x7f.1", "0177.0.0.1" are all 127.0.0.1. Returns nothing otherwise.
std::optional<IpAddress> parse_ipv4_loose(std::string_view text);

/// The address in a socket address (AF_INET or AF_INET6); nothing for other families.
std::optional<IpAddress> from_sockaddr(const sockaddr* address);

/// A CIDR range ("10.0.0.0/8", "::1/128"); a bare address is a /32 or /128.
struct IpRange {
  IpAddress base;
  int prefix = 0;

  /// True when `address` lies inside (same family only: an IPv4 range never matches an IPv6
  /// address, not even an IPv4-mapped one).
  bool contains(const IpAddress& address) const;
  std::string to_string() const;
};

/// Parses "A.B.C.D/N", "X::Y/N" or a bare address; `error` says why on failure.
std::optional<IpRange> parse_cidr(std::string_view text, std::string& error);

/// The kind of network an address belongs to; everything but `global` is refused by default.
enum class AddressClass {
  global,
  unspecified,   ///< 0.0.0.0/8, ::
  loopback,      ///< 127.0.0.0/8, ::1
  private_use,   ///< 10/8, 172.16/12, 192.168/16
  link_local,    ///< 169.254/16 (cloud metadata), fe80::/10
  shared_cgnat,  ///< 100.64/10 (carrier-grade NAT; also some cloud metadata)
  unique_local,  ///< fc00::/7 (fd00:ec2::254 is a metadata address)
  multicast,     ///< 224/4, ff00::/8
  broadcast,     ///< 255.255.255.255
  reserved,      ///< 240/4, IETF protocol ranges, benchmarking, documentation, site-local…
  ipv4_mapped,   ///< ::ffff:0:0/96 and the deprecated ::/96 compatible form
};

/// Classifies an address. IPv6 wrappers of IPv4 (6to4 2002::/16, NAT64 64:ff9b::/96,
/// Teredo 2001::/32) take the class of the IPv4 address they carry.
AddressClass classify(const IpAddress& address);

/// "loopback", "private", "link-local"…, for messages.
const char* describe(AddressClass kind);

}  // namespace marginalia::net
