// SPDX-License-Identifier: MIT
// A plugin that lives in worker processes. `load_plugin_in_worker` starts a worker that loads
// the library and answers with its info as data, so the host never runs the plugin's code:
// not its static constructors, not `info`, `configure` or `check`. The host keeps a
// `WorkerPlugin` (an `sdk::Plugin` whose calls go to a worker) in the registry, so commands
// that list, explain or configure plugins work unchanged. Checks go through IsolatedRunner.
//
// Workers are long-lived: the probe that loaded the plugin serves the first document, and a
// pool grows to one worker per concurrent check (`--jobs`). A worker that crashed, hung, ran
// out of memory or sent a broken reply is killed with its process group and replaced by a
// fresh one on the next document, which loads and configures the plugin again.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "host/plugin_loader.hpp"
#include "host/plugin_runner.hpp"
#include "host/worker_process.hpp"

namespace marginalia::host {

/// How workers are started and how long loading and configuring may take.
struct WorkerSettings {
  /// The marginalia binary (it serves `__worker`).
  std::string executable;
  /// Time limit for loading the plugin and for `configure`, milliseconds.
  unsigned timeout_ms = 30000;
  /// RLIMIT_AS while loading and configuring, bytes; checks use RunContext's limit.
  unsigned long long memory_limit_bytes = 2ull << 30;
};

/// Loads the library at `path` in a worker and returns a plugin whose calls go to workers, or
/// the problem: the same refusals as `load_plugin` (the worker runs it), plus
/// `host/plugin-load-failed` when the worker crashed, hung or exited while loading. Never throws.
LoadResult load_plugin_in_worker(const std::string& path, const WorkerSettings& settings);

/// The host-side stand-in for a plugin running in workers.
class WorkerPlugin final : public sdk::Plugin {
 public:
  WorkerPlugin(std::string path, WorkerSettings settings, sdk::PluginInfo info, std::unique_ptr<WorkerProcess> first);
  ~WorkerPlugin() override;

  /// The info the worker sent at load.
  sdk::PluginInfo info() const override { return info_; }
  /// Sends the (already validated) options to a worker, which validates them against the
  /// schema again and calls the plugin's `configure`; every later worker gets the same options.
  /// Rethrows what `configure` threw as std::runtime_error. A worker that crashes or hangs in
  /// `configure` does not fail the run here: every document then reports it.
  std::vector<std::string> configure(const sdk::Options& options) override;
  /// Not used: isolated plugins run through `run` (IsolatedRunner). Throws std::logic_error.
  void check(const sdk::Document& document, sdk::Reporter& reporter) const override;

  /// Checks one document in a worker. Thread-safe: concurrent calls use different workers.
  PluginRunResult run(const sdk::Document& document, const RunContext& context);

 private:
  std::unique_ptr<WorkerProcess> take_idle();
  void give_back(std::unique_ptr<WorkerProcess> worker);
  // Starts a worker and waits for its hello; nullptr with `failure` set.
  std::unique_ptr<WorkerProcess> spawn_loaded(unsigned long long memory_limit_bytes, PluginRunResult& failure);
  // spawn_loaded, then the options; nullptr with `failure` set.
  std::unique_ptr<WorkerProcess> start(unsigned long long memory_limit_bytes, PluginRunResult& failure);
  // Sends the options set by `configure` (if any). With `problems`, configure's own problems go
  // there and its exception is rethrown; without, both become `failure`.
  bool apply_options(WorkerProcess& worker, PluginRunResult& failure, std::vector<std::string>* problems);
  PluginRunResult failure(RunStatus status, std::string detail) const;

  const std::string path_;
  const WorkerSettings settings_;
  const sdk::PluginInfo info_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<WorkerProcess>> idle_;
  std::optional<std::string> options_json_;       // set by configure
  std::optional<PluginRunResult> broken_;         // configure crashed: every run reports this
};

}  // namespace marginalia::host
