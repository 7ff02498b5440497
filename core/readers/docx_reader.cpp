// SPDX-License-Identifier: MIT
#include "readers/reader.hpp"

namespace marginalia::readers {

ReadResult read_docx(const ReaderInput& input) {
  ReadResult result;
  result.error = ReadError{input.path, 0, 0, std::nullopt, "reader/unsupported-format", "not yet"};
  return result;
}

}  // namespace marginalia::readers
