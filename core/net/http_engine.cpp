// SPDX-License-Identifier: MIT
#include "net/http_engine.hpp"
#include "net/http_status.hpp"

#include <sys/socket.h>
#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <ctime>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <unordered_map>

#include "net/host_scheduler.hpp"
#include "net/proxy_choice.hpp"
#include "input/html_text.hpp"
#include "net/retry_after.hpp"
#include "net/url_precheck.hpp"

namespace marginalia::net {

namespace {

std::once_flag curl_initialised;

long long to_ms(Clock::duration d) { return std::chrono::duration_cast<Milliseconds>(d).count(); }

std::string seconds_text(Milliseconds ms) {
  long long value = ms.count();
  if (value % 1000 == 0) return std::to_string(value / 1000) + " s";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f s", static_cast<double>(value) / 1000.0);
  return buffer;
}

bool header_is(const char* line, std::size_t size, const char* name, std::string& value) {
  std::size_t length = std::strlen(name);
  if (size <= length || line[length] != ':') return false;
  for (std::size_t i = 0; i < length; ++i)
    if (std::tolower(static_cast<unsigned char>(line[i])) != name[i]) return false;
  value.assign(line + length + 1, size - length - 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.erase(0, 1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) value.pop_back();
  return true;
}

bool is_tls_error(CURLcode rc) {
  switch (rc) {
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_USE_SSL_FAILED:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_CLIENTCERT:
      return true;
    default:
      return false;
  }
}

bool is_reset(CURLcode rc) {
  return rc == CURLE_RECV_ERROR || rc == CURLE_SEND_ERROR || rc == CURLE_GOT_NOTHING || rc == CURLE_PARTIAL_FILE ||
         rc == CURLE_HTTP2 || rc == CURLE_HTTP2_STREAM;
}

// libcurl refuses a response header line above this (CURL_MAX_HTTP_HEADER, 100 KiB) and then
// says "Out of memory"; the engine counts the header bytes it saw to name the real cause.
constexpr std::size_t max_header_bytes = 100 * 1024;

std::string size_text(std::size_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

std::string chain_text(const std::string& first, const std::vector<std::string>& hops) {
  std::string text = first;
  for (const std::string& hop : hops) text += " → " + hop;
  return text;
}

}  // namespace

struct HttpEngine::Job {
  sdk::FetchRequest request;
  std::string url;       // the hop being fetched
  std::string host_key;  // its "host:port"
  Done done;
  sdk::FetchResult result;
  std::vector<std::string> addresses;
  std::set<std::string> visited;
  bool use_get = false;
  bool too_slow = false;  // an attempt was cut by the low-speed limit
  int retries_used = 0;
  Milliseconds spent{0};
};

struct HttpEngine::Transfer {
  HttpEngine* engine = nullptr;
  Loop* loop = nullptr;
  Job* job = nullptr;
  CURL* easy = nullptr;
  curl_slist* headers = nullptr;
  char error[CURL_ERROR_SIZE] = {};
  std::string retry_after, content_type;
  std::string body;
  std::size_t received = 0, cap = 0, header_bytes = 0;
  bool keep_body = false, capped = false;
  bool blocked = false, gated = false;
  std::string blocked_reason;
  // The proxy this transfer goes through (net/proxy_choice.hpp); empty: straight to the host.
  std::string proxy;

  ~Transfer() {
    if (easy) curl_easy_cleanup(easy);
    curl_slist_free_all(headers);
  }
};

struct HttpEngine::Loop {
  explicit Loop(HttpEngine& owner)
      : engine(owner), scheduler(owner.settings_.per_host, owner.settings_.host_interval), random(std::random_device{}()) {
    std::call_once(curl_initialised, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    multi = curl_multi_init();
    curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, static_cast<long>(owner.settings_.max_in_flight));
    for (const std::string& entry : owner.settings_.resolve) resolve = curl_slist_append(resolve, entry.c_str());
  }
  ~Loop() {
    for (auto& [easy, transfer] : active) curl_multi_remove_handle(multi, easy);
    active.clear();
    curl_multi_cleanup(multi);
    curl_slist_free_all(resolve);
  }

  HttpEngine& engine;
  CURLM* multi = nullptr;
  curl_slist* resolve = nullptr;
  HostScheduler scheduler;
  std::map<CURL*, std::unique_ptr<Transfer>> active;
  std::unordered_map<Job*, std::unique_ptr<Job>> jobs;  // owned until finished
  std::mt19937 random;
  std::size_t finished = 0;

  const FetchSettings& settings() const { return engine.settings_; }

  void enqueue(Job* job, Clock::time_point not_before) { scheduler.push(job, job->host_key, not_before); }

  Milliseconds backoff(int attempt) {
    long long base = settings().backoff.count() << std::min(attempt, 16);
    std::uniform_real_distribution<double> jitter(0.5, 1.0);  // "equal jitter": half fixed, half random
    return Milliseconds(static_cast<long long>(static_cast<double>(base) * jitter(random)));
  }

  void finish(Job* job, sdk::FetchOutcome outcome, std::string detail, long status = 0) {
    job->result.url = job->request.url;
    job->result.outcome = outcome;
    job->result.detail = std::move(detail);
    if (status) job->result.http_status = static_cast<int>(status);
    if (job->result.final_url.empty()) job->result.final_url = job->url;
    EngineResult done{std::move(job->result), std::move(job->addresses)};
    Done callback = std::move(job->done);
    std::unique_ptr<Job> owned = std::move(jobs[job]);
    jobs.erase(job);
    ++finished;
    callback(std::move(done));
  }

  // Network time left for this URL; the retry and redirect budget.
  Milliseconds remaining(const Job& job) const { return settings().total_timeout - job.spent; }

  bool may_retry(const Job& job) const {
    return job.retries_used < settings().retries && remaining(job) > Milliseconds(100);
  }

  void retry(Job* job, Milliseconds wait) {
    ++job->retries_used;
    enqueue(job, Clock::now() + wait);
  }

  // A refusal of the proxy's address says so: the URL itself may be fine.
  static std::string proxy_reason(const Transfer& transfer, const std::string& reason) {
    if (transfer.proxy.empty()) return reason;
    std::string shown = transfer.proxy.find("://") == std::string::npos ? "http://" + transfer.proxy : transfer.proxy;
    return "the proxy " + strip_userinfo(shown) + " was refused: " + reason;
  }

  static curl_socket_t open_socket(void* data, curlsocktype purpose, curl_sockaddr* address) {
    auto* transfer = static_cast<Transfer*>(data);
    HttpEngine& engine = *transfer->engine;
    std::optional<IpAddress> ip = purpose == CURLSOCKTYPE_IPCXN ? from_sockaddr(&address->addr) : std::nullopt;
    std::string name = ip ? ip->to_string() : std::string("?");
    // Whatever the connection is for, the target or a proxy, its address passes the policy: a
    // proxy on an internal address needs --allow-net like any internal host.
    if (!ip) {
      transfer->blocked = true;
      transfer->blocked_reason = "not an IP connection";
    } else if (AddressVerdict verdict = engine.policy_.judge(*ip); !verdict.allowed) {
      transfer->blocked = true;
      transfer->blocked_reason = proxy_reason(*transfer, verdict.reason);
    }
    if (!transfer->blocked && ip && engine.settings_.socket_gate && !engine.settings_.socket_gate(*ip)) transfer->gated = true;
    std::lock_guard<std::mutex> lock(engine.mutex_);
    if (transfer->blocked || transfer->gated) {
      engine.stats_.sockets_refused.push_back(name);
      return CURL_SOCKET_BAD;
    }
    engine.stats_.sockets_opened.push_back(name);
    return ::socket(address->family, address->socktype, address->protocol);
  }

  // A second layer: the connection about to carry the request (reused ones included).
  static int before_request(void* data, char* primary_ip, char*, int, int) {
    auto* transfer = static_cast<Transfer*>(data);
    HttpEngine& engine = *transfer->engine;
    {
      std::lock_guard<std::mutex> lock(engine.mutex_);
      ++engine.stats_.requests;
    }
    std::optional<IpAddress> ip = primary_ip ? parse_ip(primary_ip) : std::nullopt;
    AddressVerdict verdict = ip ? engine.policy_.judge(*ip) : AddressVerdict{false, "an unknown peer address"};
    if (verdict.allowed) return CURL_PREREQFUNC_OK;
    transfer->blocked = true;
    transfer->blocked_reason = proxy_reason(*transfer, verdict.reason);
    return CURL_PREREQFUNC_ABORT;
  }

  static std::size_t on_header(char* line, std::size_t size, std::size_t count, void* data) {
    auto* transfer = static_cast<Transfer*>(data);
    std::size_t bytes = size * count;
    transfer->header_bytes += bytes;
    if (bytes >= 5 && std::strncmp(line, "HTTP/", 5) == 0) {  // a new response (after 1xx): forget the last
      transfer->retry_after.clear();
      transfer->content_type.clear();
      return bytes;
    }
    std::string value;
    if (header_is(line, bytes, "retry-after", value)) transfer->retry_after = value;
    else if (header_is(line, bytes, "content-type", value)) transfer->content_type = value;
    return bytes;
  }

  // The body cap is counted here: curl 7.88's MAXFILESIZE does not stop a streamed body.
  static std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto* transfer = static_cast<Transfer*>(user);
    std::size_t bytes = size * count;
    transfer->received += bytes;
    if (transfer->keep_body && transfer->body.size() < transfer->cap)
      transfer->body.append(data, std::min(bytes, transfer->cap - transfer->body.size()));
    if (transfer->received > transfer->cap) {
      transfer->capped = true;
      return 0;  // ends the transfer with CURLE_WRITE_ERROR
    }
    return bytes;
  }

  void start(Job* job) {
    auto transfer = std::make_unique<Transfer>();
    transfer->engine = &engine;
    transfer->loop = this;
    transfer->job = job;
    CURL* easy = curl_easy_init();
    transfer->easy = easy;
    const FetchSettings& s = settings();
    bool text_mode = job->request.mode == sdk::FetchMode::text;
    bool head = !text_mode && !job->use_get;
    transfer->keep_body = text_mode;
    transfer->cap = text_mode ? s.text_bytes : s.probe_bytes;

    curl_easy_setopt(easy, CURLOPT_URL, job->url.c_str());
    curl_easy_setopt(easy, CURLOPT_PRIVATE, transfer.get());
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);  // followed here, hop by hop
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer->error);
    if (head) {
      curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
    } else {
      curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
      if (!text_mode) {
        curl_easy_setopt(easy, CURLOPT_RANGE, "0-0");
        curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(s.probe_bytes));
      } else {
        curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");  // decoded bytes count against the cap
      }
    }
    transfer->headers = curl_slist_append(nullptr, "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, transfer->headers);
    curl_easy_setopt(easy, CURLOPT_USERAGENT, s.user_agent.c_str());
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &Loop::on_body);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, transfer.get());
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &Loop::on_header);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, transfer.get());
    curl_easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION, &Loop::open_socket);
    curl_easy_setopt(easy, CURLOPT_OPENSOCKETDATA, transfer.get());
    curl_easy_setopt(easy, CURLOPT_PREREQFUNCTION, &Loop::before_request);
    curl_easy_setopt(easy, CURLOPT_PREREQDATA, transfer.get());

    long long budget = std::max<long long>(1, remaining(*job).count());
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(budget));
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(std::min<long long>(budget, s.connect_timeout.count())));
    if (s.low_speed_bytes > 0) {
      curl_easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, s.low_speed_bytes);
      curl_easy_setopt(easy, CURLOPT_LOW_SPEED_TIME, static_cast<long>(std::max<long long>(1, (s.low_speed_time.count() + 999) / 1000)));
    }
    // Nothing from the environment: no .netrc, no cookies, no credentials
    // forwarded across hosts, TLS always verified.
    // The proxy is chosen here, from the settings (which a front end fills from the environment),
    // and libcurl reads no variable itself: the engine must know what each socket is for.
    transfer->proxy = choose_proxy(job->url, s.proxy, s.proxy_environment);
    curl_easy_setopt(easy, CURLOPT_PROXY, transfer->proxy.c_str());
    curl_easy_setopt(easy, CURLOPT_NOPROXY, "");
    curl_easy_setopt(easy, CURLOPT_NETRC, static_cast<long>(CURL_NETRC_IGNORED));
    curl_easy_setopt(easy, CURLOPT_UNRESTRICTED_AUTH, 0L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!s.ca_file.empty()) curl_easy_setopt(easy, CURLOPT_CAINFO, s.ca_file.c_str());
    if (resolve) curl_easy_setopt(easy, CURLOPT_RESOLVE, resolve);

    curl_multi_add_handle(multi, easy);
    active.emplace(easy, std::move(transfer));
  }

  void fill() {
    Clock::time_point ignored = Clock::time_point::max();
    while (active.size() < settings().max_in_flight) {
      void* item = scheduler.pop_ready(Clock::now(), ignored);
      if (!item) break;
      start(static_cast<Job*>(item));
    }
  }

  // Milliseconds until the scheduler may have something ready, capped for responsiveness.
  int wait_ms() {
    if (active.size() >= settings().max_in_flight || scheduler.queued() == 0) return 1000;
    Clock::time_point wake = Clock::time_point::max();
    Clock::time_point now = Clock::now();
    void* item = scheduler.pop_ready(now, wake);
    if (item) {  // became ready meanwhile: start it and poll without waiting
      start(static_cast<Job*>(item));
      return 0;
    }
    if (wake == Clock::time_point::max()) return 1000;
    return static_cast<int>(std::clamp<long long>(to_ms(wake - now) + 1, 0, 1000));
  }

  void completed(CURL* easy, CURLcode rc) {
    auto found = active.find(easy);
    if (found == active.end()) return;
    std::unique_ptr<Transfer> transfer = std::move(found->second);
    active.erase(found);
    curl_multi_remove_handle(multi, easy);
    Job* job = transfer->job;

    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    curl_off_t micros = 0;
    curl_easy_getinfo(easy, CURLINFO_TOTAL_TIME_T, &micros);
    job->spent += Milliseconds(micros / 1000);
    char* ip = nullptr;
    if (curl_easy_getinfo(easy, CURLINFO_PRIMARY_IP, &ip) == CURLE_OK && ip && *ip &&
        std::find(job->addresses.begin(), job->addresses.end(), ip) == job->addresses.end())
      job->addresses.push_back(ip);
    scheduler.finished(job->host_key);

    bool answered = status > 0 && (rc == CURLE_OK || (rc == CURLE_WRITE_ERROR && transfer->capped) || rc == CURLE_FILESIZE_EXCEEDED);
    if (answered) on_status(job, *transfer, status);
    else on_error(job, *transfer, rc);
  }

  void on_status(Job* job, Transfer& transfer, long status) {
    const FetchSettings& s = settings();
    if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
      char* location = nullptr;
      curl_easy_getinfo(transfer.easy, CURLINFO_REDIRECT_URL, &location);
      if (!location || !*location) return finish(job, sdk::FetchOutcome::failed, http_detail(status) + " without a Location header", status);
      std::string next = location;
      bool permanent = status == 301 || status == 308;
      job->result.permanent_redirect = job->result.redirects.empty() ? permanent : job->result.permanent_redirect && permanent;
      job->visited.insert(job->url);
      job->result.redirects.push_back(next);
      job->result.http_status = static_cast<int>(status);
      Precheck hop = precheck_url(next, engine.policy_);
      std::string key = hop.ok ? hop.url : next;
      if (job->visited.count(key) || job->visited.count(next)) {
        job->result.final_url = next;
        return finish(job, sdk::FetchOutcome::too_many_redirects, "redirect loop: " + chain_text(job->request.url, job->result.redirects), status);
      }
      if (static_cast<int>(job->result.redirects.size()) > s.max_redirects) {
        job->result.final_url = next;
        return finish(job, sdk::FetchOutcome::too_many_redirects, "more than " + std::to_string(s.max_redirects) + " redirects", status);
      }
      if (!hop.ok) {
        job->result.final_url = next;
        return finish(job, hop.outcome, "redirected to " + next + ": " + hop.detail, status);
      }
      job->url = hop.url;
      job->host_key = hop.host_key;
      job->use_get = false;
      return enqueue(job, Clock::now());
    }
    if ((status == 405 || status == 403 || status == 501) && !job->use_get && job->request.mode == sdk::FetchMode::probe) {
      job->use_get = true;  // HEAD refused: a GET of one byte says the same
      return enqueue(job, Clock::now());
    }
    std::optional<Milliseconds> asked;
    if (!transfer.retry_after.empty()) asked = parse_retry_after(transfer.retry_after, std::time(nullptr));
    if (status == 429 || (status == 503 && asked)) {
      if (asked && *asked > s.retry_after_cap)
        return finish(job, sdk::FetchOutcome::rate_limited,
                      http_detail(status) + " asking to wait " + seconds_text(*asked) + ", above the " + seconds_text(s.retry_after_cap) + " cap",
                      status);
      if (job->retries_used < s.retries) {
        Milliseconds wait = asked ? *asked : backoff(job->retries_used);
        scheduler.pause_host(job->host_key, Clock::now() + wait);  // Retry-After speaks for the whole host
        return retry(job, wait);
      }
      return finish(job, status == 429 ? sdk::FetchOutcome::rate_limited : sdk::FetchOutcome::server_error,
                    http_detail(status) + " after " + std::to_string(job->retries_used) + " retries", status);
    }
    if (status >= 500) {
      if (may_retry(*job)) return retry(job, backoff(job->retries_used));
      std::string detail = http_detail(status);
      if (job->retries_used) detail += " after " + std::to_string(job->retries_used) + " retries";
      return finish(job, sdk::FetchOutcome::server_error, detail, status);
    }
    if (status >= 400) return finish(job, sdk::FetchOutcome::client_error, http_detail(status), status);
    if (status < 200) return finish(job, sdk::FetchOutcome::failed, "unexpected " + http_detail(status), status);
    // 2xx (and 300/304, which answer too): the resource is there.
    job->result.final_url = job->url;
    if (job->request.mode == sdk::FetchMode::text && !input::body_to_text(transfer.body, transfer.content_type, job->result.text))
      job->result.detail = "not text: " + transfer.content_type;
    else if (job->request.mode == sdk::FetchMode::text && transfer.capped)
      job->result.detail = "truncated at " + size_text(transfer.cap) + " (the text-bytes setting)";
    std::string detail = job->result.detail;
    finish(job, job->result.redirects.empty() ? sdk::FetchOutcome::ok : sdk::FetchOutcome::redirected, detail, status);
  }

  void on_error(Job* job, Transfer& transfer, CURLcode rc) {
    const FetchSettings& s = settings();
    std::string said = transfer.error[0] ? transfer.error : curl_easy_strerror(rc);
    if (transfer.blocked && (rc == CURLE_COULDNT_CONNECT || rc == CURLE_ABORTED_BY_CALLBACK))
      return finish(job, sdk::FetchOutcome::blocked_address, transfer.blocked_reason);
    switch (rc) {
      case CURLE_COULDNT_RESOLVE_HOST: {
        char* host = nullptr;
        CURLU* parsed = curl_url();
        std::string name = job->host_key.substr(0, job->host_key.rfind(':'));
        if (curl_url_set(parsed, CURLUPART_URL, job->url.c_str(), 0) == CURLUE_OK && curl_url_get(parsed, CURLUPART_HOST, &host, 0) == CURLUE_OK) {
          name = host;
          curl_free(host);
        }
        curl_url_cleanup(parsed);
        return finish(job, sdk::FetchOutcome::dns_failure, "the host name " + name + " does not resolve");
      }
      case CURLE_COULDNT_CONNECT:
        if (transfer.gated) return finish(job, sdk::FetchOutcome::unreachable, "not connected: the socket gate refused the address");
        return finish(job, sdk::FetchOutcome::unreachable, "connection refused");
      case CURLE_OPERATION_TIMEDOUT: {
        curl_off_t body_bytes = 0;
        long header_bytes = 0;
        curl_easy_getinfo(transfer.easy, CURLINFO_SIZE_DOWNLOAD_T, &body_bytes);
        curl_easy_getinfo(transfer.easy, CURLINFO_HEADER_SIZE, &header_bytes);
        // "Too slow" only when something trickled in; silence is no answer at all.
        bool trickled = body_bytes > 0 || header_bytes > 0 || transfer.received > 0;
        job->too_slow = job->too_slow || (trickled && said.find("too slow") != std::string::npos);
        if (may_retry(*job)) return retry(job, backoff(job->retries_used));
        std::string detail = job->too_slow ? "slower than " + std::to_string(s.low_speed_bytes) + " bytes/s for " + seconds_text(s.low_speed_time)
                                  : "no complete answer within " + seconds_text(s.total_timeout);
        return finish(job, sdk::FetchOutcome::timeout, detail);
      }
      case CURLE_UNSUPPORTED_PROTOCOL:
        // Every hop's scheme was checked before the request, so this is the answer's protocol.
        if (said.find("HTTP/0.9") != std::string::npos)
          return finish(job, sdk::FetchOutcome::bad_response, "the server answered without an HTTP status line (HTTP/0.9)");
        if (said.find("HTTP") != std::string::npos)  // "Unsupported HTTP version in response": a broken status line
          return finish(job, sdk::FetchOutcome::bad_response, "not a valid HTTP response: " + said);
        return finish(job, sdk::FetchOutcome::blocked_scheme, said);
      case CURLE_WEIRD_SERVER_REPLY:
      case CURLE_BAD_CONTENT_ENCODING:
        return finish(job, sdk::FetchOutcome::bad_response, "not a valid HTTP response: " + said);
      case CURLE_OUT_OF_MEMORY:
        // After a status line, libcurl's "Out of memory" is a header line above its limit.
        if (transfer.header_bytes > 0 || said.find("header") != std::string::npos)
          return finish(job, sdk::FetchOutcome::bad_response, "response headers larger than " + size_text(max_header_bytes));
        break;
      case CURLE_URL_MALFORMAT:
        return finish(job, sdk::FetchOutcome::malformed, said);
      default:
        break;
    }
    if (is_tls_error(rc)) return finish(job, sdk::FetchOutcome::tls_failure, said);
    if (is_reset(rc)) {
      if (may_retry(*job)) return retry(job, backoff(job->retries_used));
      std::string detail = "connection reset or closed without an answer";
      if (job->retries_used) detail += " after " + std::to_string(job->retries_used) + " retries";
      return finish(job, sdk::FetchOutcome::unreachable, detail);
    }
    finish(job, sdk::FetchOutcome::failed, said);
  }
};

