// SPDX-License-Identifier: MIT
// `--format html`: one self-contained page for an editor. The page loads nothing: its only
// style and script are inline and named by hash in a Content-Security-Policy that forbids
// everything else, and every piece of report text is escaped (html_escape.hpp).
#include <map>

#include "html_report_assets.hpp"
#include "reporters/html_document_view.hpp"
#include "reporters/html_escape.hpp"
#include "reporters/reporter.hpp"
#include "util/sha256.hpp"

namespace marginalia::reporters {
namespace {

using html::append_escaped;
using html::append_markup;
using html::escaped;

constexpr sdk::Severity kSeverities[] = {sdk::Severity::error, sdk::Severity::warning, sdk::Severity::note};


std::string position(const model::Position& at) { return std::to_string(at.line) + ":" + std::to_string(at.column); }

class HtmlPage {
 public:
  explicit HtmlPage(const RunReport& run) : run_(run) {
    for (const merge::FileReport& file : run.files)
      if (file.report)
        for (const merge::ReportedFinding& f : file.report->findings) {
          plugin_index_.emplace(f.plugin, 0);
          ++plugin_counts_[f.plugin];
        }
    int index = 0;
    for (auto& entry : plugin_index_) entry.second = index++;
  }

  std::string build() {
    std::size_t text_size = 0;
    for (const merge::FileReport& file : run_.files)
      if (file.report) text_size += file.report->loaded.document.text.size();
    out_.reserve(text_size + text_size / 2 + 64 * 1024);
    head();
    out_ += "<body>\n";
    header();
    out_ += "<main>\n";
    for (std::size_t i = 0; i < run_.files.size(); ++i) file_section(run_.files[i], i);
    if (run_.files.empty()) out_ += "<p class=\"none\">No input files.</p>\n";
    out_ += "</main>\n";
    out_ +=
        "<aside id=\"detail\" hidden aria-live=\"polite\"><button type=\"button\" class=\"close\" aria-label=\"close\">\xC3\x97</button>"
        "<div class=\"body\"></div></aside>\n<div id=\"tip\" role=\"tooltip\" hidden></div>\n";
    out_ += "<script>";
    out_ += marginalia_html_assets::script;
    out_ += "</script>\n</body>\n</html>\n";
    return std::move(out_);
  }

 private:
  const RunReport& run_;
  std::string out_;
  std::map<std::string, int> plugin_index_;  // plugins that reported, by id, for the filters
  std::map<std::string, std::size_t> plugin_counts_;

  void head() {
    std::string title = "marginalia report";
    if (run_.files.size() == 1) title += ": " + run_.files[0].path;
    out_ += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    // Only the page's own style and script may run; no fetch, image, font, frame or form.
    out_ += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src " +
            util::csp_hash_source(marginalia_html_assets::style) + "; script-src " + util::csp_hash_source(marginalia_html_assets::script) +
            "; base-uri 'none'; form-action 'none'\">\n";
    out_ += "<meta name=\"referrer\" content=\"no-referrer\">\n";
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out_ += "<meta name=\"generator\" content=\"marginalia ";
    append_escaped(out_, run_.tool_version);
    out_ += "\">\n<title>";
    append_escaped(out_, title);
    out_ += "</title>\n<style>";
    out_ += marginalia_html_assets::style;
    out_ += "</style>\n</head>\n";
  }

