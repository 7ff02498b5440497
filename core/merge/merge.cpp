// SPDX-License-Identifier: MIT
#include "merge/merge.hpp"

#include <algorithm>
#include <cstdio>
#include <set>
#include <tuple>

#include "host/builtin_codes.hpp"
#include "marginalia/sdk/text.hpp"

namespace marginalia::merge {
namespace {

// Text with runs of white space collapsed, so reflowing a paragraph keeps fingerprints.
std::string normalized(std::string_view text) {
  std::string out;
  bool space = false;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t start = pos;
    char32_t c = sdk::next_code_point(text, pos);
    if (sdk::is_space(c)) { space = !out.empty(); continue; }
    if (space) { out.push_back(' '); space = false; }
    out.append(text.substr(start, pos - start));
  }
  return out;
}

std::uint32_t back_chars(std::string_view text, std::uint32_t offset, int count) {
  std::size_t pos = offset;
  while (count-- > 0 && pos > 0) sdk::previous_code_point(text, pos);
  return static_cast<std::uint32_t>(pos);
}

std::uint32_t forward_chars(std::string_view text, std::uint32_t offset, int count) {
  std::size_t pos = offset;
  while (count-- > 0 && pos < text.size()) sdk::next_code_point(text, pos);
  return static_cast<std::uint32_t>(pos);
}

}  // namespace

bool RunReport::complete() const {
  for (const FileReport& file : files)
    if (file.error || (file.report && !file.report->complete)) return false;
  return true;
}

UrlCounts& UrlCounts::operator+=(const UrlCounts& other) {
  checked += other.checked;
  cached += other.cached;
  offline += other.offline;
  blocked += other.blocked;
  skipped += other.skipped;
  return *this;
}

UrlCounts RunReport::url_counts() const {
  UrlCounts sum;
  for (const FileReport& file : files)
    if (file.report) sum += file.report->urls;
  return sum;
}

std::string content_hash(const std::string& data) {
  std::uint64_t hash = 1469598103934665603ULL;
  for (unsigned char c : data) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
  return buffer;
}

void finalize_findings(const model::LoadedDocument& loaded, std::vector<ReportedFinding>& findings) {
  const std::string& text = loaded.document.text;
  for (ReportedFinding& reported : findings) {
    std::sort(reported.finding.related.begin(), reported.finding.related.end(), [](const sdk::Related& a, const sdk::Related& b) {
      return std::tie(a.span.begin, a.span.end, a.message) < std::tie(b.span.begin, b.span.end, b.message);
    });
  }
  std::sort(findings.begin(), findings.end(), [](const ReportedFinding& a, const ReportedFinding& b) {
    return std::tie(a.finding.span.begin, a.finding.span.end, a.plugin, a.finding.code, a.finding.message) <
           std::tie(b.finding.span.begin, b.finding.span.end, b.plugin, b.finding.code, b.finding.message);
  });
  std::set<std::string> ids;
  std::map<std::string, int> fingerprint_uses;
  // Fingerprint context stays inside the finding's block, so text added in other paragraphs
  // (or lines inserted above) never changes it.
  std::vector<sdk::Span> blocks;
  for (const sdk::Block& block : loaded.document.blocks) blocks.push_back(block.span);
  std::sort(blocks.begin(), blocks.end());
  auto block_around = [&](sdk::Span span) {
    auto after = std::upper_bound(blocks.begin(), blocks.end(), span.begin, [](std::uint32_t offset, const sdk::Span& b) { return offset < b.begin; });
    if (after != blocks.begin() && (after - 1)->end >= span.end) return *(after - 1);
    return sdk::Span{0, static_cast<std::uint32_t>(text.size())};
  };
  for (ReportedFinding& reported : findings) {
    const sdk::Finding& f = reported.finding;
    reported.begin = loaded.source_map.position(f.span.begin);
    reported.end = loaded.source_map.position(f.span.end);
    reported.related_begin.clear();
    for (const sdk::Related& related : f.related) reported.related_begin.push_back(loaded.source_map.position(related.span.begin));

    std::string key = reported.plugin + '\n' + f.code + '\n' + std::to_string(f.span.begin) + '\n' + std::to_string(f.span.end) + '\n' + f.message;
    std::string id = "f-" + content_hash(key).substr(0, 12);
    for (int n = 2; ids.count(id); ++n) id = "f-" + content_hash(key + '#' + std::to_string(n)).substr(0, 12);
    ids.insert(id);
    reported.id = id;

    sdk::Span block = block_around(f.span);
    std::uint32_t before = std::max(back_chars(text, f.span.begin, 40), block.begin);
    std::uint32_t after = std::max(std::min(forward_chars(text, f.span.end, 40), block.end), f.span.end);
    std::string basis = f.code + '\n' + normalized(std::string_view(text).substr(f.span.begin, f.span.end - f.span.begin)) + '\n' +
                        normalized(std::string_view(text).substr(before, f.span.begin - before)) + '\n' +
                        normalized(std::string_view(text).substr(f.span.end, after - f.span.end));
    std::string fingerprint = content_hash(basis);
    int use = ++fingerprint_uses[fingerprint];
    reported.fingerprint = use == 1 ? fingerprint : content_hash(basis + '#' + std::to_string(use));
  }
}

DocumentReport merge_document(model::LoadedDocument loaded, std::vector<host::PluginRunResult> runs,
                              const std::vector<const sdk::PluginInfo*>& plugins, const SeverityOverrides& overrides) {
  DocumentReport report;
  std::vector<ReportedFinding>& findings = report.findings;
  for (sdk::Finding& finding : loaded.reader_findings) findings.push_back({{}, "reader", std::move(finding), {}, {}, {}, {}});
  loaded.reader_findings.clear();
  for (std::size_t i = 0; i < runs.size(); ++i) {
    host::PluginRunResult& run = runs[i];
    const sdk::PluginInfo* info = i < plugins.size() ? plugins[i] : nullptr;
    PluginStatus status{run.plugin_id, info ? info->version : "", info ? info->summary : "", run.status, run.detail};
    report.plugins.push_back(status);
    if (run.status != host::RunStatus::ok) {
      report.complete = false;
      sdk::Finding failure;
      failure.code = host::code_for(run.status);
      failure.severity = sdk::Severity::error;
      failure.span = {0, 0};
      failure.message = "plugin '" + run.plugin_id + "' " + (run.status == host::RunStatus::timeout ? "timed out" : to_string(run.status)) +
                        (run.detail.empty() ? "" : ": " + run.detail) + "; its findings are missing from this report";
      findings.push_back({{}, "host", std::move(failure), {}, {}, {}, {}});
      continue;
    }
    for (sdk::Finding& finding : run.findings) findings.push_back({{}, run.plugin_id, std::move(finding), {}, {}, {}, {}});
    for (sdk::Mark& mark : run.marks) report.marks.push_back({run.plugin_id, std::move(mark)});
  }
  for (ReportedFinding& reported : findings) {
    auto override = overrides.find(reported.finding.code);
    if (override != overrides.end()) reported.finding.severity = override->second;
  }
  report.loaded = std::move(loaded);
  finalize_findings(report.loaded, findings);
  std::stable_sort(report.marks.begin(), report.marks.end(), [](const PluginMark& a, const PluginMark& b) {
    return std::tie(a.mark.span.begin, b.mark.span.end, a.plugin) < std::tie(b.mark.span.begin, a.mark.span.end, b.plugin);
  });
  return report;
}

}  // namespace marginalia::merge
