// SPDX-License-Identifier: MIT
// Every fuzz target defines this libFuzzer entry point. Properties beyond "no crash" are checked
// with MARGINALIA_FUZZ_ASSERT, which aborts so that both libFuzzer and the replay test see it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

#define MARGINALIA_FUZZ_ASSERT(condition, what)                                   \
  do {                                                                           \
    if (!(condition)) {                                                          \
      std::fprintf(stderr, "fuzz property violated: %s (%s:%d)\n", what, __FILE__, __LINE__); \
      std::abort();                                                              \
    }                                                                            \
  } while (0)
