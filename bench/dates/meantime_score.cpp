// SPDX-License-Identifier: MIT
// Scores the dates plugin's scanner on NewsReader MEANTIME (English, 120 Wikinews articles)
// with the TempEval-3 Task A protocol described in ../shared/eval/README.md, and counts the
// findings the plugin's checks raise on these published articles.
//
//   dates_meantime_score [MEANTIME_DIR] [--details] [--findings]
//
// Protocol as implemented:
// - text = tokens joined by single spaces, one line (and one block) per sentence; sentence 0 is
//   the title, sentence 1 the dateline;
// - the document date is the CREATION_TIME TIMEX3 (one malformed gold value, "03-02-2009" in
//   120578_Automobile_sales…, is read as its dateline says, 2009-02-03); the two articles
//   without one get the date of their dateline sentence, as the plain-text reader would;
// - MEANTIME annotates temporal expressions only in sentences 0-5 (title, dateline and the
//   first four sentences); predictions are scored there only, and predictions overlapping the
//   CREATION_TIME tokens are not scored (the DCT is given, not found). Gold TIMEX3 without
//   tokens (37 implicit ones) cannot be matched by span and are left out;
// - strict = identical character offsets, relaxed = overlap (one-to-one, in text order);
//   value F1 = relaxed F1 × value accuracy on the relaxed matches (exact TimeML value);
// - all figures for all types (DATE, TIME, DURATION, SET) and for DATE only;
// - findings: every finding the checks raise on the whole articles (all sentences).
#include <pugixml.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "date_analysis.hpp"
#include "timex_type_name.hpp"

namespace fs = std::filesystem;
using namespace marginalia;
using namespace marginalia::plugins::dates;

