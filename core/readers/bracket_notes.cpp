// SPDX-License-Identifier: MIT
#include "readers/bracket_notes.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "marginalia/sdk/text.hpp"

namespace marginalia::readers {
namespace {

constexpr std::string_view kDagger = "\xE2\x80\xA0";        // †
constexpr std::string_view kDoubleDagger = "\xE2\x80\xA1";  // ‡

bool is_symbol_label(std::string_view label) { return label == "*" || label == "**" || label == kDagger || label == kDoubleDagger; }

bool numeric(std::string_view label) {
  return !label.empty() && std::all_of(label.begin(), label.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

bool at_line_start(std::string_view text, std::size_t pos, std::size_t range_begin) {
  while (pos > range_begin && (text[pos - 1] == ' ' || text[pos - 1] == '\t')) --pos;
  return pos == range_begin || text[pos - 1] == '\n';
}

// A closing emphasis star ("*word*") has an opening one earlier on its line.
bool closes_emphasis(std::string_view text, std::size_t star, std::size_t range_begin) {
  for (std::size_t pos = star; pos > range_begin && text[pos - 1] != '\n'; --pos) {
    if (text[pos - 1] != '*') continue;
    std::size_t open = pos - 1;
    bool space_before = open == range_begin || text[open - 1] == ' ' || text[open - 1] == '\n' || text[open - 1] == '(';
    bool word_after = open + 1 < text.size() && text[open + 1] != ' ';
    if (space_before && word_after) return true;
  }
  return false;
}

}  // namespace

std::optional<std::pair<std::string, std::size_t>> bracket_label(std::string_view text, std::size_t pos) {
  if (pos >= text.size() || text[pos] != '[') return std::nullopt;
  std::size_t close = text.find(']', pos + 1);
  if (close == std::string_view::npos || close - pos - 1 > 3 || close == pos + 1) {
    // Symbols are several bytes long.
    if (close != std::string_view::npos && is_symbol_label(text.substr(pos + 1, close - pos - 1)))
      return std::make_pair(std::string(text.substr(pos + 1, close - pos - 1)), close + 1);
    return std::nullopt;
  }
  std::string_view label = text.substr(pos + 1, close - pos - 1);
  bool letter = label.size() == 1 && std::isupper(static_cast<unsigned char>(label[0]));
  if (!numeric(label) && !letter && !is_symbol_label(label)) return std::nullopt;
  if (numeric(label) && label.find_first_not_of('0') == std::string_view::npos) return std::nullopt;
  return std::make_pair(std::string(label), close + 1);
}

std::optional<FootnoteBlock> parse_footnote_block(std::string_view text, std::size_t pos, std::size_t limit) {
  limit = std::min(limit, text.size());
  std::string_view head = text.substr(pos, std::min<std::size_t>(16, limit - pos));
  std::size_t keyword = head.rfind("[Footnote ", 0) == 0 ? 10 : head.rfind("[Note ", 0) == 0 ? 6 : 0;
  if (keyword == 0) return std::nullopt;
  std::size_t colon = text.find(':', pos + keyword);
  if (colon == std::string_view::npos || colon >= limit || colon - pos - keyword > 8) return std::nullopt;
  std::string_view label = text.substr(pos + keyword, colon - pos - keyword);
  if (label.empty() || label.find_first_of(" \n[]") != std::string_view::npos) return std::nullopt;
  int depth = 1;
  for (std::size_t at = colon + 1; at < limit; ++at) {
    if (text[at] == '[') ++depth;
    else if (text[at] == ']' && --depth == 0) {
      FootnoteBlock block;
      block.label = std::string(label);
      block.body_begin = colon + 1;
      block.body_end = at;
      block.end = at + 1;
      return block;
    }
  }
  return std::nullopt;
}

std::vector<TextMarker> find_bracket_markers(std::string_view text, const std::vector<sdk::Span>& ranges) {
  std::vector<TextMarker> out;
  for (sdk::Span range : ranges) {
    std::size_t end = std::min<std::size_t>(range.end, text.size());
    for (std::size_t pos = range.begin; pos < end; ++pos) {
      char c = text[pos];
      bool bracket = c == '[';
      bool symbol = c == '*' || text.compare(pos, kDagger.size(), kDagger) == 0 || text.compare(pos, kDoubleDagger.size(), kDoubleDagger) == 0;
      if (!bracket && !symbol) continue;
      if (at_line_start(text, pos, range.begin)) continue;
      std::size_t before = pos;
      char32_t previous = sdk::previous_code_point(text, before);
      if (bracket) {
        auto label = bracket_label(text, pos);
        if (!label) continue;
        // Transcribers fuse the marker to the word ("watershed.[1]"); "letter [337]" or "as
        // [01] through [15]" is a reference to a number, and "[1]: …" a definition.
        if (sdk::is_space(previous) || previous == '(' || previous == '[') continue;
        if (label->second < end && (text[label->second] == ':' || text[label->second] == '(')) continue;
        out.push_back({{static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(label->second)}, label->first});
        pos = label->second - 1;
        continue;
      }
      // A symbol fused to a word or to closing punctuation, followed by a space or the end.
      bool fused = sdk::is_letter(previous) || previous == '.' || previous == ',' || previous == ';' || previous == ':' ||
                   previous == ')' || previous == 0x201D || previous == '"';
      if (!fused) continue;
      std::size_t length = c == '*' ? (pos + 1 < end && text[pos + 1] == '*' ? 2 : 1) : 3;
      std::size_t after = pos + length;
      if (after < end && !sdk::is_space(static_cast<unsigned char>(text[after])) && text[after] != '.' && text[after] != ',') continue;
      if (c == '*' && closes_emphasis(text, pos, range.begin)) { pos = after - 1; continue; }
      out.push_back({{static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(after)}, std::string(text.substr(pos, length))});
      pos = after - 1;
    }
  }
  return out;
}

std::vector<std::size_t> settle_notes(std::vector<TextNote>& notes, std::vector<TextMarker>& markers) {
  std::sort(notes.begin(), notes.end(), [](const TextNote& a, const TextNote& b) { return a.span.begin < b.span.begin; });
  std::sort(markers.begin(), markers.end(), [](const TextMarker& a, const TextMarker& b) { return a.span.begin < b.span.begin; });
  std::set<std::string> marked;
  for (const TextMarker& marker : markers) marked.insert(marker.label);

  std::vector<bool> keep(notes.size(), true);
  std::set<int> cited_groups;
  for (const TextNote& note : notes)
    if (note.group && marked.count(note.label)) cited_groups.insert(note.group);
  for (std::size_t i = 0; i < notes.size(); ++i) {
    if (notes[i].group && !cited_groups.count(notes[i].group)) keep[i] = false;
    if (notes[i].tentative && !marked.count(notes[i].label)) keep[i] = false;
  }
  // A tentative note between two kept ones, numbered between them, lost its marker: keep it so
  // it is reported.
  for (std::size_t i = 0; i < notes.size(); ++i) {
    if (keep[i] || !notes[i].tentative || !numeric(notes[i].label) || notes[i].label.size() > 4) continue;
    long value = std::stol(notes[i].label);
    long before = -1, after = -1;
    for (std::size_t k = i; k-- > 0;)
      if (keep[k] && notes[k].tentative) { before = numeric(notes[k].label) && notes[k].label.size() <= 4 ? std::stol(notes[k].label) : -1; break; }
    for (std::size_t k = i + 1; k < notes.size(); ++k)
      if (keep[k] && notes[k].tentative) { after = numeric(notes[k].label) && notes[k].label.size() <= 4 ? std::stol(notes[k].label) : -1; break; }
    if (before >= 0 && after >= 0 && before < value && value < after) keep[i] = true;
  }
  std::vector<std::size_t> dropped;
  std::vector<TextNote> kept;
  for (std::size_t i = 0; i < notes.size(); ++i) {
    if (keep[i]) kept.push_back(std::move(notes[i]));
    else dropped.push_back(notes[i].block);
  }
  notes = std::move(kept);

  // Symbol markers stand only where symbol notes exist.
  std::set<std::string> note_labels;
  for (const TextNote& note : notes) note_labels.insert(note.label);
  markers.erase(std::remove_if(markers.begin(), markers.end(),
                               [&](const TextMarker& m) { return is_symbol_label(m.label) && !note_labels.count(m.label); }),
                markers.end());

  // Parts: a marker that reuses a label of its part after a note was given starts a new part.
  std::vector<int> note_part(notes.size()), marker_part(markers.size());
  int part = 0;
  bool note_since_marker = false;
  std::set<std::string> used;
  std::size_t n = 0, m = 0;
  while (n < notes.size() || m < markers.size()) {
    bool take_marker = m < markers.size() && (n >= notes.size() || markers[m].span.begin < notes[n].span.begin);
    if (take_marker) {
      if (note_since_marker && used.count(markers[m].label)) {
        ++part;
        used.clear();
      }
      used.insert(markers[m].label);
      note_since_marker = false;
      marker_part[m++] = part;
    } else {
      note_since_marker = true;
      note_part[n++] = part;
    }
  }
  if (part > 0) {
    for (std::size_t i = 0; i < notes.size(); ++i) notes[i].label = "part-" + std::to_string(note_part[i] + 1) + ":" + notes[i].label;
    for (std::size_t i = 0; i < markers.size(); ++i) markers[i].label = "part-" + std::to_string(marker_part[i] + 1) + ":" + markers[i].label;
  }
  return dropped;
}

}  // namespace marginalia::readers
