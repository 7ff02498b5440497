// SPDX-License-Identifier: MIT
#include "net/http_status.hpp"

namespace marginalia::net {

const char* reason_phrase(long status) {
  switch (status) {
    case 400: return "bad request";
    case 401: return "unauthorized";
    case 402: return "payment required";
    case 403: return "forbidden";
    case 404: return "not found";
    case 405: return "method not allowed";
    case 406: return "not acceptable";
    case 408: return "request timeout";
    case 409: return "conflict";
    case 410: return "gone";
    case 418: return "I'm a teapot";
    case 429: return "too many requests";
    case 451: return "unavailable for legal reasons";
    case 500: return "internal server error";
    case 501: return "not implemented";
    case 502: return "bad gateway";
    case 503: return "service unavailable";
    case 504: return "gateway timeout";
    default: return "";
  }
}

std::string http_detail(long status) {
  std::string phrase = reason_phrase(status);
  return "HTTP " + std::to_string(status) + (phrase.empty() ? "" : " " + phrase);
}

}  // namespace marginalia::net
