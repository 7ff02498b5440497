// SPDX-License-Identifier: MIT
// The libcurl implementation of `FetchService`: for each request, in this order, the URL is
// pre-checked (parse, scheme, policy on literal addresses), answered from this run's memory,
// from the on-disk cache (after re-judging every address the cached answer connected to under
// the current policy), or checked on the network by the engine. Each distinct URL is fetched
// once per run, even when several documents ask for it at the same time.
#pragma once

#include <future>
#include <map>
#include <memory>
#include <mutex>

#include "net/address_policy.hpp"
#include "net/fetch_service.hpp"
#include "net/fetch_settings.hpp"
#include "net/http_engine.hpp"
#include "net/progress_bar.hpp"
#include "net/url_precheck.hpp"
#include "net/result_cache.hpp"

namespace marginalia::net {

class CurlFetchService final : public FetchService {
 public:
  /// Opens the cache (if `settings.cache_file` is set); the network thread starts on first need.
  explicit CurlFetchService(FetchSettings settings);
  ~CurlFetchService() override;

  std::vector<sdk::FetchResult> fetch_all(const std::vector<sdk::FetchRequest>& requests) override;
  /// Pre-checks, this service's memory and the on-disk cache; never the network.
  std::vector<sdk::FetchResult> fetch_known(const std::vector<sdk::FetchRequest>& requests) override;

  /// The engine's counters (all zero until the network was used).
  EngineStats stats() const;
  /// The settings in force.
  const FetchSettings& settings() const { return settings_; }

 private:
  struct Pending {
    std::promise<EngineResult> promise;
    std::shared_future<EngineResult> future;
  };

  std::optional<sdk::FetchResult> from_cache(const std::string& key, const std::string& requested, std::time_t now);
  std::optional<std::string> admitted_key(const sdk::FetchRequest& request, Precheck& verdict, sdk::FetchResult& refused) const;
  bool recall_locked(const std::string& key, const std::string& requested, sdk::FetchResult& out) const;
  HttpEngine& engine();
  std::time_t expiry_for(const sdk::FetchResult& result, std::time_t now) const;

  FetchSettings settings_;
  AddressPolicy policy_;
  std::unique_ptr<ResultCache> cache_;
  std::unique_ptr<ProgressBar> progress_;
  std::mutex mutex_;
  std::map<std::string, sdk::FetchResult> memo_;
  std::map<std::string, std::shared_ptr<Pending>> in_flight_;
  std::unique_ptr<HttpEngine> engine_;  // last: stopped before what it calls back into
};

}  // namespace marginalia::net
