// SPDX-License-Identifier: MIT
#include "citations.hpp"

#include <algorithm>
#include <map>

#include <marginalia/sdk/code_spans.hpp>

#include "doi.hpp"
#include "url_scanner.hpp"
#include "url_syntax.hpp"

namespace marginalia::plugins::urls {
namespace {

class Collector {
 public:
  explicit Collector(const sdk::Document& document) : document_(document) {}

  void add_link(const sdk::Link& link) {
    std::string target = trim(link.target);
    if (target.empty()) return;
    std::string_view visible = document_.slice(link.span);
    bool same = visible == target;
    // A GFM autolink of "www.example.org" carries "http://www.example.org": still written
    // without a scheme.
    if (visible.rfind("www.", 0) == 0 && target == "http://" + std::string(visible)) return add_web(target, link.span, std::string(visible), true);
    std::string scheme = scheme_of(target);
    if (scheme.empty()) {
      if (target.rfind("www.", 0) == 0) add_web("http://" + target, link.span, target, same);
      return;  // relative links and anchors point inside the publication
    }
    if (scheme == "http" || scheme == "https") return add_web(target, link.span, target, same);
    if (scheme == "doi") return add_doi(target.substr(4), link.span, target, same);
    if (is_non_web_scheme(scheme)) return;
    if (std::string fixed = corrected_scheme(scheme); !fixed.empty())
      return add_malformed(target, "unknown scheme \"" + scheme + ":\"", fixed + target.substr(scheme.size()), link.span, same);
    add_blocked(target, scheme, link.span, same);
  }

  void add_candidate(const Candidate& candidate) {
    const std::string& text = candidate.text;
    switch (candidate.kind) {
      case CandidateKind::www:
        return add_web("http://" + text, candidate.span, text, true);
      case CandidateKind::doi:
        return add_doi(text, candidate.span, std::string(document_.slice(candidate.span)), false);
      case CandidateKind::missing_slash:
        return add_malformed(std::string(document_.slice(candidate.span)), "one slash after the scheme where two belong", text, candidate.span, true);
      case CandidateKind::missing_colon:
        return add_malformed(std::string(document_.slice(candidate.span)), "no colon after the scheme", text, candidate.span, true);
      case CandidateKind::scheme_url: {
        std::string scheme = scheme_of(text);
        if (scheme == "http" || scheme == "https") return add_web(text, candidate.span, text, true);
        if (scheme == "hxxp" || scheme == "hxxps" || is_non_web_scheme(scheme)) return;  // defanged on purpose
        if (std::string fixed = corrected_scheme(scheme); !fixed.empty())
          return add_malformed(text, "unknown scheme \"" + scheme + ":\"", fixed + text.substr(scheme.size()), candidate.span, true);
        return add_blocked(text, scheme, candidate.span, true);
      }
    }
  }

  std::vector<Cited> take() { return std::move(cited_); }

 private:
  static std::string trim(const std::string& text) {
    std::size_t begin = text.find_first_not_of(" \t\n");
    if (begin == std::string::npos) return {};
    std::size_t end = text.find_last_not_of(" \t\n");
    return text.substr(begin, end - begin + 1);
  }

  Cited& entry(const std::string& key) {
    auto found = index_.find(key);
    if (found != index_.end()) return cited_[found->second];
    index_.emplace(key, cited_.size());
    cited_.emplace_back();
    cited_.back().key = key;
    return cited_.back();
  }

  void cite(Cited& cited, sdk::Span span, const std::string& written, bool same, const std::string& mark_target) {
    cited.citations.push_back({span, written, same, mark_target});
  }

