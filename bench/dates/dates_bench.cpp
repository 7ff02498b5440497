// SPDX-License-Identifier: MIT
// Throughput of the dates plugin's scan and checks on one large report: the seed report
// repeated to about 5 MB at run time, read once by the plain-text reader (blocks, footnote
// markers and dateline as in a real run), then analysed per iteration. Reports MB/s.
//   dates_bench [--benchmark_filter=…]   (skips when ../shared/seeds is absent)
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "date_analysis.hpp"
#include "readers/reader_registry.hpp"

namespace {

using namespace marginalia;

const std::string seed_path = std::string(MARGINALIA_SHARED_DIR) + "/seeds/000_a6c07b14fbcfaecc.txt";

// The seed with its dateline once, then its body repeated until `target` bytes.
const sdk::Document* large_document(std::size_t target) {
  static std::optional<model::LoadedDocument> loaded;
  static std::size_t built_for = 0;
  if (loaded && built_for == target) return &loaded->document;
  std::ifstream in(seed_path, std::ios::binary);
  if (!in) return nullptr;
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string seed = buffer.str();
  std::string bytes;
  bytes.reserve(target + seed.size());
  while (bytes.size() < target) bytes += seed + "\n\n";
  readers::ReadOptions options;
  options.format = "text";
  readers::ReadResult read = readers::read_bytes("seed-repeated.txt", std::move(bytes), options);
  if (!read.document) return nullptr;
  loaded = std::move(read.document);
  built_for = target;
  return &loaded->document;
}

void analyse(benchmark::State& state) {
  const sdk::Document* document = large_document(static_cast<std::size_t>(state.range(0)));
  if (!document) {
    state.SkipWithError(("seed report not found: " + seed_path).c_str());
    return;
  }
  plugins::dates::DateOptions options;
  std::size_t marks = 0, findings = 0;
  for (auto _ : state) {
    plugins::dates::DateAnalysis analysis = plugins::dates::analyse_document(*document, options);
    marks = analysis.marks.size();
    findings = analysis.findings.size();
    benchmark::DoNotOptimize(analysis);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(document->text.size()));
  state.counters["marks"] = static_cast<double>(marks);
  state.counters["findings"] = static_cast<double>(findings);
  state.counters["MB"] = static_cast<double>(document->text.size()) / 1e6;
}

BENCHMARK(analyse)->Arg(5 << 20)->Arg(1 << 20)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
