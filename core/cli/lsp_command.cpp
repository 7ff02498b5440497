// SPDX-License-Identifier: MIT
// `marginalia lsp`: the flags as the server's session settings, then the server on standard
// input and output (core/lsp). Standard output belongs to the protocol: nothing else is printed
// there; usage problems go to standard error.
#include <unistd.h>

#include <boost/dll/runtime_symbol_info.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "cli/commands.hpp"
#include "cli/settings_from_flags.hpp"
#include "host/descendant_reaper.hpp"
#include "lsp/language_server.hpp"

namespace marginalia::cli {
namespace {

// Where documentation links point without --docs-base: the documentation installed beside the
// binary (<prefix>/share/marginalia/doc, as the Debian package and `cmake --install` lay it
// out), else the checkout this binary was built from. Decided at run time, so a package built
// from any build folder links to its own files, not to the machine that built it.
std::string default_docs_base() {
  namespace fs = std::filesystem;
  fs::path self = boost::dll::program_location().string();
  fs::path installed = (self.parent_path().parent_path() / "share" / "marginalia" / "doc").lexically_normal();
  std::error_code error;
  if (fs::is_regular_file(installed / "README.md", error)) return "file://" + installed.string();
  return MARGINALIA_DOCS_BASE;
}

}  // namespace

int run_lsp_command(const CommandLine& line) {
  lsp::ServerOptions options;
  options.settings = settings_from_flags(line);
  util::Result<net::FetchSettings> network = network_from_flags(line);
  if (!network) {
    std::fprintf(stderr, "marginalia: %s\n", network.problems().front().message.c_str());
    return to_int(ExitCode::failure);
  }
  options.settings.network = std::move(*network);
  options.settings.network.progress = false;
  options.docs_base = line.docs_base.empty() ? default_docs_base() : line.docs_base;
  // The protocol gets its own copy of standard output; whatever else writes to descriptor 1 (a
  // plugin run in this process, a library's warning) lands on standard error instead of
  // corrupting a message.
  int protocol_out = ::dup(STDOUT_FILENO);
  if (protocol_out < 0 || ::dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
    std::perror("marginalia: lsp");
    return to_int(ExitCode::failure);
  }
  int status;
  {
    lsp::LanguageServer server(std::move(options), STDIN_FILENO, protocol_out);
    status = server.run();
    if (server.abandoned_work()) {
      // A network check is still waiting on a slow server: end now, as the editor asked.
      host::kill_adopted_descendants();
      std::_Exit(status);
    }
  }
  return status;
}

}  // namespace marginalia::cli
