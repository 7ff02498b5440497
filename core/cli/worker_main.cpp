// SPDX-License-Identifier: MIT
// marginalia-worker: the plugin worker as a binary of its own. It runs the same code as
// `marginalia __worker` (host/worker_main.hpp) and takes the same command line, but links
// only what a worker needs, not the readers, writers and network libraries, so it starts in
// about 1 ms instead of 8: the host starts one per plugin (and per concurrent check) every run.
// Installed in lib/marginalia/, off the PATH; the host falls back to `marginalia __worker`
// when it is missing.
#include <cstdio>
#include <string>
#include <vector>

#include "host/worker_main.hpp"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args.front() != "__worker") {
    std::fprintf(stderr, "marginalia-worker: started by marginalia itself, not by hand\n");
    return 2;
  }
  args.erase(args.begin());
  marginalia::host::WorkerArguments arguments;
  std::string error;
  if (!marginalia::host::parse_worker_arguments(args, arguments, error)) {
    std::fprintf(stderr, "marginalia-worker: %s\n", error.c_str());
    return 2;
  }
  marginalia::host::serve_plugin(arguments);
}
