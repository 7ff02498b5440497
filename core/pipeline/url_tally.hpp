// SPDX-License-Identifier: MIT
// The fetch service one document's plugins see: the run's service, with a tally of what became
// of each distinct URL asked about (merge::UrlCounts), for the summaries. Counting here, where
// every request passes, needs nothing from plugins and counts the urls and quotes plugins alike.
#pragma once

#include <map>
#include <mutex>
#include <string>

#include "merge/merge.hpp"
#include "net/fetch_service.hpp"

namespace marginalia::pipeline {

class UrlTally final : public net::FetchService {
 public:
  /// `inner` must outlive this object.
  explicit UrlTally(net::FetchService& inner) : inner_(inner) {}
  std::vector<sdk::FetchResult> fetch_all(const std::vector<sdk::FetchRequest>& requests) override;
  std::vector<sdk::FetchResult> fetch_known(const std::vector<sdk::FetchRequest>& requests) override;
  /// Each distinct URL counted once, by its first answer.
  merge::UrlCounts counts() const;

 private:
  void record(const std::vector<sdk::FetchResult>& results);

  net::FetchService& inner_;
  mutable std::mutex mutex_;
  std::map<std::string, sdk::FetchResult> first_answer_;
};

/// Which count a result goes to: cached, offline, blocked, skipped (asked but not attempted,
/// or not a URL the service takes), else checked.
void count_result(const sdk::FetchResult& result, merge::UrlCounts& counts);

}  // namespace marginalia::pipeline
