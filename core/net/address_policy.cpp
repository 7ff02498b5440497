// SPDX-License-Identifier: MIT
#include "net/address_policy.hpp"

#include <cctype>

namespace marginalia::net {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

AddressVerdict AddressPolicy::judge(const IpAddress& address) const {
  for (const IpRange& range : allow_)
    if (range.contains(address)) return {};
  AddressClass kind = classify(address);
  if (kind == AddressClass::global) return {};
  std::string name = address.to_string();
  std::string what = describe(kind);
  const char* article = kind == AddressClass::ipv4_mapped || kind == AddressClass::unspecified ? "an" : "a";
  return {false, name + " is " + article + " " + what + " address"};
}

std::optional<AddressVerdict> AddressPolicy::judge_host(std::string_view host) const {
  if (host.empty()) return std::nullopt;
  if (host.front() == '[') {
    std::optional<IpAddress> address = parse_ip(host);
    if (!address) return AddressVerdict{false, std::string(host) + " is not an IP address"};
    return judge(*address);
  }
  std::string name = lower(host);
  if (std::optional<IpAddress> address = parse_ipv4_loose(name)) return judge(*address);
  if (!name.empty() && name.back() == '.') name.pop_back();
  if (name == "localhost" || ends_with(name, ".localhost")) {
    // RFC 6761: a loopback name means the loopback network, whatever a resolver says. It
    // passes only when a range covers that network (127.0.0.0/8 or ::1), not one address of it.
    IpAddress network = *parse_ip("127.0.0.0"), loopback6 = *parse_ip("::1");
    for (const IpRange& range : allow_)
      if ((!range.base.v6 && range.prefix <= 8 && range.contains(network)) || range.contains(loopback6)) return std::nullopt;
    return AddressVerdict{false, std::string(host) + " is a loopback name"};
  }
  return std::nullopt;
}

}  // namespace marginalia::net
