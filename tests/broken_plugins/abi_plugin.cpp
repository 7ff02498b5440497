// SPDX-License-Identifier: MIT
// A library that looks like a plugin but is not one this host may load: it exports the API
// version ABI_VERSION (another major, a newer minor) or lacks the entry points
// (NO_ABI_SYMBOL, HAS_FACTORY=0). The host must refuse it before calling anything but
// `marginalia_plugin_abi`, naming the file and both versions.
#include <cstdint>
#include <marginalia/sdk/sdk.hpp>

#if !defined(NO_ABI_SYMBOL)
extern "C" MARGINALIA_PLUGIN_EXPORT std::uint32_t marginalia_plugin_abi() { return ABI_VERSION; }
#endif

#if HAS_FACTORY
// Never called: the version check comes first.
extern "C" MARGINALIA_PLUGIN_EXPORT marginalia::sdk::Plugin* marginalia_plugin_create() { return nullptr; }
extern "C" MARGINALIA_PLUGIN_EXPORT void marginalia_plugin_destroy(marginalia::sdk::Plugin*) {}
#else
// Something to export, so the library is a valid shared object.
extern "C" MARGINALIA_PLUGIN_EXPORT int marginalia_fixture_unrelated_symbol() { return 0; }
#endif
