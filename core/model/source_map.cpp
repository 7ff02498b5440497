// SPDX-License-Identifier: MIT
#include "model/source_map.hpp"

#include <algorithm>

namespace marginalia::model {

SourceMap::SourceMap(std::string source) : source_(std::move(source)), code_points_(source_) {
  // A BOM is invisible in every editor, so line 1 starts after it.
  std::uint32_t start = source_.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  line_starts_.push_back(start);
  for (std::uint32_t i = start; i < source_.size(); ++i) {
    char c = source_[i];
    if (c == '\n') {
      line_starts_.push_back(i + 1);
    } else if (c == '\r') {
      if (i + 1 < source_.size() && source_[i + 1] == '\n') continue;  // CRLF ends at the LF
      line_starts_.push_back(i + 1);
    }
  }
}

void SourceMap::add_segment(std::uint32_t text_begin, std::uint32_t length, std::uint32_t source_begin,
                            std::uint32_t source_length) {
  if (!segments_.empty()) {
    Segment& last = segments_.back();
    // Merge verbatim runs so maps of plain text stay tiny.
    if (last.text_length == last.source_length && length == source_length &&
        last.text_begin + last.text_length == text_begin &&
        last.source_begin + last.source_length == source_begin) {
      last.text_length += length;
      last.source_length += source_length;
      return;
    }
  }
  segments_.push_back({text_begin, length, source_begin, source_length});
}

std::uint32_t SourceMap::input_to_source(std::uint32_t input_offset) const {
  if (input_breaks_.empty()) return input_offset;
  auto after = std::upper_bound(input_breaks_.begin(), input_breaks_.end(), input_offset,
                                [](std::uint32_t offset, const auto& b) { return offset < b.first; });
  if (after == input_breaks_.begin()) return input_offset;
  const auto& run = *(after - 1);
  std::uint32_t source = run.second + (input_offset - run.first);
  // An expansion (a control character became U+FFFD) must not run past the next run's start.
  if (after != input_breaks_.end()) source = std::min(source, after->second);
  return source;
}

std::uint32_t SourceMap::to_source(std::uint32_t text_offset) const {
  return std::min<std::uint32_t>(input_to_source(text_to_input(text_offset)), static_cast<std::uint32_t>(source_.size()));
}

std::uint32_t SourceMap::text_to_input(std::uint32_t text_offset) const {
  if (segments_.empty()) return text_offset;
  auto after = std::upper_bound(segments_.begin(), segments_.end(), text_offset,
                                [](std::uint32_t offset, const Segment& s) { return offset < s.text_begin; });
  if (after == segments_.begin()) return segments_.front().source_begin;
  const Segment& segment = *(after - 1);
  std::uint32_t delta = text_offset - segment.text_begin;
  if (delta >= segment.text_length) return segment.source_begin + segment.source_length;
  if (segment.text_length != segment.source_length) return segment.source_begin;
  return segment.source_begin + delta;
}

std::uint32_t SourceMap::text_to_input_after(std::uint32_t text_offset) const {
  if (segments_.empty()) return text_offset + 1;
  auto after = std::upper_bound(segments_.begin(), segments_.end(), text_offset,
                                [](std::uint32_t offset, const Segment& s) { return offset < s.text_begin; });
  if (after == segments_.begin()) return segments_.front().source_begin;
  const Segment& segment = *(after - 1);
  std::uint32_t delta = text_offset - segment.text_begin;
  if (delta >= segment.text_length || segment.text_length != segment.source_length) return segment.source_begin + segment.source_length;
  return segment.source_begin + delta + 1;
}

SourceRange SourceMap::source_range(std::uint32_t text_begin, std::uint32_t text_end) const {
  std::uint32_t begin = to_source(text_begin);
  if (text_end <= text_begin) return {begin, begin};
  // The end is taken from the last byte, not from `text_end`: that offset may already belong to
  // the next piece, after the markup that closes this one.
  std::uint32_t after_last = text_to_input_after(text_end - 1);
  std::uint32_t last_input = after_last > 0 ? after_last - 1 : 0;
  std::uint32_t end = input_to_source(last_input) + 1;
  // A last byte that stands for a CRLF (or another expansion) ends where the next run starts.
  std::uint32_t after = input_to_source(last_input + 1);
  if (after > end) end = after;
  end = std::min<std::uint32_t>(end, static_cast<std::uint32_t>(source_.size()));
  return {begin, std::max(begin, end)};
}

bool SourceMap::copies_verbatim(std::string_view text, std::uint32_t text_begin, std::uint32_t text_end) const {
  if (text_end > text.size() || text_begin > text_end) return false;
  if (text_begin == text_end) {
    // A point between two pieces (markup, a separator) has no single place in the file.
    if (text_begin == 0 || text_begin >= text.size()) return false;
    return to_source(text_begin - 1) + 1 == to_source(text_begin) && to_source(text_begin) + 1 == to_source(text_begin + 1);
  }
  SourceRange range = source_range(text_begin, text_end);
  if (range.end - range.begin != text_end - text_begin) return false;
  for (std::uint32_t i = text_begin; i < text_end; ++i)
    if (to_source(i) != range.begin + (i - text_begin) || source_[to_source(i)] != text[i]) return false;
  return true;
}

Position SourceMap::position_of_source(std::uint32_t source_offset) const {
  source_offset = std::min<std::uint32_t>(source_offset, static_cast<std::uint32_t>(source_.size()));
  auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), source_offset);
  std::size_t line_index = after == line_starts_.begin() ? 0 : static_cast<std::size_t>(after - line_starts_.begin()) - 1;
  std::uint32_t line_start = line_starts_[line_index];
  std::uint32_t column = 1 + code_points_.between(source_, line_start, source_offset);
  return {static_cast<std::uint32_t>(line_index + 1), column};
}

std::size_t SourceMap::column_offset(std::uint32_t line, std::uint32_t column) const {
  std::string_view text = line_text(line);
  if (text.empty() || column <= 1) return 0;
  std::uint32_t begin = static_cast<std::uint32_t>(text.data() - source_.data());
  std::uint32_t end = begin + static_cast<std::uint32_t>(text.size());
  std::uint32_t target = code_points_.before(source_, begin) + column - 1;
  return code_points_.offset_of(source_, begin, end, target) - begin;
}

std::string_view SourceMap::line_text(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  std::uint32_t begin = line_starts_[line - 1];
  std::uint32_t end = line < line_starts_.size() ? line_starts_[line] : static_cast<std::uint32_t>(source_.size());
  std::string_view text(source_.data() + begin, end - begin);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

}  // namespace marginalia::model
