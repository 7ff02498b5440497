// SPDX-License-Identifier: MIT
// Which marginalia.json a command uses: the one --config names, or the nearest one above the
// inputs (core/config finds and validates it). All inputs of one run share one configuration,
// because plugins are configured once per run.
#pragma once

#include "cli/command_line.hpp"
#include "config/config.hpp"

namespace marginalia::cli {

/// The configuration for `line`: its file's settings, or defaults (empty `path`) when there is
/// none. Errors name the file and the JSON path of the bad key.
config::ConfigResult resolve_config(const CommandLine& line);

}  // namespace marginalia::cli
