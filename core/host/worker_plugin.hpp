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
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "host/plugin_loader.hpp"
#include "host/plugin_registry.hpp"
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
  /// Workers per plugin at most; 0 = one per concurrent check. Concurrent checks beyond the cap
  /// wait for a worker: with several plugins, threads then work on different plugins at once.
  unsigned max_workers = 0;
};

/// Loads the library at `path` in a worker and returns a plugin whose calls go to workers, or
/// the problem: the same refusals as `load_plugin` (the worker runs it), plus
/// `host/plugin-load-failed` when the worker crashed, hung or exited while loading. Never throws.
LoadResult load_plugin_in_worker(const std::string& path, const WorkerSettings& settings);

/// Probe workers for several libraries started at once, so that the plugins load in parallel;
/// `load` then waits for one library's answer. Thread-safe.
class PluginProbes {
 public:
  PluginProbes(const std::vector<std::string>& paths, WorkerSettings settings);
  ~PluginProbes();
  /// What `load_plugin_in_worker(path)` gives, from the probe started for `path` (or a new one).
  LoadResult load(const std::string& path);

 private:
  struct Started {
    std::unique_ptr<WorkerProcess> worker;
    std::string error;
  };
  WorkerSettings settings_;
  std::mutex mutex_;
  std::map<std::string, Started> started_;
};

/// A loader for PluginSearch::loader: starts a probe for every library in `search`'s folders at
/// once (so the plugins load in parallel), then hands each result to the registry as it asks.
std::function<LoadResult(const std::string& path)> make_worker_loader(const PluginSearch& search, const WorkerSettings& settings);

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

  /// A check handed to a worker and not yet answered. Whatever happens, its slot goes back to
  /// the pool when it is destroyed: with the worker when healthy, empty when it was killed.
  class Pending {
   public:
    ~Pending();
    Pending(const Pending&) = delete;
    Pending& operator=(const Pending&) = delete;

   private:
    friend class WorkerPlugin;
    Pending(WorkerPlugin& owner, const sdk::Document& document, const RunContext& context)
        : owner(owner), document(document), context(context) {}
    WorkerPlugin& owner;
    const sdk::Document& document;
    const RunContext& context;
    std::unique_ptr<WorkerProcess> worker;
    bool holds_slot = false;
    bool healthy = false;
    std::optional<PluginRunResult> early;               // the check ended before a reply was due
    WorkerProcess::Clock::time_point deadline;          // begin's time limit, for sending the document
  };
  /// Hands `document` to a worker and returns at once, so that several plugins' workers can
  /// check one document at the same time; `finish` collects the result.
  /// `frame`, when given, is `document` already encoded (worker::encode_check_frame with
  /// check_options(context)): a document checked by several plugins is encoded once.
  std::unique_ptr<Pending> begin(const sdk::Document& document, const RunContext& context, const std::string* frame = nullptr);
  /// What a check request carries besides the document.
  static worker::CheckOptions check_options(const RunContext& context);
  /// Waits for the answer to `begin`. The time limit counts from the call: a plugin is never
  /// timed out while the host was busy waiting for another plugin's worker.
  PluginRunResult finish(Pending& pending);

 private:
  // A worker from the pool, or nullptr when the caller must start one; either way the caller
  // holds a slot until give_back (with the worker, or nullptr when it was discarded).
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
  std::condition_variable returned_;
  std::vector<std::unique_ptr<WorkerProcess>> idle_;
  unsigned busy_ = 0;                             // workers out of the pool (or being started)
  std::optional<std::string> options_json_;       // set by configure
  std::optional<PluginRunResult> broken_;         // configure crashed: every run reports this
};

}  // namespace marginalia::host
