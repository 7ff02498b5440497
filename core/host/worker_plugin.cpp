// SPDX-License-Identifier: MIT
#include "host/worker_plugin.hpp"

#include <filesystem>
#include <stdexcept>

#include "marginalia/sdk/version.hpp"

namespace marginalia::host {
namespace {

using Clock = WorkerProcess::Clock;
using worker::MessageType;

// Info and documentation are small; a hello or configure reply above this is not a plugin's.
constexpr std::size_t kMaxControlFrame = 64u << 20;

Clock::time_point after(unsigned milliseconds) { return Clock::now() + std::chrono::milliseconds(milliseconds); }

struct Failure {
  RunStatus status = RunStatus::failed;
  std::string detail;
};

// Why waiting for a frame gave none. The worker is killed (with its group) on every path but
// `died`, where it is already gone.
Failure describe(WorkerProcess::Receive outcome, WorkerProcess& worker, unsigned timeout_ms, bool out_of_memory,
                 const std::string& what) {
  switch (outcome) {
    case WorkerProcess::Receive::died:
      if (out_of_memory) return {RunStatus::out_of_memory, "the worker ran out of memory " + what + " and stopped (" + worker.exit_description() + ")"};
      if (worker.exit_signal()) return {RunStatus::crashed, worker.exit_description() + " " + what};
      return {RunStatus::failed, "the worker exited " + what + " without a reply (" + worker.exit_description() + ")"};
    case WorkerProcess::Receive::timeout:
      worker.kill_group();
      return {RunStatus::timeout, "no reply within " + std::to_string(timeout_ms) + " ms " + what + "; the worker and its process group were killed"};
    case WorkerProcess::Receive::too_large:
      worker.kill_group();
      return {RunStatus::output_too_large, "a reply larger than the output cap " + what};
    case WorkerProcess::Receive::malformed:
    case WorkerProcess::Receive::frame:
      break;
  }
  worker.kill_group();
  return {RunStatus::bad_output, "bytes that are not a reply " + what};
}

// The host re-checks what the worker says about the plugin: it is data from another process.
std::optional<std::string> info_problem(const std::string& path, std::uint32_t api_version, const sdk::PluginInfo& info) {
  if (!sdk::api_compatible(sdk::api_version, api_version))
    return "built for plugin API " + format_api_version(api_version) + ", but this marginalia provides API " + format_api_version(sdk::api_version);
  std::string stem = std::filesystem::path(path).stem().string();
  if (info.id != stem) return "the plugin's id '" + info.id + "' differs from its file name '" + stem + "'";
  for (const sdk::CodeInfo& code : info.codes)
    if (code.code.rfind(info.id + "/", 0) != 0) return "code '" + code.code + "' does not start with '" + info.id + "/'";
  return std::nullopt;
}

// Waits for a control reply of type `expected` and decodes it with `decode`; false with
// `failure` set when the worker crashed, hung or answered nonsense. `what` names the step in
// messages ("while loading the plugin"), `broken` the reply ("a broken hello from the worker").
template <class Reply, class Decode>
bool await_reply(WorkerProcess& worker, Clock::time_point deadline, unsigned timeout_ms, MessageType expected, Decode decode,
                 Reply& reply, const char* what, const char* broken, Failure& failure) {
  worker::Frame frame;
  bool out_of_memory = false;
  while (true) {
    WorkerProcess::Receive outcome = worker.receive(frame, deadline, kMaxControlFrame);
    if (outcome != WorkerProcess::Receive::frame) {
      failure = describe(outcome, worker, timeout_ms, out_of_memory, what);
      return false;
    }
    if (frame.type == MessageType::out_of_memory) {
      out_of_memory = true;
      continue;
    }
    std::string error;
    if (frame.type != expected || !decode(frame.body(), reply, error)) {
      worker.kill_group();
      failure = {RunStatus::bad_output, broken + (error.empty() ? std::string() : ": " + error)};
      return false;
    }
    return true;
  }
}

// Waits for the worker's hello. False with `failure` set when it never came.
bool await_hello(WorkerProcess& worker, unsigned timeout_ms, worker::Hello& hello, Failure& failure) {
  return await_reply(worker, after(timeout_ms), timeout_ms, MessageType::hello, worker::decode_hello, hello, "while loading the plugin",
                     "a broken hello from the worker", failure);
}

// Sends the options and waits for the worker's answer. False with `failure` set when the worker
// crashed, hung or answered nonsense.
bool send_options(WorkerProcess& worker, const std::string& options_json, unsigned timeout_ms, worker::ConfigureReply& reply,
                  Failure& failure) {
  Clock::time_point deadline = after(timeout_ms);
  if (!worker.send(worker::make_frame(MessageType::configure, options_json), deadline)) {
    worker::Frame ignored;
    failure = describe(worker.running() ? WorkerProcess::Receive::timeout : worker.receive(ignored, deadline, 0), worker, timeout_ms,
                       false, "while configuring the plugin");
    return false;
  }
  return await_reply(worker, deadline, timeout_ms, MessageType::configured, worker::decode_configure_reply, reply,
                     "while configuring the plugin", "a broken reply to configure", failure);
}

LoadResult load_problem(const std::string& path, std::string code, std::string message) {
  return LoadProblem::about(path, std::move(code), std::move(message));
}

std::string load_failure_message(const Failure& failure) {
  switch (failure.status) {
    case RunStatus::crashed: return "crashed while loading: " + failure.detail.substr(0, failure.detail.find(" while loading"));
    case RunStatus::timeout: return "did not finish loading: " + failure.detail;
    case RunStatus::out_of_memory: return "ran out of memory while loading: " + failure.detail;
    default: return "cannot load in a worker: " + failure.detail;
  }
}

}  // namespace

namespace {

// The second half of loading: wait for the started worker's hello and check what it says.
LoadResult finish_loading(const std::string& path, const WorkerSettings& settings, std::unique_ptr<WorkerProcess> worker,
                          const std::string& spawn_error) {
  if (!worker) return load_problem(path, "host/plugin-load-failed", spawn_error);
  worker::Hello hello;
  Failure failure;
  if (!await_hello(*worker, settings.timeout_ms, hello, failure)) return load_problem(path, "host/plugin-load-failed", load_failure_message(failure));
  if (hello.problem) {
    hello.problem->path = path;
    return std::move(*hello.problem);
  }
  if (auto problem = info_problem(path, hello.api_version, hello.info))
    return load_problem(path, sdk::api_compatible(sdk::api_version, hello.api_version) ? "host/plugin-load-failed" : "host/plugin-incompatible",
                        *problem);
  LoadedPlugin plugin;
  plugin.path = path;
  plugin.api_version = hello.api_version;
  plugin.info = hello.info;
  plugin.instance = std::make_shared<WorkerPlugin>(path, settings, std::move(hello.info), std::move(worker));
  return plugin;
}

}  // namespace

LoadResult load_plugin_in_worker(const std::string& path, const WorkerSettings& settings) {
  std::string error;
  std::unique_ptr<WorkerProcess> worker = WorkerProcess::spawn({settings.executable, path, settings.memory_limit_bytes}, error);
  return finish_loading(path, settings, std::move(worker), error);
}

WorkerHost::WorkerHost(WorkerSettings settings) : settings_(std::move(settings)) {}

WorkerHost::~WorkerHost() = default;

void WorkerHost::expect(const std::vector<std::string>& paths) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const std::string& path : paths) {
    if (started_.count(path)) continue;
    Started started;
    started.worker = WorkerProcess::spawn({settings_.executable, path, settings_.memory_limit_bytes}, started.error);
    started_.emplace(path, std::move(started));
  }
}

