// SPDX-License-Identifier: MIT
#include "reporters/reporter.hpp"

namespace marginalia::reporters {
namespace {

// Workflow-command escaping (actions/toolkit, command.ts): data escapes % CR LF; property
// values also escape : and ,. Controls are made visible first so a draft cannot inject
// terminal sequences into the log.
std::string escape_data(std::string_view text) {
  std::string out;
  for (char c : terminal_safe(text)) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out.push_back(c);
  }
  return out;
}

std::string escape_property(std::string_view text) {
  std::string out;
  for (char c : escape_data(text)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out.push_back(c);
  }
  return out;
}

}  // namespace

std::string render_github(const RunReport& run) {
  std::string out;
  for (const util::Problem& problem : run.plugin_problems)
    out += "::warning title=" + escape_property(problem.code) + "::" + escape_data(problem.path + ": " + problem.message) + "\n";
  for (const merge::FileReport& file : run.files) {
    if (file.error) {
      const readers::ReadError& e = *file.error;
      out += "::error file=" + escape_property(file.path);
      if (e.line) out += ",line=" + std::to_string(e.line) + ",col=" + std::to_string(e.column ? e.column : 1);
      out += ",title=" + escape_property(e.code) + "::" + escape_data(e.message) + "\n";
      continue;
    }
    for (const merge::ReportedFinding& f : file.report->findings) {
      out += "::" + std::string(by_severity(f.finding.severity, "error", "warning", "notice")) + " file=" + escape_property(file.path);
      bool file_level = f.plugin == "host" && f.finding.span.empty() && f.finding.span.begin == 0 && f.finding.code.rfind("host/plugin-", 0) == 0;
      if (!file_level) {
        out += ",line=" + std::to_string(f.begin.line);
        // Columns only on one line: GitHub ignores them on multi-line annotations. Its end
        // column is the last character's (inclusive).
        if (f.end.line == f.begin.line) {
          out += ",endLine=" + std::to_string(f.end.line) + ",col=" + std::to_string(f.begin.column);
          out += ",endColumn=" + std::to_string(f.end.column > f.begin.column ? f.end.column - 1 : f.begin.column);
        } else {
          out += ",endLine=" + std::to_string(f.end.line);
        }
      }
      out += ",title=" + escape_property(f.finding.code) + "::" + escape_data(f.finding.message);
      if (f.finding.replacement) out += escape_data("\nfix: replace with \"" + *f.finding.replacement + "\"");
      out += "\n";
    }
  }
  SeverityCounts counts = count_findings(run);
  out += "marginalia: " + std::to_string(counts.errors) + " errors, " + std::to_string(counts.warnings) + " warnings, " +
         std::to_string(counts.notes) + " notes in " + std::to_string(run.files.size()) + " files" +
         (run.complete() ? "" : "; the run is incomplete") + "\n";
  return out;
}

}  // namespace marginalia::reporters
