// SPDX-License-Identifier: MIT
#include "source_checker.hpp"

#include <algorithm>
#include <map>
#include <memory>

#include "quote_checks.hpp"
#include "source_matcher.hpp"

namespace marginalia::plugins::quotes {
namespace {

// The URLs a note gives: links inside its body, then URLs written in its text.
std::vector<std::string> note_urls(const sdk::Document& document, const std::string& label) {
  std::vector<std::string> urls;
  for (const sdk::Note& note : document.notes) {
    if (note.label != label) continue;
    for (const sdk::Link& link : document.links)
      if (note.span.contains(link.span) && link.target.rfind("http", 0) == 0) urls.push_back(link.target);
    for (std::string& url : urls_in(document.slice(note.body.empty() ? note.span : note.body)))
      if (std::find(urls.begin(), urls.end(), url) == urls.end()) urls.push_back(std::move(url));
    break;
  }
  return urls;
}

}  // namespace

std::vector<sdk::Finding> check_sources(const sdk::Document& document, const Analysis& analysis, const SourceLibrary& library,
                                        const Fetcher& fetch, SourceCheckStats* stats) {
  std::vector<sdk::Finding> out;
  // Where each cited quotation's source may be: a local file, or URLs to fetch.
  struct Wanted { const Quotation* quote; std::string key; std::vector<std::string> urls; };
  std::vector<Wanted> wanted;
  std::map<std::string, std::shared_ptr<SourceText>> texts;  // key → text (null: not available)
  std::vector<std::string> to_fetch;
  for (const Quotation& q : analysis.quotations) {
    if (!needs_checking(q) || q.citation.target.empty() || q.citation.in_text) continue;
    Wanted w{&q, {}, {}};
    SourceText local;
    if (!q.citation.is_url) {
      std::string key = "note:" + q.citation.target;
      if (texts.count(key) || library.for_label(q.citation.target, local)) {
        if (!texts.count(key)) texts[key] = std::make_shared<SourceText>(std::move(local));
        w.key = key;
      } else {
        w.urls = note_urls(document, q.citation.target);
      }
    } else {
      w.urls = {q.citation.target};
    }
    for (const std::string& url : w.urls) {
      std::string key = "url:" + url;
      if (texts.count(key)) continue;
      SourceText copy;
      if (library.for_url(url, copy)) texts[key] = std::make_shared<SourceText>(std::move(copy));
      else if (std::find(to_fetch.begin(), to_fetch.end(), url) == to_fetch.end()) to_fetch.push_back(url);
    }
    wanted.push_back(std::move(w));
  }
  if (fetch && !to_fetch.empty()) {
    std::vector<sdk::FetchRequest> requests;
    for (const std::string& url : to_fetch) requests.push_back({url, sdk::FetchMode::text});
    std::vector<sdk::FetchResult> results = fetch(requests);
    for (std::size_t i = 0; i < results.size() && i < to_fetch.size(); ++i) {
      const sdk::FetchResult& r = results[i];
      bool ok = (r.outcome == sdk::FetchOutcome::ok || r.outcome == sdk::FetchOutcome::redirected) && !r.text.empty();
      if (!ok) continue;
      auto text = std::make_shared<SourceText>(SourceText{r.text, to_fetch[i], {}});
      if (r.detail.rfind("truncated", 0) == 0) text->truncated = r.detail;
      texts["url:" + to_fetch[i]] = std::move(text);
    }
  }
  std::map<std::string, std::unique_ptr<SourceIndex>> indexes;
  for (Wanted& w : wanted) {
    if (w.key.empty())
      for (const std::string& url : w.urls)
        if (texts.count("url:" + url)) { w.key = "url:" + url; break; }
    if (w.key.empty()) {
      if (stats) ++stats->unavailable;
      continue;
    }
    const SourceText& source = *texts[w.key];
    auto& index = indexes[w.key];
    if (!index) index = std::make_unique<SourceIndex>(source.text);
    if (stats) ++stats->checked;
    const Quotation& q = *w.quote;
    MatchResult match = index->find(document.slice(q.inner));
    if (match.found) continue;
    std::string where = q.citation.is_url ? source.origin : "note " + q.citation.target + " (" + source.origin + ")";
    if (!source.truncated.empty()) {  // the words may be in the part never read: no claim
      out.push_back(code_table.finding(codes::source_truncated, q.span,
                                       "quotation " + quoted_excerpt(document, q) + " was not found in the part of its source read, " +
                                           where + " (" + source.truncated + "); the words may be further on"));
      continue;
    }
    std::string message = "quotation " + quoted_excerpt(document, q) + " is not in its source, " + where;
    if (match.closest.empty())
      message += "; no passage of the source shares its words";
    else
      message += "; closest passage: \xE2\x80\x9C" + match.closest + "\xE2\x80\x9D (" + std::to_string(match.differing_words) + " of " +
                 std::to_string(match.quote_words) + " words differ)";
    out.push_back(code_table.finding(codes::not_in_source, q.span, std::move(message)));
  }
  return out;
}

}  // namespace marginalia::plugins::quotes
