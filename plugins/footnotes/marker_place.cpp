// SPDX-License-Identifier: MIT
#include "marker_place.hpp"

#include <marginalia/sdk/text.hpp>
#include <marginalia/sdk/unicode.hpp>

namespace marginalia::plugins::footnotes {

bool marker_inside_sentence(const sdk::Document& document, sdk::Span marker) {
  std::string_view text = document.text;
  if (marker.begin > marker.end || marker.end > text.size()) return false;
  // Before: a letter, perhaps after spaces ("Karl <note>" in TEI). A stop, a closing quotation
  // mark or bracket there ends a clause or a quotation, where citation numbers go.
  std::size_t pos = marker.begin;
  char32_t before = sdk::previous_code_point(text, pos);
  while (before != 0 && before != '\n' && sdk::is_space(before)) before = sdk::previous_code_point(text, pos);
  if (!sdk::unicode::is_letter(before)) return false;
  // After: the sentence runs on with a word in the same block; punctuation, a dash, a bracket
  // or the block's end after the marker put it at the end of a clause.
  pos = marker.end;
  int newlines = 0;
  while (pos < text.size()) {
    std::size_t next = pos;
    char32_t c = sdk::next_code_point(text, next);
    if (!sdk::is_space(c)) return sdk::unicode::is_letter(c) || sdk::unicode::is_digit(c);
    if (c == '\n' && ++newlines > 1) return false;
    pos = next;
  }
  return false;
}

}  // namespace marginalia::plugins::footnotes
