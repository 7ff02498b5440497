// SPDX-License-Identifier: MIT
#include "merge/shard_results.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace marginalia::merge {
namespace {

using nlohmann::ordered_json;

util::Problem problem(const std::string& name, const std::string& message) { return util::Problem::about(name, "merge/refused", message); }

// The reporters' own dump settings, so that parsing and dumping again gives the same bytes.
std::string dump(const ordered_json& root) { return root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"; }

bool ends_with(const std::string& text, const std::string& tail) {
  return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

struct Placement {
  unsigned index = 0, count = 0;
  std::size_t inputs = 0, selected = 0;
};

std::optional<Placement> placement_of(const ordered_json& shard) {
  if (!shard.is_object()) return std::nullopt;
  for (const char* key : {"index", "count", "inputs", "selected"})
    if (!shard.contains(key) || !shard[key].is_number_unsigned()) return std::nullopt;
  Placement p{shard["index"].get<unsigned>(), shard["count"].get<unsigned>(), shard["inputs"].get<std::size_t>(), shard["selected"].get<std::size_t>()};
  if (p.index < 1 || p.index > p.count) return std::nullopt;
  return p;
}

// A parsed shard result with its placement.
struct Parsed {
  std::string name;
  ordered_json root;
  Placement placement;
};

// Checks that the shards belong to one run and that each of its N shards is here once; the
// shards are returned in shard order.
util::Result<std::vector<Parsed>> check_complete(std::vector<Parsed> parsed) {
  std::sort(parsed.begin(), parsed.end(), [](const Parsed& a, const Parsed& b) { return a.placement.index < b.placement.index; });
  const Placement& first = parsed.front().placement;
  std::size_t selected = 0;
  for (std::size_t i = 0; i < parsed.size(); ++i) {
    const Placement& p = parsed[i].placement;
    if (p.count != first.count || p.inputs != first.inputs)
      return problem(parsed[i].name, "is shard " + std::to_string(p.index) + "/" + std::to_string(p.count) + " of a run over " +
                                         std::to_string(p.inputs) + " inputs, but " + parsed.front().name + " is shard " +
                                         std::to_string(first.index) + "/" + std::to_string(first.count) + " of a run over " +
                                         std::to_string(first.inputs) + ": they are not the same run");
    if (i > 0 && parsed[i - 1].placement.index == p.index)
      return problem(parsed[i].name, "is shard " + std::to_string(p.index) + "/" + std::to_string(p.count) + ", like " + parsed[i - 1].name);
    selected += p.selected;
  }
  if (parsed.size() != first.count) {
    std::string missing;
    std::set<unsigned> present;
    for (const Parsed& p : parsed) present.insert(p.placement.index);
    for (unsigned k = 1; k <= first.count; ++k)
      if (!present.count(k)) missing += (missing.empty() ? "" : ", ") + std::to_string(k) + "/" + std::to_string(first.count);
    return problem("", "shard " + missing + " missing: the merged result would not be the whole run's");
  }
  if (selected != first.inputs)
    return problem("", "the shards took " + std::to_string(selected) + " of the run's " + std::to_string(first.inputs) +
                           " inputs: they were not run over the same inputs");
  return parsed;
}

// A file's result with its position in the whole run, for sorting.
template <class T>
struct Placed {
  std::size_t input_index;
  T value;
};

util::Result<ordered_json> merge_json(std::vector<Parsed> shards) {
  // Each file entry with its findings (they follow the files' order, `finding_count` each).
  struct FileResult {
    ordered_json entry;
    std::vector<ordered_json> findings;
  };
  std::vector<Placed<FileResult>> files;
  ordered_json problems = ordered_json::array();
  std::set<std::string> problem_paths;
  bool complete = true;
  std::size_t errors = 0, warnings = 0, notes = 0;
  std::map<std::string, std::size_t> urls;
  const std::vector<std::string> url_keys = {"checked", "cached", "offline", "blocked", "skipped"};
  for (Parsed& shard : shards) {
    ordered_json& root = shard.root;
    if (!root.contains("files") || !root["files"].is_array() || !root.contains("findings") || !root["findings"].is_array() ||
        !root.contains("summary") || !root["summary"].is_object() || !root.contains("complete") || !root["complete"].is_boolean())
      return problem(shard.name, "is not a marginalia JSON result (files, findings, summary)");
    complete = complete && root["complete"].get<bool>();
    std::size_t next_finding = 0;
    const ordered_json& findings = root["findings"];
    for (ordered_json& entry : root["files"]) {
      if (!entry.is_object() || !entry.contains("input_index") || !entry["input_index"].is_number_unsigned())
        return problem(shard.name, "has a file without its input_index: it is not from a --shard run");
      std::size_t input_index = entry["input_index"].get<std::size_t>();
      entry.erase("input_index");
      std::size_t count = entry.contains("finding_count") && entry["finding_count"].is_number_unsigned() ? entry["finding_count"].get<std::size_t>() : 0;
      if (next_finding + count > findings.size()) return problem(shard.name, "lists fewer findings than its files count");
      FileResult file{std::move(entry), {}};
      for (std::size_t f = 0; f < count; ++f) file.findings.push_back(findings[next_finding++]);
      files.push_back({input_index, std::move(file)});
    }
    if (next_finding != findings.size()) return problem(shard.name, "lists more findings than its files count");
    const ordered_json& summary = root["summary"];
    for (const char* key : {"errors", "warnings", "notes"})
      if (!summary.contains(key) || !summary[key].is_number_unsigned()) return problem(shard.name, std::string("has no summary count of ") + key);
    errors += summary["errors"].get<std::size_t>();
    warnings += summary["warnings"].get<std::size_t>();
    notes += summary["notes"].get<std::size_t>();
    if (summary.contains("urls"))
      for (const std::string& key : url_keys)
        if (summary["urls"].contains(key) && summary["urls"][key].is_number_unsigned()) urls[key] += summary["urls"][key].get<std::size_t>();
    // Libraries refused at load are the same in every shard that loaded plugins: once each.
    if (root.contains("plugin_problems") && root["plugin_problems"].is_array())
      for (const ordered_json& p : root["plugin_problems"])
        if (problem_paths.insert(p.value("path", std::string())).second) problems.push_back(p);
  }
  std::stable_sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.input_index < b.input_index; });
  for (std::size_t i = 1; i < files.size(); ++i)
    if (files[i].input_index == files[i - 1].input_index)
      return problem("", "input " + std::to_string(files[i].input_index) + " is in two shards");

  ordered_json out;
  out["tool"] = shards.front().root["tool"];
  out["complete"] = complete;
  ordered_json file_list = ordered_json::array(), finding_list = ordered_json::array();
  for (Placed<FileResult>& file : files) {
    file_list.push_back(std::move(file.value.entry));
    for (ordered_json& finding : file.value.findings) finding_list.push_back(std::move(finding));
  }
  out["files"] = std::move(file_list);
  out["findings"] = std::move(finding_list);
  ordered_json summary{{"files", files.size()}, {"errors", errors}, {"warnings", warnings}, {"notes", notes}};
  if (shards.front().root["summary"].contains("urls")) {
    ordered_json counts;
    for (const std::string& key : url_keys) counts[key] = urls[key];
    summary["urls"] = std::move(counts);
  }
  out["summary"] = std::move(summary);
  out["plugin_problems"] = std::move(problems);
  return out;
}

// Every "artifactLocation" object under `node`, its "index" replaced by `index`.
void renumber_artifacts(ordered_json& node, std::size_t index) {
  if (node.is_object()) {
    for (auto& [key, value] : node.items()) {
      if (key == "artifactLocation" && value.is_object() && value.contains("index")) value["index"] = index;
      renumber_artifacts(value, index);
    }
  } else if (node.is_array()) {
    for (ordered_json& item : node) renumber_artifacts(item, index);
  }
}

// The artifact a result is about: its first location's (every location of a result is in one file).
std::optional<std::size_t> artifact_index(const ordered_json& result) {
  if (!result.contains("locations") || !result["locations"].is_array() || result["locations"].empty()) return std::nullopt;
  const ordered_json& location = result["locations"][0];
  if (!location.contains("physicalLocation") || !location["physicalLocation"].contains("artifactLocation")) return std::nullopt;
  const ordered_json& artifact = location["physicalLocation"]["artifactLocation"];
  if (!artifact.contains("index") || !artifact["index"].is_number_unsigned()) return std::nullopt;
  return artifact["index"].get<std::size_t>();
}

util::Result<ordered_json> merge_sarif(std::vector<Parsed> shards) {
  struct FileResult {
    ordered_json artifact;
    std::vector<ordered_json> results, notifications;
  };
  std::vector<Placed<FileResult>> files;
  std::map<std::string, ordered_json> rules;  // by id: the order SARIF's rule table is written in
  std::map<std::string, ordered_json> extensions;
  ordered_json run_notifications = ordered_json::array();
  std::set<std::string> run_notification_texts;
  bool successful = true;
  for (Parsed& shard : shards) {
    ordered_json& run = shard.root["runs"][0];
    if (!run.contains("artifacts") || !run.contains("results") || !run.contains("tool") || !run.contains("invocations"))
      return problem(shard.name, "is not a marginalia SARIF result (artifacts, results, tool, invocations)");
    ordered_json& driver = run["tool"]["driver"];
    std::vector<std::string> rule_ids;  // this shard's rule indexes
    for (const ordered_json& rule : driver["rules"]) {
      rule_ids.push_back(rule.value("id", std::string()));
      rules.emplace(rule_ids.back(), rule);
    }
    if (run["tool"].contains("extensions"))
      for (const ordered_json& extension : run["tool"]["extensions"]) extensions.emplace(extension.value("name", std::string()), extension);
    ordered_json& invocation = run["invocations"][0];
    successful = successful && invocation.value("executionSuccessful", false);

    std::vector<std::size_t> local_to_file;  // artifact index in this shard -> entry of `files`
    for (ordered_json& artifact : run["artifacts"]) {
      if (!artifact.contains("properties") || !artifact["properties"].contains("marginalia/inputIndex"))
        return problem(shard.name, "has an artifact without its marginalia/inputIndex: it is not from a --shard run");
      std::size_t input_index = artifact["properties"]["marginalia/inputIndex"].get<std::size_t>();
      artifact.erase("properties");
      local_to_file.push_back(files.size());
      files.push_back({input_index, {std::move(artifact), {}, {}}});
    }
    for (ordered_json& result : run["results"]) {
      std::optional<std::size_t> local = artifact_index(result);
      if (!local || *local >= local_to_file.size()) return problem(shard.name, "has a result that names no artifact of its own");
      std::size_t rule = result.value("ruleIndex", std::size_t(0));
      if (rule >= rule_ids.size()) return problem(shard.name, "has a result whose ruleIndex is not in its rules");
      result["ruleIndex"] = rule_ids[rule];  // an id for now; the merged table's index below
      files[local_to_file[*local]].value.results.push_back(std::move(result));
    }
    // Notifications about one file carry its place; the others (libraries refused at load) are
    // the same in every shard that loaded plugins: once each, first.
    if (invocation.contains("toolExecutionNotifications"))
      for (ordered_json& said : invocation["toolExecutionNotifications"]) {
        if (said.contains("properties") && said["properties"].contains("marginalia/inputIndex")) {
          std::size_t input_index = said["properties"]["marginalia/inputIndex"].get<std::size_t>();
          said.erase("properties");
          auto owner = std::find_if(files.begin(), files.end(), [&](const auto& f) { return f.input_index == input_index; });
          if (owner == files.end()) return problem(shard.name, "has a notification about a file it did not check");
          owner->value.notifications.push_back(std::move(said));
        } else if (run_notification_texts.insert(said.dump()).second) {
          run_notifications.push_back(std::move(said));
        }
      }
  }
  std::stable_sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.input_index < b.input_index; });
  for (std::size_t i = 1; i < files.size(); ++i)
    if (files[i].input_index == files[i - 1].input_index)
      return problem("", "input " + std::to_string(files[i].input_index) + " is in two shards");

  std::map<std::string, std::size_t> rule_index;
  ordered_json rule_list = ordered_json::array();
  for (auto& [id, rule] : rules) {
    rule_index[id] = rule_list.size();
    rule_list.push_back(std::move(rule));
  }
  ordered_json artifacts = ordered_json::array(), results = ordered_json::array(), notifications = std::move(run_notifications);
  for (std::size_t index = 0; index < files.size(); ++index) {
    FileResult& file = files[index].value;
    artifacts.push_back(std::move(file.artifact));
    for (ordered_json& result : file.results) {
      result["ruleIndex"] = rule_index[result["ruleIndex"].get<std::string>()];
      renumber_artifacts(result, index);
      results.push_back(std::move(result));
    }
    for (ordered_json& said : file.notifications) notifications.push_back(std::move(said));
  }

  // The first shard's run is the frame: its tool, invocation and keys in their order.
  ordered_json root = std::move(shards.front().root);
  ordered_json& run = root["runs"][0];
  run["tool"]["driver"]["rules"] = std::move(rule_list);
  if (!extensions.empty()) {
    ordered_json list = ordered_json::array();
    for (auto& [name, extension] : extensions) list.push_back(std::move(extension));
    run["tool"]["extensions"] = std::move(list);
  }
  ordered_json invocation;
  invocation["executionSuccessful"] = successful;
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);
  run["invocations"] = ordered_json::array({std::move(invocation)});
  run.erase("properties");
  run["artifacts"] = std::move(artifacts);
  run["results"] = std::move(results);
  return root;
}

}  // namespace

