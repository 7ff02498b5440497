// SPDX-License-Identifier: MIT
#include "lsp/language_server.hpp"

#include <sys/stat.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

#include "config/config.hpp"
#include "lsp/document_uri.hpp"
#include "lsp/json_rpc.hpp"
#include "lsp/report_view.hpp"
#include "net/curl_fetch_service.hpp"
#include "session/session.hpp"

namespace marginalia::lsp {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

json error_response(const json& id, int code, const std::string& message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

json result_response(const json& id, json result) { return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}}; }

// Half-open, except that an empty range holds its own position.
bool contains(const Range& range, const Position& at) {
  bool empty = !(range.start < range.end);
  return range.start <= at && (at < range.end || (empty && at <= range.start));
}

bool overlaps(const Range& a, const Range& b) { return a.start <= b.end && b.start <= a.end; }

bool is_configuration(const std::string& path) {
  std::size_t slash = path.find_last_of('/');
  return path.substr(slash == std::string::npos ? 0 : slash + 1) == "marginalia.json";
}

}  // namespace

struct LanguageServer::State {
  // One buffer the editor opened.
  struct Buffer {
    std::string uri, path, format, text;
    long long version = 0;
    bool quick_pending = false;  // a quick check is due at `due`
    Clock::time_point due;
    long long network_version = -1;  // the version the network check should look at
    ReportView view;                 // the last published check
    long long view_version = -1;
  };
  // What a check needs, copied so the buffer can change meanwhile.
  struct Snapshot {
    std::string uri, path, format, text;
    long long version;
  };

  ServerOptions options;
  MessageReader reader;
  MessageWriter writer;
  std::shared_ptr<net::FetchService> fetch;

  std::mutex mutex;
  std::condition_variable quick_wake, network_wake, network_idle;
  std::map<std::string, Buffer> buffers;
  bool stopping = false, network_busy = false, abandoned = false;
  std::atomic<unsigned> config_generation{0};
  unsigned debounce_ms;

  // The modification time of each configuration file a check used, to notice edits made
  // outside the editor (`marginalia init`, a git checkout).
  std::mutex config_mutex;
  std::map<std::string, long long> config_stamps;
  std::map<std::string, std::string> folder_configs;

  bool initialized = false, shut_down = false;
  std::thread quick_thread, network_thread;

  State(ServerOptions opts, int in_fd, int out_fd)
      : options(std::move(opts)), reader(in_fd), writer(out_fd), debounce_ms(options.debounce_ms) {
    options.settings.one_configuration = false;
    options.settings.progress = nullptr;
    options.settings.notice = nullptr;
    options.settings.network.progress = false;
    if (!options.settings.jobs) options.settings.jobs = 1;
    if (options.settings.offline) fetch = std::make_shared<net::OfflineFetchService>();
    else fetch = std::make_shared<net::CurlFetchService>(options.settings.network);
  }

  // Notes the configuration of `path`; true when it changed since a check last looked: another
  // file is now the nearest (one was created or removed), or the file itself was modified.
  bool configuration_changed(const std::string& path) {
    std::string folder = std::filesystem::path(path).parent_path().string();
    if (folder.empty()) folder = ".";
    std::string config = config::find_config(folder);
    long long stamp = -1;
    struct stat info;
    if (!config.empty() && ::stat(config.c_str(), &info) == 0)
      stamp = (static_cast<long long>(info.st_mtim.tv_sec) * 1000000000LL + info.st_mtim.tv_nsec) ^ static_cast<long long>(info.st_size);
    std::lock_guard<std::mutex> lock(config_mutex);
    bool changed = false;
    auto [nearest, new_folder] = folder_configs.emplace(folder, config);
    if (!new_folder && nearest->second != config) {
      nearest->second = config;
      changed = true;
    }
    auto [known, new_file] = config_stamps.emplace(config, stamp);
    if (!new_file && known->second != stamp) {
      known->second = stamp;
      changed = true;
    }
    return changed;
  }

  std::unique_ptr<session::Session> make_session(bool network) const {
    session::RunSettings settings = options.settings;
    settings.fetch_service = network ? fetch : std::make_shared<net::KnownResultsFetchService>(fetch);
    return std::make_unique<session::Session>(std::move(settings));
  }

