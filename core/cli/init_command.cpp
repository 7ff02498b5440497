// SPDX-License-Identifier: MIT
// `marginalia init`: writes a starting marginalia.json.
#include <cstdio>

#include "cli/commands.hpp"

namespace marginalia::cli {

ExitCode run_init_command(const CommandLine&) {
  std::fprintf(stderr, "marginalia: init is not available in this build\n");
  return ExitCode::failure;
}

}  // namespace marginalia::cli
