// SPDX-License-Identifier: MIT
#include "lsp/positions.hpp"

namespace marginalia::lsp {

std::uint32_t utf16_units(std::string_view line, std::uint32_t code_points) {
  std::uint32_t units = 0;
  std::size_t i = 0;
  std::uint32_t n = 0;
  for (; n < code_points && i < line.size(); ++n) {
    auto lead = static_cast<unsigned char>(line[i]);
    std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 1;
    if (i + length > line.size()) length = 1;
    // Four-byte sequences are the code points above U+FFFF: a surrogate pair in UTF-16.
    units += length == 4 ? 2 : 1;
    i += length;
  }
  // A column past the line's end (the line end itself) stays past it, one unit per column.
  return units + (code_points - n);
}

Position to_lsp(const model::SourceMap& map, model::Position position) {
  Position out;
  out.line = position.line > 0 ? position.line - 1 : 0;
  std::uint32_t before = position.column > 0 ? position.column - 1 : 0;
  out.character = utf16_units(map.line_text(position.line), before);
  return out;
}

Range text_range(const model::SourceMap& map, std::uint32_t begin, std::uint32_t end) {
  model::SourceRange source = map.source_range(begin, end);
  Range range{to_lsp(map, map.position_of_source(source.begin)), to_lsp(map, map.position_of_source(source.end))};
  if (range.end < range.start) range.end = range.start;
  return range;
}

nlohmann::json to_json(const Position& position) { return {{"line", position.line}, {"character", position.character}}; }

nlohmann::json to_json(const Range& range) { return {{"start", to_json(range.start)}, {"end", to_json(range.end)}}; }

Position position_from_json(const nlohmann::json& value) {
  return {value.at("line").get<std::uint32_t>(), value.at("character").get<std::uint32_t>()};
}

Range range_from_json(const nlohmann::json& value) { return {position_from_json(value.at("start")), position_from_json(value.at("end"))}; }

}  // namespace marginalia::lsp
