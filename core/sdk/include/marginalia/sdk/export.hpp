// SPDX-License-Identifier: MIT
/// @file export.hpp
/// `MARGINALIA_PLUGIN(Type)`: exports a plugin class from its shared library.
///
/// The macro defines three C-linkage functions the host looks up by name:
/// - `marginalia_plugin_abi()` returns the API version the plugin was built against; the host
///   calls it first, before any other plugin code, and refuses incompatible versions;
/// - `marginalia_plugin_create()` returns a new instance (nullptr if the constructor threw);
/// - `marginalia_plugin_destroy(p)` deletes it inside the library that allocated it.
#pragma once

#include <cstdint>

#include "marginalia/sdk/plugin.hpp"
#include "marginalia/sdk/version.hpp"

/// Marks a symbol as exported from a plugin built with hidden visibility.
#define MARGINALIA_PLUGIN_EXPORT __attribute__((visibility("default")))

/// Exports `Type` (a default-constructible `marginalia::sdk::Plugin`) as this library's plugin.
#define MARGINALIA_PLUGIN(Type)                                                              \
  extern "C" MARGINALIA_PLUGIN_EXPORT std::uint32_t marginalia_plugin_abi() {                 \
    return ::marginalia::sdk::api_version;                                                    \
  }                                                                                           \
  extern "C" MARGINALIA_PLUGIN_EXPORT ::marginalia::sdk::Plugin* marginalia_plugin_create() { \
    try {                                                                                     \
      return new Type();                                                                      \
    } catch (...) {                                                                           \
      return nullptr;                                                                         \
    }                                                                                         \
  }                                                                                           \
  extern "C" MARGINALIA_PLUGIN_EXPORT void marginalia_plugin_destroy(                        \
      ::marginalia::sdk::Plugin* plugin) {                                                    \
    delete plugin;                                                                            \
  }
