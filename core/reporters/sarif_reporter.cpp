// SPDX-License-Identifier: MIT
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "host/builtin_codes.hpp"
#include "reporters/reporter.hpp"
#include "merge/fix_plan.hpp"

namespace marginalia::reporters {
namespace {

using nlohmann::ordered_json;

// A file path as a URI reference: relative paths stay relative (GitHub resolves them against
// the repository root), absolute ones become file: URIs.
std::string to_uri(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out = !path.empty() && path[0] == '/' ? "file://" : "";
  for (unsigned char c : path) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                 c == '~' || c == '/';
    if (plain) out.push_back(static_cast<char>(c));
    else { out.push_back('%'); out.push_back(hex[c >> 4]); out.push_back(hex[c & 15]); }
  }
  return out;
}

// The "### <code>" section of a plugin README, without its heading: the code's help.
std::string help_section(const std::string& markdown, const std::string& code) {
  std::string heading = "### " + code;
  for (std::size_t at = markdown.find(heading); at != std::string::npos; at = markdown.find(heading, at + 1)) {
    std::size_t after = at + heading.size();
    if ((at != 0 && markdown[at - 1] != '\n') || (after < markdown.size() && markdown[after] != '\n' && markdown[after] != '\r')) continue;
    std::size_t end = after;
    while ((end = markdown.find("\n#", end)) != std::string::npos) {
      std::size_t hashes = 0;
      while (end + 1 + hashes < markdown.size() && markdown[end + 1 + hashes] == '#') ++hashes;
      if (hashes <= 3) break;
      ++end;
    }
    std::string body = markdown.substr(after, end == std::string::npos ? std::string::npos : end - after);
    std::size_t first = body.find_first_not_of("\r\n");
    std::size_t last = body.find_last_not_of("\r\n \t");
    return first == std::string::npos ? std::string() : body.substr(first, last - first + 1);
  }
  return {};
}

struct Rule {
  sdk::CodeInfo info;
  std::string plugin, help, help_uri;
};

ordered_json rule_json(const Rule& rule) {
  ordered_json out;
  out["id"] = rule.info.code;
  out["shortDescription"] = {{"text", rule.info.summary}};
  out["fullDescription"] = {{"text", rule.info.summary}};
  std::string help = rule.help.empty() ? rule.info.summary : rule.help;
  help += "\n\nRun `marginalia explain " + rule.info.code + "` for the full documentation.";
  out["help"] = {{"text", help}, {"markdown", help}};
  if (rule.help_uri.rfind("https://", 0) == 0 || rule.help_uri.rfind("http://", 0) == 0) out["helpUri"] = rule.help_uri;
  out["defaultConfiguration"] = {{"level", sdk::to_string(rule.info.default_severity)}};
  out["properties"] = {{"tags", ordered_json::array({rule.plugin})}};
  return out;
}

ordered_json region(const model::Position& begin, const model::Position& end) {
  ordered_json out{{"startLine", begin.line}, {"startColumn", begin.column}};
  bool ordered = end.line > begin.line || (end.line == begin.line && end.column >= begin.column);
  out["endLine"] = ordered ? end.line : begin.line;
  out["endColumn"] = ordered ? end.column : begin.column;
  return out;
}

ordered_json notification(const std::string& code, const std::string& severity, const std::string& message) {
  return {{"descriptor", {{"id", code}}}, {"level", severity}, {"message", {{"text", message}}}};
}

}  // namespace

