// SPDX-License-Identifier: MIT
// The plugin worker's side of isolation (`marginalia __worker`): load one plugin library, say
// hello with its info, then apply options and check documents as the host asks, until the host
// closes the request channel. Whatever the plugin does (crash, hang, print, exit) happens in
// this process; the host turns it into one `host/…` finding. The host side is
// worker_process.hpp and worker_plugin.hpp; the frames are in worker_protocol.hpp.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace marginalia::host {

/// What the host passes on the worker's command line.
struct WorkerArguments {
  /// The plugin library to load.
  std::string plugin_path;
  /// The host's pid: the worker quits at once if its parent is already gone.
  pid_t parent = 0;
  /// RLIMIT_AS while loading, bytes; 0 = unlimited. Each check request may change it.
  unsigned long long memory_limit_bytes = 0;
};

/// Parses `--protocol N --plugin PATH --parent PID --memory-limit BYTES`; false with `error` set
/// otherwise, also when N is not this build's protocol version.
bool parse_worker_arguments(const std::vector<std::string>& args, WorkerArguments& arguments, std::string& error);

/// Serves the host on fds 3 and 4 until it closes fd 3, then ends the process with `_exit`
/// (plugin static destructors never run). Never returns.
[[noreturn]] void serve_plugin(const WorkerArguments& arguments);

}  // namespace marginalia::host
