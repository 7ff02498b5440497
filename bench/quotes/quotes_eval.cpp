// SPDX-License-Identifier: MIT
// Scores the quotes plugin's analysis on real, third-party data (../shared/eval, README §2):
//   quotes_eval litbank DIR [--dialogue-turns]   LitBank quotations: detection P/R/F1 (exact and
//                                                overlap), speaker accuracy, unattributed count
//   quotes_eval frus FILE                        FRUS history (TEI): quotations by kind, share cited,
//                                                agreement with the "note after the closing mark" proxy
//   quotes_eval dump FILE                        every quotation found, with kind, speaker, citation
//   quotes_eval realdocs DIR [--thorough]        findings per code and per 10,000 words on each
//                                                document of DIR (../shared/eval/real-dev/docs)
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <marginalia/sdk/text.hpp>

#include "model/document.hpp"
#include "quote_analyzer.hpp"
#include "quote_checks.hpp"
#include "readers/reader_registry.hpp"

namespace q = marginalia::plugins::quotes;
namespace sdk = marginalia::sdk;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> split(const std::string& line, char by) {
  std::vector<std::string> out;
  std::string current;
  for (char c : line) {
    if (c == by) { out.push_back(current); current.clear(); }
    else current.push_back(c);
  }
  out.push_back(current);
  return out;
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// ---- LitBank ----------------------------------------------------------------------------------

bool opening_token(const std::string& t) { return t == "\xE2\x80\x9C" || t == "\xE2\x80\x98" || t == "(" || t == "["; }
bool closing_token(const std::string& t) {
  return t == "\xE2\x80\x9D" || t == "\xE2\x80\x99" || t == "," || t == "." || t == ";" || t == ":" || t == "!" || t == "?" ||
         t == ")" || t == "]" || t == "n't" || t == "'s" || t == "\xE2\x80\x99s" || t == "'ll" || t == "'re" || t == "'ve" ||
         t == "'d" || t == "'m" || t == "\xE2\x80\x99ll" || t == "\xE2\x80\x99re" || t == "\xE2\x80\x99ve" || t == "\xE2\x80\x99" "d" ||
         t == "\xE2\x80\x99m";
}
bool starts_turn(const std::string& t) {
  return t == "\xE2\x80\x9C" || t == "\"" || t == "\xE2\x80\x98" || t == "'" || t == "\xE2\x80\x94";
}

// A LitBank text as a document: light detokenising (Moses-style: no space inside marks or
// before punctuation; straight quotes alternate open/close within a paragraph), a new
// paragraph at each line that opens with a quotation mark (fiction starts a paragraph at each
// turn of dialogue; LitBank keeps sentences, not paragraphs). Token offsets are kept for scoring.
struct LitText {
  sdk::Document document;
  std::vector<std::vector<sdk::Span>> tokens;  // [sentence][token]
};

LitText build_litbank(const std::string& raw) {
  LitText out;
  std::string& text = out.document.text;
  std::vector<std::string> lines = split(raw, '\n');
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  std::uint32_t paragraph_begin = 0;
  int straight_double = 0, straight_single = 0;
  bool open_attach = false;  // the previous token opens: no space before the next
  auto close_paragraph = [&] {
    if (text.size() > paragraph_begin) out.document.blocks.push_back({sdk::BlockKind::paragraph, {paragraph_begin, static_cast<std::uint32_t>(text.size())}, 0, {}});
  };
  for (std::size_t s = 0; s < lines.size(); ++s) {
    std::vector<std::string> tokens = split(lines[s], ' ');
    out.tokens.emplace_back();
    bool new_paragraph = s == 0 || (!tokens.empty() && starts_turn(tokens[0]));
    if (new_paragraph && s > 0) {
      close_paragraph();
      text += "\n\n";
      paragraph_begin = static_cast<std::uint32_t>(text.size());
      straight_double = straight_single = 0;
      open_attach = true;
    }
    for (const std::string& token : tokens) {
      bool attach_left = open_attach;
      bool opens = opening_token(token);
      if (token == "\"") {
        opens = straight_double % 2 == 0;
        ++straight_double;
      } else if (token == "'") {
        opens = straight_single % 2 == 0;
        ++straight_single;
      }
      if (!opens && (closing_token(token) || token == "\"" || token == "'")) attach_left = true;
      if (!attach_left && text.size() > paragraph_begin) text.push_back(' ');
      std::uint32_t begin = static_cast<std::uint32_t>(text.size());
      text += token;
      out.tokens.back().push_back({begin, static_cast<std::uint32_t>(text.size())});
      open_attach = opens;
    }
    open_attach = false;
  }
  close_paragraph();
  out.document.format = "text";
  return out;
}

std::string normalise_name(const std::string& name) {
  std::string out;
  for (char c : name) {
    if (c == '_' || c == ' ' || c == '-') { if (!out.empty() && out.back() != ' ') out.push_back(' '); continue; }
    if (c == '.' || c == ',') continue;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// "Mrs_Bennet-7" → "mrs bennet".
std::string gold_name(const std::string& id) {
  std::size_t dash = id.find_last_of('-');
  std::string name = dash != std::string::npos && dash + 1 < id.size() && std::isdigit(static_cast<unsigned char>(id[dash + 1])) ? id.substr(0, dash) : id;
  return normalise_name(name);
}

bool speaker_correct(const std::string& gold, const std::string& predicted) {
  std::string p = normalise_name(predicted);
  if (p.empty()) return false;
  if (p == gold) return true;
  std::set<std::string> words;
  for (const std::string& w : split(p, ' ')) words.insert(w);
  for (const std::string& w : split(gold, ' '))
    if (!words.count(w)) return false;
  return true;
}

struct Counts {
  int gold = 0, predicted = 0, exact = 0, overlap_gold = 0, overlap_predicted = 0;
  int attributed = 0, correct = 0, unattributed = 0, stray = 0, files = 0;
};

int litbank(const std::string& folder, bool dialogue_turns, bool verbose) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  Counts c;
  q::AnalysisOptions options;
  options.dialogue_turns = dialogue_turns;
  for (const fs::path& file : files) {
    fs::path ann = file;
    ann.replace_extension(".ann");
    LitText lit = build_litbank(read_all(file));
    struct Gold { sdk::Span span; std::string speaker; };
    std::map<std::string, Gold> gold;
    for (const std::string& line : split(read_all(ann), '\n')) {
      std::vector<std::string> f = split(line, '\t');
      if (f.size() >= 6 && f[0] == "QUOTE") {
        std::size_t ss = std::stoul(f[2]), st = std::stoul(f[3]), es = std::stoul(f[4]), et = std::stoul(f[5]);
        if (ss >= lit.tokens.size() || es >= lit.tokens.size() || st >= lit.tokens[ss].size() || et >= lit.tokens[es].size()) continue;
        gold[f[1]].span = {lit.tokens[ss][st].begin, lit.tokens[es][et].end};
      } else if (f.size() >= 3 && f[0] == "ATTRIB") {
        gold[f[1]].speaker = gold_name(f[2]);
      }
    }
    q::Analysis analysis = q::QuoteAnalyzer(options).analyse(lit.document);
    c.stray += static_cast<int>(analysis.stray.size());
    std::vector<const q::Quotation*> predicted;
    for (const q::Quotation& quote : analysis.quotations)
      if (quote.parent < 0 && quote.kind == q::QuoteKind::direct) predicted.push_back(&quote);
    ++c.files;
    c.gold += static_cast<int>(gold.size());
    c.predicted += static_cast<int>(predicted.size());
    std::vector<bool> used(predicted.size(), false);
    std::set<const q::Quotation*> overlapping;
    for (const auto& [id, g] : gold) {
      int best = -1;
      for (std::size_t i = 0; i < predicted.size(); ++i) {
        if (used[i] || !predicted[i]->span.overlaps(g.span)) continue;
        if (best < 0 || predicted[i]->span == g.span) best = static_cast<int>(i);
      }
      for (std::size_t i = 0; i < predicted.size(); ++i)
        if (predicted[i]->span.overlaps(g.span)) overlapping.insert(predicted[i]);
      if (best < 0) {
        if (verbose) std::cout << file.filename().string() << " missed " << id << ": " << lit.document.slice(g.span).substr(0, 80) << "\n";
        continue;
      }
      used[static_cast<std::size_t>(best)] = true;
      const q::Quotation& p = *predicted[static_cast<std::size_t>(best)];
      ++c.overlap_gold;
      if (p.span == g.span) ++c.exact;
      if (p.speaker.name.empty()) ++c.unattributed;
      else {
        ++c.attributed;
        bool ok = speaker_correct(g.speaker, p.speaker.name);
        c.correct += ok ? 1 : 0;
        if (verbose && !ok)
          std::cout << file.filename().string() << " speaker " << id << ": gold " << g.speaker << ", predicted " << p.speaker.name << " ["
                    << p.speaker.how << "]\n";
      }
    }
    c.overlap_predicted += static_cast<int>(overlapping.size());
    if (verbose)
      for (const q::Quotation* p : predicted)
        if (!overlapping.count(p)) std::cout << file.filename().string() << " extra: " << lit.document.slice(p->span).substr(0, 80) << "\n";
  }
  auto pct = [](double a, double b) { return b > 0 ? 100.0 * a / b : 0.0; };
  auto f1 = [](double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; };
  double ep = pct(c.exact, c.predicted), er = pct(c.exact, c.gold);
  double op = pct(c.overlap_predicted, c.predicted), orr = pct(c.overlap_gold, c.gold);
  std::printf("LitBank quotations (%d files%s)\n", c.files, dialogue_turns ? ", dialogue_turns on" : "");
  std::printf("  gold quotations      %d\n  predicted (direct)   %d\n", c.gold, c.predicted);
  std::printf("  detection, exact     P %.1f  R %.1f  F1 %.1f\n", ep, er, f1(ep, er));
  std::printf("  detection, overlap   P %.1f  R %.1f  F1 %.1f\n", op, orr, f1(op, orr));
  std::printf("  speaker accuracy     %.1f%% of %d matched quotations (%d correct); %.1f%% of the %d attributed\n",
              pct(c.correct, c.overlap_gold), c.overlap_gold, c.correct, pct(c.correct, c.attributed), c.attributed);
  std::printf("  unattributed         %d of %d matched (%.1f%%)\n", c.unattributed, c.overlap_gold, pct(c.unattributed, c.overlap_gold));
  std::printf("  unbalanced marks     %d (fiction omits closing marks between paragraphs; see README)\n", c.stray);
  return 0;
}

// ---- FRUS --------------------------------------------------------------------------------------

// The proxy gold of README §3: a note marker after the closing mark, before the sentence ends.
bool note_follows(const sdk::Document& d, const q::Quotation& quote) {
  auto it = std::lower_bound(d.note_refs.begin(), d.note_refs.end(), quote.span.end,
                             [](const sdk::NoteRef& r, std::uint32_t v) { return r.span.begin < v; });
  if (it == d.note_refs.end()) return false;
  std::string_view between = std::string_view(d.text).substr(quote.span.end, it->span.begin - std::min(it->span.begin, quote.span.end));
  if (between.size() > 400) return false;
  for (std::size_t i = 0; i + 1 < between.size(); ++i)
    if ((between[i] == '.' || between[i] == '!' || between[i] == '?') && (between[i + 1] == ' ' || between[i + 1] == '\n')) return false;
  return between.find("\n\n") == std::string_view::npos;
}

int frus(const std::string& path) {
  marginalia::readers::ReadResult read = marginalia::readers::read_document(path, {});
  if (!read.document) {
    std::cerr << path << ": " << read.error->message << "\n";
    return 2;
  }
  const sdk::Document& d = read.document->document;
  q::Analysis analysis = q::QuoteAnalyzer().analyse(d);
  int kinds[3] = {0, 0, 0}, all = 0, proxy_all = 0, direct = 0, cited = 0, proxy = 0, both = 0, speaker = 0;
  for (const q::Quotation& quote : analysis.quotations) {
    if (quote.parent >= 0 || quote.outside_prose) continue;
    ++all;
    ++kinds[static_cast<int>(quote.kind)];
    bool follows = note_follows(d, quote);
    proxy_all += follows;
    if (quote.kind != q::QuoteKind::direct) continue;
    ++direct;
    bool has = !quote.citation.target.empty();
    cited += has;
    proxy += follows;
    both += has && follows;
    speaker += !quote.speaker.name.empty();
  }
  std::vector<sdk::Finding> findings = q::check_quotations(d, analysis, {});
  std::map<std::string, int> by_code;
  for (const sdk::Finding& f : findings) ++by_code[f.code];
  auto pct = [](double a, double b) { return b > 0 ? 100.0 * a / b : 0.0; };
  std::printf("FRUS history monograph (%s)\n", path.c_str());
  std::printf("  quotations in running text   %d (direct %d, scare %d, title %d); notes %zu, markers %zu\n", all, kinds[0], kinds[1],
              kinds[2], d.notes.size(), d.note_refs.size());
  std::printf("  followed by a citing note    %.1f%% of all quotations (proxy: a marker after the closing mark, same sentence)\n",
              pct(proxy_all, all));
  std::printf("  direct quotations cited      %.1f%% (%d of %d; marker or link in the sentence or the next)\n", pct(cited, direct), cited, direct);
  std::printf("  proxy among direct           %.1f%% (%d); plugin agrees on %d: recall of the proxy %.1f%%\n", pct(proxy, direct), proxy, both,
              pct(both, proxy));
  std::printf("  direct with a speaker        %.1f%% (%d)\n", pct(speaker, direct), speaker);
  for (const auto& [code, count] : by_code) std::printf("  %-30s %d\n", code.c_str(), count);
  return 0;
}

// ---- dump --------------------------------------------------------------------------------------

int dump(const std::string& path) {
  marginalia::readers::ReadResult read = marginalia::readers::read_document(path, {});
  if (!read.document) {
    std::cerr << path << ": " << read.error->message << "\n";
    return 2;
  }
  const marginalia::model::LoadedDocument& loaded = *read.document;
  q::Analysis analysis = q::QuoteAnalyzer().analyse(loaded.document);
  for (const q::Quotation& quote : analysis.quotations) {
    auto pos = loaded.source_map.position(quote.span.begin);
    std::string words(loaded.document.slice(quote.span));
    for (char& ch : words) if (ch == '\n') ch = ' ';
    if (words.size() > 70) {
      std::size_t cut = 60;
      while (cut > 0 && (static_cast<unsigned char>(words[cut]) & 0xC0) == 0x80) --cut;
      words = words.substr(0, cut) + "\xE2\x80\xA6";
    }
    std::cout << pos.line << ":" << pos.column << " " << q::to_string(quote.kind) << (quote.parent >= 0 ? " (nested)" : "") << " "
              << words;
    if (quote.kind == q::QuoteKind::direct && quote.parent < 0)
      std::cout << "\n      speaker: " << (quote.speaker.name.empty() ? "-" : quote.speaker.name) << " ["
                << q::to_string(quote.speaker.type) << ", " << quote.speaker.how << "]  cite: "
                << (quote.citation.target.empty() ? "-" : quote.citation.target);
    std::cout << "\n";
  }
  for (const q::StrayMark& stray : analysis.stray) {
    auto pos = loaded.source_map.position(stray.span.begin);
    std::cout << pos.line << ":" << pos.column << " stray " << (stray.opening ? "opening" : "closing") << "\n";
  }
  return 0;
}

// ---- real documents ----------------------------------------------------------------------------

// Words as a reader counts them: runs of non-space characters holding a letter or digit.
std::size_t count_words(std::string_view text) {
  std::size_t words = 0, i = 0;
  bool in_word = false, has_letter = false;
  while (i < text.size()) {
    char32_t c = sdk::next_code_point(text, i);
    if (sdk::is_space(c)) {
      words += in_word && has_letter;
      in_word = has_letter = false;
      continue;
    }
    in_word = true;
    has_letter = has_letter || sdk::is_letter(c) || sdk::is_ascii_digit(c);
  }
  return words + (in_word && has_letter);
}

int realdocs(const std::string& folder, bool thorough) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::map<std::string, int> total;
  std::size_t words = 0;
  q::CheckOptions checks;
  checks.profile = thorough ? q::Profile::thorough : q::Profile::confident;
  for (const fs::path& file : files) {
    marginalia::readers::ReadResult read = marginalia::readers::read_document(file.string(), {});
    if (!read.document) continue;
    const sdk::Document& d = read.document->document;
    std::size_t n = count_words(d.text);
    words += n;
    std::map<std::string, int> by_code;
    q::Analysis analysis = q::QuoteAnalyzer().analyse(d);
    for (const sdk::Finding& f : q::check_quotations(d, analysis, checks)) ++by_code[f.code];
    std::printf("%-3.3s %8zu words %5d paragraphs %4d turns%s", file.filename().string().c_str(), n, analysis.paragraphs,
                analysis.turn_pairs, analysis.narrative ? " narrative" : "");
    for (const auto& [code, count] : by_code) {
      std::printf("  %s %d", code.c_str() + 7, count);
      total[code] += count;
    }
    std::printf("\n");
  }
  int all = 0;
  for (const auto& [code, count] : total) {
    std::printf("%-30s %6d  %.2f per 10,000 words\n", code.c_str(), count, 1e4 * count / static_cast<double>(words));
    all += count;
  }
  std::printf("%-30s %6d  %.2f per 10,000 words (%zu words, %s profile)\n", "all", all, 1e4 * all / static_cast<double>(words), words,
              thorough ? "thorough" : "default");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() >= 2 && args[0] == "litbank") {
    bool turns = std::find(args.begin(), args.end(), "--dialogue-turns") != args.end();
    bool verbose = std::find(args.begin(), args.end(), "--verbose") != args.end();
    if (!fs::is_directory(args[1])) {
      std::fprintf(stderr, "%s: not a folder (is ../shared/eval present?)\n", args[1].c_str());
      return 2;
    }
    return litbank(args[1], turns, verbose);
  }
  if (args.size() == 2 && args[0] == "frus") return frus(args[1]);
  if (args.size() == 2 && args[0] == "dump") return dump(args[1]);
  if (args.size() >= 2 && args[0] == "realdocs")
    return realdocs(args[1], std::find(args.begin(), args.end(), "--thorough") != args.end());
  std::fprintf(stderr,
               "usage: quotes_eval litbank DIR [--dialogue-turns] [--verbose]\n"
               "       quotes_eval frus FILE\n"
               "       quotes_eval dump FILE\n"
               "       quotes_eval realdocs DIR [--thorough]\n");
  return 2;
}
