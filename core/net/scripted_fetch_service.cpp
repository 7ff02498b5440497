// SPDX-License-Identifier: MIT
#include "net/scripted_fetch_service.hpp"

#include "net/http_status.hpp"

#include <sstream>

namespace marginalia::net {

std::string ScriptedFetchService::add(const std::string& given) {
  // "… text=WORDS" gives the page's text (FetchMode::text); a "truncated" word says it was cut
  // at the text cap.
  std::string line = given, text;
  bool has_text = false;
  if (std::size_t at = line.find(" text="); at != std::string::npos) {
    text = line.substr(at + 6);
    line.erase(at);
    has_text = true;
  }
  bool truncated = false;
  std::istringstream all(line);
  std::string word, kept;
  while (all >> word) {
    if (word == "truncated") truncated = true;
    else kept += (kept.empty() ? "" : " ") + word;
  }
  std::istringstream fields(kept);
  std::string url, outcome_name, status_text, final_url;
  fields >> url >> outcome_name >> status_text >> final_url;
  if (url.empty() || outcome_name.empty()) return "fetch-result needs URL OUTCOME [STATUS] [FINAL-URL]: '" + line + "'";
  sdk::FetchResult result;
  result.url = url;
  bool known = false;
  for (int i = 0; i <= static_cast<int>(sdk::FetchOutcome::bad_response) && !known; ++i) {
    auto outcome = static_cast<sdk::FetchOutcome>(i);
    if (outcome_name == sdk::to_string(outcome)) {
      result.outcome = outcome;
      known = true;
    }
  }
  if (!known) return "fetch-result: unknown outcome '" + outcome_name + "'";
  int status = 0;
  if (!status_text.empty()) {
    for (char c : status_text)
      if (c < '0' || c > '9') return "fetch-result: '" + status_text + "' is not an HTTP status";
    status = std::stoi(status_text);
  }
  bool redirect = result.outcome == sdk::FetchOutcome::redirected || result.outcome == sdk::FetchOutcome::too_many_redirects;
  if (redirect) {
    if (final_url.empty()) return "fetch-result: " + outcome_name + " needs a redirect status and the final URL";
    result.redirects.push_back(final_url);
    result.permanent_redirect = status == 301 || status == 308;
    result.http_status = result.outcome == sdk::FetchOutcome::redirected ? 200 : status;
    result.final_url = final_url;
    if (result.outcome == sdk::FetchOutcome::too_many_redirects) result.detail = "redirect loop: " + url + " → " + final_url;
  } else {
    result.http_status = status;
    result.final_url = url;
    if (status > 0) result.detail = http_detail(status);
  }
  if (has_text) result.text = text;
  if (truncated) result.detail = "truncated at 2 MiB (the text-bytes setting)";
  answers_[url] = std::move(result);
  return {};
}

std::vector<sdk::FetchResult> ScriptedFetchService::fetch_all(const std::vector<sdk::FetchRequest>& requests) {
  std::vector<sdk::FetchResult> results;
  for (const sdk::FetchRequest& request : requests) {
    auto found = answers_.find(request.url);
    if (found != answers_.end()) {
      results.push_back(found->second);
      continue;
    }
    sdk::FetchResult offline;
    offline.url = offline.final_url = request.url;
    offline.outcome = sdk::FetchOutcome::offline;
    offline.detail = kOfflineRunDetail;
    results.push_back(offline);
  }
  return results;
}

}  // namespace marginalia::net