  void add_web(const std::string& url, sdk::Span span, const std::string& written, bool same) {
    UrlSyntax syntax = parse_url(url);
    if (!syntax.ok) return add_malformed(written, syntax.problem, "", span, same);
    if (std::string doi = doi_of_url(url); !doi.empty()) {
      if (std::string problem = doi_problem(doi); !problem.empty()) {
        Cited& cited = entry("invalid-doi " + doi);
        cited.kind = CitedKind::invalid_doi;
        cited.doi = doi;
        cited.problem = problem;
        return cite(cited, span, written, same, url);
      }
      Cited& cited = entry(syntax.key);
      cited.kind = CitedKind::doi;
      cited.doi = doi;
      cited.request = syntax.request;
      cited.scheme = syntax.scheme;
      return cite(cited, span, written, same, url);
    }
    Cited& cited = entry(syntax.key);
    cited.kind = CitedKind::web;
    cited.request = syntax.request;
    cited.scheme = syntax.scheme;
    cite(cited, span, written, same, url);
  }

  void add_doi(const std::string& doi, sdk::Span span, const std::string& written, bool same) {
    if (std::string problem = doi_problem(doi); !problem.empty()) {
      Cited& cited = entry("invalid-doi " + doi);
      cited.kind = CitedKind::invalid_doi;
      cited.doi = doi;
      cited.problem = problem;
      return cite(cited, span, written, same, "");
    }
    std::string url = doi_url(doi);
    UrlSyntax syntax = parse_url(url);
    Cited& cited = entry(syntax.ok ? syntax.key : url);
    cited.kind = CitedKind::doi;
    cited.doi = doi;
    cited.request = syntax.ok ? syntax.request : url;
    cited.scheme = "https";
    cite(cited, span, written, same, url);
  }

  void add_malformed(const std::string& written, const std::string& problem, const std::string& fix, sdk::Span span, bool same) {
    Cited& cited = entry("malformed " + written);
    cited.kind = CitedKind::malformed;
    cited.problem = problem;
    cited.fix = fix;
    cite(cited, span, written, same, fix);
  }

  void add_blocked(const std::string& written, const std::string& scheme, sdk::Span span, bool same) {
    UrlSyntax syntax = parse_url(written);
    Cited& cited = entry("scheme " + (syntax.ok ? syntax.key : written));
    cited.kind = CitedKind::blocked_scheme;
    cited.scheme = scheme;
    cite(cited, span, written, same, "");
  }

  const sdk::Document& document_;
  std::vector<Cited> cited_;
  std::map<std::string, std::size_t> index_;
};

}  // namespace

std::vector<Cited> collect_citations(const sdk::Document& document) {
  Collector collector(document);
  const sdk::CodeSpans code(document);
  std::vector<Candidate> candidates = scan_urls(document.text);
  std::vector<sdk::Link> links = document.links;
  std::sort(links.begin(), links.end(), [](const sdk::Link& a, const sdk::Link& b) { return a.span < b.span; });
  // Merge both lists in text order; a scanned URL overlapping a link belongs to the link.
  std::size_t l = 0, c = 0;
  auto overlaps_link = [&](const Candidate& candidate) {
    for (std::size_t k = l; k < links.size() && links[k].span.begin < candidate.span.end; ++k)
      if (links[k].span.overlaps(candidate.span) || (links[k].span.empty() && candidate.span.begin <= links[k].span.begin &&
                                                     links[k].span.begin < candidate.span.end))
        return true;
    for (std::size_t k = l; k-- > 0 && links[k].span.end > candidate.span.begin;)
      if (links[k].span.overlaps(candidate.span)) return true;
    return false;
  };
  while (l < links.size() || c < candidates.size()) {
    bool take_link = c >= candidates.size() || (l < links.size() && links[l].span.begin <= candidates[c].span.begin);
    if (take_link) {
      collector.add_link(links[l++]);
    } else {
      // A URL in inline code (`http://localhost:8080/x`) is an example, not a citation; a link
      // the author made around code stays a link.
      if (!overlaps_link(candidates[c]) && !code.overlaps(candidates[c].span)) collector.add_candidate(candidates[c]);
      ++c;
    }
  }
  return collector.take();
}

}  // namespace marginalia::plugins::urls
