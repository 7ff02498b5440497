// SPDX-License-Identifier: MIT
#include "readers/notes_section.hpp"

#include <cctype>

#include "marginalia/sdk/text.hpp"

namespace marginalia::readers {

NotesHeading notes_heading_kind(std::string_view line) {
  if (line.size() > 64) return NotesHeading::none;
  std::string lower;
  for (char c : line) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  std::size_t begin = lower.find_first_not_of(" \t#*_");
  if (begin == std::string::npos) return NotesHeading::none;
  std::size_t end = lower.find_last_not_of(" \t:*_.\r");
  std::string_view name = std::string_view(lower).substr(begin, end + 1 - begin);
  for (const char* notes : {"notes", "endnotes", "footnotes", "notes and references", "sources and notes", "notes and sources",
                            "references and notes", "end notes", "foot notes", "note"})
    if (name == notes) return NotesHeading::notes;
  for (const char* bibliography : {"references", "sources", "bibliography", "works cited", "literature cited", "reference list"})
    if (name == bibliography) return NotesHeading::bibliography;
  return NotesHeading::none;
}

std::optional<NoteLabel> parse_note_label(std::string_view line, bool bare_numbers) {
  std::size_t pos = 0;
  while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) ++pos;
  NoteLabel result;
  result.label_begin = pos;
  auto digits_at = [&](std::size_t at, std::size_t& end) {
    end = at;
    while (end < line.size() && std::isdigit(static_cast<unsigned char>(line[end]))) ++end;
    return end > at && end - at <= 4;
  };
  std::size_t end = 0;
  if (pos < line.size() && line[pos] == '[') {
    if (!digits_at(pos + 1, end) || end >= line.size() || line[end] != ']') return std::nullopt;
    result.label = std::string(line.substr(pos + 1, end - pos - 1));
    ++end;
  } else if (digits_at(pos, end)) {
    result.label = std::string(line.substr(pos, end - pos));
    if (end < line.size() && (line[end] == '.' || line[end] == ')')) ++end;
    else if (!bare_numbers) return std::nullopt;
  } else {
    // Superscript digits.
    std::size_t cursor = pos;
    std::string label;
    while (cursor < line.size()) {
      std::size_t probe = cursor;
      char32_t c = sdk::next_code_point(line, probe);
      int digit = c == 0xB9 ? 1 : c == 0xB2 ? 2 : c == 0xB3 ? 3 : c == 0x2070 ? 0 : (c >= 0x2074 && c <= 0x2079) ? int(c - 0x2070) : -1;
      if (digit < 0) break;
      label.push_back(static_cast<char>('0' + digit));
      cursor = probe;
    }
    if (label.empty()) return std::nullopt;
    result.label = label;
    end = cursor;
  }
  if (result.label.empty() || result.label[0] == '0') return std::nullopt;
  // The label must stand apart from the text ("1.Text" is not an entry, "1.5" is a number).
  if (end < line.size() && line[end] != ' ' && line[end] != '\t' && static_cast<unsigned char>(line[end]) != 0xC2)
    return std::nullopt;
  while (end < line.size() && (line[end] == ' ' || line[end] == '\t')) ++end;
  if (end + 1 < line.size() && static_cast<unsigned char>(line[end]) == 0xC2 && static_cast<unsigned char>(line[end + 1]) == 0xA0) {
    end += 2;
    while (end < line.size() && (line[end] == ' ' || line[end] == '\t')) ++end;
  }
  result.body_begin = end;
  return result;
}

}  // namespace marginalia::readers
