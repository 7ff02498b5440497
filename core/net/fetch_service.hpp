// SPDX-License-Identifier: MIT
// The host's network service as plugins see it (sdk::Reporter::fetch_all): one object per run
// that checks or reads URLs under the run's address policy, limits and cache. The offline
// implementation here answers every request with `offline`; the libcurl one lives beside it.
#pragma once

#include <vector>

#include "marginalia/sdk/fetch.hpp"

namespace marginalia::net {

/// Checks or reads URLs; thread-safe (documents are checked concurrently).
class FetchService {
 public:
  virtual ~FetchService() = default;
  /// Results in request order.
  virtual std::vector<sdk::FetchResult> fetch_all(const std::vector<sdk::FetchRequest>& requests) = 0;
};

/// Answers `offline` to everything: `--offline`, and builds without network support.
class OfflineFetchService final : public FetchService {
 public:
  std::vector<sdk::FetchResult> fetch_all(const std::vector<sdk::FetchRequest>& requests) override {
    std::vector<sdk::FetchResult> results;
    results.reserve(requests.size());
    for (const sdk::FetchRequest& request : requests) {
      sdk::FetchResult result;
      result.url = request.url;
      result.outcome = sdk::FetchOutcome::offline;
      result.detail = "not checked: offline run";
      results.push_back(std::move(result));
    }
    return results;
  }
};

}  // namespace marginalia::net
