// SPDX-License-Identifier: MIT
#include <nlohmann/json.hpp>

#include "reporters/reporter.hpp"

namespace marginalia::reporters {
namespace {

using nlohmann::ordered_json;

ordered_json finding_json(const merge::FileReport& file, const merge::ReportedFinding& f) {
  const sdk::Finding& finding = f.finding;
  const std::string& text = file.report->loaded.document.text;
  ordered_json out;
  out["id"] = f.id;
  out["file"] = file.path;
  out["code"] = finding.code;
  out["plugin"] = f.plugin;
  out["severity"] = sdk::to_string(finding.severity);
  out["message"] = finding.message;
  out["line"] = f.begin.line;
  out["column"] = f.begin.column;
  out["end_line"] = f.end.line;
  out["end_column"] = f.end.column;
  out["offset"] = finding.span.begin;
  out["length"] = finding.span.size();
  out["text"] = text.substr(finding.span.begin, finding.span.size());
  out["fingerprint"] = f.fingerprint;
  if (finding.replacement) out["replacement"] = *finding.replacement;
  ordered_json related = ordered_json::array();
  for (std::size_t i = 0; i < finding.related.size(); ++i)
    related.push_back({{"message", finding.related[i].message},
                       {"line", f.related_begin[i].line},
                       {"column", f.related_begin[i].column},
                       {"offset", finding.related[i].span.begin},
                       {"length", finding.related[i].span.size()}});
  out["related"] = std::move(related);
  return out;
}

ordered_json url_counts_json(const merge::UrlCounts& counts) {
  return {{"checked", counts.checked}, {"cached", counts.cached}, {"offline", counts.offline}, {"blocked", counts.blocked}, {"skipped", counts.skipped}};
}

}  // namespace

std::string render_json(const RunReport& run) {
  ordered_json root;
  root["tool"] = {{"name", "marginalia"}, {"version", run.tool_version}};
  root["complete"] = run.complete();
  // A shard's result says where its files belong; `marginalia merge` reads and removes this.
  if (run.shard)
    root["shard"] = {{"index", run.shard->index}, {"count", run.shard->count}, {"inputs", run.shard->inputs}, {"selected", run.shard->selected}};
  ordered_json files = ordered_json::array();
  ordered_json all = ordered_json::array();
  for (std::size_t index = 0; index < run.files.size(); ++index) {
    const merge::FileReport& file = run.files[index];
    ordered_json entry;
    entry["path"] = file.path;
    if (run.shard && index < run.shard->input_index.size()) entry["input_index"] = run.shard->input_index[index];
    if (file.error) {
      const readers::ReadError& e = *file.error;
      entry["complete"] = false;
      ordered_json error{{"code", e.code}, {"message", e.message}};
      if (e.line) { error["line"] = e.line; error["column"] = e.column; }
      if (e.byte_offset) error["byte_offset"] = *e.byte_offset;
      entry["error"] = error;
      files.push_back(std::move(entry));
      continue;
    }
    const merge::DocumentReport& report = *file.report;
    entry["format"] = report.loaded.document.format;
    entry["complete"] = report.complete;
    std::string title(report.loaded.document.meta("title")), date(report.loaded.document.meta("date"));
    if (!title.empty()) entry["title"] = title;
    if (!date.empty()) entry["date"] = date;
    ordered_json plugins = ordered_json::array();
    for (const merge::PluginStatus& p : report.plugins) {
      ordered_json status{{"id", p.id}, {"version", p.version}, {"status", host::to_string(p.status)}};
      if (!p.detail.empty()) status["detail"] = p.detail;
      plugins.push_back(std::move(status));
    }
    entry["plugins"] = std::move(plugins);
    std::size_t count = 0;
    for (const merge::ReportedFinding& f : report.findings) {
      all.push_back(finding_json(file, f));
      ++count;
    }
    entry["finding_count"] = count;
    if (report.urls.total()) entry["urls"] = url_counts_json(report.urls);
    files.push_back(std::move(entry));
  }
  root["files"] = std::move(files);
  root["findings"] = std::move(all);
  SeverityCounts counts = count_findings(run);
  root["summary"] = {{"files", run.files.size()}, {"errors", counts.errors}, {"warnings", counts.warnings}, {"notes", counts.notes},
                     {"urls", url_counts_json(run.url_counts())}};
  ordered_json problems = ordered_json::array();
  for (const util::Problem& p : run.plugin_problems) problems.push_back({{"path", p.path}, {"code", p.code}, {"message", p.message}});
  root["plugin_problems"] = std::move(problems);
  return root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace marginalia::reporters
