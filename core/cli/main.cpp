// SPDX-License-Identifier: MIT
// The thin binary: parse the command line, dispatch to a command, return its exit code.
#include <cstdio>
#include <exception>
#include <new>
#include <string>
#include <vector>

#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "host/descendant_reaper.hpp"
#include "session/session.hpp"

namespace {

int run(int argc, char** argv) {
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
  if (line.command == "merge") return to_int(run_merge_command(line));
  if (line.command == "plugins") return to_int(run_plugins_command(line));
  if (line.command == "explain") return to_int(run_explain_command(line));
  if (line.command == "init") return to_int(run_init_command(line));
  if (line.command == "print-config") return to_int(run_print_config_command(line));
  if (line.command == "test-plugin") return to_int(run_test_plugin_command(line));
  if (line.command == "validate-schema") return to_int(run_validate_schema_command(line));
  if (line.command == "__worker") return run_worker_command(line);
  if (line.command == "lsp") return run_lsp_command(line);
  return to_int(run_check_command(line));
}

}  // namespace

int main(int argc, char** argv) {
  using namespace marginalia::cli;
  // Orphaned descendants of plugin workers come to us, to be ended with the run.
  if (argc < 2 || std::string(argv[1]) != "__worker") marginalia::host::adopt_orphaned_descendants();
  int code;
  // No exception ends the process with an abort: a bug (or memory running out) is exit 2 and a message.
  try {
    code = run(argc, argv);
  } catch (const std::bad_alloc&) {
    std::fputs("marginalia: out of memory\n", stderr);
    code = to_int(ExitCode::failure);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "marginalia: internal error: %s\n", e.what());
    code = to_int(ExitCode::failure);
  } catch (...) {
    std::fputs("marginalia: internal error: an unknown exception\n", stderr);
    code = to_int(ExitCode::failure);
  }
  marginalia::host::kill_adopted_descendants();
  return code;
}
