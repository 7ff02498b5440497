// SPDX-License-Identifier: MIT
// The commands of the marginalia binary, one file each.
#pragma once

#include "cli/command_line.hpp"
#include "cli/exit_codes.hpp"
#include "marginalia/sdk/version.hpp"

namespace marginalia::cli {

ExitCode run_check_command(const CommandLine& line);
/// Combines the JSON or SARIF results of a `--shard K/N` run's jobs into one file.
ExitCode run_merge_command(const CommandLine& line);
ExitCode run_plugins_command(const CommandLine& line);
ExitCode run_explain_command(const CommandLine& line);
ExitCode run_init_command(const CommandLine& line);
ExitCode run_print_config_command(const CommandLine& line);
/// Runs a plugin folder's fixtures; exit 1 when any differ from what the plugin reports.
ExitCode run_test_plugin_command(const CommandLine& line);
/// Checks that each input is a usable JSON Schema; exit 1 when one is not.
ExitCode run_validate_schema_command(const CommandLine& line);
/// The language server on standard input and output; returns a process status (0 after shutdown).
int run_lsp_command(const CommandLine& line);
/// The plugin worker process (isolation); returns a process status.
int run_worker_command(const CommandLine& line);

}  // namespace marginalia::cli
