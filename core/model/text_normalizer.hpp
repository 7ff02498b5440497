// SPDX-License-Identifier: MIT
// The boundary where file bytes become text: every reader's input passes through here once,
// so the document model is valid UTF-8 by construction. Rejects binary files, other encodings
// and malformed UTF-8 with the byte offset; removes a BOM, turns CRLF and lone CR into LF and
// replaces NUL, C0 controls and the non-characters U+FFFE/U+FFFF with U+FFFD.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace marginalia::model {

/// The normalised text of an input file and how it maps back to the file's bytes.
struct NormalizedInput {
  /// Valid UTF-8, LF line ends, no BOM, no control characters but TAB and LF.
  std::string text;
  /// (text offset, source offset) pairs starting runs that advance together; see SourceMap.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> breaks;
  /// Text offsets of each U+FFFD that replaced a control character, with the original code point.
  std::vector<std::pair<std::uint32_t, char32_t>> replaced;
};

/// Why input bytes could not be taken as text.
struct EncodingError {
  /// Byte offset in the file of the first offending byte.
  std::uint64_t byte_offset = 0;
  /// Stable code: "reader/binary-file", "reader/invalid-utf8", "reader/unsupported-encoding".
  std::string code;
  /// What is wrong, lower-case, no trailing period.
  std::string message;
};

/// The result of normalisation: `ok` tells which member is meaningful.
struct NormalizeResult {
  bool ok = false;
  NormalizedInput input;
  EncodingError error;
};

/// Validates and normalises `bytes` as described above.
NormalizeResult normalize_input(std::string_view bytes);

/// `text` with every byte that is not part of well-formed UTF-8 replaced by U+FFFD.
std::string make_valid_utf8(std::string_view text);

/// Offset of the first byte that is not part of well-formed UTF-8, or `npos` when all are.
std::size_t find_invalid_utf8(std::string_view bytes);

}  // namespace marginalia::model
