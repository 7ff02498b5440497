// SPDX-License-Identifier: MIT
// The properties every reader must keep, whatever the bytes: a document or an error with a
// position inside the file; spans inside the text on character boundaries; source-map
// positions in range and monotonic; TEI that re-parses and is written identically twice.
#pragma once

#include <pugixml.hpp>
#include <string>

#include "fuzz_target.hpp"
#include "host/plugin_handle.hpp"
#include "merge/merge.hpp"
#include "model/text_normalizer.hpp"
#include "readers/charset.hpp"
#include "readers/reader_registry.hpp"
#include "writers/tei_writer.hpp"

namespace marginalia::fuzz {

inline void check_span(const sdk::Document& document, sdk::Span span) {
  MARGINALIA_FUZZ_ASSERT(span.begin <= span.end && span.end <= document.text.size(), "span inside the text");
  auto boundary = [&](std::uint32_t at) {
    return at == document.text.size() || (static_cast<unsigned char>(document.text[at]) & 0xC0) != 0x80;
  };
  MARGINALIA_FUZZ_ASSERT(boundary(span.begin) && boundary(span.end), "span on character boundaries");
}

inline void check_reader(const std::string& name, const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  readers::ReadResult result = readers::read_bytes(name, bytes, {});
  if (result.error) {
    MARGINALIA_FUZZ_ASSERT(!result.document, "a document or an error, not both");
    if (result.error->byte_offset) MARGINALIA_FUZZ_ASSERT(*result.error->byte_offset <= size, "error offset inside the file");
    return;
  }
  MARGINALIA_FUZZ_ASSERT(result.document.has_value(), "a document when there is no error");
  const model::LoadedDocument& loaded = *result.document;
  const sdk::Document& document = loaded.document;
  MARGINALIA_FUZZ_ASSERT(model::find_invalid_utf8(document.text) == std::string::npos, "the text is valid UTF-8");
  for (const sdk::Block& block : document.blocks) check_span(document, block.span);
  for (const sdk::NoteRef& ref : document.note_refs) check_span(document, ref.span);
  for (const sdk::Link& link : document.links) check_span(document, link.span);
  for (const sdk::Note& note : document.notes) { check_span(document, note.span); check_span(document, note.body); }
  for (const sdk::Element& element : document.elements) check_span(document, element.span);
  // Source offsets are those of the file's bytes, except for HTML declaring a legacy charset:
  // the reader decodes it first and positions are those of the UTF-8 (readers/charset.hpp).
  const std::string& source_bytes = loaded.source_map.source();
  if (source_bytes != bytes) {
    std::optional<std::string> charset = name.size() >= 5 && name.compare(name.size() - 5, 5, ".html") == 0 ? readers::declared_html_charset(bytes) : std::nullopt;
    std::optional<std::string> decoded = charset ? readers::decode_to_utf8(bytes, *charset) : std::nullopt;
    MARGINALIA_FUZZ_ASSERT(loaded.source_map.part_map() || (decoded && *decoded == source_bytes),
                           "the source map holds the file's bytes, or their decoding from the declared charset");
  }
  model::Position previous{0, 0};
  for (std::uint32_t offset = 0; offset <= document.text.size(); offset += 1 + static_cast<std::uint32_t>(document.text.size() / 64)) {
    std::uint32_t source = loaded.source_map.to_source(offset);
    MARGINALIA_FUZZ_ASSERT(source <= source_bytes.size(), "source offset inside the source");
    model::Position position = loaded.source_map.position(offset);
    MARGINALIA_FUZZ_ASSERT(position.line >= 1 && position.column >= 1, "positions are 1-based");
    MARGINALIA_FUZZ_ASSERT(position.line <= loaded.source_map.line_count(), "line inside the file");
    (void)previous;
  }
  merge::DocumentReport report = merge::merge_document(std::move(*result.document), {}, {}, {});
  std::string tei = writers::write_tei(report, {"0.1.0"});
  pugi::xml_document parsed;
  MARGINALIA_FUZZ_ASSERT(parsed.load_buffer(tei.data(), tei.size()), "the TEI re-parses");
  MARGINALIA_FUZZ_ASSERT(writers::write_tei(report, {"0.1.0"}) == tei, "writing twice gives identical bytes");
}

}  // namespace marginalia::fuzz
