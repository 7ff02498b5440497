// SPDX-License-Identifier: MIT
// Rule patterns that are catastrophic for a backtracking engine — (a+)+$, (a|aa)+$, (a*)*b —
// run through the rules plugin's own matching on "aaa…ab" of 1x to 8x a base length. A
// backtracking engine needs time exponential in the run of a's (2^n paths before failing at
// the "b"); RE2 is linear, so time per byte stays flat. Run:
//   cmake -S . -B build -DMARGINALIA_BUILD_BENCHMARKS=ON && cmake --build build --target rules_bench
//   nice -n 10 build/bin/rules_bench
#include <benchmark/benchmark.h>

#include <stdexcept>

#include "rule_checks.hpp"
#include "rule_loader.hpp"

namespace marginalia::plugins::rules {
namespace {

constexpr std::size_t kBase = 16 * 1024;

const Rule& catastrophic_rule() {
  static const Rule rule = [] {
    LoadedRules loaded = load_styles({RULES_BENCH_STYLE});
    if (!loaded.errors.empty() || loaded.rules.size() != 1) throw std::runtime_error("the bench style does not load");
    return loaded.rules.front();
  }();
  return rule;
}

void NestedQuantifiersOnAaaB(benchmark::State& state) {
  sdk::Document document;
  document.text = std::string(kBase * static_cast<std::size_t>(state.range(0)), 'a') + "b";
  const sdk::Span all{0, static_cast<std::uint32_t>(document.text.size())};
  document.blocks.push_back({sdk::BlockKind::paragraph, all, 0, ""});
  std::size_t found = 0;
  for (auto _ : state) {
    std::vector<sdk::Finding> findings = run_rule(catastrophic_rule(), document);
    found = findings.size();
    benchmark::DoNotOptimize(findings);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(document.text.size()));
  state.counters["findings"] = static_cast<double>(found);
  state.counters["bytes"] = static_cast<double>(document.text.size());
}
BENCHMARK(NestedQuantifiersOnAaaB)->DenseRange(1, 8)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace marginalia::plugins::rules

BENCHMARK_MAIN();
