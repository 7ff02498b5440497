// SPDX-License-Identifier: MIT
#include "capitals_context.hpp"

#include <algorithm>

namespace marginalia::plugins::acronyms {

std::string folded(std::string_view word) {
  std::string out;
  for (std::size_t at = 0; at < word.size();) sdk::append_utf8(out, sdk::unicode::to_lower(sdk::next_code_point(word, at)));
  return out;
}

bool code_or_unit(std::string_view text, sdk::Span span) {
  // A number follows: "RFC 2119", "COVID-19", "IB #16", "ISBN 978-…" after a no-break space.
  std::size_t after = span.end;
  if (text.substr(after, 2) == "\xC2\xA0") after += 2;
  else if (after < text.size() && (text[after] == ' ' || text[after] == '-')) ++after;
  if (after < text.size() && text[after] == '#') ++after;
  if (after < text.size() && text[after] >= '0' && text[after] <= '9') return true;
  std::size_t length = span.end - span.begin;
  if (span.begin < 3 || length > 3) return false;
  char before = text[span.begin - 2];
  // Two letters after a number: a unit or the time of day.
  if (length == 2 && text[span.begin - 1] == ' ' && before >= '0' && before <= '9') return true;
  // A legislator's party and state: "(R-OH)", "(D–NY)".
  std::size_t dash = text.rfind('(', span.begin);
  if (length == 2 && dash != std::string_view::npos && dash + 2 < span.begin && text[dash + 1] >= 'A' && text[dash + 1] <= 'Z') {
    std::string_view link = text.substr(dash + 2, span.begin - dash - 2);
    if (link == "-" || link == "\xE2\x80\x93") return true;
  }
  // After a place and a comma, a state or country code: "Fairbanks, AK 99712", "Princeton, NJ:",
  // "Collingwood, VIC: Csiro Publishing" (three letters only before a publisher's colon).
  if (text[span.begin - 1] != ' ' || before != ',' || !(text[span.begin - 3] >= 'a' && text[span.begin - 3] <= 'z')) return false;
  std::size_t next = span.end;
  while (next < text.size() && text[next] == ' ') ++next;
  if (length == 3) return next < text.size() && text[next] == ':';
  return next == text.size() || std::string_view(",.:;)\n0123456789").find(text[next]) != std::string_view::npos;
}

bool abbreviated_word(std::string_view text, sdk::Span span) {
  if (span.end + 2 >= text.size() || text[span.end] != '.' || text[span.end + 1] != ' ') return false;
  std::size_t next = span.end + 2;
  return sdk::is_lower(sdk::next_code_point(text, next));
}

// "C.  Applying the WSIS criteria 56", "Findings of the JIM .......... 7".
std::vector<bool> contents_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t begin = 0; begin <= text.size();) {
    std::size_t end = std::min(text.find('\n', begin), text.size());
    std::string_view line = text.substr(begin, end - begin);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    lines.push_back(line);
    begin = end + 1;
  }
  auto numbered = [](std::string_view line) {
    std::size_t before = line.find_last_not_of("0123456789");
    if (before == std::string_view::npos || before + 1 == line.size() || line.size() - before > 4) return false;
    if (line[before] != ' ' && line[before] != '\t' && line[before] != '.') return false;
    std::size_t last = line.find_last_not_of(" \t.", before);  // the title's last character
    return last != std::string_view::npos && std::string_view(".:;!?").find(line[last]) == std::string_view::npos;
  };
  std::vector<std::size_t> filled;  // lines with text, in order
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (!lines[i].empty()) filled.push_back(i);
  std::vector<bool> contents(lines.size(), false);
  for (std::size_t k = 0; k < filled.size(); ++k)
    contents[filled[k]] = numbered(lines[filled[k]]) && ((k > 0 && numbered(lines[filled[k - 1]])) ||
                                                         (k + 1 < filled.size() && numbered(lines[filled[k + 1]])));
  return contents;
}

bool requirement_word(std::string_view word) {
  for (std::string_view keyword : {"MUST", "SHALL", "SHOULD", "MAY", "NOT", "REQUIRED", "RECOMMENDED", "OPTIONAL"})
    if (word == keyword) return true;
  return false;
}

}  // namespace marginalia::plugins::acronyms
