// SPDX-License-Identifier: MIT
// How plugins load and run for a command: in worker processes, one pool per plugin (the
// default, `--isolation process`), or in this process (`--isolation none`, for debugging a
// plugin under a debugger). The loader and the runner must agree, so both come from here.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "cli/command_line.hpp"
#include "host/plugin_loader.hpp"
#include "host/plugin_runner.hpp"

namespace marginalia::cli {

/// True unless the command line asks for `--isolation none`.
bool isolation_enabled(const CommandLine& line);

/// The worker binary: `<bin>/../lib/marginalia/marginalia-worker` when present, else this binary.
std::string worker_executable();

/// How the plugin registry loads each library: in a probe worker when isolation is on (no
/// plugin code runs in the host), otherwise with `dlopen` in this process.
std::function<host::LoadResult(const std::string& path)> make_plugin_loader(const CommandLine& line);

/// The plugin runner for a check run; `error` is set (and nullptr returned) on a bad setting.
std::unique_ptr<host::PluginRunner> make_plugin_runner(const CommandLine& line, std::string& error);

}  // namespace marginalia::cli
