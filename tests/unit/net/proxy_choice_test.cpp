// SPDX-License-Identifier: MIT
// Which proxy a URL goes through: the setting, then the environment's variables as curl reads
// them, with no_proxy names, subdomains, addresses and ranges.
#include <gtest/gtest.h>

#include "net/proxy_choice.hpp"

namespace marginalia::net {
namespace {

ProxyEnvironment environment() {
  ProxyEnvironment env;
  env.http_proxy = "http://proxy.corp:3128";
  env.https_proxy = "http://secure-proxy.corp:3128";
  env.no_proxy = "intranet.corp, .local.example,10.0.0.0/8 ::1";
  return env;
}

TEST(ProxyChoice, EachSchemeTakesItsVariable) {
  EXPECT_EQ(choose_proxy("http://example.org/a", "", environment()), "http://proxy.corp:3128");
  EXPECT_EQ(choose_proxy("https://example.org/a", "", environment()), "http://secure-proxy.corp:3128");
  ProxyEnvironment only_all;
  only_all.all_proxy = "http://all.corp:8080";
  EXPECT_EQ(choose_proxy("https://example.org/", "", only_all), "http://all.corp:8080");
  EXPECT_EQ(choose_proxy("http://example.org/", "", ProxyEnvironment{}), "");
}

TEST(ProxyChoice, TheSettingWinsAndNoneTurnsProxiesOff) {
  EXPECT_EQ(choose_proxy("http://intranet.corp/", "http://mine:1", environment()), "http://mine:1");
  EXPECT_EQ(choose_proxy("http://example.org/", "none", environment()), "");
}

TEST(ProxyChoice, NoProxyListsNamesSubdomainsAddressesAndRanges) {
  ProxyEnvironment env = environment();
  EXPECT_EQ(choose_proxy("http://intranet.corp/x", "", env), "");
  EXPECT_EQ(choose_proxy("http://wiki.intranet.corp:8080/x", "", env), "");
  EXPECT_EQ(choose_proxy("http://INTRANET.corp./x", "", env), "");
  EXPECT_EQ(choose_proxy("http://a.local.example/x", "", env), "");
  EXPECT_EQ(choose_proxy("http://local.example/x", "", env), "") << "a leading dot is ignored, as curl does";
  EXPECT_EQ(choose_proxy("http://10.1.2.3/x", "", env), "");
  EXPECT_EQ(choose_proxy("http://[::1]:8080/x", "", env), "");
  EXPECT_EQ(choose_proxy("http://user:pw@intranet.corp/x", "", env), "");
  // Not a suffix on a label boundary, another address, another range: through the proxy.
  EXPECT_EQ(choose_proxy("http://notintranet.corp/x", "", env), "http://proxy.corp:3128");
  EXPECT_EQ(choose_proxy("http://corp/x", "", env), "http://proxy.corp:3128");
  EXPECT_EQ(choose_proxy("http://11.0.0.1/x", "", env), "http://proxy.corp:3128");
  EXPECT_EQ(choose_proxy("http://[::2]/x", "", env), "http://proxy.corp:3128");
}

TEST(ProxyChoice, AStarAloneMatchesEveryHost) {
  EXPECT_TRUE(no_proxy_matches("example.org", "*"));
  EXPECT_TRUE(no_proxy_matches("10.0.0.1", "a.b, *"));
  EXPECT_FALSE(no_proxy_matches("example.org", "*.org")) << "curl has no wildcards inside an entry";
  EXPECT_FALSE(no_proxy_matches("example.org", ""));
  EXPECT_FALSE(no_proxy_matches("", "*"));
}

}  // namespace
}  // namespace marginalia::net