  ReportView check(session::Session& session, const Snapshot& snapshot) const {
    util::Result<merge::RunReport> run = session.check_text(snapshot.path, snapshot.format, snapshot.text);
    if (!run) return problems_view(run.problems());
    if (run->files.empty()) return {};  // ignored by the configuration
    DocumentationLinks links(options.docs_base);
    links.add(run->plugins);
    return make_view(run->files.front(), snapshot.uri, links);
  }

  // With `mutex` held.
  void publish(Buffer& buffer, ReportView view, long long version) {
    buffer.view = std::move(view);
    buffer.view_version = version;
    writer.send({{"jsonrpc", "2.0"},
                 {"method", "textDocument/publishDiagnostics"},
                 {"params", {{"uri", buffer.uri}, {"version", version}, {"diagnostics", buffer.view.diagnostics}}}});
  }

  // Runs checks of `network` or quick kind until `stopping`; one session per thread.
  void check_loop(bool network) {
    std::unique_ptr<session::Session> session;
    unsigned generation = 0;
    std::unique_lock<std::mutex> lock(mutex);
    while (!stopping) {
      Buffer* next = nullptr;
      for (auto& entry : buffers) {
        Buffer& buffer = entry.second;
        bool wanted = network ? buffer.network_version == buffer.version : buffer.quick_pending;
        if (wanted && (!next || (!network && buffer.due < next->due))) next = &buffer;
      }
      if (!next) {
        (network ? network_wake : quick_wake).wait(lock);
        continue;
      }
      if (!network && Clock::now() < next->due) {
        quick_wake.wait_until(lock, next->due);
        continue;
      }
      if (network) {
        next->network_version = -1;
        network_busy = true;
      } else {
        next->quick_pending = false;
      }
      Snapshot snapshot{next->uri, next->path, next->format, next->text, next->version};
      lock.unlock();
      ReportView view;
      try {
        if (configuration_changed(snapshot.path)) ++config_generation;
        if (!session || generation != config_generation.load()) {
          generation = config_generation.load();
          session.reset();
          session = make_session(network);
        }
        view = check(*session, snapshot);
      } catch (const std::exception& e) {
        view = problems_view({util::Problem::about(snapshot.path, "host/internal-error", std::string("the check failed: ") + e.what())});
      }
      lock.lock();
      if (network) {
        network_busy = false;
        network_idle.notify_all();
      }
      auto found = buffers.find(snapshot.uri);
      // A newer edit (or a close) made this result obsolete; the newer version has its own check.
      if (found == buffers.end() || found->second.version != snapshot.version) continue;
      bool wants_network = !network && view.has_unchecked_urls && !options.settings.offline;
      publish(found->second, std::move(view), snapshot.version);
      if (wants_network) {
        found->second.network_version = snapshot.version;
        network_wake.notify_one();
      }
    }
  }

  void schedule(Buffer& buffer, unsigned delay_ms) {
    buffer.quick_pending = true;
    buffer.due = Clock::now() + std::chrono::milliseconds(delay_ms);
    buffer.network_version = -1;
    quick_wake.notify_one();
  }

  // --- Messages -------------------------------------------------------------------------------

  json initialize(const json& params) {
    if (params.is_object() && params.contains("initializationOptions")) {
      const json& init = params["initializationOptions"];
      if (init.is_object() && init.contains("debounceMs") && init["debounceMs"].is_number_unsigned())
        debounce_ms = init["debounceMs"].get<unsigned>();
    }
    initialized = true;
    return {{"capabilities",
             {{"positionEncoding", "utf-16"},
              {"textDocumentSync", {{"openClose", true}, {"change", 1}, {"save", {{"includeText", true}}}}},
              {"codeActionProvider", {{"codeActionKinds", json::array({"quickfix"})}}},
              {"hoverProvider", true}}},
            {"serverInfo", {{"name", "marginalia"}, {"version", session::tool_version()}}}};
  }

