// SPDX-License-Identifier: MIT
// How plugins run for a check: in a worker process per plugin (the default) or in-process
// (`--isolation none`).
#pragma once

#include <memory>
#include <string>

#include "cli/command_line.hpp"
#include "host/plugin_runner.hpp"

namespace marginalia::cli {

/// The plugin runner for a check run; `error` is set (and nullptr returned) on a bad setting.
std::unique_ptr<host::PluginRunner> make_plugin_runner(const CommandLine& line, std::string& error);

}  // namespace marginalia::cli
