// SPDX-License-Identifier: MIT
// Positions as the Language Server Protocol counts them: 0-based lines and, within a line,
// UTF-16 code units (a character outside the Basic Multilingual Plane, 𝔸 or an emoji, counts
// two), converted from the core's 1-based line:column in code points (core/model/source_map).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

#include "model/source_map.hpp"

namespace marginalia::lsp {

/// An LSP position: 0-based line, UTF-16 code units into the line.
struct Position {
  std::uint32_t line = 0;
  std::uint32_t character = 0;
  friend bool operator<(const Position& a, const Position& b) {
    return a.line < b.line || (a.line == b.line && a.character < b.character);
  }
  friend bool operator<=(const Position& a, const Position& b) { return !(b < a); }
};

/// An LSP range; `end` is exclusive.
struct Range {
  Position start, end;
};

/// UTF-16 code units in the first `code_points` code points of `line` (malformed bytes count one).
std::uint32_t utf16_units(std::string_view line, std::uint32_t code_points);

/// The LSP position of a core position in the file `map` was built over.
Position to_lsp(const model::SourceMap& map, model::Position position);

/// The LSP range of text offsets [begin, end) of a document (its source map's text offsets).
Range text_range(const model::SourceMap& map, std::uint32_t begin, std::uint32_t end);

nlohmann::json to_json(const Position& position);
nlohmann::json to_json(const Range& range);
/// Reads {"line", "character"}; throws nlohmann::json::exception when malformed.
Position position_from_json(const nlohmann::json& value);
/// Reads {"start", "end"}; throws nlohmann::json::exception when malformed.
Range range_from_json(const nlohmann::json& value);

}  // namespace marginalia::lsp
