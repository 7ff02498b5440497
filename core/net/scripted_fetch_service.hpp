// SPDX-License-Identifier: MIT
// A fetch service that answers from a script instead of the network: plugin fixtures state
// what each URL "answers" with `fetch-result` lines, so a fixture can show every outcome
// without a server. URLs the script does not name are answered `offline`.
//
//   fetch-result http://example.org/gone client_error 410
//   fetch-result http://example.org/old redirected 308 https://example.org/new
//   fetch-result http://example.org/slow timeout
//
// Fields: the URL as the plugin requests it, an outcome name (`sdk::to_string`), then for
// `redirected` (and `too_many_redirects`) the redirect status and the final URL (301 and 308
// make the redirect permanent), otherwise an optional HTTP status.
#pragma once

#include <map>
#include <string>

#include "net/fetch_service.hpp"

namespace marginalia::net {

class ScriptedFetchService final : public FetchService {
 public:
  /// Adds one answer from the text after "fetch-result " (URL OUTCOME [STATUS] [FINAL-URL]
  /// [truncated] [text=WORDS…]); returns an error, empty if fine.
  std::string add(const std::string& line);
  /// Adds one answer directly.
  void add(sdk::FetchResult result) { answers_[result.url] = std::move(result); }

  std::vector<sdk::FetchResult> fetch_all(const std::vector<sdk::FetchRequest>& requests) override;

 private:
  std::map<std::string, sdk::FetchResult> answers_;
};

}  // namespace marginalia::net
