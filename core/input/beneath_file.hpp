// SPDX-License-Identifier: MIT
// Reads a file named relative to a folder so that it cannot resolve outside the folder, links
// followed: with openat2(RESOLVE_BENEATH) where the kernel has it (Linux 5.6+; the check and the
// open are one step, so nothing can swap a link in between), else by comparing canonical paths
// and opening the canonical path without following links. Absolute names, "..", and links (to a
// file or a folder) that leave the folder are refused; so are devices, FIFOs and folders.
#pragma once

#include <cstdint>
#include <string>

namespace marginalia::input {

/// What happened to one file.
enum class BeneathStatus {
  ok,
  missing,      ///< no such file
  outside,      ///< resolves outside the folder (absolute, "..", a link leaving it)
  not_regular,  ///< a folder, device, FIFO or socket
  too_large,    ///< larger than the cap
  unreadable,   ///< any other error; `detail` says which
};

/// A file's bytes, or why there are none.
struct BeneathFile {
  BeneathStatus status = BeneathStatus::missing;
  std::string bytes;
  /// For `unreadable`: the system's reason.
  std::string detail;
};

/// Reads `name` inside `folder` (at most `max_bytes`). With `read` false only checks it.
BeneathFile read_beneath(const std::string& folder, const std::string& name, std::uint64_t max_bytes, bool read = true);

/// The same through the canonical-path fallback, whatever the kernel offers (for tests).
BeneathFile read_beneath_by_canonical_path(const std::string& folder, const std::string& name, std::uint64_t max_bytes);

/// True when the running kernel offers openat2 (false: the canonical-path fallback is used).
bool has_openat2();

/// "resolves outside the folder", "is not a regular file"… for messages.
const char* describe(BeneathStatus status);

}  // namespace marginalia::input
