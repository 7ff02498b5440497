// SPDX-License-Identifier: MIT
// SHA-256 and its encodings: the TEI header's digest of the source file (hex) and the HTML
// report's Content-Security-Policy, which allows exactly the page's own inline style and
// script, named by their hashes (base64).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace marginalia::util {

/// The SHA-256 digest of `data` (FIPS 180-4).
std::array<std::uint8_t, 32> sha256(std::string_view data);
/// The digest of `data` as 64 lower-case hexadecimal digits.
std::string sha256_hex(std::string_view data);
/// Standard base64 (RFC 4648 §4) with padding.
std::string base64(const std::uint8_t* data, std::size_t size);
/// The CSP source expression for an inline element whose text is `content`: `'sha256-…'`.
std::string csp_hash_source(std::string_view content);

}  // namespace marginalia::util
