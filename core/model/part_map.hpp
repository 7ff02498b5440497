// SPDX-License-Identifier: MIT
// For inputs that are packages of XML parts (DOCX), the source map's rendering (one line per
// paragraph) is not the file: the part map says which element of which part each piece of the
// rendering came from, so a writer can go back from a finding to the exact run and character
// (core/writers/docx_annotator). Readers of text formats leave it empty.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace marginalia::model {

/// One piece of the rendering and the XML element it came from.
struct PartPiece {
  /// Where the piece starts in the rendering (`SourceMap::source()`), in bytes.
  std::uint32_t source_begin = 0;
  /// Its length in the rendering, in bytes; 0 for an empty paragraph (the element is the w:p).
  std::uint32_t length = 0;
  /// Index of the part in `PartMap::parts`.
  std::uint32_t part = 0;
  /// Byte offset of the element's name in the part's XML (what pugixml's `offset_debug` gives).
  std::uint32_t element = 0;
};

/// Where each piece of a package document's rendering came from.
struct PartMap {
  /// Part names inside the package ("word/document.xml", "word/footnotes.xml"…).
  std::vector<std::string> parts;
  /// Pieces sorted by `source_begin`.
  std::vector<PartPiece> pieces;
  /// `fingerprint()` of the package bytes that were read, to refuse a file changed since.
  std::uint64_t input_fingerprint = 0;

  /// Index of the first piece ending after `source_offset` (the one holding it, or the next);
  /// `pieces.size()` when none does.
  std::size_t first_ending_after(std::uint32_t source_offset) const;
};

/// A 64-bit FNV-1a hash of `bytes`.
std::uint64_t fingerprint(std::string_view bytes);

}  // namespace marginalia::model