HttpEngine::HttpEngine(const FetchSettings& settings, const AddressPolicy& policy, Progress progress)
    : settings_(settings), policy_(policy), progress_(std::move(progress)), loop_(std::make_unique<Loop>(*this)) {
  thread_ = std::thread([this] { run(); });
}

HttpEngine::~HttpEngine() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  curl_multi_wakeup(loop_->multi);
  if (thread_.joinable()) thread_.join();
}

void HttpEngine::submit(sdk::FetchRequest request, std::string url, std::string host_key, Done done) {
  auto job = std::make_unique<Job>();
  job->request = std::move(request);
  job->url = std::move(url);
  job->host_key = std::move(host_key);
  job->done = std::move(done);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    incoming_.push_back(std::move(job));
    ++submitted_;
  }
  curl_multi_wakeup(loop_->multi);
}

EngineStats HttpEngine::stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return stats_;
}

void HttpEngine::run() {
  Loop& loop = *loop_;
  while (true) {
    std::size_t total = 0;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      for (std::unique_ptr<Job>& job : incoming_) {
        loop.enqueue(job.get(), Clock::now());
        Job* key = job.get();
        loop.jobs.emplace(key, std::move(job));
      }
      incoming_.clear();
      total = submitted_;
      if (stopping_) break;
    }
    loop.fill();
    int running = 0;
    curl_multi_perform(loop.multi, &running);
    int left = 0;
    std::size_t finished_before = loop.finished;
    while (CURLMsg* message = curl_multi_info_read(loop.multi, &left))
      if (message->msg == CURLMSG_DONE) loop.completed(message->easy_handle, message->data.result);
    loop.fill();
    if (progress_ && loop.finished != finished_before) progress_(loop.finished, total);
    int timeout = loop.wait_ms();
    curl_multi_poll(loop.multi, nullptr, 0, timeout, nullptr);
  }
  // Stopping: whatever is still queued or running ends as failed, so no caller waits forever.
  for (auto& [easy, transfer] : loop.active) curl_multi_remove_handle(loop.multi, easy);
  loop.active.clear();
  const char* ended = "the run ended before the check did";
  while (!loop.jobs.empty()) loop.finish(loop.jobs.begin()->first, sdk::FetchOutcome::failed, ended);
  std::lock_guard<std::mutex> lock(mutex_);
  for (std::unique_ptr<Job>& job : incoming_) {
    EngineResult result;
    result.result.url = job->request.url;
    result.result.final_url = job->url;
    result.result.outcome = sdk::FetchOutcome::failed;
    result.result.detail = ended;
    if (job->done) job->done(std::move(result));
  }
  incoming_.clear();
}

}  // namespace marginalia::net
