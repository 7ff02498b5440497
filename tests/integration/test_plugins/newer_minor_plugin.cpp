// SPDX-License-Identifier: MIT
// A plugin built for a newer minor version of the API (1.99) than the host provides.
#include <marginalia/sdk/sdk.hpp>

extern "C" MARGINALIA_PLUGIN_EXPORT std::uint32_t marginalia_plugin_abi() {
  return (std::uint32_t{MARGINALIA_SDK_VERSION_MAJOR} << 16) | 99u;
}
extern "C" MARGINALIA_PLUGIN_EXPORT marginalia::sdk::Plugin* marginalia_plugin_create() { __builtin_trap(); }
extern "C" MARGINALIA_PLUGIN_EXPORT void marginalia_plugin_destroy(marginalia::sdk::Plugin*) {}