util::Result<MergedResult> merge_shard_results(const std::vector<ShardResult>& shards, const std::string& output_path) {
  if (shards.empty()) return problem("", "no result to merge");
  std::vector<Parsed> parsed;
  std::string format;
  for (const ShardResult& shard : shards) {
    ordered_json root = ordered_json::parse(shard.bytes, nullptr, false);
    if (root.is_discarded()) return problem(shard.name, "is not JSON");
    std::string kind;
    std::optional<Placement> placement;
    if (root.contains("runs") && root["runs"].is_array() && root.value("version", std::string()) == "2.1.0") {
      kind = "sarif";
      if (root["runs"].size() != 1 || !root["runs"][0].is_object()) return problem(shard.name, "is SARIF with other than one run");
      const ordered_json& run = root["runs"][0];
      if (run.contains("properties") && run["properties"].contains("marginalia/shard")) placement = placement_of(run["properties"]["marginalia/shard"]);
      if (!run.contains("tool") || run["tool"]["driver"].value("name", std::string()) != "marginalia")
        return problem(shard.name, "is SARIF from another tool");
    } else if (root.contains("tool") && root["tool"].is_object() && root["tool"].value("name", std::string()) == "marginalia") {
      kind = "json";
      if (root.contains("shard")) placement = placement_of(root["shard"]);
      root.erase("shard");
    } else {
      return problem(shard.name, "is neither marginalia JSON (--format json) nor SARIF (--format sarif)");
    }
    if (!placement) return problem(shard.name, "is not the result of a --shard K/N run (no shard placement in it)");
    if (!format.empty() && kind != format)
      return problem(shard.name, "is " + kind + " but " + parsed.front().name + " is " + format + ": merge results of one format");
    format = kind;
    parsed.push_back({shard.name, std::move(root), *placement});
  }
  if (ends_with(output_path, ".sarif") && format != "sarif")
    return problem(output_path, "names a SARIF file, but the results to merge are marginalia JSON");
  const ordered_json& tool = format == "json" ? parsed.front().root["tool"] : parsed.front().root["runs"][0]["tool"]["driver"];
  for (const Parsed& p : parsed) {
    const ordered_json& other = format == "json" ? p.root["tool"] : p.root["runs"][0]["tool"]["driver"];
    if (other.value("version", std::string()) != tool.value("version", std::string()))
      return problem(p.name, "comes from marginalia " + other.value("version", std::string("?")) + ", but " + parsed.front().name +
                                 " from " + tool.value("version", std::string("?")) + ": run every shard with one version");
  }
  util::Result<std::vector<Parsed>> ordered = check_complete(std::move(parsed));
  if (!ordered) return ordered.problems();
  // A field of an unexpected type deep inside a hand-edited result is the input's fault, not a bug.
  try {
    util::Result<ordered_json> merged = format == "json" ? merge_json(std::move(*ordered)) : merge_sarif(std::move(*ordered));
    if (!merged) return merged.problems();
    return MergedResult{format, dump(*merged)};
  } catch (const nlohmann::json::exception& e) {
    return problem("", std::string("a result is not as marginalia writes it: ") + e.what());
  }
}

}  // namespace marginalia::merge
