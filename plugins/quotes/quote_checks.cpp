// SPDX-License-Identifier: MIT
#include "quote_checks.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include <marginalia/sdk/text.hpp>

#include "source_matcher.hpp"

namespace marginalia::plugins::quotes {

const sdk::CodeTable code_table{
    {codes::unbalanced, sdk::Severity::error, "A quotation mark has no partner: an opening mark never closed, or a closing mark never opened."},
    {codes::missing_speaker, sdk::Severity::warning, "A direct quotation names no speaker."},
    {codes::missing_citation, sdk::Severity::warning, "A direct quotation has no footnote marker or link in its sentence or the next."},
    {codes::conflicting_speakers, sdk::Severity::warning, "The same words are attributed to two different speakers."},
    {codes::not_in_source, sdk::Severity::error, "A direct quotation does not appear in the text of its cited source."},
    {codes::source_truncated, sdk::Severity::note,
     "A direct quotation is not in the part of its source that was read; the source was longer than the text cap."},
    {codes::mixed_styles, sdk::Severity::note, "The report mixes quotation-mark styles (curly, straight, guillemets, low-high)."},
};

namespace {

std::string utf8(char32_t c) {
  std::string out;
  if (c < 0x80) out.push_back(static_cast<char>(c));
  else if (c < 0x800) { out.push_back(static_cast<char>(0xC0 | (c >> 6))); out.push_back(static_cast<char>(0x80 | (c & 0x3F))); }
  else {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
  return out;
}

std::string shorten(std::string_view text, std::size_t limit) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\t' || c == ' ') { space = !out.empty(); continue; }
    if (space) { out.push_back(' '); space = false; }
    out.push_back(c);
  }
  if (out.size() <= limit) return out;
  std::size_t cut = out.rfind(' ', limit);
  if (cut == std::string::npos || cut < limit / 2) {
    cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  }
  return out.substr(0, cut) + "\xE2\x80\xA6";
}

sdk::Span first_mark(const sdk::Document& document, const Quotation& q) {
  if (q.origin != QuoteOrigin::marks) return {q.span.begin, q.span.begin};
  std::size_t p = q.span.begin;
  sdk::next_code_point(document.text, p);
  return {q.span.begin, static_cast<std::uint32_t>(p)};
}



std::string speaker_suffix(const Quotation& q) { return q.speaker.name.empty() ? std::string() : " (" + q.speaker.name + ")"; }

}  // namespace

bool needs_checking(const Quotation& q) { return q.kind == QuoteKind::direct && q.parent < 0 && !q.outside_prose && q.exempt == Exemption::none; }

std::string quoted_excerpt(const sdk::Document& document, const Quotation& q, std::size_t limit) {
  if (q.origin == QuoteOrigin::marks && q.pieces.size() == 1) {
    std::string inner = shorten(document.slice(q.inner), limit);
    std::size_t p = q.inner.end;
    char32_t close = p < q.span.end ? sdk::next_code_point(document.text, p) : 0;
    return utf8(q.open_mark) + inner + (close ? utf8(close) : std::string());
  }
  return "\xE2\x80\x9C" + shorten(document.slice(q.inner), limit) + "\xE2\x80\x9D";
}

