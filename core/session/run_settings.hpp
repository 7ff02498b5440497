// SPDX-License-Identifier: MIT
// What a front end can ask of a check run, as plain values: the command line maps its flags onto
// it (core/cli/settings_from_flags), and a later front end (a language server, a folder watcher)
// fills it in directly. Zero means "the default" wherever a number is optional.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "marginalia/sdk/finding.hpp"
#include "net/fetch_service.hpp"
#include "net/fetch_settings.hpp"
#include "util/problem.hpp"

namespace marginalia::session {

/// Where plugins run.
enum class Isolation {
  /// Each plugin in worker processes: a crash or hang costs only its findings (the default).
  process,
  /// In this process, for debugging a plugin under a debugger.
  none,
};

/// Everything a session is built from.
struct RunSettings {
  // Configuration.
  /// A marginalia.json used for every input; empty = the nearest one above each input.
  std::string config_file;
  /// Refuse inputs whose nearest configuration files differ, instead of configuring the
  /// plugins once per configuration (the command line checks one configuration per run).
  bool one_configuration = true;

  // Plugins.
  /// Folders searched before MARGINALIA_PLUGIN_PATH and the installed plugins.
  std::vector<std::string> plugin_dirs;
  /// Also load the plugins installed with marginalia.
  bool default_plugins = true;
  /// Plugins turned on or off whatever the configuration says; `enable` wins.
  std::vector<std::string> enable, disable;
  Isolation isolation = Isolation::process;
  /// The worker binary; empty = `<bin>/../lib/marginalia/marginalia-worker`, else this binary.
  std::string worker_executable;
  /// Time limit per plugin and document (and for loading and configuring), ms; 0 = 30000.
  unsigned timeout_ms = 0;
  /// Memory limit per plugin worker, bytes; 0 = 2 GiB.
  unsigned long long memory_limit_bytes = 0;

  // Reading.
  /// Read every input as this format ("markdown"…); empty = by extension and content.
  std::string input_format;
  /// Refuse larger inputs; 0 = 256 MiB.
  unsigned long long max_input_bytes = 0;
  /// The report's own date (ISO 8601) when the document does not say.
  std::string document_date;

  // Network.
  /// No network at all: URLs get syntax checks only.
  bool offline = false;
  /// Limits, allowed ranges and the result cache of the URL checker.
  net::FetchSettings network;
  /// A fetch service shared with other sessions (a language server's quick and network
  /// sessions share one memory of results); empty = the session makes its own from the above.
  std::shared_ptr<net::FetchService> fetch_service;
  /// Local copies of cited sources (the quotes plugin's `sources-dir` host setting).
  std::string sources_dir;

  // The run.
  /// Files checked at once; 0 = one per core (two per core with isolation: threads mostly wait
  /// for workers).
  unsigned jobs = 0;
  /// Which findings of heuristic checks plugins report ("default": confident ones only,
  /// "thorough": all); empty = the configuration's, else "default".
  std::string profile;
  /// Findings at or above this level fail the run; unset = the configuration's, else error.
  std::optional<sdk::Severity> fail_on;
  /// Called after each file with (done, total); may be empty; called from worker threads.
  std::function<void(std::size_t done, std::size_t total)> progress;
  /// Told about what the run leaves out (an input skipped by an `ignore` glob); may be empty.
  std::function<void(const util::Problem& notice)> notice;
};

}  // namespace marginalia::session
