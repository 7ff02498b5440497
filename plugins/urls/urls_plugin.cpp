// SPDX-License-Identifier: MIT
// The urls plugin: finds every URL and DOI a report cites, has the host check each distinct
// one once (through `Reporter::fetch_all`, under the host's address policy, limits and cache),
// reports what is broken where it is first cited, and marks every citation in the TEI with
// its result.
#include <marginalia/sdk/sdk.hpp>

#include "citations.hpp"
#include "marginalia_embedded.hpp"
#include "url_findings.hpp"

namespace marginalia::plugins::urls {

class UrlsPlugin final : public sdk::Plugin {
 public:
  sdk::PluginInfo info() const override { return marginalia_embedded::plugin_info(code_table.codes()); }

  std::vector<std::string> configure(const sdk::Options& options) override {
    check_links_ = options.get_bool("check_links", true);
    check_dois_ = options.get_bool("check_dois", true);
    report_.report_ok = options.get_bool("report_ok", false);
    report_.report_temporary_redirects = options.get_bool("report_temporary_redirects", false);
    ignore_ = options.get_strings("ignore", {});
    return {};
  }

  void check(const sdk::Document& document, sdk::Reporter& reporter) const override {
    std::vector<Cited> cited = collect_citations(document);
    std::vector<sdk::FetchRequest> requests;
    std::vector<std::size_t> requested(cited.size(), SIZE_MAX);
    for (std::size_t i = 0; i < cited.size(); ++i) {
      const Cited& entry = cited[i];
      bool checkable = entry.kind == CitedKind::web || (entry.kind == CitedKind::doi && check_dois_);
      if (!check_links_ || !checkable || ignored(entry.request)) continue;
      requested[i] = requests.size();
      requests.push_back({entry.request, sdk::FetchMode::probe});
    }
    std::vector<sdk::FetchResult> results;
    if (!requests.empty() && !reporter.stop_requested()) results = reporter.fetch_all(requests);

    for (std::size_t i = 0; i < cited.size(); ++i) {
      std::optional<sdk::FetchResult> result;
      if (requested[i] != SIZE_MAX && requested[i] < results.size()) result = results[requested[i]];
      Verdict verdict = judge(cited[i], result, report_);
      for (const Citation& citation : cited[i].citations) {
        sdk::Mark mark;
        mark.kind = sdk::MarkKind::url;
        mark.span = citation.span;
        if (!citation.mark_target.empty()) mark.attributes.push_back({"target", citation.mark_target});
        mark.attributes.push_back({"status", verdict.status});
        reporter.mark(std::move(mark));
      }
      if (verdict.finding) reporter.report(std::move(*verdict.finding));
    }
  }

 private:
  bool ignored(const std::string& url) const {
    for (const std::string& prefix : ignore_)
      if (!prefix.empty() && url.compare(0, prefix.size(), prefix) == 0) return true;
    return false;
  }

  bool check_links_ = true;
  bool check_dois_ = true;
  ReportOptions report_;
  std::vector<std::string> ignore_;
};

}  // namespace marginalia::plugins::urls

MARGINALIA_PLUGIN(marginalia::plugins::urls::UrlsPlugin)
