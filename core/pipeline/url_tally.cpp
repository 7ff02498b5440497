// SPDX-License-Identifier: MIT
#include "pipeline/url_tally.hpp"

namespace marginalia::pipeline {

void count_result(const sdk::FetchResult& result, merge::UrlCounts& counts) {
  using sdk::FetchOutcome;
  if (result.from_cache) ++counts.cached;
  // Only an offline run's own answer says "offline"; any other unanswered request (an editor's
  // first, network-free pass, a run being stopped) was skipped.
  else if (result.outcome == FetchOutcome::offline) ++(result.detail == net::kOfflineRunDetail ? counts.offline : counts.skipped);
  else if (result.outcome == FetchOutcome::blocked_address || result.outcome == FetchOutcome::blocked_scheme) ++counts.blocked;
  else if (result.outcome == FetchOutcome::malformed) ++counts.skipped;
  else ++counts.checked;
}

std::vector<sdk::FetchResult> UrlTally::fetch_all(const std::vector<sdk::FetchRequest>& requests) {
  std::vector<sdk::FetchResult> results = inner_.fetch_all(requests);
  record(results);
  return results;
}

std::vector<sdk::FetchResult> UrlTally::fetch_known(const std::vector<sdk::FetchRequest>& requests) {
  std::vector<sdk::FetchResult> results = inner_.fetch_known(requests);
  record(results);
  return results;
}

void UrlTally::record(const std::vector<sdk::FetchResult>& results) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const sdk::FetchResult& result : results) first_answer_.emplace(result.url, result);
}

merge::UrlCounts UrlTally::counts() const {
  std::lock_guard<std::mutex> lock(mutex_);
  merge::UrlCounts counts;
  for (const auto& [url, result] : first_answer_) count_result(result, counts);
  return counts;
}

}  // namespace marginalia::pipeline
