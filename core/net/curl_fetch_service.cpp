// SPDX-License-Identifier: MIT
#include "net/curl_fetch_service.hpp"

#include <cstdio>
#include <ctime>

#include "net/url_precheck.hpp"

namespace marginalia::net {
namespace {

// A URL's user:password part is a secret; the cache file must not hold it. Keys of URLs that
// carried one are marked, so an answer obtained with credentials is not reused without them.
std::string cache_key(sdk::FetchMode mode, const std::string& url) {
  std::string bare = strip_userinfo(url);
  std::string key = (mode == sdk::FetchMode::text ? "text " : "probe ") + bare;
  return bare.size() == url.size() ? key : key + " (with credentials)";
}

CacheEntry without_credentials(CacheEntry entry) {
  entry.result.url = strip_userinfo(entry.result.url);
  entry.result.final_url = strip_userinfo(entry.result.final_url);
  for (std::string& hop : entry.result.redirects) hop = strip_userinfo(hop);
  return entry;
}

}  // namespace

CurlFetchService::CurlFetchService(FetchSettings settings) : settings_(std::move(settings)), policy_(settings_.allow) {
  if (!settings_.warn)
    settings_.warn = [](const std::string& message) { std::fprintf(stderr, "marginalia: warning: %s\n", message.c_str()); };
  if (!settings_.cache_file.empty()) cache_ = ResultCache::open(settings_.cache_file, settings_.warn, std::time(nullptr));
  if (settings_.progress) progress_ = std::make_unique<ProgressBar>(stderr);
}

CurlFetchService::~CurlFetchService() { engine_.reset(); }

HttpEngine& CurlFetchService::engine() {
  // Called with mutex_ held.
  if (!engine_) {
    HttpEngine::Progress progress;
    if (progress_)
      progress = [bar = progress_.get()](std::size_t done, std::size_t total) {
        if (done >= total) bar->clear();
        else bar->update(done, total);
      };
    engine_ = std::make_unique<HttpEngine>(settings_, policy_, std::move(progress));
  }
  return *engine_;
}

EngineStats CurlFetchService::stats() const {
  return engine_ ? engine_->stats() : EngineStats{};
}

std::time_t CurlFetchService::expiry_for(const sdk::FetchResult& result, std::time_t now) const {
  using sdk::FetchOutcome;
  Milliseconds ttl{0};
  switch (result.outcome) {
    case FetchOutcome::ok:
    case FetchOutcome::redirected:
      ttl = settings_.cache_ttl;
      break;
    case FetchOutcome::client_error:
    case FetchOutcome::server_error:
    case FetchOutcome::timeout:
    case FetchOutcome::dns_failure:
    case FetchOutcome::tls_failure:
    case FetchOutcome::unreachable:
    case FetchOutcome::too_many_redirects:
    case FetchOutcome::rate_limited:
      ttl = settings_.cache_ttl_failure;
      break;
    default:  // decided here without the network, or under this run's policy: never stored
      break;
  }
  long long seconds = ttl.count() / 1000;
  return seconds > 0 ? now + static_cast<std::time_t>(seconds) : 0;
}

std::optional<sdk::FetchResult> CurlFetchService::from_cache(const std::string& key, const std::string& requested, std::time_t now) {
  if (!cache_) return std::nullopt;
  std::optional<CacheEntry> entry = cache_->find(key, now);
  if (!entry) return std::nullopt;
  // The policy comes before the cache: an answer obtained through an address (or a redirect
  // hop) this run refuses is not reused; the network check will meet the guard instead.
  for (const std::string& address : entry->addresses) {
    std::optional<IpAddress> ip = parse_ip(address);
    if (!ip || !policy_.judge(*ip).allowed) return std::nullopt;
  }
  for (const std::string& hop : entry->result.redirects)
    if (!precheck_url(hop, policy_).ok) return std::nullopt;
  entry->result.url = requested;
  entry->result.from_cache = true;
  return entry->result;
}

// The cache key of a request the address policy admits; a refused one fills `refused` and has none.
std::optional<std::string> CurlFetchService::admitted_key(const sdk::FetchRequest& request, Precheck& verdict,
                                                         sdk::FetchResult& refused) const {
  verdict = precheck_url(request.url, policy_);
  if (verdict.ok) return cache_key(request.mode, verdict.url);
  refused.url = refused.final_url = request.url;
  refused.outcome = verdict.outcome;
  refused.detail = verdict.detail;
  return std::nullopt;
}

// This run's earlier answer for `key`, under the name it was requested by; the caller holds mutex_.
bool CurlFetchService::recall_locked(const std::string& key, const std::string& requested, sdk::FetchResult& out) const {
  auto known = memo_.find(key);
  if (known == memo_.end()) return false;
  out = known->second;
  out.url = requested;
  return true;
}

std::vector<sdk::FetchResult> CurlFetchService::fetch_known(const std::vector<sdk::FetchRequest>& requests) {
  std::time_t now = std::time(nullptr);
  std::vector<sdk::FetchResult> results = unknown(requests);
  for (std::size_t i = 0; i < requests.size(); ++i) {
    const sdk::FetchRequest& request = requests[i];
    Precheck verdict;
    std::optional<std::string> key = admitted_key(request, verdict, results[i]);
    if (!key) continue;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (recall_locked(*key, request.url, results[i])) continue;
    }
    if (std::optional<sdk::FetchResult> cached = from_cache(*key, request.url, now)) {
      std::lock_guard<std::mutex> lock(mutex_);
      memo_.emplace(*key, *cached);
      results[i] = std::move(*cached);
    }
  }
  return results;
}

