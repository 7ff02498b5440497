// SPDX-License-Identifier: MIT
#include "merge/baseline.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "config/json_schema.hpp"
#include "input/json_depth.hpp"

namespace marginalia::merge {
namespace {

namespace fs = std::filesystem;

constexpr int kFormatVersion = 1;

// The shape schemas/baseline.schema.json documents (tests validate written baselines against it).
const char* const kSchema = R"({
  "type": "object",
  "required": ["marginalia_baseline", "findings"],
  "properties": {
    "marginalia_baseline": {"const": 1},
    "findings": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["file", "code", "fingerprint"],
        "properties": {
          "file": {"type": "string", "minLength": 1},
          "code": {"type": "string", "minLength": 1},
          "fingerprint": {"type": "string", "minLength": 1},
          "message": {"type": "string"}
        }
      }
    }
  }
})";

fs::path absolute_normal(const std::string& path) {
  std::error_code error;
  fs::path absolute = fs::absolute(path.empty() ? "." : path, error);
  return (error ? fs::path(path) : absolute).lexically_normal();
}

bool accepted(const ReportedFinding& f) { return !(f.plugin == "host" && f.finding.code.rfind("host/plugin-", 0) == 0); }

}  // namespace

Baseline::Baseline(const std::string& path) : dir_(absolute_normal(path).parent_path().string()) {}

std::string Baseline::key_for(const std::string& path) const {
  if (path == "-") return path;
  fs::path relative = absolute_normal(path).lexically_relative(dir_);
  return relative.empty() ? absolute_normal(path).generic_string() : relative.generic_string();
}

void Baseline::add(BaselineEntry entry) {
  if (!keys_.insert({entry.file, entry.code, entry.fingerprint}).second) return;
  entries_.push_back(std::move(entry));
}

BaselineLoad Baseline::load(const std::string& path) {
  BaselineLoad result;
  std::error_code error;
  if (!fs::is_regular_file(path, error)) {
    result.error = path + ": " + (fs::exists(path, error) ? "not a regular file" : "no such file (create one with --write-baseline)");
    return result;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), path);
}

BaselineLoad Baseline::parse(std::string_view text, const std::string& path) {
  BaselineLoad result;
  if (input::json_depth_problem(text).too_deep) {
    result.error = path + ": nested deeper than " + std::to_string(input::max_json_depth) + " levels; not a baseline";
    return result;
  }
  nlohmann::json document = nlohmann::json::parse(text, nullptr, false);
  if (document.is_discarded()) {
    result.error = path + ": not valid JSON; write a baseline with --write-baseline";
    return result;
  }
  static const nlohmann::json schema = nlohmann::json::parse(kSchema);
  std::vector<config::SchemaError> errors = config::validate_json(document, schema);
  if (!errors.empty()) {
    result.error = path + ": " + (errors[0].path.empty() ? "" : errors[0].path + ": ") + errors[0].message;
    return result;
  }
  Baseline baseline(path);
  for (const nlohmann::json& item : document["findings"])
    baseline.add({item["file"].get<std::string>(), item["code"].get<std::string>(), item["fingerprint"].get<std::string>(),
                  item.value("message", std::string())});
  result.baseline = std::move(baseline);
  return result;
}

Baseline Baseline::record(const std::string& path, const std::vector<FileReport>& files) {
  Baseline baseline(path);
  for (const FileReport& file : files) {
    if (!file.report) continue;
    std::string key = baseline.key_for(file.path);
    for (const ReportedFinding& f : file.report->findings)
      if (accepted(f)) baseline.add({key, f.finding.code, f.fingerprint, f.finding.message});
  }
  return baseline;
}

std::string Baseline::serialize() const {
  std::vector<const BaselineEntry*> sorted;
  for (const BaselineEntry& entry : entries_) sorted.push_back(&entry);
  std::sort(sorted.begin(), sorted.end(), [](const BaselineEntry* a, const BaselineEntry* b) {
    return std::tie(a->file, a->code, a->fingerprint) < std::tie(b->file, b->code, b->fingerprint);
  });
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const BaselineEntry* entry : sorted)
    findings.push_back({{"file", entry->file}, {"code", entry->code}, {"fingerprint", entry->fingerprint}, {"message", entry->message}});
  nlohmann::ordered_json root;
  root["marginalia_baseline"] = kFormatVersion;
  root["findings"] = std::move(findings);
  return root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::size_t Baseline::filter(std::vector<FileReport>& files) const {
  std::size_t removed = 0;
  for (FileReport& file : files) {
    if (!file.report) continue;
    std::string key = key_for(file.path);
    std::vector<ReportedFinding>& findings = file.report->findings;
    std::size_t before = findings.size();
    findings.erase(std::remove_if(findings.begin(), findings.end(),
                                  [&](const ReportedFinding& f) { return accepted(f) && keys_.count({key, f.finding.code, f.fingerprint}); }),
                   findings.end());
    removed += before - findings.size();
  }
  return removed;
}

std::vector<BaselineEntry> Baseline::stale(const std::vector<FileReport>& files) const {
  std::set<std::string> checked;
  std::set<std::tuple<std::string, std::string, std::string>> found;
  for (const FileReport& file : files) {
    if (!file.report) continue;  // an unreadable file says nothing about its findings
    std::string key = key_for(file.path);
    checked.insert(key);
    for (const ReportedFinding& f : file.report->findings) found.insert({key, f.finding.code, f.fingerprint});
  }
  std::vector<BaselineEntry> out;
  for (const BaselineEntry& entry : entries_) {
    bool matched = found.count({entry.file, entry.code, entry.fingerprint}) > 0;
    std::error_code error;
    bool gone = !fs::exists(fs::path(dir_) / entry.file, error);
    if ((checked.count(entry.file) && !matched) || gone) out.push_back(entry);
  }
  return out;
}

void Baseline::remove(const std::vector<BaselineEntry>& entries) {
  std::set<std::tuple<std::string, std::string, std::string>> drop;
  for (const BaselineEntry& entry : entries) drop.insert({entry.file, entry.code, entry.fingerprint});
  entries_.erase(std::remove_if(entries_.begin(), entries_.end(),
                                [&](const BaselineEntry& e) { return drop.count({e.file, e.code, e.fingerprint}) > 0; }),
                 entries_.end());
  for (const auto& key : drop) keys_.erase(key);
}

}  // namespace marginalia::merge
