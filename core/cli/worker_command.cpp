// SPDX-License-Identifier: MIT
// `marginalia __worker --protocol N --plugin PATH --parent PID --memory-limit BYTES`: the plugin worker
// process the host starts for isolation (see host/worker_main.hpp). Not for people to run: it
// talks frames on fds 3 and 4.
#include <cstdio>

#include "cli/commands.hpp"
#include "host/worker_main.hpp"

namespace marginalia::cli {

int run_worker_command(const CommandLine& line) {
  host::WorkerArguments arguments;
  std::string error;
  if (!host::parse_worker_arguments(line.worker_args, arguments, error)) {
    std::fprintf(stderr, "marginalia __worker: %s (this command is started by marginalia itself)\n", error.c_str());
    return to_int(ExitCode::failure);
  }
  host::serve_plugin(arguments);
}

}  // namespace marginalia::cli