std::vector<sdk::FetchResult> CurlFetchService::fetch_all(const std::vector<sdk::FetchRequest>& requests) {
  std::time_t now = std::time(nullptr);
  std::vector<sdk::FetchResult> results(requests.size());
  struct Wait {
    std::size_t index;
    std::string key;
    std::shared_future<EngineResult> future;
    bool mine;
  };
  std::vector<Wait> waits;

  for (std::size_t i = 0; i < requests.size(); ++i) {
    const sdk::FetchRequest& request = requests[i];
    Precheck verdict;
    std::optional<std::string> admitted = admitted_key(request, verdict, results[i]);
    if (!admitted) continue;
    const std::string& key = *admitted;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (recall_locked(key, request.url, results[i])) continue;
      if (auto pending = in_flight_.find(key); pending != in_flight_.end()) {
        waits.push_back({i, key, pending->second->future, false});
        continue;
      }
    }
    std::optional<sdk::FetchResult> cached = from_cache(key, request.url, now);
    std::lock_guard<std::mutex> lock(mutex_);
    if (cached) {
      memo_.emplace(key, *cached);
      results[i] = std::move(*cached);
      continue;
    }
    if (auto pending = in_flight_.find(key); pending != in_flight_.end()) {  // another thread got here first
      waits.push_back({i, key, pending->second->future, false});
      continue;
    }
    auto pending = std::make_shared<Pending>();
    pending->future = pending->promise.get_future().share();
    in_flight_.emplace(key, pending);
    waits.push_back({i, key, pending->future, true});
    engine().submit(request, verdict.url, verdict.host_key, [this, key, pending](EngineResult done) {
      {
        std::lock_guard<std::mutex> lock(mutex_);
        memo_[key] = done.result;
        in_flight_.erase(key);
      }
      pending->promise.set_value(std::move(done));
    });
  }

  std::vector<std::pair<std::string, CacheEntry>> to_store;
  for (Wait& wait : waits) {
    const EngineResult& done = wait.future.get();
    results[wait.index] = done.result;
    results[wait.index].url = requests[wait.index].url;
    if (!wait.mine || !cache_) continue;
    std::time_t expires = expiry_for(done.result, now);
    if (!expires) continue;
    CacheEntry entry{done.result, done.addresses, expires};
    entry.result.from_cache = false;
    to_store.emplace_back(wait.key, without_credentials(std::move(entry)));
  }
  if (cache_) cache_->store(to_store);
  return results;
}

}  // namespace marginalia::net
