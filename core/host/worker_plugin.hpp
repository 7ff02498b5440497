// SPDX-License-Identifier: MIT
// Plugins that live in worker processes (the default host). `WorkerHost` starts a worker per
// library that loads it and answers with its info as data, so the host never runs the plugin's
// code: not its static constructors, not `info`, `configure` or `check`. The registry holds a
// `WorkerPlugin` handle for each, whose calls go to workers. A fault becomes a status
// (crashed, timeout, out-of-memory, output-too-large, bad-output, failed, load-failed) that
// merge turns into one `host/…` finding naming the plugin; its partial findings are discarded
// whole, so the output never depends on when a plugin died. Limits come from RunContext:
// `timeout_ms` (wall clock per document, SIGKILL to the worker's process group),
// `memory_limit_bytes` (RLIMIT_AS of the worker), `max_findings` and `max_output_bytes`.
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

#include "host/plugin_host.hpp"
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

/// Loads every plugin in worker processes. Thread-safe.
class WorkerHost final : public PluginHost {
 public:
  explicit WorkerHost(WorkerSettings settings);
  ~WorkerHost() override;
  /// Starts a probe worker for every library at once, so that the plugins load in parallel.
  void expect(const std::vector<std::string>& paths) override;
  /// What `load_plugin_in_worker(path)` gives, from the probe started for `path` (or a new one).
  LoadResult load(const std::string& path) override;

 private:
  struct Started {
    std::unique_ptr<WorkerProcess> worker;
    std::string error;
  };
  WorkerSettings settings_;
  std::mutex mutex_;
  std::map<std::string, Started> started_;
};

/// The host's handle on a plugin running in workers.
class WorkerPlugin final : public PluginHandle {
 public:
  WorkerPlugin(std::string path, WorkerSettings settings, sdk::PluginInfo info, std::unique_ptr<WorkerProcess> first);
  ~WorkerPlugin() override;

  /// Sends the (already validated) options to a worker, which validates them against the
  /// schema again and calls the plugin's `configure`; every later worker gets the same options.
  /// Rethrows what `configure` threw as std::runtime_error. A worker that crashes or hangs in
  /// `configure` does not fail the run here: every document then reports it.
  std::vector<std::string> configure(const sdk::Options& options) override;
  /// Hands the document to a worker and returns at once; concurrent calls use different
  /// workers. The request's `encoded` document is made here when no other worker made it.
  std::unique_ptr<PendingCheck> begin(const CheckRequest& request) override;

 private:
  /// A check handed to a worker and not yet answered. Whatever happens, its slot goes back to
  /// the pool when it is destroyed: with the worker when healthy, empty when it was killed.
  class Pending final : public PendingCheck {
   public:
    ~Pending() override;
    Pending(const Pending&) = delete;
    Pending& operator=(const Pending&) = delete;
    /// Waits for the answer. The time limit counts from the call: a plugin is never timed out
    /// while the host was busy waiting for another plugin's worker.
    PluginRunResult finish() override { return owner.finish(*this); }

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
  PluginRunResult finish(Pending& pending);
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
