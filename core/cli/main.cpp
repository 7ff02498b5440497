// SPDX-License-Identifier: MIT
// The thin binary: parse the command line, dispatch to a command, return its exit code.
#include <cstdio>
#include <string>
#include <vector>

#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "session/session.hpp"

int main(int argc, char** argv) {
  using namespace marginalia::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  marginalia::util::Result<CommandLine> parsed = parse_command_line(args);
  if (!parsed) {
    std::fprintf(stderr, "marginalia: %s\nRun 'marginalia --help' for usage.\n", parsed.problems().front().message.c_str());
    return to_int(ExitCode::failure);
  }
  const CommandLine& line = *parsed;
  if (line.command == "help") {
    std::fputs(line.help_topic.empty() ? usage_text().c_str() : command_help(line.help_topic).c_str(), stdout);
    return to_int(ExitCode::clean);
  }
  if (line.command == "version") {
    std::printf("marginalia %s (plugin API %d.%d)\n", marginalia::session::tool_version(), MARGINALIA_SDK_VERSION_MAJOR, MARGINALIA_SDK_VERSION_MINOR);
    return to_int(ExitCode::clean);
  }
  if (line.command == "plugins") return to_int(run_plugins_command(line));
  if (line.command == "explain") return to_int(run_explain_command(line));
  if (line.command == "init") return to_int(run_init_command(line));
  if (line.command == "print-config") return to_int(run_print_config_command(line));
  if (line.command == "__worker") return run_worker_command(line);
  return to_int(run_check_command(line));
}
