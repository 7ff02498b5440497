// SPDX-License-Identifier: MIT
#include "lsp/report_view.hpp"

#include <unistd.h>

#include <algorithm>

#include "merge/fix_plan.hpp"

namespace marginalia::lsp {
namespace {

using nlohmann::json;

int lsp_severity(sdk::Severity severity) {
  switch (severity) {
    case sdk::Severity::error: return 1;
    case sdk::Severity::warning: return 2;
    case sdk::Severity::note: return 3;  // Information: notes are worth reading, not fixing
  }
  return 2;
}

std::string attribute(const sdk::Mark& mark, const char* name) {
  for (const sdk::Attribute& a : mark.attributes)
    if (a.name == name) return a.value;
  return {};
}

// The characters that would start Markdown emphasis, code, links or HTML in values taken from
// the document are escaped, so a speaker named "*Ana*" is shown as written; others stay plain
// for clients that show the text raw.
std::string escape_markdown(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (std::string_view("\\`*_[]<>").find(c) != std::string_view::npos) out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

std::string hover_markdown(const sdk::Mark& mark) {
  auto line = [](const char* label, const std::string& value) {
    return value.empty() ? std::string() : std::string("\n\n") + label + ": " + escape_markdown(value);
  };
  switch (mark.kind) {
    case sdk::MarkKind::date: {
      std::string out = "**date**";
      std::string when = attribute(mark, "when");
      out += line("normalised", when);
      std::string from = attribute(mark, "from"), to = attribute(mark, "to");
      if (!from.empty() || !to.empty()) out += line("range", from + " to " + to);
      std::string after = attribute(mark, "notBefore"), before = attribute(mark, "notAfter");
      if (!after.empty() || !before.empty()) out += line("between", after + " and " + before);
      return out;
    }
    case sdk::MarkKind::quote: {
      std::string kind = attribute(mark, "kind");
      std::string out = kind.empty() ? "**quotation**" : "**quotation** (" + escape_markdown(kind) + ")";
      std::string speaker = attribute(mark, "speaker"), cite = attribute(mark, "cite");
      out += speaker.empty() ? "\n\nspeaker: not found" : line("speaker", speaker);
      out += cite.empty() ? "\n\ncitation: not found" : line("citation", cite);
      return out;
    }
    case sdk::MarkKind::url: {
      std::string out = "**URL**";
      out += line("target", attribute(mark, "target"));
      std::string status = attribute(mark, "status");
      out += line("last status", status.empty() ? "unknown" : status);
      return out;
    }
    case sdk::MarkKind::person: return "**person**" + line("name", attribute(mark, "name"));
    case sdk::MarkKind::note_ref: return "**note reference**" + line("label", attribute(mark, "label"));
  }
  return {};
}

json diagnostic_at(const Range& range, sdk::Severity severity, const std::string& code, const std::string& message, const std::string& href) {
  json out = {{"range", to_json(range)},
              {"severity", lsp_severity(severity)},
              {"code", code},
              {"source", "marginalia"},
              {"message", message}};
  if (!href.empty()) out["codeDescription"] = {{"href", href}};
  return out;
}

}  // namespace

std::string heading_anchor(const std::string& heading) {
  std::string out;
  for (char c : heading) {
    if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c - 'A' + 'a'));
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') out.push_back(c);
    else if (c == ' ') out.push_back('-');
    else if (static_cast<unsigned char>(c) >= 0x80) out.push_back(c);
  }
  return out;
}

void DocumentationLinks::add(const std::vector<sdk::PluginInfo>& plugins) {
  for (const sdk::PluginInfo& plugin : plugins) {
    const std::string& help = plugin.help_url;
    if (help.empty()) continue;
    std::string base;
    if (help.find("://") != std::string::npos) base = help;
    else if (!docs_base_.empty()) base = docs_base_ + (docs_base_.back() == '/' ? "" : "/") + help;
    // A relative path with nowhere to resolve it, or a local file that is not there (a binary
    // moved away from its checkout): no link rather than a broken one.
    if (base.empty() || (base.rfind("file://", 0) == 0 && ::access(base.substr(7).c_str(), R_OK) != 0)) continue;
    for (const sdk::CodeInfo& code : plugin.codes) links_[code.code] = base + "#" + heading_anchor(code.code);
  }
}

std::string DocumentationLinks::link(const std::string& code) const {
  auto found = links_.find(code);
  return found == links_.end() ? std::string() : found->second;
}

ReportView make_view(const merge::FileReport& file, const std::string& uri, const DocumentationLinks& links) {
  ReportView view;
  if (file.error) {
    const readers::ReadError& error = *file.error;
    Position at{error.line ? error.line - 1 : 0, error.column ? error.column - 1 : 0};
    view.diagnostics.push_back(diagnostic_at({at, at}, sdk::Severity::error, error.code, error.message, links.link(error.code)));
    return view;
  }
  if (!file.report) return view;
  const merge::DocumentReport& report = *file.report;
  const model::SourceMap& map = report.loaded.source_map;
  for (const merge::ReportedFinding& reported : report.findings) {
    const sdk::Finding& finding = reported.finding;
    Range range{to_lsp(map, reported.begin), to_lsp(map, reported.end)};
    if (range.end < range.start) range.end = range.start;
    json diagnostic = diagnostic_at(range, finding.severity, finding.code, finding.message, links.link(finding.code));
    if (!finding.related.empty()) {
      json related = json::array();
      for (const sdk::Related& r : finding.related)
        related.push_back({{"location", {{"uri", uri}, {"range", to_json(text_range(map, r.span.begin, r.span.end))}}}, {"message", r.message}});
      diagnostic["relatedInformation"] = std::move(related);
    }
    diagnostic["data"] = {{"fingerprint", reported.fingerprint}};
    // The same edit `check --fix` would make: only where the span is written verbatim in the
    // buffer, escaped for HTML and TEI.
    std::string unfixable;
    if (finding.replacement) {
      if (merge::SourceEdit edit = merge::edit_for(report.loaded, reported, unfixable); edit.finding) {
        std::string title = finding.replacement->empty() ? "marginalia: delete this text" : "marginalia: replace with \"" + *finding.replacement + "\"";
        Range edited{to_lsp(map, map.position_of_source(edit.begin)), to_lsp(map, map.position_of_source(edit.end))};
        view.fixes.push_back({edited, std::move(edit.text), std::move(title), diagnostic});
      }
    }
    view.diagnostics.push_back(std::move(diagnostic));
  }
  for (const merge::PluginMark& plugin_mark : report.marks) {
    const sdk::Mark& mark = plugin_mark.mark;
    if (mark.kind == sdk::MarkKind::url && attribute(mark, "status") == "unchecked") view.has_unchecked_urls = true;
    std::string markdown = hover_markdown(mark);
    if (!markdown.empty()) view.hovers.push_back({text_range(map, mark.span.begin, mark.span.end), std::move(markdown)});
  }
  // Innermost first: a date inside a quotation shows the date.
  std::stable_sort(view.hovers.begin(), view.hovers.end(), [](const HoverText& a, const HoverText& b) {
    return b.range.start < a.range.start || (!(a.range.start < b.range.start) && a.range.end < b.range.end);
  });
  return view;
}

ReportView problems_view(const std::vector<util::Problem>& problems) {
  ReportView view;
  for (const util::Problem& problem : problems)
    view.diagnostics.push_back(diagnostic_at({}, sdk::Severity::error, problem.code.empty() ? "config/invalid" : problem.code, problem.to_string(), ""));
  return view;
}

}  // namespace marginalia::lsp
