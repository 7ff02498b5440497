// SPDX-License-Identifier: MIT
#include "url_scanner.hpp"

#include <marginalia/sdk/text.hpp>
#include <marginalia/sdk/unicode.hpp>

namespace marginalia::plugins::urls {
namespace {

bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool ascii_alnum(char c) { return ascii_alpha(c) || (c >= '0' && c <= '9'); }
bool scheme_char(char c) { return ascii_alnum(c) || c == '+' || c == '-' || c == '.'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_nocase(std::string_view text, std::size_t at, std::string_view prefix) {
  if (at + prefix.size() > text.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (lower(text[at + i]) != prefix[i]) return false;
  return true;
}

// A URL can only start after something that is not part of a word or of another URL.
bool boundary_before(std::string_view text, std::size_t at) {
  if (at == 0) return true;
  std::size_t pos = at;
  char32_t c = sdk::previous_code_point(text, pos);
  if (c < 0x80) return !ascii_alnum(static_cast<char>(c)) && c != '/' && c != '.' && c != '@' && c != '-' && c != '_';
  return !sdk::unicode::is_letter(c);
}

// Characters that end a URL in prose: white space, quotes and brackets no URL holds raw,
// and typographic punctuation.
bool stops_url(char32_t c) {
  if (c < 0x80) return c <= 0x20 || c == 0x7F || c == '<' || c == '>' || c == '"' || c == '`' || c == '{' || c == '}' || c == '|' || c == '\\' || c == '^';
  if (sdk::is_space(c)) return true;
  return (c >= 0x2010 && c <= 0x201F) ||  // dashes and typographic quotes
         c == 0x2026 || c == 0xAB || c == 0xBB || c == 0x2039 || c == 0x203A || (c >= 0x3000 && c <= 0x303F) ||
         c == 0xFF08 || c == 0xFF09 || c == 0xFF0C || c == 0xFF0E || c == 0xFF1A || c == 0xFF1B || c == 0xFFFD;
}

}  // namespace

std::size_t url_end(std::string_view text, std::size_t begin) {
  std::size_t end = begin;
  while (end < text.size()) {
    std::size_t next = end;
    char32_t c = sdk::next_code_point(text, next);
    if (stops_url(c)) break;
    end = next;
  }
  // Trailing punctuation belongs to the sentence, a closing bracket to the prose around the
  // URL unless the URL opened it. Counting brackets is linear because each strip shortens.
  int opens[3] = {0, 0, 0}, closes[3] = {0, 0, 0};
  auto index = [](char c) { return c == '(' || c == ')' ? 0 : c == '[' || c == ']' ? 1 : 2; };
  for (std::size_t i = begin; i < end; ++i) {
    char c = text[i];
    if (c == '(' || c == '[' || c == '{') ++opens[index(c)];
    if (c == ')' || c == ']' || c == '}') ++closes[index(c)];
  }
  while (end > begin) {
    char last = text[end - 1];
    if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?' || last == '\'' || last == '*' || last == '_') {
      --end;
      continue;
    }
    if (last == ')' || last == ']' || last == '}') {
      int k = index(last);
      if (closes[k] > opens[k]) {
        --closes[k];
        --end;
        continue;
      }
    }
    break;
  }
  return end;
}

std::vector<Candidate> scan_urls(std::string_view text) {
  std::vector<Candidate> found;
  std::size_t i = 0;
  auto emit = [&](CandidateKind kind, std::size_t begin, std::size_t end, std::string value) {
    found.push_back({kind, {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)}, std::move(value)});
    i = end;
  };
  while (i < text.size()) {
    char c = text[i];
    // "scheme://", "https:/x", "http//x": look back from the colon or the slashes.
    if ((c == ':' || c == '/') && i > 0 && scheme_char(text[i - 1])) {
      std::size_t start = i;
      while (start > 0 && i - start < 32 && scheme_char(text[start - 1])) --start;
      while (start < i && !ascii_alpha(text[start])) ++start;  // a scheme starts with a letter
      bool starts_clean = start < i && boundary_before(text, start) && (found.empty() || found.back().span.end <= start);
      std::string scheme;
      for (std::size_t k = start; k < i; ++k) scheme += lower(text[k]);
      bool web = scheme == "http" || scheme == "https";
      if (starts_clean && c == ':' && text.compare(i, 3, "://") == 0) {
        std::size_t end = url_end(text, i + 3);
        if (end > i + 3 || web) {
          emit(CandidateKind::scheme_url, start, end, std::string(text.substr(start, end - start)));
          continue;
        }
      } else if (starts_clean && web && c == ':' && i + 2 < text.size() && text[i + 1] == '/' && text[i + 2] != '/' && ascii_alnum(text[i + 2])) {
        std::size_t end = url_end(text, i + 2);
        emit(CandidateKind::missing_slash, start, end, scheme + "://" + std::string(text.substr(i + 2, end - i - 2)));
        continue;
      } else if (starts_clean && web && c == '/' && text.compare(i, 2, "//") == 0 && i + 2 < text.size() && ascii_alnum(text[i + 2])) {
        std::size_t end = url_end(text, i + 2);
        emit(CandidateKind::missing_colon, start, end, scheme + "://" + std::string(text.substr(i + 2, end - i - 2)));
        continue;
      }
      ++i;
      continue;
    }
    if ((c == 'w' || c == 'W') && starts_with_nocase(text, i, "www.") && i + 4 < text.size() && ascii_alnum(text[i + 4]) &&
        boundary_before(text, i) && (found.empty() || found.back().span.end <= i)) {
      std::size_t end = url_end(text, i);
      std::string_view url = text.substr(i, end - i);
      if (url.find('.', 4) != std::string_view::npos) {  // "www.example" alone is not an address
        emit(CandidateKind::www, i, end, std::string(url));
        continue;
      }
    }
    if ((c == 'd' || c == 'D') && starts_with_nocase(text, i, "doi") && boundary_before(text, i) && (found.empty() || found.back().span.end <= i)) {
      std::size_t at = i + 3;
      bool colon = at < text.size() && text[at] == ':';
      if (colon) ++at;
      std::size_t spaces = 0;
      while (at < text.size() && text[at] == ' ' && spaces < 2) ++at, ++spaces;
      // "doi:" with anything after it, or "DOI 10." without the colon.
      bool doi_like = (colon && at < text.size() && !sdk::is_space(static_cast<unsigned char>(text[at]))) ||
                      (!colon && spaces > 0 && text.compare(at, 3, "10.") == 0);
      if (doi_like) {
        std::size_t end = url_end(text, at);
        if (end > at) {
          emit(CandidateKind::doi, i, end, std::string(text.substr(at, end - at)));
          continue;
        }
      }
    }
    ++i;
  }
  return found;
}

}  // namespace marginalia::plugins::urls
