// SPDX-License-Identifier: MIT
// Writing output files so that nothing is ever lost: a path holds either its complete old
// contents or its complete new contents, never a partial file. The data goes to a temporary
// file in the same folder (O_EXCL), is fsync'ed, renamed over the target, and the folder is
// fsync'ed; temporary files are removed on failure and on SIGINT/SIGTERM/SIGHUP.
#pragma once

#include <string>
#include <string_view>

namespace marginalia::writers {

/// Writes `contents` to `path` atomically. Returns an empty string on success, otherwise a
/// message naming the path and the reason. "-" writes to standard output (not atomic); so are a
/// device, a FIFO, a socket and a descriptor link (/dev/stdout, /proc/self/fd/N), written in
/// place and never replaced.
std::string write_file_atomically(const std::string& path, std::string_view contents);

/// Installs the signal handlers that remove temporary files; idempotent. A signal the process
/// inherited as ignored stays ignored.
void install_temp_file_cleanup();

}  // namespace marginalia::writers