namespace {

struct Gold {
  std::uint32_t begin = 0, end = 0;
  std::string type, value, text;
};

struct Prediction {
  std::uint32_t begin = 0, end = 0;
  std::string type, value, text;
};

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

void score(const std::vector<Gold>& gold, const std::vector<Prediction>& predicted, bool date_only, Counts& counts,
           bool details, const std::string& name) {
  std::vector<const Gold*> g;
  std::vector<const Prediction*> p;
  for (const Gold& x : gold)
    if (!date_only || x.type == "DATE") g.push_back(&x);
  for (const Prediction& x : predicted)
    if (!date_only || x.type == "DATE") p.push_back(&x);
  counts.gold += static_cast<int>(g.size());
  counts.predicted += static_cast<int>(p.size());
  // One-to-one: identical spans pair first, then overlapping ones, each in text order.
  std::vector<bool> used(p.size(), false);
  std::vector<int> pair(g.size(), -1);
  for (int pass = 0; pass < 2; ++pass)
    for (std::size_t k = 0; k < g.size(); ++k) {
      const Gold* x = g[k];
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
    const Gold* x = g[k];
    if (pair[k] < 0) {
      if (details && !date_only) std::printf("MISS  %s | %s | %s %s\n", name.c_str(), x->text.c_str(), x->type.c_str(), x->value.c_str());
      continue;
    }
    const Prediction& y = *p[pair[k]];
    ++counts.relaxed;
    if (y.begin == x->begin && y.end == x->end) ++counts.strict;
    if (y.value == x->value) ++counts.value_correct;
    else if (details && !date_only)
      std::printf("VALUE %s | %s -> %s | gold %s %s, predicted %s %s\n", name.c_str(), x->text.c_str(), y.text.c_str(),
                  x->type.c_str(), x->value.c_str(), y.type.c_str(), y.value.c_str());
  }
  if (details && !date_only)
    for (std::size_t i = 0; i < p.size(); ++i)
      if (!used[i]) std::printf("EXTRA %s | %s | %s %s\n", name.c_str(), p[i]->text.c_str(), p[i]->type.c_str(), p[i]->value.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  std::string root = std::string(MARGINALIA_SHARED_DIR) + "/eval/meantime-en";
  bool details = false, show_findings = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--details") details = true;
    else if (arg == "--findings") show_findings = true;
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

  Counts all, dates;
  std::map<std::string, int> findings_by_code;
  int findings = 0, documents = 0;
  for (const fs::path& file : files) {
    pugi::xml_document xml;
    if (!xml.load_file(file.c_str())) { std::printf("cannot parse %s\n", file.c_str()); return 2; }
    pugi::xml_node root_node = xml.child("Document");
    struct TokenPlace { std::uint32_t begin, end; int sentence; };
    std::map<std::string, TokenPlace> places;
    sdk::Document document;
    document.path = file.string();
    document.format = "text";
    int sentence = -1;
    std::uint32_t sentence_begin = 0;
    auto close_sentence = [&](int kind_sentence) {
      if (kind_sentence < 0) return;
      sdk::BlockKind kind = kind_sentence == 0 ? sdk::BlockKind::title : kind_sentence == 1 ? sdk::BlockKind::dateline : sdk::BlockKind::paragraph;
      document.blocks.push_back({kind, {sentence_begin, static_cast<std::uint32_t>(document.text.size())}, 0, {}});
    };
    for (pugi::xml_node token : root_node.children("token")) {
      int s = token.attribute("sentence").as_int();
      if (s != sentence) {
        close_sentence(sentence);
        if (!document.text.empty()) document.text += "\n";
        sentence = s;
        sentence_begin = static_cast<std::uint32_t>(document.text.size());
      } else {
        document.text += " ";
      }
      std::uint32_t begin = static_cast<std::uint32_t>(document.text.size());
      document.text += token.child_value();
      places[token.attribute("t_id").value()] = {begin, static_cast<std::uint32_t>(document.text.size()), s};
    }
    close_sentence(sentence);

    std::vector<Gold> gold;
    std::string dct;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> dct_spans;
    for (pugi::xml_node timex : root_node.child("Markables").children("TIMEX3")) {
      std::uint32_t begin = UINT32_MAX, end = 0;
      for (pugi::xml_node anchor : timex.children("token_anchor")) {
        const TokenPlace& place = places[anchor.attribute("t_id").value()];
        begin = std::min(begin, place.begin);
        end = std::max(end, place.end);
      }
      std::string value = timex.attribute("value").value();
      if (std::string(timex.attribute("functionInDocument").value()) == "CREATION_TIME") {
        if (value == "03-02-2009") value = "2009-02-03";  // malformed gold DCT; its dateline reads February 03, 2009
        dct = value;
        if (end > 0) dct_spans.push_back({begin, end});
        continue;
      }
      if (end == 0) continue;  // an implicit timex with no tokens
      gold.push_back({begin, end, timex.attribute("type").value(), value, document.text.substr(begin, end - begin)});
    }
    if (dct.empty()) {
      // No creation time: take the dateline sentence's date, as the plain-text reader does.
      sdk::Document probe = document;
      DateAnalysis dateline = analyse_document(probe, {});
      for (const FoundDate& f : dateline.scanned.dates)
        if (f.block == sdk::BlockKind::dateline && f.expression.granularity == Granularity::day && f.expression.bounded) {
          dct = f.expression.value;
          break;
        }
    }
    if (!dct.empty()) document.metadata.push_back({"date", dct});

    DateAnalysis analysis = analyse_document(document, {});
    ++documents;
    std::string name = file.filename().string().substr(0, 40);
    std::vector<Prediction> predicted;
    for (const FoundDate& f : analysis.scanned.dates) {
      const DateExpression& e = f.expression;
      std::uint32_t begin = e.timex.begin, end = e.timex.end;
      int s = -1;
      for (const auto& [id, place] : places)
        if (place.begin <= begin && begin < place.end) { s = place.sentence; break; }
      if (s < 0 || s > 5) continue;
      bool on_dct = false;
      for (const auto& span : dct_spans)
        if (begin < span.second && span.first < end) on_dct = true;
      if (on_dct) continue;
      if (!e.endpoints.empty()) {  // a TimeML annotation tags each end of a range
        for (const DateExpression::Endpoint& point : e.endpoints)
          predicted.push_back({point.timex.begin, point.timex.end, "DATE", point.value,
                               document.text.substr(point.timex.begin, point.timex.size())});
        continue;
      }
      predicted.push_back({begin, end, type_name(e.type), e.value, document.text.substr(begin, end - begin)});
    }
    score(gold, predicted, false, all, details, name);
    score(gold, predicted, true, dates, details, name);
    for (const sdk::Finding& finding : analysis.findings) {
      ++findings;
      ++findings_by_code[finding.code];
      if (show_findings) {
        std::uint32_t line_begin = finding.span.begin;
        while (line_begin > 0 && document.text[line_begin - 1] != '\n') --line_begin;
        std::size_t line_end = document.text.find('\n', finding.span.end);
        std::printf("FINDING %s [%s] %s\n    DCT %s | %s\n", name.c_str(), finding.code.c_str(), finding.message.c_str(),
                    dct.c_str(), document.text.substr(line_begin, line_end - line_begin).c_str());
      }
    }
  }
  std::printf("MEANTIME English: %d documents (TempEval-3 Task A protocol; sentences 0-5 scored)\n", documents);
  all.print("all types");
  dates.print("DATE");
  std::printf("reference: HeidelTime value F1 77.61 on the TempEval-3 platinum test set (all types)\n");
  std::printf("findings raised by the checks on these published articles: %d\n", findings);
  for (const auto& [code, count] : findings_by_code) std::printf("  %-32s %d\n", code.c_str(), count);
  return 0;
}
