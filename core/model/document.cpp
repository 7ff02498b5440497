// SPDX-License-Identifier: MIT
#include "model/document.hpp"

#include <algorithm>

#include "marginalia/sdk/text.hpp"
#include "model/text_normalizer.hpp"

namespace marginalia::model {

DocumentBuilder::DocumentBuilder(std::string path, std::string format, SourceMap source_map)
    : source_map_(std::move(source_map)) {
  document_.path = std::move(path);
  document_.format = std::move(format);
}

// Readers hand over pieces of a parser's output; a parser that splits a character (cmark-gfm
// does on some malformed footnote labels) must not break the model's valid-UTF-8 invariant.
void DocumentBuilder::append(std::string_view text, std::uint32_t input_begin) {
  if (text.empty()) return;
  if (find_invalid_utf8(text) != std::string_view::npos) {
    append_replacing(make_valid_utf8(text), input_begin, static_cast<std::uint32_t>(text.size()));
    return;
  }
  source_map_.add_segment(offset(), static_cast<std::uint32_t>(text.size()), input_begin);
  document_.text.append(text);
}

void DocumentBuilder::append_replacing(std::string_view text, std::uint32_t input_begin, std::uint32_t input_length) {
  if (text.empty()) return;
  if (find_invalid_utf8(text) != std::string_view::npos) {
    std::string valid = make_valid_utf8(text);
    source_map_.add_segment(offset(), static_cast<std::uint32_t>(valid.size()), input_begin, input_length);
    document_.text.append(valid);
    return;
  }
  source_map_.add_segment(offset(), static_cast<std::uint32_t>(text.size()), input_begin, input_length);
  document_.text.append(text);
}

void DocumentBuilder::append_synthetic(std::string_view text) { document_.text.append(make_valid_utf8(text)); }

void DocumentBuilder::begin_block(sdk::BlockKind kind, int level, std::string number) {
  if (in_block_) end_block();
  document_.blocks.push_back({kind, {offset(), offset()}, level, std::move(number)});
  in_block_ = true;
}

void DocumentBuilder::end_block() {
  if (!in_block_) return;
  sdk::Block& block = document_.blocks.back();
  block.span.end = offset();
  block.span = trim_span(document_.text, block.span);
  in_block_ = false;
}

void DocumentBuilder::separate_blocks() {
  const std::string& text = document_.text;
  if (text.empty()) return;
  if (text.size() >= 2 && text.compare(text.size() - 2, 2, "\n\n") == 0) return;
  append_synthetic(text.back() == '\n' ? "\n" : "\n\n");
}

void DocumentBuilder::set_metadata(std::string name, std::string value) {
  for (sdk::Attribute& entry : document_.metadata)
    if (entry.name == name) { entry.value = std::move(value); return; }
  document_.metadata.push_back({std::move(name), std::move(value)});
}

LoadedDocument DocumentBuilder::finish() {
  end_block();
  auto by_span = [](const auto& a, const auto& b) { return a.span < b.span; };
  std::stable_sort(document_.blocks.begin(), document_.blocks.end(), [](const sdk::Block& a, const sdk::Block& b) {
    // Notes stay after the body whatever their offsets (Markdown definitions may sit anywhere).
    bool a_note = a.kind == sdk::BlockKind::note, b_note = b.kind == sdk::BlockKind::note;
    if (a_note != b_note) return b_note;
    return a.span.begin < b.span.begin;
  });
  std::stable_sort(document_.links.begin(), document_.links.end(), by_span);
  std::stable_sort(document_.note_refs.begin(), document_.note_refs.end(), by_span);
  std::stable_sort(document_.elements.begin(), document_.elements.end(), by_span);
  // Blocks with nothing left after trimming carry no text to check.
  document_.blocks.erase(std::remove_if(document_.blocks.begin(), document_.blocks.end(),
                                        [](const sdk::Block& b) { return b.span.empty() && b.kind != sdk::BlockKind::note; }),
                         document_.blocks.end());
  return LoadedDocument{std::move(document_), std::move(source_map_), std::move(findings_), std::move(directives_)};
}

sdk::Span trim_span(std::string_view text, sdk::Span span) {
  std::size_t begin = span.begin, end = span.end;
  while (begin < end) {
    std::size_t cursor = begin;
    char32_t c = sdk::next_code_point(text, cursor);
    if (!sdk::is_space(c) || cursor > end) break;
    begin = cursor;
  }
  while (end > begin) {
    std::size_t cursor = end;
    char32_t c = sdk::previous_code_point(text, cursor);
    if (!sdk::is_space(c)) break;
    end = cursor;
  }
  return {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
}

}  // namespace marginalia::model
