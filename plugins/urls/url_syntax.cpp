// SPDX-License-Identifier: MIT
#include "url_syntax.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace marginalia::plugins::urls {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower_copy(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = lower(c);
  return out;
}

struct UrlDeleter {
  void operator()(CURLU* url) const { curl_url_cleanup(url); }
};

std::string part(CURLU* url, CURLUPart which) {
  char* value = nullptr;
  if (curl_url_get(url, which, &value, 0) != CURLUE_OK || !value) return {};
  std::string out(value);
  curl_free(value);
  return out;
}

// Bytes outside ASCII in the path, query and fragment, percent-encoded (an IRI as a URI).
std::string encode_non_ascii(std::string_view url) {
  static const char* hex = "0123456789ABCDEF";
  std::size_t authority = url.find("://");
  std::size_t path = authority == std::string_view::npos ? 0 : url.find_first_of("/?#", authority + 3);
  if (path == std::string_view::npos) return std::string(url);
  std::string out(url.substr(0, path));
  for (std::size_t i = path; i < url.size(); ++i) {
    auto u = static_cast<unsigned char>(url[i]);
    if (u < 0x80) out.push_back(url[i]);
    else {
      out.push_back('%');
      out.push_back(hex[u >> 4]);
      out.push_back(hex[u & 15]);
    }
  }
  return out;
}

bool dotted_quad(const std::string& name) {
  int parts = 0;
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t dot = name.find('.', start);
    if (dot == std::string::npos) dot = name.size();
    std::string part = name.substr(start, dot - start);
    if (part.empty() || part.size() > 3 || std::stoi(part) > 255) return false;
    ++parts;
    start = dot + 1;
  }
  return parts == 4;
}

std::string host_problem(const std::string& host) {
  if (host.empty()) return "no host name";
  if (host.front() == '[') return {};
  std::string name = host;
  if (name.back() == '.') name.pop_back();
  if (name.empty()) return "no host name";
  if (name.size() > 253) return "the host name is longer than 253 characters";
  bool numeric = std::all_of(name.begin(), name.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
  if (numeric && !dotted_quad(name)) return "the host " + host + " is not a valid IPv4 address";  // curl rewrote valid spellings
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t dot = name.find('.', start);
    if (dot == std::string::npos) dot = name.size();
    std::string label = name.substr(start, dot - start);
    if (label.empty()) return "the host name " + host + " has an empty label";
    if (label.size() > 63) return "the host name " + host + " has a label longer than 63 characters";
    if (label.front() == '-' || label.back() == '-') return "the host name " + host + " has a label starting or ending with a hyphen";
    start = dot + 1;
  }
  return {};
}

int distance(std::string_view a, std::string_view b) {
  std::vector<int> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= b.size(); ++j) {
      int above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string scheme_of(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && i < 32) {
    char c = text[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) break;
    ++i;
  }
  if (i == 0 || i >= text.size() || text[i] != ':') return {};
  return lower_copy(text.substr(0, i));
}

bool is_non_web_scheme(std::string_view scheme) {
  static const char* schemes[] = {"mailto", "tel", "sms", "urn", "geo", "xmpp", "news", "magnet", "callto", "facetime", "webcal", "isbn", "issn", "info"};
  for (const char* known : schemes)
    if (scheme == known) return true;
  return false;
}

std::string corrected_scheme(std::string_view scheme) {
  static const char* known[] = {"ftp", "ftps", "file", "gopher", "dict", "ldap", "ldaps", "sftp", "scp", "smb", "smbs", "telnet", "tftp",
                                "ssh", "git", "svn", "irc", "ircs", "rtsp", "rtmp", "ws", "wss", "imap", "pop3", "smtp", "mqtt", "hxxp", "hxxps"};
  for (const char* other : known)
    if (scheme == other) return {};  // a real scheme, or a deliberately defanged one
  if (scheme == "http" || scheme == "https") return {};
  int to_http = distance(scheme, "http"), to_https = distance(scheme, "https");
  if (std::min(to_http, to_https) > 1 || scheme.size() < 3) return {};
  return to_https < to_http ? "https" : to_http < to_https ? "http" : (scheme.find('s') != std::string_view::npos ? "https" : "http");
}

UrlSyntax parse_url(std::string_view url) {
  UrlSyntax result;
  std::size_t authority = url.find("://");
  std::string scheme = scheme_of(url);
  bool web = scheme == "http" || scheme == "https";
  if (web && authority != std::string_view::npos && authority + 3 < url.size() && url[authority + 3] == '/') {
    result.problem = "no host name after \"//\"";
    return result;
  }
  result.request = encode_non_ascii(url);
  std::unique_ptr<CURLU, UrlDeleter> handle(curl_url());
  CURLUcode rc = curl_url_set(handle.get(), CURLUPART_URL, result.request.c_str(), CURLU_NON_SUPPORT_SCHEME);
  if (rc != CURLUE_OK) {
    result.problem = lower_copy(curl_url_strerror(rc));
    return result;
  }
  result.scheme = lower_copy(part(handle.get(), CURLUPART_SCHEME));
  if (result.scheme == "http" || result.scheme == "https") {
    std::string host = part(handle.get(), CURLUPART_HOST);
    result.problem = host_problem(host);
    if (!result.problem.empty()) return result;
    curl_url_set(handle.get(), CURLUPART_HOST, lower_copy(host).c_str(), 0);
  }
  curl_url_set(handle.get(), CURLUPART_FRAGMENT, nullptr, 0);
  result.key = part(handle.get(), CURLUPART_URL);
  result.ok = true;
  return result;
}

}  // namespace marginalia::plugins::urls
