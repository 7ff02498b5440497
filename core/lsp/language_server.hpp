// SPDX-License-Identifier: MIT
// `marginalia lsp`: the Language Server Protocol front end of the checking library. It keeps
// the buffers an editor opened, checks each one after a pause in typing (full document sync,
// debounced) and publishes the findings as diagnostics; answers code actions (the findings'
// certain replacements) and hovers (the marks plugins emit) from the last check.
//
// Two sessions (core/session) share one fetch service: the quick one sees only URL results
// already known (this server's memory, the on-disk cache) and never waits on the network; when
// it leaves URLs unchecked, the network one checks the same version in the background and its
// diagnostics replace the quick ones if the buffer has not changed since. A newer edit makes
// every older result obsolete: results are published only for the buffer's current version.
// Configuration is the nearest marginalia.json of each file; saving one in the editor checks
// every buffer again, and a change made by another program is noticed at the next check.
#pragma once

#include <memory>

#include "session/run_settings.hpp"

namespace marginalia::lsp {

/// How the server runs.
struct ServerOptions {
  /// The base settings of both sessions (plugins, isolation, network, cache).
  session::RunSettings settings;
  /// Resolves plugins' relative documentation paths into links; empty = no link for them.
  std::string docs_base;
  /// The pause after an edit before a check, in ms (initializationOptions.debounceMs overrides).
  unsigned debounce_ms = 250;
};

/// Serves one client over a pair of file descriptors.
class LanguageServer {
 public:
  LanguageServer(ServerOptions options, int in_fd, int out_fd);
  ~LanguageServer();
  LanguageServer(const LanguageServer&) = delete;
  LanguageServer& operator=(const LanguageServer&) = delete;

  /// Reads and answers messages until `exit` or the end of input; returns the process status
  /// (0 after shutdown then exit, 1 otherwise, as the protocol asks).
  int run();
  /// True when a background network check was still running at exit: the process should end
  /// now (std::_Exit) rather than wait for it.
  bool abandoned_work() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace marginalia::lsp
