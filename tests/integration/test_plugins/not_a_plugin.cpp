// SPDX-License-Identifier: MIT
// A shared library that is not a marginalia plugin (no marginalia_plugin_abi).
extern "C" __attribute__((visibility("default"))) int some_other_library_function() { return 42; }