  void header() {
    SeverityCounts counts = count_findings(run_);
    out_ += "<header class=\"top\">\n<div class=\"bar\"><h1>marginalia</h1><span class=\"sum\">";
    out_ += plural(run_.files.size(), "file") + " \xC2\xB7 " + plural(counts.errors, "error") + " \xC2\xB7 " +
            plural(counts.warnings, "warning") + " \xC2\xB7 " + plural(counts.notes, "note");
    if (!run_.complete()) out_ += " \xC2\xB7 <strong class=\"incomplete\">incomplete run</strong>";
    out_ += "</span>";
    if (run_.files.size() > 1) {
      out_ += "<label class=\"switch\">file <select id=\"file-switch\">";
      for (std::size_t i = 0; i < run_.files.size(); ++i) {
        const merge::FileReport& file = run_.files[i];
        out_ += "<option value=\"" + std::to_string(i) + "\">";
        append_escaped(out_, file.path);
        out_ += file.report ? " (" + plural(file.report->findings.size(), "finding") + ")" : std::string(" (unreadable)");
        out_ += "</option>";
      }
      out_ += "</select></label>";
    }
    out_ += "</div>\n<div class=\"filters\"><fieldset><legend>severity</legend>";
    std::size_t by_severity[] = {counts.errors, counts.warnings, counts.notes};
    for (int i = 0; i < 3; ++i) {
      const char* name = sdk::to_string(kSeverities[i]);
      out_ += "<label class=\"s-";
      out_ += name;
      out_ += "\"><input type=\"checkbox\" data-sev=\"";
      out_ += name;
      out_ += "\" checked> ";
      out_ += name;
      out_ += " <span class=\"cnt\">" + std::to_string(by_severity[i]) + "</span></label>";
    }
    out_ += "</fieldset>";
    if (!plugin_index_.empty()) {
      out_ += "<fieldset><legend>plugins</legend>";
      for (const auto& [plugin, index] : plugin_index_) {
        out_ += "<label><input type=\"checkbox\" data-pl=\"" + std::to_string(index) + "\" checked> ";
        append_escaped(out_, plugin);
        out_ += " <span class=\"cnt\">" + std::to_string(plugin_counts_[plugin]) + "</span></label>";
      }
      out_ += "</fieldset>";
    }
    out_ +=
        "<p class=\"legend\"><span class=\"m dt\">date</span> <span class=\"m qt\">quotation</span> <span class=\"m ps\">person</span> "
        "<span class=\"u st-ok\">URL</span> <span class=\"nr\">1</span> footnote: hover for details</p></div>\n";
    if (!run_.plugin_problems.empty()) {
      out_ += "<ul class=\"problems\">";
      for (const util::Problem& problem : run_.plugin_problems) {
        append_markup(out_, {"<li>", problem.path, ": ", problem.message, " <code>", problem.code, "</code></li>"});
      }
      out_ += "</ul>\n";
    }
    out_ += "</header>\n";
  }

  void file_section(const merge::FileReport& file, std::size_t index) {
    std::string prefix = "d" + std::to_string(index) + "-";
    out_ += "<section class=\"file\" id=\"d" + std::to_string(index) + "\" data-file=\"" + std::to_string(index) + "\">\n";
    out_ += "<nav class=\"list\"><h2 class=\"path\">";
    append_escaped(out_, file.path);
    out_ += "</h2>";
    if (!file.report) {
      out_ += "<p class=\"warn\">could not be read</p></nav>\n<div class=\"pane\"><p class=\"readerr\">";
      if (file.error) {
        const readers::ReadError& error = *file.error;
        append_escaped(out_, file.path);
        if (error.line) out_ += ":" + std::to_string(error.line) + ":" + std::to_string(error.column);
        out_ += ": error: ";
        append_escaped(out_, error.message);
        out_ += " <code>";
        append_escaped(out_, error.code);
        out_ += "</code>";
      }
      out_ += "</p></div>\n</section>\n";
      return;
    }
    const merge::DocumentReport& report = *file.report;
    out_ += "<p class=\"fsum\">";
    append_escaped(out_, report.loaded.document.format);
    out_ += " \xC2\xB7 " + plural(report.findings.size(), "finding") + "</p>";
    for (const merge::PluginStatus& plugin : report.plugins) {
      if (plugin.status == host::RunStatus::ok) continue;
      out_ += "<p class=\"warn\">";
      append_escaped(out_, plugin.id);
      out_ += ": ";
      out_ += host::to_string(plugin.status);
      if (!plugin.detail.empty()) {
        out_ += " (";
        append_escaped(out_, plugin.detail);
        out_ += ")";
      }
      out_ += "; its findings are missing</p>";
    }
    finding_list(file, report, prefix);
    out_ += "</nav>\n<div class=\"pane\">";
    html::render_document_view(out_, report, prefix);
    out_ += "</div>\n</section>\n";
  }

  void finding_list(const merge::FileReport& file, const merge::DocumentReport& report, const std::string& prefix) {
    if (report.findings.empty()) {
      out_ += "<p class=\"none\">No findings.</p>";
      return;
    }
    std::map<std::string, std::vector<std::size_t>> by_plugin;
    for (std::size_t i = 0; i < report.findings.size(); ++i) by_plugin[report.findings[i].plugin].push_back(i);
    for (const auto& [plugin, indices] : by_plugin) {
      int plugin_number = plugin_index_[plugin];
      out_ += "<details class=\"grp\" open data-pl=\"" + std::to_string(plugin_number) + "\"><summary>";
      append_escaped(out_, plugin);
      out_ += " <span class=\"cnt\">" + std::to_string(indices.size()) + "</span></summary>";
      for (sdk::Severity severity : kSeverities) {
        std::size_t count = 0;
        for (std::size_t i : indices) count += report.findings[i].finding.severity == severity;
        if (!count) continue;
        const char* name = sdk::to_string(severity);
        out_ += "<div class=\"sg\" data-sev=\"";
        out_ += name;
        out_ += "\"><h3 class=\"sv s-";
        out_ += name;
        out_ += "\">" + plural(count, name) + "</h3><ul>";
        for (std::size_t i : indices)
          if (report.findings[i].finding.severity == severity) list_entry(file, report, report.findings[i], plugin_number, prefix);
        out_ += "</ul></div>";
      }
      out_ += "</details>";
    }
  }

