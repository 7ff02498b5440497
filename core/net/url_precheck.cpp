// SPDX-License-Identifier: MIT
#include "net/url_precheck.hpp"

#include <curl/curl.h>

#include <cctype>
#include <memory>

namespace marginalia::net {
namespace {

struct UrlDeleter {
  void operator()(CURLU* url) const { curl_url_cleanup(url); }
};

std::string part(CURLU* url, CURLUPart which, unsigned flags = 0) {
  char* value = nullptr;
  if (curl_url_get(url, which, &value, flags) != CURLUE_OK || !value) return {};
  std::string out(value);
  curl_free(value);
  return out;
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Precheck refuse(sdk::FetchOutcome outcome, std::string detail) {
  Precheck result;
  result.outcome = outcome;
  result.detail = std::move(detail);
  return result;
}

}  // namespace

Precheck precheck_url(const std::string& url, const AddressPolicy& policy) {
  for (char c : url)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return refuse(sdk::FetchOutcome::malformed, "the URL contains white space or a control character");
  std::unique_ptr<CURLU, UrlDeleter> handle(curl_url());
  if (!handle) return refuse(sdk::FetchOutcome::failed, "out of memory");
  CURLUcode rc = curl_url_set(handle.get(), CURLUPART_URL, url.c_str(), CURLU_NON_SUPPORT_SCHEME);
  if (rc != CURLUE_OK) return refuse(sdk::FetchOutcome::malformed, lower(curl_url_strerror(rc)));
  std::string scheme = lower(part(handle.get(), CURLUPART_SCHEME));
  if (scheme != "http" && scheme != "https")
    return refuse(sdk::FetchOutcome::blocked_scheme, "the " + scheme + " scheme is not fetched (only http and https)");
  std::string host = part(handle.get(), CURLUPART_HOST);
  if (host.empty()) return refuse(sdk::FetchOutcome::malformed, "no host name");
  std::string name = lower(host);
  if (ends_with(name, ".")) name.pop_back();
  if (name == "invalid" || ends_with(name, ".invalid"))
    return refuse(sdk::FetchOutcome::dns_failure, "the host name " + host + " does not resolve (.invalid names never do)");
  if (std::optional<AddressVerdict> verdict = policy.judge_host(host); verdict && !verdict->allowed)
    return refuse(sdk::FetchOutcome::blocked_address, verdict->reason);
  curl_url_set(handle.get(), CURLUPART_FRAGMENT, nullptr, 0);
  Precheck result;
  result.ok = true;
  result.url = part(handle.get(), CURLUPART_URL);
  result.host_key = name + ":" + part(handle.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
  return result;
}

std::string strip_userinfo(const std::string& url) {
  std::size_t scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  std::size_t start = scheme + 3;
  std::size_t end = url.find_first_of("/?#", start);
  if (end == std::string::npos) end = url.size();
  std::size_t at = url.rfind('@', end - 1);
  if (at == std::string::npos || at < start || end == start) return url;
  return url.substr(0, start) + url.substr(at + 1);
}

}  // namespace marginalia::net
