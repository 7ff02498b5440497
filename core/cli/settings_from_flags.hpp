// SPDX-License-Identifier: MIT
// The command line's flags as session settings: the one place where a flag becomes a setting,
// so that `check`, `plugins`, `explain` and `init` read the plugin flags alike. What is only
// about the terminal (colour, the report's file) stays in the commands.
#pragma once

#include <string>

#include "cli/command_line.hpp"
#include "net/fetch_settings.hpp"
#include "session/run_settings.hpp"
#include "util/problem.hpp"

namespace marginalia::cli {

/// Everything but the network flags, which only `check` reads (`network_from_flags`).
session::RunSettings settings_from_flags(const CommandLine& line);

/// --allow-net, --net, --no-cache/--cache-file and the progress bar as fetch settings; a bad
/// range or setting is a problem naming the flag.
util::Result<net::FetchSettings> network_from_flags(const CommandLine& line);

/// The cache file used when neither --cache-file nor --no-cache is given:
/// $XDG_CACHE_HOME/marginalia/urls.sqlite, else ~/.cache/marginalia/urls.sqlite; empty when
/// neither variable is set.
std::string default_cache_file();

}  // namespace marginalia::cli
