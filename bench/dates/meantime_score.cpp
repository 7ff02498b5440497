// SPDX-License-Identifier: MIT
// Scores the dates plugin on NewsReader MEANTIME (English, 120 Wikinews articles) with the
// TempEval-3 Task A protocol described in ../shared/eval/README.md, from the TEI users get:
// each article is run through `marginalia check --format tei` with its creation time as
// --document-date, and the `<date>`/`<time>` elements are read back into TIMEX3 values.
//
//   dates_meantime_score [MEANTIME_DIR] [--details] [--findings] [--internal] [--binary PATH]
//
// Protocol as implemented:
// - text = tokens joined by single spaces, one line per sentence with a blank line between
//   sentences (so the plain-text reader keeps each its own block); sentence 0 is the title,
//   sentence 1 the dateline;
// - the document date is the CREATION_TIME TIMEX3 (one malformed gold value, "03-02-2009" in
//   120578_Automobile_sales…, is read as its dateline says, 2009-02-03); the two articles
//   without one get the first full date marked in their dateline sentence by a first run;
// - MEANTIME annotates temporal expressions only in sentences 0-5 (title, dateline and the
//   first four sentences); predictions are scored there only, and predictions overlapping the
//   CREATION_TIME tokens are not scored (the DCT is given, not found). Gold TIMEX3 without
//   tokens (37 implicit ones) cannot be matched by span and are left out;
// - strict = identical character offsets, relaxed = overlap (one-to-one, in text order);
//   value F1 = relaxed F1 × value accuracy on the relaxed matches (exact TimeML value);
// - all figures for all types (DATE, TIME, DURATION, SET) and for DATE only;
// - --internal scores the scanner's internal values instead (the figures before the TEI
//   carried times, durations and sets); --findings lists the findings of the checks on the
//   whole articles (all sentences); --binary scores another marginalia build (default: this
//   build's), to compare with an older version.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <unistd.h>

#include "date_analysis.hpp"
#include "meantime_corpus.hpp"
#include "tei_timexes.hpp"
#include "timex_type_name.hpp"

namespace fs = std::filesystem;
using namespace marginalia;
using namespace marginalia::plugins::dates;
using marginalia::bench::meantime::Article;
using marginalia::bench::meantime::Timex;