  void list_entry(const merge::FileReport& file, const merge::DocumentReport& report, const merge::ReportedFinding& reported,
                  int plugin_number, const std::string& prefix) {
    const sdk::Finding& finding = reported.finding;
    const sdk::Document& document = report.loaded.document;
    const char* severity = sdk::to_string(finding.severity);
    std::string anchor = html::finding_anchor(prefix, reported);
    out_ += "<li class=\"fi s-";
    out_ += severity;
    out_ += "\" id=\"l-" + anchor + "\" data-f=\"" + anchor + "\" data-pl=\"" + std::to_string(plugin_number) + "\" data-sev=\"" + severity + "\">";
    out_ += "<a class=\"fl\" href=\"#" + anchor + "\"><span class=\"pos\">" + position(reported.begin) + "</span> <span class=\"code\">";
    append_markup(out_, {"", finding.code, "</span> <span class=\"msg\">", finding.message, "</span></a>"});

    out_ += "<div class=\"fd\" hidden><p class=\"fh\"><span class=\"sev s-";
    out_ += severity;
    out_ += "\">";
    out_ += severity;
    append_markup(out_, {"</span> <code>", finding.code, "</code> <span class=\"by\">from ", reported.plugin, "</span></p><p class=\"fm\">",
                         finding.message, "</p><p class=\"fw\">", file.path});
    out_ += ":" + position(reported.begin);
    if (reported.end.line != reported.begin.line || reported.end.column != reported.begin.column) out_ += "\xE2\x80\x93" + position(reported.end);
    out_ += "</p>";
    std::string_view flagged = slice(document, finding.span);
    if (!flagged.empty()) {
      out_ += "<p class=\"ft\">text: <span class=\"tx\">";
      append_escaped(out_, html::excerpt(flagged, 240));
      out_ += "</span></p>";
    }
    if (finding.replacement) {
      out_ += "<p class=\"fx\">suggested fix: ";
      if (finding.replacement->empty()) {
        out_ += "delete <del>";
        append_escaped(out_, html::excerpt(flagged, 240));
        out_ += "</del>";
      } else if (flagged.empty()) {
        out_ += "insert <ins>";
        append_escaped(out_, *finding.replacement);
        out_ += "</ins>";
      } else {
        out_ += "replace <del>";
        append_escaped(out_, html::excerpt(flagged, 240));
        out_ += "</del> with <ins>";
        append_escaped(out_, *finding.replacement);
        out_ += "</ins>";
      }
      out_ += "</p>";
    }
    if (!finding.related.empty()) {
      out_ += "<ul class=\"frl\">";
      for (std::size_t r = 0; r < finding.related.size(); ++r) {
        const sdk::Related& related = finding.related[r];
        out_ += "<li><a class=\"rl\" href=\"#" + html::related_anchor(prefix, reported, r) + "\">";
        out_ += r < reported.related_begin.size() ? position(reported.related_begin[r]) : std::string("here");
        out_ += "</a> ";
        append_escaped(out_, related.message);
        std::string_view text = slice(document, related.span);
        if (!text.empty()) {
          out_ += ": <span class=\"tx\">";
          append_escaped(out_, html::excerpt(text, 160));
          out_ += "</span>";
        }
        out_ += "</li>";
      }
      out_ += "</ul>";
    }
    out_ += "</div></li>";
  }

  static std::string_view slice(const sdk::Document& document, sdk::Span span) {
    std::size_t size = document.text.size();
    std::size_t begin = std::min<std::size_t>(span.begin, size), end = std::min<std::size_t>(std::max(span.end, span.begin), size);
    return std::string_view(document.text).substr(begin, end - begin);
  }
};

}  // namespace

std::string render_html(const RunReport& run) { return HtmlPage(run).build(); }

}  // namespace marginalia::reporters