  void did_open(const json& params) {
    const json& document = params.at("textDocument");
    std::string uri = document.at("uri").get<std::string>();
    std::string path = path_from_uri(uri);
    std::string format = format_for(document.value("languageId", ""), path);
    if (format.empty()) return;  // not a report: leave it alone
    std::lock_guard<std::mutex> lock(mutex);
    Buffer& buffer = buffers[uri];
    buffer.uri = uri;
    buffer.path = path;
    buffer.format = format;
    buffer.text = document.at("text").get<std::string>();
    buffer.version = document.value("version", 0LL);
    schedule(buffer, 0);
  }

  void did_change(const json& params) {
    std::string uri = params.at("textDocument").at("uri").get<std::string>();
    const json& changes = params.at("contentChanges");
    std::lock_guard<std::mutex> lock(mutex);
    auto found = buffers.find(uri);
    if (found == buffers.end() || changes.empty()) return;
    // Full sync: the last change holds the whole text.
    const json& last = changes.back();
    if (last.contains("range")) return;  // incremental changes were not offered
    found->second.text = last.at("text").get<std::string>();
    found->second.version = params["textDocument"].value("version", found->second.version + 1);
    schedule(found->second, debounce_ms);
  }

  void did_save(const json& params) {
    std::string uri = params.at("textDocument").at("uri").get<std::string>();
    std::lock_guard<std::mutex> lock(mutex);
    if (is_configuration(path_from_uri(uri))) {
      // The configuration changed: both sessions rebuild their profiles, every buffer is checked again.
      ++config_generation;
      for (auto& entry : buffers) schedule(entry.second, 0);
      return;
    }
    auto found = buffers.find(uri);
    if (found == buffers.end()) return;
    if (params.contains("text") && params["text"].is_string() && params["text"].get<std::string>() != found->second.text) {
      found->second.text = params["text"].get<std::string>();
      ++found->second.version;
    }
    schedule(found->second, 0);
  }

  void did_close(const json& params) {
    std::string uri = params.at("textDocument").at("uri").get<std::string>();
    std::lock_guard<std::mutex> lock(mutex);
    if (buffers.erase(uri))
      writer.send({{"jsonrpc", "2.0"}, {"method", "textDocument/publishDiagnostics"}, {"params", {{"uri", uri}, {"diagnostics", json::array()}}}});
  }

  json code_action(const json& params) {
    std::string uri = params.at("textDocument").at("uri").get<std::string>();
    Range wanted = range_from_json(params.at("range"));
    json actions = json::array();
    std::lock_guard<std::mutex> lock(mutex);
    auto found = buffers.find(uri);
    // Edits computed on an older version would land in the wrong place.
    if (found == buffers.end() || found->second.view_version != found->second.version) return actions;
    for (const QuickFix& fix : found->second.view.fixes) {
      if (!overlaps(fix.range, wanted)) continue;
      json edit = {{"range", to_json(fix.range)}, {"newText", fix.new_text}};
      actions.push_back({{"title", fix.title},
                         {"kind", "quickfix"},
                         {"diagnostics", json::array({fix.diagnostic})},
                         {"isPreferred", true},
                         {"edit", {{"changes", {{uri, json::array({edit})}}}}}});
    }
    return actions;
  }

  json hover(const json& params) {
    std::string uri = params.at("textDocument").at("uri").get<std::string>();
    Position at = position_from_json(params.at("position"));
    std::lock_guard<std::mutex> lock(mutex);
    auto found = buffers.find(uri);
    if (found == buffers.end()) return nullptr;
    std::string text;
    Range range;
    for (const HoverText& hover : found->second.view.hovers) {
      if (!contains(hover.range, at)) continue;
      if (text.empty()) range = hover.range;
      text += (text.empty() ? "" : "\n\n---\n\n") + hover.markdown;
    }
    if (text.empty()) return nullptr;
    return {{"contents", {{"kind", "markdown"}, {"value", text}}}, {"range", to_json(range)}};
  }

