// SPDX-License-Identifier: MIT
// A plugin that claims to be built for plugin API 2.0: the host must refuse it before calling
// anything else, naming the file and both versions.
#include <marginalia/sdk/sdk.hpp>

extern "C" MARGINALIA_PLUGIN_EXPORT std::uint32_t marginalia_plugin_abi() { return (2u << 16) | 0u; }
extern "C" MARGINALIA_PLUGIN_EXPORT marginalia::sdk::Plugin* marginalia_plugin_create() {
  __builtin_trap();  // must never be called
}
extern "C" MARGINALIA_PLUGIN_EXPORT void marginalia_plugin_destroy(marginalia::sdk::Plugin*) {}
