// SPDX-License-Identifier: MIT
#include "net/retry_after.hpp"

#include <curl/curl.h>

#include <string>

namespace marginalia::net {

std::optional<Milliseconds> parse_retry_after(std::string_view value, std::time_t now) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t' || value.back() == '\r' || value.back() == '\n'))
    value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  bool digits = true;
  for (char c : value) digits = digits && c >= '0' && c <= '9';
  if (digits) {
    if (value.size() > 9) return Milliseconds(999999999LL * 1000);  // absurdly long: above any cap
    return Milliseconds(std::stoll(std::string(value)) * 1000);
  }
  std::string text(value);
  std::time_t when = curl_getdate(text.c_str(), nullptr);
  if (when == -1) return std::nullopt;
  if (when <= now) return Milliseconds(0);
  return Milliseconds(static_cast<long long>(when - now) * 1000);
}

}  // namespace marginalia::net
