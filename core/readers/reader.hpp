// SPDX-License-Identifier: MIT
// Readers turn an input file into the one document model (core/model). Each format has one
// reader function; `reader_registry` picks it by extension or content and turns file-system and
// encoding problems into `ReadError` values that name the file and the position.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/document.hpp"
#include "model/text_normalizer.hpp"
#include "util/problem.hpp"

namespace marginalia::readers {

/// Why a file could not be read: a value, never an exception; the code is `reader/…`.
using ReadError = util::Problem;

/// A document or the reason there is none.
struct ReadResult {
  std::optional<model::LoadedDocument> document;
  std::optional<ReadError> error;
};

/// What every text-based reader receives: the file's bytes and their normalised text.
struct ReaderInput {
  std::string path;
  /// The raw file bytes (for the source map).
  std::string bytes;
  /// The validated, normalised text readers parse.
  model::NormalizedInput input;
};

/// A source map over the input's bytes with the normaliser's breaks installed.
model::SourceMap make_source_map(const ReaderInput& input);

/// Plain-text reports (the seed's layout).
ReadResult read_plain_text(const ReaderInput& input);
/// CommonMark + GFM Markdown (cmark-gfm).
ReadResult read_markdown(const ReaderInput& input);
/// TEI P5 XML (pugixml); other XML is read generically, one paragraph per element with text.
ReadResult read_tei(const ReaderInput& input);
/// HTML (libxml2's HTML parser, no network, recovering from errors).
ReadResult read_html(const ReaderInput& input);
/// Word DOCX (libzip, in memory, with size, ratio and entry limits); `input.bytes` only.
ReadResult read_docx(const ReaderInput& input);

}  // namespace marginalia::readers