  // Returns false on `exit`.
  bool dispatch(const json& message) {
    if (!message.is_object() || !message.contains("method") || !message["method"].is_string()) {
      // A response to a request of ours (we send none) or garbage.
      if (message.is_object() && (message.contains("result") || message.contains("error"))) return true;
      json id = message.is_object() && message.contains("id") ? message["id"] : json(nullptr);
      writer.send(error_response(id, error_code::invalid_request, "not a JSON-RPC request or notification"));
      return true;
    }
    std::string method = message["method"].get<std::string>();
    bool is_request = message.contains("id");
    json id = is_request ? message["id"] : json(nullptr);
    json params = message.contains("params") ? message["params"] : json::object();
    if (method == "exit") return false;
    if (!initialized && method != "initialize") {
      if (is_request) writer.send(error_response(id, error_code::server_not_initialized, "the server is not initialized yet"));
      return true;
    }
    if (shut_down && is_request) {
      writer.send(error_response(id, error_code::invalid_request, "the server is shutting down"));
      return true;
    }
    try {
      if (method == "initialize") {
        if (initialized) writer.send(error_response(id, error_code::invalid_request, "initialize was already called"));
        else writer.send(result_response(id, initialize(params)));
      } else if (method == "shutdown") {
        shut_down = true;
        writer.send(result_response(id, nullptr));
      } else if (method == "textDocument/codeAction") {
        writer.send(result_response(id, code_action(params)));
      } else if (method == "textDocument/hover") {
        writer.send(result_response(id, hover(params)));
      } else if (method == "textDocument/didOpen") {
        did_open(params);
      } else if (method == "textDocument/didChange") {
        did_change(params);
      } else if (method == "textDocument/didSave") {
        did_save(params);
      } else if (method == "textDocument/didClose") {
        did_close(params);
      } else if (is_request) {
        writer.send(error_response(id, error_code::method_not_found, "method not supported: " + method));
      }
      // Other notifications (initialized, $/cancelRequest, workspace/didChange…) need nothing.
    } catch (const json::exception& e) {
      if (is_request) writer.send(error_response(id, error_code::invalid_params, std::string("invalid params: ") + e.what()));
    } catch (const std::exception& e) {
      if (is_request) writer.send(error_response(id, error_code::internal_error, e.what()));
    }
    return true;
  }
};

LanguageServer::LanguageServer(ServerOptions options, int in_fd, int out_fd)
    : state_(std::make_unique<State>(std::move(options), in_fd, out_fd)) {}

LanguageServer::~LanguageServer() {
  {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->stopping = true;
  }
  state_->quick_wake.notify_all();
  state_->network_wake.notify_all();
  if (state_->quick_thread.joinable()) state_->quick_thread.join();
  if (state_->network_thread.joinable()) {
    if (state_->abandoned) state_->network_thread.detach();
    else state_->network_thread.join();
  }
  if (state_->abandoned) (void)state_.release();  // its network check still uses it
}

int LanguageServer::run() {
  State& s = *state_;
  s.quick_thread = std::thread([&s] { s.check_loop(false); });
  s.network_thread = std::thread([&s] { s.check_loop(true); });
  bool exit_requested = false;
  for (;;) {
    Incoming incoming = s.reader.next();
    if (incoming.kind == Incoming::Kind::end) break;
    if (incoming.kind == Incoming::Kind::bad_frame) {
      s.writer.send(error_response(nullptr, error_code::parse_error, "bad message frame: " + incoming.error));
      continue;
    }
    if (incoming.kind == Incoming::Kind::bad_json) {
      s.writer.send(error_response(nullptr, error_code::parse_error, "message is not JSON: " + incoming.error));
      continue;
    }
    if (!s.dispatch(incoming.message)) {
      exit_requested = true;
      break;
    }
  }
  {
    std::unique_lock<std::mutex> lock(s.mutex);
    s.stopping = true;
    s.quick_wake.notify_all();
    s.network_wake.notify_all();
    // A network check may wait on slow servers for many seconds: the editor is not kept waiting.
    if (!s.network_idle.wait_for(lock, std::chrono::seconds(2), [&s] { return !s.network_busy; })) s.abandoned = true;
  }
  return exit_requested && s.shut_down ? 0 : 1;
}

bool LanguageServer::abandoned_work() const { return state_->abandoned; }

}  // namespace marginalia::lsp
