// SPDX-License-Identifier: MIT
// The host's network service as plugins see it (sdk::Reporter::fetch_all): one object per run
// that checks or reads URLs under the run's address policy, limits and cache. The offline
// implementation here answers every request with `offline`, the known-results one answers
// from another service's memory and cache only; the libcurl one lives beside it.
#pragma once

#include <memory>
#include <vector>

#include "marginalia/sdk/fetch.hpp"

namespace marginalia::net {

/// The `detail` of every answer of an offline run: summaries count these as "offline".
inline constexpr const char* kOfflineRunDetail = "not checked: offline run";

/// Checks or reads URLs; thread-safe (documents are checked concurrently).
class FetchService {
 public:
  virtual ~FetchService() = default;
  /// Results in request order.
  virtual std::vector<sdk::FetchResult> fetch_all(const std::vector<sdk::FetchRequest>& requests) = 0;
  /// Results already known (this service's memory, its cache) without using the network; the
  /// others are `offline`. An editor checks with these first and never waits on the network.
  virtual std::vector<sdk::FetchResult> fetch_known(const std::vector<sdk::FetchRequest>& requests) { return unknown(requests); }

 protected:
  /// Every request answered `offline`, with `detail`.
  static std::vector<sdk::FetchResult> unknown(const std::vector<sdk::FetchRequest>& requests,
                                               const char* detail = "not checked yet") {
    std::vector<sdk::FetchResult> results;
    results.reserve(requests.size());
    for (const sdk::FetchRequest& request : requests) {
      sdk::FetchResult result;
      result.url = request.url;
      result.outcome = sdk::FetchOutcome::offline;
      result.detail = detail;
      results.push_back(std::move(result));
    }
    return results;
  }
};

/// Answers `offline` to everything: `--offline`, and builds without network support.
class OfflineFetchService final : public FetchService {
 public:
  std::vector<sdk::FetchResult> fetch_all(const std::vector<sdk::FetchRequest>& requests) override {
    return unknown(requests, kOfflineRunDetail);
  }
};

/// Another service's known results only (`fetch_known`): the first, network-free check of an
/// editor's buffer, sharing the memory and cache of the service that does go to the network.
class KnownResultsFetchService final : public FetchService {
 public:
  /// `inner` must outlive this object.
  explicit KnownResultsFetchService(std::shared_ptr<FetchService> inner) : inner_(std::move(inner)) {}
  std::vector<sdk::FetchResult> fetch_all(const std::vector<sdk::FetchRequest>& requests) override { return inner_->fetch_known(requests); }
  std::vector<sdk::FetchResult> fetch_known(const std::vector<sdk::FetchRequest>& requests) override { return inner_->fetch_known(requests); }

 private:
  std::shared_ptr<FetchService> inner_;
};

}  // namespace marginalia::net
