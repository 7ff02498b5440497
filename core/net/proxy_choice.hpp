// SPDX-License-Identifier: MIT
// Which proxy, if any, a URL goes through: `--net proxy=URL` (or `none`), else the proxy
// variables of the environment, read the way curl reads them — `http_proxy` in lower case only
// (an upper-case HTTP_PROXY can be set by a CGI request's `Proxy:` header, "httpoxy"),
// `https_proxy`/`HTTPS_PROXY`, `all_proxy`/`ALL_PROXY`, and `no_proxy`/`NO_PROXY` for the hosts
// to reach directly. The engine sets the choice on each transfer and tells libcurl not to look
// at the environment itself, so it always knows whether a connection goes to a proxy — which is
// what the address guard then judges (docs/network.md).
#pragma once

#include <string>

namespace marginalia::net {

/// The proxy variables, as a front end read them; empty strings when unset.
struct ProxyEnvironment {
  std::string http_proxy, https_proxy, all_proxy, no_proxy;
  /// This process's environment, lower-case names first, as curl does.
  static ProxyEnvironment from_process();
};

/// The proxy for `url` ("scheme://host[:port]/…"), or "" to connect directly. `explicit_proxy`
/// is the `proxy` setting: a URL wins over the environment, "none" turns proxies off, "" leaves
/// the choice to `environment`.
std::string choose_proxy(const std::string& url, const std::string& explicit_proxy, const ProxyEnvironment& environment);

/// Whether `host` (a name, an IPv4 address or an IPv6 address without brackets) is listed in
/// `no_proxy`: entries separated by commas or spaces; "*" alone matches every host; a name
/// matches itself and its subdomains (a leading dot is ignored), case-insensitively; an address
/// matches an equal address or a CIDR range ("10.0.0.0/8").
bool no_proxy_matches(const std::string& host, const std::string& no_proxy);

}  // namespace marginalia::net
