// SPDX-License-Identifier: MIT
// The run's network service, built from the command line: offline, or libcurl under the
// address policy, limits and cache the user chose. The plugin worker process calls this too,
// with the same network flags forwarded, so both sides build the same service.
#pragma once

#include <memory>
#include <string>

#include "cli/command_line.hpp"
#include "net/fetch_service.hpp"
#include "net/fetch_settings.hpp"

namespace marginalia::cli {

/// The fetch service for a check run; `error` is set (and nullptr returned) on a bad setting.
std::unique_ptr<net::FetchService> make_fetch_service(const CommandLine& line, std::string& error);

/// The settings `make_fetch_service` uses for `line` (without the offline switch); `error` set
/// on a bad --allow-net range or --net setting.
bool network_settings(const CommandLine& line, net::FetchSettings& settings, std::string& error);

/// The cache file used when neither --cache-file nor --no-cache is given:
/// $XDG_CACHE_HOME/marginalia/urls.sqlite, else ~/.cache/marginalia/urls.sqlite; empty when
/// neither variable is set.
std::string default_cache_file();

}  // namespace marginalia::cli
