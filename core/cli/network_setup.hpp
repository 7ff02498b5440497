// SPDX-License-Identifier: MIT
// The run's network service, built from the command line: offline, or libcurl under the
// address policy, limits and cache the user chose.
#pragma once

#include <memory>
#include <string>

#include "cli/command_line.hpp"
#include "net/fetch_service.hpp"

namespace marginalia::cli {

/// The fetch service for a check run; `error` is set (and nullptr returned) on a bad setting.
std::unique_ptr<net::FetchService> make_fetch_service(const CommandLine& line, std::string& error);

}  // namespace marginalia::cli