LoadResult WorkerHost::load(const std::string& path) {
  std::unique_lock<std::mutex> lock(mutex_);
  auto found = started_.find(path);
  if (found == started_.end()) {
    lock.unlock();
    return load_plugin_in_worker(path, settings_);
  }
  Started started = std::move(found->second);
  started_.erase(found);
  lock.unlock();
  return finish_loading(path, settings_, std::move(started.worker), started.error);
}

WorkerPlugin::WorkerPlugin(std::string path, WorkerSettings settings, sdk::PluginInfo info, std::unique_ptr<WorkerProcess> first)
    : path_(std::move(path)), settings_(std::move(settings)), info_(std::move(info)) {
  if (first) idle_.push_back(std::move(first));
}

WorkerPlugin::~WorkerPlugin() = default;

PluginRunResult WorkerPlugin::failure(RunStatus status, std::string detail) const {
  PluginRunResult result;
  result.plugin_id = info_.id;
  result.status = status;
  result.detail = std::move(detail);
  return result;
}

std::unique_ptr<WorkerProcess> WorkerPlugin::take_idle() {
  while (true) {
    std::unique_ptr<WorkerProcess> worker;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      // At the cap, wait for a busy worker to come back rather than start another process.
      returned_.wait(lock, [this] { return !idle_.empty() || settings_.max_workers == 0 || busy_ < settings_.max_workers; });
      ++busy_;
      if (idle_.empty()) return nullptr;  // the caller starts one, counted as busy
      worker = std::move(idle_.back());
      idle_.pop_back();
    }
    if (worker->running()) return worker;
    // It died while idle: reap it, and let the caller start a fresh one in its place.
    return nullptr;
  }
}

