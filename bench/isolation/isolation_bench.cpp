// SPDX-License-Identifier: MIT
// The cost of plugin isolation on a 100-document run: the shipped plugins over the 100 LitBank
// excerpts of ../shared/eval (about 10 KB of plain text each), in-process against worker
// processes, one and two files at a time. A "cold" run is what one `marginalia check` does:
// discover and load the plugins (for isolation: probe workers), configure them, check every
// file, shut down. A "warm" run reuses loaded plugins and live workers, leaving only the per
// document cost (encoding the document, two pipe trips, decoding and validating the findings).
//
//   cmake -B build -DMARGINALIA_BUILD_BENCHMARKS=ON && cmake --build build --target isolation_bench
//   build/bench/isolation/isolation_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "config/plugin_options.hpp"
#include "host/worker_plugin.hpp"
#include "pipeline/pipeline.hpp"

namespace {

namespace fs = std::filesystem;
using namespace marginalia;

std::vector<std::string> documents() {
  std::vector<std::string> paths;
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(std::string(MARGINALIA_SHARED_DIR) + "/eval/litbank-quotations/tsv", error))
    if (entry.path().extension() == ".txt") paths.push_back(entry.path().string());
  std::sort(paths.begin(), paths.end());
  if (paths.size() > 100) paths.resize(100);
  return paths;
}

host::PluginRegistry load(bool isolated) {
  host::PluginSearch search;
  search.extra_dirs = {MARGINALIA_PLUGIN_DIR};
  search.use_default_dir = false;
  search.use_environment = false;
  if (isolated) {
    // As `marginalia check --jobs N` sets it up (session/session.cpp).
    host::WorkerSettings settings;
    settings.executable = std::getenv("MARGINALIA_BENCH_WORKER") ? std::getenv("MARGINALIA_BENCH_WORKER") : MARGINALIA_WORKER;
    search.host = std::make_shared<host::WorkerHost>(settings);
  }
  host::PluginRegistry registry = host::PluginRegistry::discover(search);
  for (const host::LoadedPlugin& plugin : registry.plugins())
    plugin.instance->configure(config::make_plugin_options(plugin.info, nlohmann::json::object()).options);
  return registry;
}

std::size_t run(const host::PluginRegistry& registry, unsigned jobs, const std::vector<std::string>& paths) {
  net::OfflineFetchService offline;
  pipeline::RunOptions options;
  options.context.fetch = &offline;
  options.jobs = jobs;
  pipeline::Pipeline pipeline(registry, options);
  std::size_t findings = 0;
  for (const merge::FileReport& file : pipeline.check_files(paths))
    if (file.report) findings += file.report->findings.size();
  return findings;
}

// The documents, or none with the benchmark skipped.
std::vector<std::string> documents_or_skip(benchmark::State& state) {
  std::vector<std::string> paths = documents();
  if (paths.empty()) state.SkipWithError("../shared/eval/litbank-quotations is absent");
  return paths;
}

void count(benchmark::State& state, std::size_t documents, std::size_t findings) {
  state.counters["documents"] = static_cast<double>(documents);
  state.counters["findings"] = static_cast<double>(findings);
}

void cold(benchmark::State& state) {
  bool isolated = state.range(0) != 0;
  unsigned jobs = static_cast<unsigned>(state.range(1));
  std::vector<std::string> paths = documents_or_skip(state);
  if (paths.empty()) return;
  std::size_t findings = 0;
  for (auto _ : state) findings = run(load(isolated), jobs, paths);
  count(state, paths.size(), findings);
}

void warm(benchmark::State& state) {
  bool isolated = state.range(0) != 0;
  unsigned jobs = static_cast<unsigned>(state.range(1));
  std::vector<std::string> paths = documents_or_skip(state);
  if (paths.empty()) return;
  host::PluginRegistry registry = load(isolated);
  run(registry, jobs, paths);  // start the workers the pool will need
  std::size_t findings = 0;
  for (auto _ : state) findings = run(registry, jobs, paths);
  count(state, paths.size(), findings);
}

// Arguments: {isolated, jobs}.
BENCHMARK(cold)->ArgNames({"isolated", "jobs"})->ArgsProduct({{0, 1}, {1, 2}})->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2);
BENCHMARK(warm)->ArgNames({"isolated", "jobs"})->ArgsProduct({{0, 1}, {1, 2}})->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2);

}  // namespace

BENCHMARK_MAIN();
