// SPDX-License-Identifier: MIT
// A URL's syntax as libcurl's URL API reads it, plus the host-name rules curl is lenient
// about (empty labels, hyphens at label ends, dotted numbers that are no IPv4 address).
#pragma once

#include <string>
#include <string_view>

namespace marginalia::plugins::urls {

/// The verdict on one URL.
struct UrlSyntax {
  bool ok = false;
  std::string problem;  ///< why not, lower-case
  std::string scheme;   ///< lower-case
  std::string key;      ///< normalised (lower-case scheme and host, no fragment): one check per key
  std::string request;  ///< what to ask the host to fetch: non-ASCII bytes percent-encoded
};

/// Parses `url` (any scheme).
UrlSyntax parse_url(std::string_view url);

/// The scheme of `text` if it starts with one ("mailto:", "https:"), lower-case; empty if none.
std::string scheme_of(std::string_view text);

/// True for schemes that name something other than a web page and are never checked
/// (mailto, tel, urn…).
bool is_non_web_scheme(std::string_view scheme);

/// The web scheme a misspelt one stands for ("htp" → "http", "htps" → "https"), or empty.
std::string corrected_scheme(std::string_view scheme);

}  // namespace marginalia::plugins::urls
