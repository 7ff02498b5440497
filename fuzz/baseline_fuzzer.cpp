// SPDX-License-Identifier: MIT
// JSON text → the baseline loader: a baseline or an error naming the file, never both, never a
// throw; an accepted baseline serialises to text that loads back to the same entries.
#include <string_view>

#include "fuzz_target.hpp"
#include "merge/baseline.hpp"

using marginalia::merge::Baseline;
using marginalia::merge::BaselineLoad;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  BaselineLoad load = Baseline::parse(text, "/fuzz/baseline.json");
  MARGINALIA_FUZZ_ASSERT(load.baseline.has_value() != !load.error.empty(), "a baseline or an error, not both");
  if (!load.baseline) {
    MARGINALIA_FUZZ_ASSERT(load.error.rfind("/fuzz/baseline.json: ", 0) == 0, "the error names the file");
    return 0;
  }
  std::string written = load.baseline->serialize();
  BaselineLoad again = Baseline::parse(written, "/fuzz/baseline.json");
  MARGINALIA_FUZZ_ASSERT(again.baseline.has_value(), "a written baseline loads");
  MARGINALIA_FUZZ_ASSERT(again.baseline->serialize() == written, "writing is stable");
  return 0;
}
