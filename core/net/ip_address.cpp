// SPDX-License-Identifier: MIT
#include "net/ip_address.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstring>

namespace marginalia::net {
namespace {

IpAddress v4(std::uint32_t value) {
  IpAddress address;
  address.bytes[0] = static_cast<std::uint8_t>(value >> 24);
  address.bytes[1] = static_cast<std::uint8_t>(value >> 16);
  address.bytes[2] = static_cast<std::uint8_t>(value >> 8);
  address.bytes[3] = static_cast<std::uint8_t>(value);
  return address;
}

std::uint32_t v4_value(const IpAddress& address) {
  return (std::uint32_t{address.bytes[0]} << 24) | (std::uint32_t{address.bytes[1]} << 16) |
         (std::uint32_t{address.bytes[2]} << 8) | address.bytes[3];
}

bool in_v4(std::uint32_t value, std::uint32_t base, int prefix) {
  std::uint32_t mask = prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - prefix);
  return (value & mask) == (base & mask);
}

AddressClass classify_v4(std::uint32_t a) {
  if (in_v4(a, 0x00000000, 8)) return AddressClass::unspecified;
  if (in_v4(a, 0x7F000000, 8)) return AddressClass::loopback;
  if (in_v4(a, 0x0A000000, 8) || in_v4(a, 0xAC100000, 12) || in_v4(a, 0xC0A80000, 16)) return AddressClass::private_use;
  if (in_v4(a, 0xA9FE0000, 16)) return AddressClass::link_local;
  if (in_v4(a, 0x64400000, 10)) return AddressClass::shared_cgnat;
  if (a == 0xFFFFFFFF) return AddressClass::broadcast;
  if (in_v4(a, 0xE0000000, 4)) return AddressClass::multicast;
  if (in_v4(a, 0xF0000000, 4)) return AddressClass::reserved;
  // IETF protocol assignments, documentation (TEST-NET-1/2/3), benchmarking, 6to4 relay anycast.
  if (in_v4(a, 0xC0000000, 24) || in_v4(a, 0xC0000200, 24) || in_v4(a, 0xC6336400, 24) || in_v4(a, 0xCB007100, 24) ||
      in_v4(a, 0xC6120000, 15) || in_v4(a, 0xC0586300, 24))
    return AddressClass::reserved;
  return AddressClass::global;
}

bool v6_prefix(const IpAddress& address, std::initializer_list<std::uint8_t> leading, int bits) {
  int whole = bits / 8, rest = bits % 8;
  auto it = leading.begin();
  for (int i = 0; i < whole; ++i, ++it)
    if (address.bytes[i] != *it) return false;
  if (rest) {
    std::uint8_t mask = static_cast<std::uint8_t>(0xFF << (8 - rest));
    if ((address.bytes[whole] & mask) != (*it & mask)) return false;
  }
  return true;
}

bool all_zero(const IpAddress& address, int from, int to) {
  for (int i = from; i < to; ++i)
    if (address.bytes[i]) return false;
  return true;
}

std::uint32_t embedded_v4(const IpAddress& address, int at) {
  return (std::uint32_t{address.bytes[at]} << 24) | (std::uint32_t{address.bytes[at + 1]} << 16) |
         (std::uint32_t{address.bytes[at + 2]} << 8) | address.bytes[at + 3];
}

// One inet_aton part: decimal, 0-prefixed octal or 0x hex. Empty parts are invalid.
bool loose_part(std::string_view part, std::uint64_t& value) {
  if (part.empty()) return false;
  int base = 10;
  if (part.size() > 1 && part[0] == '0' && (part[1] == 'x' || part[1] == 'X')) {
    base = 16;
    part.remove_prefix(2);
    if (part.empty()) { value = 0; return true; }  // "0x" alone is 0 to inet_aton
  } else if (part.size() > 1 && part[0] == '0') {
    base = 8;
    part.remove_prefix(1);
  }
  value = 0;
  for (char c : part) {
    int digit;
    if (c >= '0' && c <= '9') digit = c - '0';
    else if (base == 16 && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    else if (base == 16 && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
    else return false;
    if (digit >= base) return false;
    value = value * static_cast<std::uint64_t>(base) + static_cast<std::uint64_t>(digit);
    if (value > 0xFFFFFFFFull) return false;
  }
  return true;
}

}  // namespace

std::string IpAddress::to_string() const {
  char buffer[INET6_ADDRSTRLEN] = {};
  if (v6) ::inet_ntop(AF_INET6, bytes.data(), buffer, sizeof buffer);
  else ::inet_ntop(AF_INET, bytes.data(), buffer, sizeof buffer);
  return buffer;
}

std::optional<IpAddress> parse_ip(std::string_view text) {
  if (text.size() >= 2 && text.front() == '[' && text.back() == ']') text = text.substr(1, text.size() - 2);
  if (std::size_t zone = text.find('%'); zone != std::string_view::npos) text = text.substr(0, zone);
  if (text.empty() || text.size() > 45) return std::nullopt;
  std::string copy(text);
  IpAddress address;
  if (copy.find(':') != std::string::npos) {
    if (::inet_pton(AF_INET6, copy.c_str(), address.bytes.data()) != 1) return std::nullopt;
    address.v6 = true;
    return address;
  }
  // inet_pton(AF_INET) accepts exactly four decimal parts, no leading zeros beyond "0".
  if (::inet_pton(AF_INET, copy.c_str(), address.bytes.data()) != 1) return std::nullopt;
  return address;
}

std::optional<IpAddress> parse_ipv4_loose(std::string_view text) {
  if (!text.empty() && text.back() == '.') text.remove_suffix(1);  // a trailing root dot
  if (text.empty() || text.size() > 64) return std::nullopt;
  std::uint64_t parts[4];
  int count = 0;
  std::size_t start = 0;
  while (true) {
    std::size_t dot = text.find('.', start);
    std::string_view part = text.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (count == 4 || !loose_part(part, parts[count])) return std::nullopt;
    ++count;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  std::uint64_t value = 0;
  for (int i = 0; i < count - 1; ++i) {
    if (parts[i] > 0xFF) return std::nullopt;
    value |= parts[i] << (8 * (3 - i));
  }
  std::uint64_t last_limit = count == 1 ? 0xFFFFFFFFull : count == 2 ? 0xFFFFFFull : count == 3 ? 0xFFFFull : 0xFFull;
  if (parts[count - 1] > last_limit) return std::nullopt;
  value |= parts[count - 1];
  return v4(static_cast<std::uint32_t>(value));
}

std::optional<IpAddress> from_sockaddr(const sockaddr* address) {
  if (!address) return std::nullopt;
  IpAddress result;
  if (address->sa_family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(address);
    std::memcpy(result.bytes.data(), &in->sin_addr, 4);
    return result;
  }
  if (address->sa_family == AF_INET6) {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(address);
    std::memcpy(result.bytes.data(), &in6->sin6_addr, 16);
    result.v6 = true;
    return result;
  }
  return std::nullopt;
}

bool IpRange::contains(const IpAddress& address) const {
  if (address.v6 != base.v6) return false;
  int whole = prefix / 8, rest = prefix % 8;
  for (int i = 0; i < whole; ++i)
    if (address.bytes[i] != base.bytes[i]) return false;
  if (rest) {
    std::uint8_t mask = static_cast<std::uint8_t>(0xFF << (8 - rest));
    if ((address.bytes[whole] & mask) != (base.bytes[whole] & mask)) return false;
  }
  return true;
}

std::string IpRange::to_string() const { return base.to_string() + "/" + std::to_string(prefix); }

std::optional<IpRange> parse_cidr(std::string_view text, std::string& error) {
  std::string_view address_text = text, prefix_text;
  if (std::size_t slash = text.find('/'); slash != std::string_view::npos) {
    address_text = text.substr(0, slash);
    prefix_text = text.substr(slash + 1);
  }
  std::optional<IpAddress> address = parse_ip(address_text);
  if (!address || address_text.find('%') != std::string_view::npos) {
    error = "'" + std::string(text) + "' is not an address range (want e.g. 127.0.0.1/32 or fd00::/8)";
    return std::nullopt;
  }
  int limit = address->v6 ? 128 : 32;
  IpRange range{*address, limit};
  if (!prefix_text.empty() || text.find('/') != std::string_view::npos) {
    int prefix = 0;
    if (prefix_text.empty() || prefix_text.size() > 3) prefix = -1;
    for (char c : prefix_text) {
      if (c < '0' || c > '9') { prefix = -1; break; }
      prefix = prefix * 10 + (c - '0');
    }
    if (prefix < 0 || prefix > limit) {
      error = "'" + std::string(text) + "' has a prefix length outside 0-" + std::to_string(limit);
      return std::nullopt;
    }
    range.prefix = prefix;
  }
  // Clear host bits so the range prints as written by convention ("10.0.0.0/8").
  for (int bit = range.prefix; bit < limit; ++bit) range.base.bytes[bit / 8] &= static_cast<std::uint8_t>(~(0x80 >> (bit % 8)));
  return range;
}

AddressClass classify(const IpAddress& address) {
  if (!address.v6) return classify_v4(v4_value(address));
  if (all_zero(address, 0, 16)) return AddressClass::unspecified;
  if (all_zero(address, 0, 15) && address.bytes[15] == 1) return AddressClass::loopback;
  if (all_zero(address, 0, 10) && address.bytes[10] == 0xFF && address.bytes[11] == 0xFF) return AddressClass::ipv4_mapped;
  if (all_zero(address, 0, 12)) return AddressClass::ipv4_mapped;  // ::a.b.c.d, deprecated "compatible"
  if (v6_prefix(address, {0x00, 0x64, 0xFF, 0x9B}, 32) && all_zero(address, 4, 12)) return classify_v4(embedded_v4(address, 12));
  if (v6_prefix(address, {0x00, 0x64, 0xFF, 0x9B, 0x00, 0x01}, 48)) return AddressClass::reserved;  // local-use NAT64
  if (v6_prefix(address, {0x20, 0x02}, 16)) return classify_v4(embedded_v4(address, 2));
  if (v6_prefix(address, {0x20, 0x01, 0x00, 0x00}, 32)) return AddressClass::reserved;  // Teredo: hides its target
  if (v6_prefix(address, {0x20, 0x01, 0x0D, 0xB8}, 32)) return AddressClass::reserved;  // documentation
  if (v6_prefix(address, {0x20, 0x01, 0x00}, 23)) return AddressClass::reserved;        // IETF protocol assignments
  if (v6_prefix(address, {0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00}, 64)) return AddressClass::reserved;  // discard
  if (v6_prefix(address, {0xFE, 0x80}, 10)) return AddressClass::link_local;
  if (v6_prefix(address, {0xFE, 0xC0}, 10)) return AddressClass::reserved;  // site-local, deprecated
  if (v6_prefix(address, {0xFC}, 7)) return AddressClass::unique_local;
  if (v6_prefix(address, {0xFF}, 8)) return AddressClass::multicast;
  if (!v6_prefix(address, {0x20}, 3)) return AddressClass::reserved;  // only 2000::/3 is allocated for unicast
  return AddressClass::global;
}

const char* describe(AddressClass kind) {
  switch (kind) {
    case AddressClass::global: return "public";
    case AddressClass::unspecified: return "unspecified";
    case AddressClass::loopback: return "loopback";
    case AddressClass::private_use: return "private";
    case AddressClass::link_local: return "link-local";
    case AddressClass::shared_cgnat: return "carrier-grade NAT";
    case AddressClass::unique_local: return "unique-local";
    case AddressClass::multicast: return "multicast";
    case AddressClass::broadcast: return "broadcast";
    case AddressClass::reserved: return "reserved";
    case AddressClass::ipv4_mapped: return "IPv4-mapped IPv6";
  }
  return "reserved";
}

}  // namespace marginalia::net
