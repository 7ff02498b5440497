// SPDX-License-Identifier: MIT
// `marginalia __worker`: the plugin worker process used for isolation.
#include <cstdio>

#include "cli/commands.hpp"

namespace marginalia::cli {

int run_worker_command(const CommandLine&) {
  std::fprintf(stderr, "marginalia: the worker is not available in this build\n");
  return to_int(ExitCode::failure);
}

}  // namespace marginalia::cli
