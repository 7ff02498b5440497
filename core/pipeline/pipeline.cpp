// SPDX-License-Identifier: MIT
#include "pipeline/pipeline.hpp"

#include <atomic>
#include <thread>

#include "pipeline/url_tally.hpp"

namespace marginalia::pipeline {

Pipeline::Pipeline(const host::PluginRegistry& registry, RunOptions options) : registry_(registry), options_(std::move(options)) {}

merge::DocumentReport Pipeline::check_document(model::LoadedDocument loaded) const {
  if (!options_.document_date.empty()) {
    bool set = false;
    for (sdk::Attribute& entry : loaded.document.metadata)
      if (entry.name == "date") { entry.value = options_.document_date; set = true; }
    if (!set) loaded.document.metadata.push_back({"date", options_.document_date});
  }
  host::RunContext context = options_.context;
  std::optional<UrlTally> tally;
  if (context.fetch) {
    tally.emplace(*context.fetch);
    context.fetch = &*tally;
  }
  std::vector<host::PluginRunResult> runs = host::run_plugins(registry_.plugins(), loaded.document, context);
  std::vector<const sdk::PluginInfo*> infos;
  for (const host::LoadedPlugin& plugin : registry_.plugins()) infos.push_back(&plugin.info);
  // A library that did not load is a plugin whose findings are missing from every document.
  for (const host::LoadProblem& problem : registry_.problems()) {
    runs.push_back(host::load_problem_result(problem));
    infos.push_back(nullptr);
  }
  merge::DocumentReport report = merge::merge_document(std::move(loaded), std::move(runs), infos, options_.severity_overrides);
  merge::apply_suppressions(report, options_.suppressions);
  if (tally) report.urls = tally->counts();
  return report;
}

merge::FileReport Pipeline::check_file(const std::string& path) const {
  return check_read(path, readers::read_document(path, options_.read));
}

merge::FileReport Pipeline::check_read(std::string path, readers::ReadResult read) const {
  merge::FileReport file;
  file.path = std::move(path);
  if (read.error) {
    file.error = std::move(read.error);
    return file;
  }
  file.report = check_document(std::move(*read.document));
  return file;
}

std::vector<merge::FileReport> Pipeline::check_files(const std::vector<std::string>& paths) const {
  std::vector<merge::FileReport> results(paths.size());
  std::atomic<std::size_t> next{0}, done{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < paths.size();) {
      results[i] = check_file(paths[i]);
      std::size_t finished = done.fetch_add(1) + 1;
      if (options_.progress) options_.progress(finished, paths.size());
    }
  };
  unsigned jobs = std::max(1u, std::min<unsigned>(options_.jobs, static_cast<unsigned>(paths.size())));
  if (jobs == 1) {
    work();
    return results;
  }
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(work);
  for (std::thread& thread : threads) thread.join();
  return results;
}

}  // namespace marginalia::pipeline
