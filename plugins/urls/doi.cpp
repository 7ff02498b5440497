// SPDX-License-Identifier: MIT
#include "doi.hpp"

namespace marginalia::plugins::urls {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (lower(text[i]) != prefix[i]) return false;
  return true;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = lower(c);
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

}  // namespace

std::string doi_problem(std::string_view doi) {
  if (doi.compare(0, 3, "10.") != 0) return "a DOI starts with \"10.\"";
  std::size_t slash = doi.find('/');
  std::string_view registrant = doi.substr(3, slash == std::string_view::npos ? std::string_view::npos : slash - 3);
  if (registrant.empty()) return "the registrant code after \"10.\" is missing";
  std::size_t first_part = registrant.find('.');
  if (first_part == std::string_view::npos) first_part = registrant.size();
  bool digits_only = true;
  for (char c : registrant) digits_only = digits_only && ((c >= '0' && c <= '9') || c == '.');
  if (!digits_only || registrant.back() == '.' || registrant.find("..") != std::string_view::npos)
    return "the registrant code \"" + std::string(registrant) + "\" is not digits";
  if (first_part < 4) return "the registrant code \"" + std::string(registrant) + "\" is shorter than 4 digits";
  if (slash == std::string_view::npos || slash + 1 >= doi.size()) return "the suffix after the \"/\" is missing";
  return {};
}

std::string doi_of_url(std::string_view url) {
  std::string_view rest;
  for (std::string_view prefix : {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/",
                                  "https://www.doi.org/", "http://www.doi.org/"})
    if (starts_with_nocase(url, prefix)) {
      rest = url.substr(prefix.size());
      break;
    }
  if (rest.empty()) return {};
  std::size_t cut = rest.find_first_of("?#");
  rest = rest.substr(0, cut);
  std::string doi;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() && hex_value(rest[i + 1]) >= 0 && hex_value(rest[i + 2]) >= 0) {
      doi.push_back(static_cast<char>(hex_value(rest[i + 1]) * 16 + hex_value(rest[i + 2])));
      i += 2;
    } else {
      doi.push_back(rest[i]);
    }
  }
  return doi;
}

std::string doi_url(std::string_view doi) {
  static const char* hex = "0123456789ABCDEF";
  std::string url = "https://doi.org/";
  for (char c : doi) {
    auto u = static_cast<unsigned char>(c);
    bool keep = u > 0x20 && u < 0x7F && c != '"' && c != '<' && c != '>' && c != '#' && c != '%' && c != '?' && c != '\\' &&
                c != '^' && c != '`' && c != '{' && c != '|' && c != '}' && c != ' ';
    if (keep) url.push_back(c);
    else {
      url.push_back('%');
      url.push_back(hex[u >> 4]);
      url.push_back(hex[u & 15]);
    }
  }
  return url;
}

}  // namespace marginalia::plugins::urls
