// SPDX-License-Identifier: MIT
#include "net/ip_address.hpp"

#include <gtest/gtest.h>

namespace marginalia::net {
namespace {

AddressClass class_of(const char* text) {
  std::optional<IpAddress> address = parse_ip(text);
  EXPECT_TRUE(address) << text;
  return address ? classify(*address) : AddressClass::global;
}

TEST(IpAddress, ClassifiesEveryRangeTheGuardRefuses) {
  struct Case {
    const char* address;
    AddressClass expected;
  } cases[] = {
      {"0.0.0.0", AddressClass::unspecified},        {"0.1.2.3", AddressClass::unspecified},
      {"127.0.0.1", AddressClass::loopback},         {"127.255.255.254", AddressClass::loopback},
      {"10.0.0.1", AddressClass::private_use},       {"172.16.0.1", AddressClass::private_use},
      {"172.31.255.255", AddressClass::private_use}, {"192.168.1.1", AddressClass::private_use},
      {"169.254.169.254", AddressClass::link_local}, {"100.64.0.1", AddressClass::shared_cgnat},
      {"100.100.100.200", AddressClass::shared_cgnat}, {"224.0.0.1", AddressClass::multicast},
      {"239.255.255.250", AddressClass::multicast},  {"255.255.255.255", AddressClass::broadcast},
      {"240.0.0.1", AddressClass::reserved},         {"192.0.2.1", AddressClass::reserved},
      {"198.18.0.1", AddressClass::reserved},        {"::", AddressClass::unspecified},
      {"::1", AddressClass::loopback},               {"fe80::1", AddressClass::link_local},
      {"fc00::1", AddressClass::unique_local},       {"fd00:ec2::254", AddressClass::unique_local},
      {"ff02::1", AddressClass::multicast},          {"::ffff:127.0.0.1", AddressClass::ipv4_mapped},
      {"::ffff:8.8.8.8", AddressClass::ipv4_mapped}, {"::127.0.0.1", AddressClass::ipv4_mapped},
      {"2002:a9fe:a9fe::1", AddressClass::link_local}, {"2002:0a00:0001::", AddressClass::private_use},
      {"64:ff9b::169.254.169.254", AddressClass::link_local}, {"64:ff9b::10.0.0.1", AddressClass::private_use},
      {"2001:db8::1", AddressClass::reserved},       {"2001::1", AddressClass::reserved},
      {"fec0::1", AddressClass::reserved},
  };
  for (const Case& c : cases) EXPECT_EQ(class_of(c.address), c.expected) << c.address;
}

TEST(IpAddress, LeavesPublicAddressesAlone) {
  for (const char* text : {"8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.0", "100.63.255.255", "100.128.0.0",
                           "169.253.0.1", "223.255.255.255", "2606:4700::1111", "2a00:1450:4001::200e",
                           "2002:0808:0808::1", "64:ff9b::8.8.8.8"})
    EXPECT_EQ(class_of(text), AddressClass::global) << text;
}

TEST(IpAddress, ReadsOddIpv4SpellingsAsInetAtonDoes) {
  for (const char* text : {"2130706433", "0x7f.1", "0x7f000001", "017700000001", "0177.0.0.1", "127.1", "127.0.1", "0x7F.0.0.1", "127.0.0.1."}) {
    std::optional<IpAddress> address = parse_ipv4_loose(text);
    ASSERT_TRUE(address) << text;
    EXPECT_EQ(address->to_string(), "127.0.0.1") << text;
  }
  for (const char* text : {"example.org", "256.1.1.1", "1.2.3.4.5", "08.0.0.1", "", "1..2", "4294967296", "127.0.0.1x"})
    EXPECT_FALSE(parse_ipv4_loose(text)) << text;
}

TEST(IpAddress, ParsesStrictTextOnly) {
  EXPECT_EQ(parse_ip("[::ffff:127.0.0.1]")->to_string(), "::ffff:127.0.0.1");
  EXPECT_EQ(parse_ip("fe80::1%eth0")->to_string(), "fe80::1");
  EXPECT_FALSE(parse_ip("2130706433"));
  EXPECT_FALSE(parse_ip("127.1"));
  EXPECT_FALSE(parse_ip("localhost"));
}

TEST(IpRange, MatchesWithinItsFamilyOnly) {
  std::string error;
  std::optional<IpRange> loopback = parse_cidr("127.0.0.1/32", error);
  ASSERT_TRUE(loopback) << error;
  EXPECT_TRUE(loopback->contains(*parse_ip("127.0.0.1")));
  EXPECT_FALSE(loopback->contains(*parse_ip("127.0.0.2")));
  EXPECT_FALSE(loopback->contains(*parse_ip("::ffff:127.0.0.1")));  // a mapped address needs its own range
  std::optional<IpRange> ten = parse_cidr("10.1.2.3/8", error);
  ASSERT_TRUE(ten);
  EXPECT_EQ(ten->to_string(), "10.0.0.0/8");
  EXPECT_TRUE(ten->contains(*parse_ip("10.255.0.1")));
  std::optional<IpRange> ula = parse_cidr("fd00::/8", error);
  ASSERT_TRUE(ula);
  EXPECT_TRUE(ula->contains(*parse_ip("fd00:ec2::254")));
  EXPECT_TRUE(parse_cidr("::1", error));
  EXPECT_EQ(parse_cidr("::1", error)->prefix, 128);
}

TEST(IpRange, RejectsBadRangesWithAReason) {
  std::string error;
  for (const char* text : {"127.0.0.1/33", "::1/129", "localhost", "10.0.0.0/", "10.0.0.0/x", "2130706433/32", "fe80::1%eth0/64"}) {
    error.clear();
    EXPECT_FALSE(parse_cidr(text, error)) << text;
    EXPECT_FALSE(error.empty()) << text;
  }
}

}  // namespace
}  // namespace marginalia::net
