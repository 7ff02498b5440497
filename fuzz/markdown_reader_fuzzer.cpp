// SPDX-License-Identifier: MIT
#include "reader_properties.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  marginalia::fuzz::check_reader("fuzz.md", data, size);
  return 0;
}
