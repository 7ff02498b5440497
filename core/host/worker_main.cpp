// SPDX-License-Identifier: MIT
#include "host/worker_main.hpp"

#include <sys/prctl.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <new>
#include <nlohmann/json.hpp>

#include "config/plugin_options.hpp"
#include "host/plugin_loader.hpp"
#include "host/worker_limits.hpp"
#include "host/worker_protocol.hpp"
#include "input/json_depth.hpp"

namespace marginalia::host {
namespace {

using worker::MessageType;

bool read_exact(int fd, char* data, std::size_t size) {
  std::size_t done = 0;
  while (done < size) {
    ssize_t n = ::read(fd, data + done, size - done);
    if (n > 0) done += static_cast<std::size_t>(n);
    else if (n < 0 && errno == EINTR) continue;
    else return false;
  }
  return true;
}

void write_all(std::string_view data) {
  std::size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(worker::reply_fd, data.data() + done, data.size() - done);
    if (n > 0) done += static_cast<std::size_t>(n);
    else if (n < 0 && errno == EINTR) continue;
    else ::_exit(3);  // the host is gone
  }
}

void send(MessageType type, std::string_view body) { write_all(worker::make_frame(type, body)); }

// The host is trusted, so requests need no size cap beyond the 32-bit length.
bool read_frame(worker::Frame& frame) {
  char header[worker::frame_header_size + 1];
  if (!read_exact(worker::request_fd, header, sizeof header)) return false;
  std::uint32_t length = 0;
  for (int i = 0; i < 4; ++i) length |= std::uint32_t{static_cast<unsigned char>(header[i])} << (8 * i);
  if (length == 0) return false;
  frame.type = static_cast<MessageType>(static_cast<std::uint8_t>(header[4]));
  frame.offset = 0;
  frame.bytes.resize(length - 1);
  return read_exact(worker::request_fd, frame.bytes.data(), frame.bytes.size());
}

// When an allocation fails at the memory limit, tell the host before anything else can go
// wrong: a plugin that then crashes or aborts is reported as out of memory, not as a crash.
// The note is written from a fixed buffer because nothing can be allocated at that point.
void on_allocation_failure() {
  static const char note[worker::frame_header_size + 1] = {1, 0, 0, 0, static_cast<char>(MessageType::out_of_memory)};
  ssize_t ignored = ::write(worker::reply_fd, note, sizeof note);
  (void)ignored;
  std::set_new_handler(nullptr);
  throw std::bad_alloc();
}

void set_memory_limit(unsigned long long bytes) {
  struct rlimit limit {};
  ::getrlimit(RLIMIT_AS, &limit);
  limit.rlim_cur = bytes == 0 ? limit.rlim_max : std::min<rlim_t>(bytes, limit.rlim_max);
  ::setrlimit(RLIMIT_AS, &limit);
}

// Collects what the plugin reports, within the caps the host set; `fetch_all` goes back to the
// host, whose network service holds the address policy, the cache and the per-host limits.
class WorkerReporter final : public sdk::Reporter {
 public:
  WorkerReporter(const worker::CheckRequest& request, PluginRunResult& result) : request_(request), result_(result) {}

  void report(sdk::Finding finding) override {
    if (overflow_) return;
    // Counted a little above the encoded size, so a reply under the cap always fits the frame.
    std::uint64_t bytes = 32 + finding.code.size() + finding.message.size() + (finding.replacement ? finding.replacement->size() : 0);
    for (const sdk::Related& related : finding.related) bytes += 32 + related.message.size();
    if (result_.findings.size() >= request_.options.max_findings) {
      overflow("more than " + std::to_string(request_.options.max_findings) + " findings");
      return;
    }
    if (!add_bytes(bytes)) return;
    result_.findings.push_back(std::move(finding));
  }
  void mark(sdk::Mark mark) override {
    if (overflow_) return;
    std::uint64_t bytes = 32;
    for (const sdk::Attribute& attribute : mark.attributes) bytes += 32 + attribute.name.size() + attribute.value.size();
    if (result_.marks.size() >= request_.options.max_findings * 4) {
      overflow("more than " + std::to_string(request_.options.max_findings * 4) + " marks");
      return;
    }
    if (!add_bytes(bytes)) return;
    result_.marks.push_back(std::move(mark));
  }
  bool stop_requested() const override { return overflow_; }
  std::vector<sdk::FetchResult> fetch_all(const std::vector<sdk::FetchRequest>& requests) override {
    send(MessageType::fetch, worker::encode_fetch_requests(requests));
    worker::Frame frame;
    std::vector<sdk::FetchResult> results;
    std::string error;
    if (!read_frame(frame) || frame.type != MessageType::fetch_results || !worker::decode_fetch_results(frame.body(), results, error))
      ::_exit(4);  // the host broke the protocol or went away
    return results;
  }
  std::string host_setting(std::string_view name) const override {
    auto found = request_.options.host_settings.find(std::string(name));
    return found == request_.options.host_settings.end() ? std::string() : found->second;
  }

  bool overflowed() const { return overflow_; }
  const std::string& overflow_reason() const { return reason_; }

 private:
  bool add_bytes(std::uint64_t bytes) {
    bytes_ += bytes;
    if (bytes_ <= request_.options.max_output_bytes) return true;
    overflow("more than " + std::to_string(request_.options.max_output_bytes) + " bytes of output");
    return false;
  }
  void overflow(std::string reason) {
    overflow_ = true;
    reason_ = std::move(reason);
    // Nothing reported so far will be used: free it now rather than at the end.
    std::vector<sdk::Finding>().swap(result_.findings);
    std::vector<sdk::Mark>().swap(result_.marks);
  }

