// SPDX-License-Identifier: MIT
// A whole file's bytes, for the writers that edit an input in place (--fix, --annotate).
#pragma once

#include <string>

namespace marginalia::util {

/// Reads every byte of `path` into `bytes`; false when it cannot be opened or read.
bool read_file_bytes(const std::string& path, std::string& bytes);

}  // namespace marginalia::util