void WorkerPlugin::give_back(std::unique_ptr<WorkerProcess> worker) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (worker) idle_.push_back(std::move(worker));
    --busy_;
  }
  returned_.notify_one();
}

bool WorkerPlugin::apply_options(WorkerProcess& worker, PluginRunResult& result, std::vector<std::string>* problems) {
  std::optional<std::string> options;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    options = options_json_;
  }
  if (!options) return true;
  worker::ConfigureReply reply;
  Failure failure;
  if (!send_options(worker, *options, settings_.timeout_ms, reply, failure)) {
    result = this->failure(failure.status, failure.detail);
    return false;
  }
  if (reply.threw) {
    if (problems) throw std::runtime_error(reply.exception);
    result = this->failure(RunStatus::failed, "configure threw in a new worker: " + reply.exception);
    return false;
  }
  if (!reply.problems.empty()) {
    if (problems) {
      *problems = std::move(reply.problems);
      return false;
    }
    result = this->failure(RunStatus::failed, "configure refused the options in a new worker: " + reply.problems.front());
    return false;
  }
  return true;
}

std::unique_ptr<WorkerProcess> WorkerPlugin::spawn_loaded(unsigned long long memory_limit_bytes, PluginRunResult& result) {
  std::string error;
  std::unique_ptr<WorkerProcess> worker = WorkerProcess::spawn({settings_.executable, path_, memory_limit_bytes}, error);
  if (!worker) {
    result = failure(RunStatus::failed, error);
    return nullptr;
  }
  worker::Hello hello;
  Failure failed;
  if (!await_hello(*worker, settings_.timeout_ms, hello, failed)) {
    result = failure(RunStatus::load_failed, load_failure_message(failed));
    return nullptr;
  }
  if (hello.problem || hello.info.id != info_.id) {
    result = failure(RunStatus::load_failed, hello.problem ? hello.problem->message : "the library changed since it was loaded");
    return nullptr;
  }
  return worker;
}

std::unique_ptr<WorkerProcess> WorkerPlugin::start(unsigned long long memory_limit_bytes, PluginRunResult& result) {
  std::unique_ptr<WorkerProcess> worker = spawn_loaded(memory_limit_bytes, result);
  if (!worker || !apply_options(*worker, result, nullptr)) return nullptr;
  return worker;
}

std::vector<std::string> WorkerPlugin::configure(const sdk::Options& options) {
  std::vector<std::unique_ptr<WorkerProcess>> stale;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    options_json_ = options.json();
    broken_.reset();
    stale.swap(idle_);
  }
  // Workers started before now have not seen these options: keep one, let the rest go.
  std::unique_ptr<WorkerProcess> worker;
  for (std::unique_ptr<WorkerProcess>& candidate : stale)
    if (!worker && candidate->running()) worker = std::move(candidate);
  stale.clear();
  PluginRunResult result;
  if (!worker) worker = spawn_loaded(settings_.memory_limit_bytes, result);
  std::vector<std::string> problems;
  if (!worker || !apply_options(*worker, result, &problems)) {
    if (!problems.empty()) return problems;
    std::lock_guard<std::mutex> lock(mutex_);
    broken_ = result;
    return {};
  }
  std::lock_guard<std::mutex> lock(mutex_);
  idle_.push_back(std::move(worker));
  return {};
}

WorkerPlugin::Pending::~Pending() {
  if (!healthy) worker.reset();
  if (holds_slot) owner.give_back(std::move(worker));
}

namespace {

// What a check request carries besides the document.
worker::CheckOptions check_options(const RunContext& context) {
  worker::CheckOptions options;
  options.host_settings = context.host_settings;
  options.memory_limit_bytes = context.memory_limit_bytes;
  options.max_findings = context.max_findings;
  options.max_output_bytes = context.max_output_bytes;
  return options;
}

}  // namespace

