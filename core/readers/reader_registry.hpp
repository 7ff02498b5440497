// SPDX-License-Identifier: MIT
// Picks the reader for a file and turns everything that can go wrong before parsing (missing
// file, directory, empty or binary file, bad encoding, size limit) into a `ReadError`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "readers/reader.hpp"

namespace marginalia::readers {

/// How to read inputs.
struct ReadOptions {
  /// Force a format ("text", "markdown", "tei", "html", "docx"); empty = by extension.
  std::string format;
  /// Files larger than this are refused with `reader/too-large`.
  std::uint64_t max_input_bytes = 256ull << 20;
};

/// The format a path would be read as ("text" when the extension says nothing).
std::string detect_format(std::string_view path);

/// True when the extension of `path` names a format (`.md`, `.txt`, `.xml`…); a folder walk
/// takes only such files, and a file without one is read as text with a `reader/assumed-text` note.
bool has_known_extension(std::string_view path);

/// The formats this build can read.
std::vector<std::string> supported_formats();

/// Reads `path` into a document, or says why not.
ReadResult read_document(const std::string& path, const ReadOptions& options);

/// Reads already-loaded bytes as if they came from `path` (used by tests and the worker).
ReadResult read_bytes(const std::string& path, std::string bytes, const ReadOptions& options);

}  // namespace marginalia::readers