namespace {

struct Counts {
  int gold = 0, predicted = 0, strict = 0, relaxed = 0, value_correct = 0;
  void print(const char* label) const {
    auto f1 = [](double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; };
    double sp = predicted ? 100.0 * strict / predicted : 0, sr = gold ? 100.0 * strict / gold : 0;
    double rp = predicted ? 100.0 * relaxed / predicted : 0, rr = gold ? 100.0 * relaxed / gold : 0;
    double accuracy = relaxed ? 100.0 * value_correct / relaxed : 0;
    double rf = f1(rp, rr);
    std::printf("%-10s gold %4d  predicted %4d | strict P %5.2f R %5.2f F1 %5.2f | relaxed P %5.2f R %5.2f F1 %5.2f | value accuracy %5.2f  value F1 %5.2f\n",
                label, gold, predicted, sp, sr, f1(sp, sr), rp, rr, rf, accuracy, rf * accuracy / 100.0);
  }
};

void score(const std::vector<Timex>& gold, const std::vector<Timex>& predicted, bool date_only, Counts& counts, bool details,
           const std::string& name) {
  std::vector<const Timex*> g, p;
  for (const Timex& x : gold)
    if (!date_only || x.type == "DATE") g.push_back(&x);
  for (const Timex& x : predicted)
    if (!date_only || x.type == "DATE") p.push_back(&x);
  counts.gold += static_cast<int>(g.size());
  counts.predicted += static_cast<int>(p.size());
  // One-to-one: identical spans pair first, then overlapping ones, each in text order.
  std::vector<bool> used(p.size(), false);
  std::vector<int> pair(g.size(), -1);
  for (int pass = 0; pass < 2; ++pass)
    for (std::size_t k = 0; k < g.size(); ++k) {
      const Timex* x = g[k];
      if (pair[k] >= 0) continue;
      for (std::size_t i = 0; i < p.size(); ++i) {
        if (used[i] || p[i]->end <= x->begin || p[i]->begin >= x->end) continue;
        if (pass == 0 && (p[i]->begin != x->begin || p[i]->end != x->end)) continue;
        used[i] = true;
        pair[k] = static_cast<int>(i);
        break;
      }
    }
  for (std::size_t k = 0; k < g.size(); ++k) {
    const Timex* x = g[k];
    if (pair[k] < 0) {
      if (details && !date_only) std::printf("MISS  %s | %s | %s %s\n", name.c_str(), x->text.c_str(), x->type.c_str(), x->value.c_str());
      continue;
    }
    const Timex& y = *p[pair[k]];
    ++counts.relaxed;
    if (y.begin == x->begin && y.end == x->end) ++counts.strict;
    else if (details && !date_only) std::printf("SPAN  %s | %s -> %s\n", name.c_str(), x->text.c_str(), y.text.c_str());
    if (y.value == x->value) ++counts.value_correct;
    else if (details && !date_only)
      std::printf("VALUE %s | %s -> %s | gold %s %s, predicted %s %s\n", name.c_str(), x->text.c_str(), y.text.c_str(),
                  x->type.c_str(), x->value.c_str(), y.type.c_str(), y.value.c_str());
  }
  if (details && !date_only)
    for (std::size_t i = 0; i < p.size(); ++i)
      if (!used[i]) std::printf("EXTRA %s | %s | %s %s\n", name.c_str(), p[i]->text.c_str(), p[i]->type.c_str(), p[i]->value.c_str());
}

// The article as the plain-text reader would give it to the plugin, for --internal and --findings.
sdk::Document document_of(const Article& article) {
  sdk::Document document;
  document.path = article.name;
  document.format = "text";
  for (std::size_t k = 0; k < article.sentence_begins.size(); ++k) {
    std::uint32_t begin = article.sentence_begins[k];
    std::uint32_t end = k + 1 < article.sentence_begins.size() ? article.sentence_begins[k + 1] - 2 : static_cast<std::uint32_t>(article.text.size() - 1);
    sdk::BlockKind kind = k == 0 ? sdk::BlockKind::title : k == 1 ? sdk::BlockKind::dateline : sdk::BlockKind::paragraph;
    document.blocks.push_back({kind, {begin, end}, 0, {}});
  }
  document.text = article.text;
  if (!article.dct.empty()) document.metadata.push_back({"date", article.dct});
  return document;
}

std::vector<Timex> internal_timexes(const DateAnalysis& analysis, const std::string& text) {
  std::vector<Timex> out;
  for (const FoundDate& f : analysis.scanned.dates) {
    const DateExpression& e = f.expression;
    if (!e.endpoints.empty()) {  // a TimeML annotation tags each end of a range
      for (const DateExpression::Endpoint& point : e.endpoints)
        out.push_back({point.timex.begin, point.timex.end, "DATE", point.value, text.substr(point.timex.begin, point.timex.size())});
      continue;
    }
    out.push_back({e.timex.begin, e.timex.end, type_name(e.type), e.value, text.substr(e.timex.begin, e.timex.size())});
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string root = std::string(MARGINALIA_SHARED_DIR) + "/eval/meantime-en";
  bool details = false, show_findings = false, internal = false;
  std::string binary = MARGINALIA_BINARY;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--binary" && i + 1 < argc) binary = argv[++i];
    else if (arg == "--details") details = true;
    else if (arg == "--findings") show_findings = true;
    else if (arg == "--internal") internal = true;
    else root = arg;
  }
  if (!fs::is_directory(root)) {
    std::printf("MEANTIME not found at %s: skipped\n", root.c_str());
    return 0;
  }
  std::vector<fs::path> files;
  for (const fs::directory_entry& corpus : fs::directory_iterator(root))
    if (corpus.is_directory())
      for (const fs::directory_entry& entry : fs::directory_iterator(corpus.path()))
        if (entry.path().extension() == ".xml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::string folder = (fs::temp_directory_path() / ("dates-meantime-" + std::to_string(::getpid()))).string();
  fs::create_directories(folder);

  Counts all, dates;
  std::map<std::string, int> findings_by_code;
  int findings = 0, documents = 0;
  for (const fs::path& file : files) {
    Article article;
    std::string error;
    if (!bench::meantime::load_article(file.string(), article, error)) { std::printf("%s\n", error.c_str()); return 2; }
    std::vector<Timex> predicted;
    if (internal) {
      sdk::Document document = document_of(article);
      if (article.dct.empty()) {
        for (const FoundDate& f : analyse_document(document, {}).scanned.dates)
          if (f.block == sdk::BlockKind::dateline && f.expression.granularity == Granularity::day && f.expression.bounded) {
            document.metadata.push_back({"date", f.expression.value});
            break;
          }
      }
      predicted = internal_timexes(analyse_document(document, {}), article.text);
    } else {
      std::string tei;
      if (article.dct.empty()) {
        // No creation time: the first full date marked in the dateline sentence, as a reader would take it.
        std::vector<Timex> first;
        if (!bench::meantime::run_marginalia_tei(binary, folder, article.text, "", tei, error) ||
            !bench::meantime::timexes_from_tei(tei, article.text, first, error)) { std::printf("%s: %s\n", article.name.c_str(), error.c_str()); return 2; }
        for (const Timex& t : first)
          if (article.sentence_of(t.begin) == 1 && t.value.size() == 10) { article.dct = t.value; break; }
      }
      if (!bench::meantime::run_marginalia_tei(binary, folder, article.text, article.dct, tei, error) ||
          !bench::meantime::timexes_from_tei(tei, article.text, predicted, error)) { std::printf("%s: %s\n", article.name.c_str(), error.c_str()); return 2; }
    }
    std::sort(predicted.begin(), predicted.end(), [](const Timex& a, const Timex& b) { return a.begin != b.begin ? a.begin < b.begin : a.end < b.end; });
    std::vector<Timex> scored;
    for (const Timex& t : predicted) {
      int s = article.sentence_of(t.begin);
      if (s < 0 || s > 5) continue;
      bool on_dct = false;
      for (const auto& span : article.dct_spans)
        if (t.begin < span.second && span.first < t.end) on_dct = true;
      if (!on_dct) scored.push_back(t);
    }
    ++documents;
    score(article.gold, scored, false, all, details, article.name);
    score(article.gold, scored, true, dates, details, article.name);
    sdk::Document document = document_of(article);
    for (const sdk::Finding& finding : analyse_document(document, {}).findings) {
      ++findings;
      ++findings_by_code[finding.code];
      if (show_findings)
        std::printf("FINDING %s [%s] %s\n    DCT %s\n", article.name.c_str(), finding.code.c_str(), finding.message.c_str(), article.dct.c_str());
    }
  }
  fs::remove_all(folder);
  std::printf("MEANTIME English: %d documents (TempEval-3 Task A protocol; sentences 0-5 scored; %s)\n", documents,
              internal ? "the scanner's internal values" : "values read from the TEI output");
  all.print("all types");
  dates.print("DATE");
  std::printf("reference: HeidelTime value F1 77.61 on the TempEval-3 platinum test set (all types)\n");
  std::printf("findings raised by the checks on these published articles: %d\n", findings);
  for (const auto& [code, count] : findings_by_code) std::printf("  %-32s %d\n", code.c_str(), count);
  return 0;
}