std::string render_sarif(const RunReport& run) {
  // Rules: every code of the loaded plugins, plus the core codes this run used; sorted by code.
  std::map<std::string, Rule> rules;
  for (const sdk::PluginInfo& plugin : run.plugins)
    for (const sdk::CodeInfo& code : plugin.codes) rules[code.code] = {code, plugin.id, help_section(plugin.documentation, code.code), plugin.help_url};
  std::set<std::string> used;
  for (const merge::FileReport& file : run.files) {
    if (file.error) used.insert(file.error->code);
    if (file.report)
      for (const merge::ReportedFinding& f : file.report->findings) used.insert(f.finding.code);
  }
  for (const host::BuiltinCode& builtin : host::builtin_codes())
    if (used.count(builtin.info.code))
      rules[builtin.info.code] = {builtin.info, builtin.info.code.substr(0, builtin.info.code.find('/')), builtin.documentation, ""};
  // A code a plugin reported but did not declare is refused by the host; keep SARIF valid anyway.
  for (const std::string& code : used)
    if (!rules.count(code)) rules[code] = {{code, sdk::Severity::warning, code}, code.substr(0, code.find('/')), "", ""};
  std::map<std::string, std::size_t> rule_index;
  ordered_json rule_list = ordered_json::array();
  for (const auto& [code, rule] : rules) {
    rule_index[code] = rule_list.size();
    rule_list.push_back(rule_json(rule));
  }

  ordered_json driver;
  driver["name"] = "marginalia";
  driver["version"] = run.tool_version;
  driver["semanticVersion"] = run.tool_version;
  driver["rules"] = std::move(rule_list);
  ordered_json extensions = ordered_json::array();
  for (const sdk::PluginInfo& plugin : run.plugins)
    extensions.push_back({{"name", plugin.id}, {"version", plugin.version}, {"shortDescription", {{"text", plugin.summary}}}});

  ordered_json artifacts = ordered_json::array();
  ordered_json results = ordered_json::array();
  ordered_json notifications = ordered_json::array();
  for (const util::Problem& problem : run.plugin_problems)
    notifications.push_back(notification(problem.code, "warning", problem.path + ": " + problem.message));
  for (std::size_t index = 0; index < run.files.size(); ++index) {
    const merge::FileReport& file = run.files[index];
    ordered_json artifact_location{{"uri", to_uri(file.path)}};
    if (file.path.empty() || file.path[0] != '/') artifact_location["uriBaseId"] = "%SRCROOT%";
    artifact_location["index"] = index;
    ordered_json artifact{{"location", {{"uri", artifact_location["uri"]}}}, {"roles", ordered_json::array({"analysisTarget"})}};
    if (artifact_location.contains("uriBaseId")) artifact["location"]["uriBaseId"] = "%SRCROOT%";
    // A shard's result says where each file belongs; `marginalia merge` reads and removes this.
    ordered_json placement;
    if (run.shard && index < run.shard->input_index.size()) {
      placement = {{"marginalia/inputIndex", run.shard->input_index[index]}};
      artifact["properties"] = placement;
    }
    artifacts.push_back(std::move(artifact));
    auto file_notification = [&](const std::string& code, const std::string& message) {
      ordered_json said = notification(code, "error", message);
      if (!placement.is_null()) said["properties"] = placement;
      return said;
    };

    if (file.error) {
      const readers::ReadError& e = *file.error;
      ordered_json physical{{"artifactLocation", artifact_location}};
      if (e.line) physical["region"] = {{"startLine", e.line}, {"startColumn", e.column ? e.column : 1}};
      results.push_back({{"ruleId", e.code},
                         {"ruleIndex", rule_index[e.code]},
                         {"level", "error"},
                         {"message", {{"text", e.message}}},
                         {"locations", ordered_json::array({{{"physicalLocation", physical}}})}});
      notifications.push_back(file_notification(e.code, file.path + ": " + e.message));
      continue;
    }
    const merge::DocumentReport& report = *file.report;
    for (const merge::PluginStatus& status : report.plugins)
      if (status.status != host::RunStatus::ok)
        notifications.push_back(file_notification(host::code_for(status.status),
                                                  file.path + ": plugin '" + status.id + "' " + host::to_string(status.status) +
                                                      (status.detail.empty() ? "" : ": " + status.detail)));
    const std::string& source = report.loaded.source_map.source();
    for (const merge::ReportedFinding& f : report.findings) {
      const sdk::Finding& finding = f.finding;
      ordered_json physical{{"artifactLocation", artifact_location}};
      bool file_level = f.plugin == "host" && finding.span.empty() && finding.span.begin == 0 && finding.code.rfind("host/plugin-", 0) == 0;
      if (!file_level) {
        physical["region"] = region(f.begin, f.end);
        std::uint32_t from = report.loaded.source_map.to_source(finding.span.begin), to = report.loaded.source_map.to_source(finding.span.end);
        if (to > from && to <= source.size()) physical["region"]["snippet"] = {{"text", source.substr(from, to - from)}};
      }
      ordered_json result;
      result["ruleId"] = finding.code;
      result["ruleIndex"] = rule_index[finding.code];
      result["level"] = sdk::to_string(finding.severity);
      result["message"] = {{"text", finding.message}};
      result["locations"] = ordered_json::array({{{"physicalLocation", physical}}});
      result["partialFingerprints"] = {{"marginalia/v1", f.fingerprint}};
      if (!finding.related.empty()) {
        ordered_json related = ordered_json::array();
        for (std::size_t r = 0; r < finding.related.size(); ++r) {
          const model::Position& at = f.related_begin[r];
          related.push_back({{"id", r + 1},
                             {"physicalLocation", {{"artifactLocation", artifact_location}, {"region", {{"startLine", at.line}, {"startColumn", at.column}}}}},
                             {"message", {{"text", finding.related[r].message}}}});
        }
        result["relatedLocations"] = std::move(related);
      }
      // The fix as `check --fix` would make it: where the text is written verbatim, escaped for
      // the markup; a consumer applying it to the file gets the same bytes.
      std::string unfixable;
      merge::SourceEdit edit = finding.replacement && !file_level ? merge::edit_for(report.loaded, f, unfixable) : merge::SourceEdit{};
      if (edit.finding) {
        const model::SourceMap& map = report.loaded.source_map;
        ordered_json replacement{{"deletedRegion", region(map.position_of_source(edit.begin), map.position_of_source(edit.end))},
                                 {"insertedContent", {{"text", edit.text}}}};
        result["fixes"] = ordered_json::array(
            {{{"description", {{"text", "replace with \"" + *finding.replacement + "\""}}},
              {"artifactChanges", ordered_json::array({{{"artifactLocation", artifact_location}, {"replacements", ordered_json::array({replacement})}}})}}});
      }
      result["properties"] = {{"plugin", f.plugin}, {"id", f.id}};
      results.push_back(std::move(result));
    }
  }

  ordered_json invocation;
  invocation["executionSuccessful"] = run.complete();
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);

  ordered_json sarif_run;
  sarif_run["tool"] = {{"driver", std::move(driver)}};
  if (!extensions.empty()) sarif_run["tool"]["extensions"] = std::move(extensions);
  sarif_run["invocations"] = ordered_json::array({std::move(invocation)});
  sarif_run["columnKind"] = "unicodeCodePoints";
  if (run.shard)
    sarif_run["properties"] = {{"marginalia/shard",
                                {{"index", run.shard->index}, {"count", run.shard->count}, {"inputs", run.shard->inputs}, {"selected", run.shard->selected}}}};
  sarif_run["artifacts"] = std::move(artifacts);
  sarif_run["results"] = std::move(results);

  ordered_json root;
  root["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  root["version"] = "2.1.0";
  root["runs"] = ordered_json::array({std::move(sarif_run)});
  return root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace marginalia::reporters
