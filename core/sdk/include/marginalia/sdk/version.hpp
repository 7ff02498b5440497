// SPDX-License-Identifier: MIT
/// @file version.hpp
/// The SDK API version a plugin is built against, and the versioned namespace.
///
/// The version follows semantic versioning: the host loads plugins built for the same major
/// version and an equal or older minor version. The public namespace is
/// `marginalia::sdk::v<MAJOR>` (inline), so a plugin built against another major version fails
/// to link against this host instead of misbehaving at run time.
#pragma once

#include <cstdint>

/// Major version of the plugin API: bumped on any incompatible change.
#define MARGINALIA_SDK_VERSION_MAJOR 1
/// Minor version of the plugin API: bumped when something is appended compatibly.
#define MARGINALIA_SDK_VERSION_MINOR 1
/// Patch version of the SDK: documentation, fixes and header-only helpers that ask nothing of the
/// host (`CodeTable`, 1.0.1); not part of `api_version`, so it never makes a host refuse a plugin.
/// Reset to 0 with 1.1 (FetchOutcome::bad_response appended); 1.1.1 adds the text utilities
/// (segment.hpp, unicode.hpp), compiled into each plugin from the SDK's static library; 1.1.2
/// adds SentenceContext, ends_sentence, starts_sentence and unicode::to_lower/to_upper to them.
#define MARGINALIA_SDK_VERSION_PATCH 2

/// The inline namespace that carries the major version (`v1`).
#define MARGINALIA_SDK_NAMESPACE v1

namespace marginalia::sdk {
inline namespace MARGINALIA_SDK_NAMESPACE {

/// The API version packed as `major << 16 | minor`, as exported by `marginalia_plugin_abi()`.
inline constexpr std::uint32_t api_version =
    (std::uint32_t{MARGINALIA_SDK_VERSION_MAJOR} << 16) | std::uint32_t{MARGINALIA_SDK_VERSION_MINOR};

/// The major part of a packed API version.
constexpr std::uint32_t api_major(std::uint32_t packed) { return packed >> 16; }

/// The minor part of a packed API version.
constexpr std::uint32_t api_minor(std::uint32_t packed) { return packed & 0xFFFFu; }

/// True when a host of version `host` can load a plugin built for `plugin`:
/// same major, and the plugin's minor is not newer than the host's.
constexpr bool api_compatible(std::uint32_t host, std::uint32_t plugin) {
  return api_major(host) == api_major(plugin) && api_minor(plugin) <= api_minor(host);
}

}  // namespace MARGINALIA_SDK_NAMESPACE
}  // namespace marginalia::sdk
