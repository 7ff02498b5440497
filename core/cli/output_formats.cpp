// SPDX-License-Identifier: MIT
#include "cli/output_formats.hpp"

#include "reporters/reporter.hpp"
#include "writers/tei_writer.hpp"

namespace marginalia::cli {
namespace {

using reporters::plural;

// The terminal report, with what it leaves out and the plugin summary unless --quiet.
std::string render_text(const merge::RunReport& run, const RenderOptions& options) {
  std::string out = reporters::render_terminal(run, {options.color, true, options.quiet});
  if (options.quiet) return out;
  if (run.suppressed || run.baselined)
    out += "not shown: " + plural(run.suppressed, "finding") + " suppressed inline, " + plural(run.baselined, "finding") + " in the baseline\n";
  return out + "\n" + reporters::render_plugin_summary(run);
}

}  // namespace

const std::vector<OutputFormat>& output_formats() {
  static const std::vector<OutputFormat> formats = {
      {"text", "report", ".txt", render_text, nullptr},
      {"json", "JSON", ".json", [](const merge::RunReport& run, const RenderOptions&) { return reporters::render_json(run); }, nullptr},
      {"tei", "TEI", ".tei.xml", nullptr,
       [](const merge::DocumentReport& report, const merge::RunReport& run) { return writers::write_tei(report, {run.tool_version}); }},
      {"sarif", "SARIF", ".sarif", [](const merge::RunReport& run, const RenderOptions&) { return reporters::render_sarif(run); }, nullptr},
      {"html", "html", ".html", [](const merge::RunReport& run, const RenderOptions&) { return reporters::render_html(run); }, nullptr},
      {"github", "github", ".txt", [](const merge::RunReport& run, const RenderOptions&) { return reporters::render_github(run); }, nullptr},
      {"junit", "JUnit", ".xml", [](const merge::RunReport& run, const RenderOptions&) { return reporters::render_junit(run); }, nullptr},
  };
  return formats;
}

const OutputFormat* find_output_format(std::string_view name) {
  for (const OutputFormat& format : output_formats())
    if (name == format.name) return &format;
  return nullptr;
}

std::string output_format_names(bool with_default) {
  std::string names;
  for (const OutputFormat& format : output_formats()) {
    names += (names.empty() ? "" : ", ") + std::string(format.name);
    if (with_default && &format == &output_formats().front()) names += " (default)";
  }
  return names;
}

}  // namespace marginalia::cli