  const worker::CheckRequest& request_;
  PluginRunResult& result_;
  std::uint64_t bytes_ = 0;
  bool overflow_ = false;
  std::string reason_;
};

worker::ConfigureReply configure(const OpenedPlugin& plugin, const std::string& options_json) {
  worker::ConfigureReply reply;
  if (input::json_depth_problem(options_json).too_deep) {
    reply.problems.push_back("options: nested deeper than " + std::to_string(input::max_json_depth) + " levels");
    return reply;
  }
  nlohmann::json options = nlohmann::json::parse(options_json, nullptr, false);
  if (options.is_discarded()) {
    reply.problems.push_back("options: not valid JSON");
    return reply;
  }
  // The host validated these options already; the worker checks again because this is the
  // process where `configure` runs, and the schema is the contract it relies on.
  config::PluginOptionsResult validated = config::make_plugin_options(plugin.info, options);
  for (const config::SchemaError& error : validated.errors) reply.problems.push_back("options" + error.path + ": " + error.message);
  if (!reply.problems.empty()) return reply;
  try {
    reply.problems = plugin.plugin->configure(validated.options);
  } catch (const std::exception& e) {
    reply.threw = true;
    reply.exception = e.what();
  } catch (...) {
    reply.threw = true;
    reply.exception = "a non-standard exception";
  }
  return reply;
}

PluginRunResult check(const OpenedPlugin& plugin, const worker::CheckRequest& request) {
  PluginRunResult result;
  set_memory_limit(request.options.memory_limit_bytes);
  WorkerReporter reporter(request, result);
  std::set_new_handler(on_allocation_failure);
  // The messages match the in-process handle's, so both isolation modes report a fault alike.
  try {
    plugin.plugin->check(request.document, reporter);
  } catch (const std::bad_alloc&) {
    result = PluginRunResult{};
    result.status = RunStatus::out_of_memory;
    result.detail = "an allocation failed at the memory limit of " + std::to_string(request.options.memory_limit_bytes >> 20) + " MiB";
  } catch (const std::exception& e) {
    result = PluginRunResult{};
    result.status = RunStatus::failed;
    result.detail = std::string("exception: ") + e.what();
  } catch (...) {
    result = PluginRunResult{};
    result.status = RunStatus::failed;
    result.detail = "a non-standard exception";
  }
  std::set_new_handler(nullptr);
  if (result.status == RunStatus::ok && reporter.overflowed()) {
    result = PluginRunResult{};
    result.status = RunStatus::output_too_large;
    result.detail = reporter.overflow_reason();
  }
  return result;
}

}  // namespace

bool parse_worker_arguments(const std::vector<std::string>& args, WorkerArguments& arguments, std::string& error) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (i + 1 >= args.size()) {
      error = args[i] + " needs a value";
      return false;
    }
    const std::string& value = args[++i];
    char* end = nullptr;
    if (args[i - 1] == "--protocol") {
      if (value != std::to_string(worker::protocol_version)) {
        error = "the host speaks worker protocol " + value + ", this worker " + std::to_string(worker::protocol_version) +
                " (host and worker come from different builds)";
        return false;
      }
    } else if (args[i - 1] == "--plugin") arguments.plugin_path = value;
    else if (args[i - 1] == "--parent") arguments.parent = static_cast<pid_t>(std::strtol(value.c_str(), &end, 10));
    else if (args[i - 1] == "--memory-limit") arguments.memory_limit_bytes = std::strtoull(value.c_str(), &end, 10);
    else {
      error = "unknown worker option '" + args[i - 1] + "'";
      return false;
    }
    if (end && *end) {
      error = args[i - 1] + " takes a number";
      return false;
    }
  }
  if (arguments.plugin_path.empty()) {
    error = "the worker needs --plugin PATH";
    return false;
  }
  return true;
}

void serve_plugin(const WorkerArguments& arguments) {
  // Die with the host. PR_SET_PDEATHSIG follows the thread that spawned us; the host spawns
  // every worker from one thread that lives as long as it does (worker_process.cpp).
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (arguments.parent != 0 && ::getppid() != arguments.parent) ::_exit(1);
  apply_worker_limits();
  renew_cpu_budget();
  set_memory_limit(arguments.memory_limit_bytes);

  // Loading runs the plugin's static constructors: a crash here costs this worker only.
  util::Result<OpenedPlugin> loaded = open_plugin(arguments.plugin_path);
  worker::Hello hello;
  if (!loaded) {
    hello.problem = loaded.problems().front();
    send(MessageType::hello, worker::encode_hello(hello));
    ::_exit(0);
  }
  const OpenedPlugin& plugin = *loaded;
  hello.api_version = plugin.api_version;
  hello.info = plugin.info;
  send(MessageType::hello, worker::encode_hello(hello));

  worker::Frame frame;
  while (read_frame(frame)) {
    if (frame.type == MessageType::configure) {
      renew_cpu_budget();
      send(MessageType::configured, worker::encode_configure_reply(configure(plugin, std::string(frame.body()))));
    } else if (frame.type == MessageType::check) {
      worker::CheckRequest request;
      std::string error;
      if (!worker::decode_check_request(frame.body(), request, error)) ::_exit(5);
      renew_cpu_budget();
      send(MessageType::result, worker::encode_check_reply(check(plugin, request)));
    } else {
      ::_exit(5);
    }
  }
  ::_exit(0);
}

}  // namespace marginalia::host
