// SPDX-License-Identifier: MIT
// The quotes plugin: every quotation found, classified, attributed, cited and checked against
// its source. The work is done by the quotes_scanning library (also used by bench/quotes);
// this file reads the options, reports findings and asks the TEI writer for markup.
#include <marginalia/sdk/sdk.hpp>

#include <set>

#include "marginalia_embedded.hpp"
#include "quote_analyzer.hpp"
#include "quote_checks.hpp"
#include "source_checker.hpp"
#include "source_library.hpp"

namespace marginalia::plugins::quotes {

class QuotesPlugin final : public sdk::Plugin {
 public:
  sdk::PluginInfo info() const override { return marginalia_embedded::plugin_info(code_table.codes()); }

  std::vector<std::string> configure(const sdk::Options& options) override {
    analysis_.scare_max_words = static_cast<int>(options.get_int("scare_max_words", 5));
    analysis_.dialogue_turns = options.get_bool("dialogue_turns", false);
    analysis_.extra_verbs = options.get_strings("reporting_verbs", {});
    profile_ = options.get_string("profile", "");
    checks_.require_speaker = options.get_bool("require_speaker", true);
    checks_.require_citation = options.get_bool("require_citation", true);
    check_sources_ = options.get_bool("check_sources", true);
    fetch_sources_ = options.get_bool("fetch_sources", true);
    if (analysis_.scare_max_words < 0) return {"scare_max_words must not be negative"};
    return {};
  }

  void check(const sdk::Document& document, sdk::Reporter& reporter) const override {
    Analysis analysis = QuoteAnalyzer(analysis_).analyse(document);
    CheckOptions checks = checks_;
    // The plugin's own option wins; else the run's profile (--profile, "profile" in marginalia.json).
    std::string profile = profile_.empty() ? reporter.host_setting("profile") : profile_;
    checks.profile = profile == "thorough" ? Profile::thorough : Profile::confident;
    for (sdk::Finding& f : check_quotations(document, analysis, checks)) reporter.report(std::move(f));
    if (check_sources_ && !reporter.stop_requested()) {
      SourceLibrary library(reporter.host_setting("sources-dir"));
      Fetcher fetch;
      if (fetch_sources_) fetch = [&reporter](const std::vector<sdk::FetchRequest>& r) { return reporter.fetch_all(r); };
      for (sdk::Finding& f : check_sources(document, analysis, library, fetch)) reporter.report(std::move(f));
    }
    mark(analysis, reporter);
  }

 private:
  // Inline TEI: <quote>/<said>, <soCalled>, <title>, and <persName> where a speaker is named.
  static void mark(const Analysis& analysis, sdk::Reporter& reporter) {
    std::set<std::pair<std::uint32_t, std::uint32_t>> people;
    for (const Quotation& q : analysis.quotations) {
      std::vector<sdk::Attribute> attributes{{"kind", to_string(q.kind)}};
      bool direct = q.kind == QuoteKind::direct;
      if (direct && !q.speaker.name.empty()) {
        attributes.push_back({"speaker", q.speaker.name});
        attributes.push_back({"speaker-type", to_string(q.speaker.type)});
      }
      if (direct && !q.citation.target.empty() && !q.citation.in_text) attributes.push_back({"cite", q.citation.target});
      for (const sdk::Span& piece : q.pieces)
        if (!piece.empty()) reporter.mark({sdk::MarkKind::quote, piece, attributes});
      if (direct && q.speaker.type == SpeakerType::person && !q.speaker.mention.empty() &&
          people.insert({q.speaker.mention.begin, q.speaker.mention.end}).second)
        reporter.mark({sdk::MarkKind::person, q.speaker.mention, {{"name", q.speaker.name}}});
    }
  }

  AnalysisOptions analysis_;
  CheckOptions checks_;
  std::string profile_;
  bool check_sources_ = true;
  bool fetch_sources_ = true;
};

}  // namespace marginalia::plugins::quotes

MARGINALIA_PLUGIN(marginalia::plugins::quotes::QuotesPlugin)