std::unique_ptr<PendingCheck> WorkerPlugin::begin(const CheckRequest& request) {
  const sdk::Document& document = request.document;
  const RunContext& context = request.context;
  std::unique_ptr<Pending> pending(new Pending(*this, document, context));
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (broken_) {
      pending->early = *broken_;
      return pending;
    }
  }
  pending->worker = take_idle();
  pending->holds_slot = true;
  PluginRunResult result = failure(RunStatus::ok, "");
  std::unique_ptr<WorkerProcess>& worker = pending->worker;
  if (!worker) worker = start(context.memory_limit_bytes, result);
  if (!worker) {
    pending->early = result;
    return pending;
  }

  if (!request.encoded) request.encoded = worker::encode_check_frame(document, check_options(context));
  const std::string* frame = &*request.encoded;

  pending->deadline = after(context.timeout_ms);
  if (worker->send(*frame, pending->deadline)) return pending;
  // A worker that died while idle has run nothing for this document: one fresh try.
  if (worker->running()) {
    worker->kill_group();
    pending->early = failure(RunStatus::timeout, "the worker did not accept the document within " + std::to_string(context.timeout_ms) + " ms");
    return pending;
  }
  worker = start(context.memory_limit_bytes, result);
  if (!worker) {
    pending->early = result;
    return pending;
  }
  pending->deadline = after(context.timeout_ms);
  if (!worker->send(*frame, pending->deadline)) {
    worker::Frame ignored;
    Failure failed = describe(worker->running() ? WorkerProcess::Receive::timeout : worker->receive(ignored, pending->deadline, 0), *worker,
                              context.timeout_ms, false, "while receiving the document");
    pending->early = failure(failed.status, failed.detail);
  }
  return pending;
}

PluginRunResult WorkerPlugin::finish(Pending& pending) {
  if (pending.early) return *pending.early;
  const RunContext& context = pending.context;
  std::unique_ptr<WorkerProcess>& worker = pending.worker;
  // The limit counts from when the host starts waiting for this worker: until then it may have
  // been blocked on a fetch the host could not serve while it waited for another plugin.
  Clock::time_point deadline = std::max(pending.deadline, after(context.timeout_ms));
  const std::size_t max_frame = context.max_output_bytes + (1u << 20);
  bool out_of_memory = false;
  worker::Frame reply;
  while (true) {
    WorkerProcess::Receive outcome = worker->receive(reply, deadline, max_frame);
    if (outcome != WorkerProcess::Receive::frame) {
      Failure failed = describe(outcome, *worker, context.timeout_ms, out_of_memory, "while checking the document");
      return failure(failed.status, failed.detail);
    }
    std::string error;
    if (reply.type == MessageType::out_of_memory) {
      out_of_memory = true;
      continue;
    }
    if (reply.type == MessageType::fetch) {
      std::vector<sdk::FetchRequest> requests;
      if (!worker::decode_fetch_requests(reply.body(), requests, error)) {
        worker->kill_group();
        return failure(RunStatus::bad_output, "a broken fetch request: " + error);
      }
      // Network time is bounded by the fetch service's own limits and does not count against
      // the plugin's time limit.
      Clock::time_point started = Clock::now();
      std::vector<sdk::FetchResult> results;
      if (context.fetch) results = context.fetch->fetch_all(requests);
      else results = net::OfflineFetchService().fetch_all(requests);
      deadline += Clock::now() - started;
      worker->send(worker::make_frame(MessageType::fetch_results, worker::encode_fetch_results(results)), deadline);
      continue;  // a failed send shows up as the worker's death or the deadline
    }
    PluginRunResult decoded;
    if (reply.type != MessageType::result || !worker::decode_check_reply(reply.body(), decoded, error)) {
      worker->kill_group();
      return failure(RunStatus::bad_output, "the reply is not a check result" + (error.empty() ? std::string() : ": " + error));
    }
    decoded.plugin_id = info_.id;
    switch (decoded.status) {
      case RunStatus::ok:
      case RunStatus::failed:
      case RunStatus::output_too_large:
        break;
      case RunStatus::out_of_memory:
        // Its heap is spent: the next document gets a fresh worker.
        return decoded;
      default:
        worker->kill_group();
        return failure(RunStatus::bad_output, std::string("the worker reported status '") + to_string(decoded.status) + "'");
    }
    pending.healthy = true;
    if (decoded.status != RunStatus::ok) {
      decoded.findings.clear();
      decoded.marks.clear();
      return decoded;
    }
    if (std::string problem = validate_plugin_output(info_, pending.document, decoded, context); !problem.empty())
      return failure(RunStatus::bad_output, problem);
    return decoded;
  }
}

}  // namespace marginalia::host