std::vector<sdk::Finding> check_quotations(const sdk::Document& document, const Analysis& analysis, const CheckOptions& options) {
  std::vector<sdk::Finding> out;
  for (const StrayMark& stray : analysis.stray) {
    std::string mark = utf8(stray.mark);
    if (stray.opening && stray.closed_by)
      out.push_back(code_table.finding(codes::unbalanced, stray.span,
                                       "opening " + mark + " is closed by " + utf8(stray.closed_by) + ", a mark of another style, instead of " +
                                           utf8(stray.expected)));
    else if (stray.opening)
      out.push_back(code_table.finding(codes::unbalanced, stray.span,
                                       "opening " + mark + " is never closed: no " + utf8(stray.expected) + " before the end of its paragraph"));
    else
      out.push_back(code_table.finding(codes::unbalanced, stray.span, "closing " + mark + " has no opening mark before it"));
  }
  // The document's own convention decides how sure a missing citation is: a report that cites
  // most of its quotations by note or link and leaves one out has a gap; a book that quotes
  // without notes (a memoir, a nineteenth-century essay) follows another convention.
  int direct = 0, cited = 0;
  for (const Quotation& q : analysis.quotations) {
    if (!needs_checking(q)) continue;
    ++direct;
    cited += q.citation.target.empty() ? 0 : 1;
  }
  const bool cites_quotations = cited >= 1 && cited * 2 >= direct;
  auto add = [&](sdk::Finding f, const char* doubt) {
    if (!doubt) { out.push_back(std::move(f)); return; }
    if (options.profile != Profile::thorough) return;
    f.severity = sdk::Severity::note;
    f.message += std::string(" (low confidence: ") + doubt + ")";
    out.push_back(std::move(f));
  };
  for (const Quotation& q : analysis.quotations) {
    if (!needs_checking(q)) continue;
    if (options.require_speaker && q.speaker.name.empty()) {
      // Unattributed words matter when they are sourced: a cited quotation, or one in a document
      // that cites its quotations. Elsewhere they are examples, epigraphs or set phrases.
      const char* doubt = q.candidate_nearby                               ? "someone who may be the speaker is named just before"
                          : q.citation.target.empty() && !cites_quotations ? "neither it nor the document's other quotations are cited"
                                                                           : nullptr;
      add(code_table.finding(codes::missing_speaker, q.span,
                             "direct quotation " + quoted_excerpt(document, q) +
                                 " has no identifiable speaker: no reporting verb, \"according to\" or name next to it"),
          doubt);
    }
    if (options.require_citation && q.citation.target.empty()) {
      const char* doubt = !cites_quotations      ? "the document does not cite half of its quotations by note or link"
                          : q.cited_in_paragraph ? "a note or link elsewhere in the paragraph may cite it"
                                                 : nullptr;
      add(code_table.finding(codes::missing_citation, q.span,
                             "direct quotation " + quoted_excerpt(document, q) + speaker_suffix(q) +
                                 " is not cited: no footnote marker or link in its sentence or the next"),
          doubt);
    }
  }
  if (options.check_conflicts) {
    // The same words given to two speakers: one quotation equal to, or contained in, another.
    // Earlier quotations are indexed by their word n-grams (n = 3…6); a repeat of the same words
    // by the same speaker is indexed once, so repeated quotations stay linear.
    struct Said { std::vector<std::uint64_t> words; const Quotation* quote; };
    std::vector<Said> said;
    auto gram = [](const std::vector<std::uint64_t>& w, std::size_t at, std::size_t n) {
      std::uint64_t h = 1469598103934665603ull ^ n;
      for (std::size_t k = at; k < at + n; ++k) h = (h ^ w[k]) * 1099511628211ull;
      return h;
    };
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> by_gram;    // every 3…6-gram → earlier quotations
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> by_opening; // first min(6, size)-gram → earlier quotations
    std::unordered_map<std::uint64_t, bool> seen;                           // words + speaker already indexed
    for (const Quotation& q : analysis.quotations) {
      if (!needs_checking(q) || q.speaker.name.empty()) continue;
      if (q.speaker.type != SpeakerType::person && q.speaker.type != SpeakerType::organisation) continue;
      Said current{{}, &q};
      for (const MatchToken& t : match_tokens(document.slice(q.inner))) current.words.push_back(t.hash);
      const auto& w = current.words;
      if (w.size() < 3) continue;
      std::vector<std::size_t> candidates;
      std::size_t n = std::min<std::size_t>(6, w.size());
      auto contained_in = by_gram.find(gram(w, 0, n));
      if (contained_in != by_gram.end()) candidates = contained_in->second;
      for (std::size_t len = 3; len <= 6 && len <= w.size(); ++len)
        for (std::size_t at = 0; at + len <= w.size(); ++at) {
          auto contains = by_opening.find(gram(w, at, len));
          if (contains != by_opening.end()) candidates.insert(candidates.end(), contains->second.begin(), contains->second.end());
        }
      std::sort(candidates.begin(), candidates.end());
      candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
      for (std::size_t j : candidates) {
        const Said& other = said[j];
        if (other.quote->speaker.name == q.speaker.name) continue;
        // Two people, or two institutions: a person and the document that reports their words,
        // or a name and a description ("a complicated…"), are not rival speakers.
        if (other.quote->speaker.type != q.speaker.type || q.speaker.how == "description" || other.quote->speaker.how == "description")
          continue;
        const auto& o = other.words;
        bool related = (o.size() >= w.size() && std::search(o.begin(), o.end(), w.begin(), w.end()) != o.end()) ||
                       (w.size() > o.size() && std::search(w.begin(), w.end(), o.begin(), o.end()) != w.end());
        if (!related) continue;
        sdk::Finding f = code_table.finding(codes::conflicting_speakers, q.span,
                                            "the words " + quoted_excerpt(document, q, 50) + " are attributed to " + q.speaker.name +
                                                " here but to " + other.quote->speaker.name + " earlier");
        f.related.push_back({other.quote->span, "attributed to " + other.quote->speaker.name + " here"});
        out.push_back(std::move(f));
        break;
      }
      std::uint64_t key = gram(w, 0, w.size());
      for (char c : q.speaker.name) key = (key ^ static_cast<unsigned char>(c)) * 1099511628211ull;
      if (seen[key]) continue;
      seen[key] = true;
      std::size_t index = said.size();
      for (std::size_t len = 3; len <= 6 && len <= w.size(); ++len)
        for (std::size_t at = 0; at + len <= w.size(); ++at) by_gram[gram(w, at, len)].push_back(index);
      by_opening[gram(w, 0, n)].push_back(index);
      said.push_back(std::move(current));
    }
  }
  if (options.check_styles) {
    std::map<MarkFamily, std::pair<int, const Quotation*>> families;
    for (const Quotation& q : analysis.quotations) {
      if (q.origin != QuoteOrigin::marks || q.outside_prose || q.parent >= 0 || q.family == MarkFamily::none) continue;
      auto& entry = families[q.family];
      if (entry.first++ == 0) entry.second = &q;
    }
    if (families.size() > 1) {
      MarkFamily main = families.begin()->first;
      for (const auto& [family, entry] : families)
        if (entry.first > families[main].first || (entry.first == families[main].first && entry.second->span.begin < families[main].second->span.begin))
          main = family;
      for (const auto& [family, entry] : families) {
        if (family == main) continue;
        out.push_back(code_table.finding(codes::mixed_styles, first_mark(document, *entry.second),
                                         "quotation marks of two styles: " + std::to_string(families[main].first) + " " + describe(main) +
                                             " and " + std::to_string(entry.first) + " " + describe(family) + "; this is the first " +
                                             describe(family)));
      }
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const sdk::Finding& a, const sdk::Finding& b) { return a.span < b.span; });
  return out;
}

}  // namespace marginalia::plugins::quotes
