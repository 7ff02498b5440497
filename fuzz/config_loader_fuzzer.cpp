// SPDX-License-Identifier: MIT
// marginalia.json text → the configuration loader: a configuration or errors, never both, never a
// throw or a crash (deep nesting included); every error names the file and is either a position
// (line:column, for syntax) or a JSON pointer.
#include <string_view>

#include "config/config.hpp"
#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  marginalia::config::ConfigResult result = marginalia::config::parse_config(text, "/fuzz/marginalia.json");
  MARGINALIA_FUZZ_ASSERT(result.config.has_value() == result.errors.empty(), "a configuration or errors, not both");
  for (const marginalia::config::ConfigError& error : result.errors) {
    MARGINALIA_FUZZ_ASSERT(error.file == "/fuzz/marginalia.json", "errors name the file");
    MARGINALIA_FUZZ_ASSERT(error.pointer.empty() || error.pointer[0] == '/', "pointers are JSON pointers");
    MARGINALIA_FUZZ_ASSERT(!error.message.empty(), "every error says what is wrong");
    MARGINALIA_FUZZ_ASSERT(error.line == 0 || error.column > 0, "positions are 1-based");
  }
  return 0;
}
