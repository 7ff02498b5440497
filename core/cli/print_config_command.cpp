// SPDX-License-Identifier: MIT
// `marginalia print-config FILE`: the configuration FILE would be checked with, as JSON (what
// `vale ls-config` and `eslint --print-config` show), resolved by the session as a check would.
#include <cstdio>

#include "cli/commands.hpp"
#include "cli/settings_from_flags.hpp"
#include "session/session.hpp"

namespace marginalia::cli {

ExitCode run_print_config_command(const CommandLine& line) {
  session::RunSettings settings = settings_from_flags(line);
  settings.offline = true;  // resolving configuration never needs the network
  session::Session session(std::move(settings));
  util::Result<nlohmann::ordered_json> resolved = session.resolved_configuration(line.inputs[0]);
  if (!resolved) {
    for (const util::Problem& problem : resolved.problems()) std::fprintf(stderr, "marginalia: %s\n", problem.to_string().c_str());
    return ExitCode::failure;
  }
  std::printf("%s\n", resolved->dump(2).c_str());
  return ExitCode::clean;
}

}  // namespace marginalia::cli
