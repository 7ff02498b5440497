// SPDX-License-Identifier: MIT
// Throughput of the quotes plugin's analysis on a large document: the seed report repeated to
// about 5 MB (built at run time; the seed is read from ../shared and never copied). Reports MB/s
// for the scanner alone, for the whole analysis plus checks (what the plugin's check does
// without a source folder), and for matching quotations against a 5 MB source.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "quote_analyzer.hpp"
#include "quote_checks.hpp"
#include "quote_scanner.hpp"
#include "readers/reader_registry.hpp"
#include "source_matcher.hpp"

#ifndef MARGINALIA_SHARED_DIR
#define MARGINALIA_SHARED_DIR "../shared"
#endif

namespace q = marginalia::plugins::quotes;

namespace {

std::string seed_text() {
  std::ifstream in(std::string(MARGINALIA_SHARED_DIR) + "/seeds/000_a6c07b14fbcfaecc.txt", std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The seed repeated to at least `bytes`, read once by the plain-text reader.
const marginalia::sdk::Document* large_document(std::size_t bytes) {
  static std::string seed = seed_text();
  static marginalia::readers::ReadResult read = [&] {
    std::string text;
    while (!seed.empty() && text.size() < bytes) text += seed + "\n\n";
    return marginalia::readers::read_bytes("large.txt", text, {});
  }();
  return read.document ? &read.document->document : nullptr;
}

void BM_Scanner(benchmark::State& state) {
  const marginalia::sdk::Document* document = large_document(5u << 20);
  if (!document) { state.SkipWithError("seed report not found under ../shared"); return; }
  for (auto _ : state) benchmark::DoNotOptimize(q::QuoteScanner().scan(*document));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(document->text.size()));
}
BENCHMARK(BM_Scanner)->Unit(benchmark::kMillisecond);

void BM_AnalysisAndChecks(benchmark::State& state) {
  const marginalia::sdk::Document* document = large_document(5u << 20);
  if (!document) { state.SkipWithError("seed report not found under ../shared"); return; }
  std::size_t quotations = 0;
  for (auto _ : state) {
    q::Analysis analysis = q::QuoteAnalyzer().analyse(*document);
    benchmark::DoNotOptimize(q::check_quotations(*document, analysis, {}));
    quotations = analysis.quotations.size();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(document->text.size()));
  state.counters["quotations"] = static_cast<double>(quotations);
}
BENCHMARK(BM_AnalysisAndChecks)->Unit(benchmark::kMillisecond);

// Index a 5 MB source once, then look up every direct quotation of the seed (found) and a
// misquoted variant (not found: closest-passage search).
void BM_SourceMatching(benchmark::State& state) {
  const marginalia::sdk::Document* document = large_document(5u << 20);
  if (!document) { state.SkipWithError("seed report not found under ../shared"); return; }
  q::SourceIndex index(document->text);
  q::Analysis analysis = q::QuoteAnalyzer().analyse(*large_document(5u << 20));
  std::vector<std::string> quotes;
  for (const q::Quotation& quote : analysis.quotations)
    if (quote.kind == q::QuoteKind::direct && quotes.size() < 14) {
      quotes.emplace_back(document->slice(quote.inner));
      quotes.push_back("Moscow " + quotes.back() + " indeed");
    }
  for (auto _ : state)
    for (const std::string& quote : quotes) benchmark::DoNotOptimize(index.find(quote));
  state.counters["lookups/s"] = benchmark::Counter(static_cast<double>(quotes.size()), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_SourceMatching)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
