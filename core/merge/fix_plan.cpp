// SPDX-License-Identifier: MIT
#include "merge/fix_plan.hpp"

#include <algorithm>

namespace marginalia::merge {
namespace {

bool is_markup(const std::string& format) { return format == "html" || format == "tei"; }

// A link whose visible text is its address keeps the address a second time in its markup (an
// href, a TEI target, a Markdown destination "[url](url)"): replacing the text alone would leave
// the link pointing at the old address. A Markdown autolink ("<url>", a bare URL) writes it once.
bool address_written_twice(const model::LoadedDocument& loaded, sdk::Span span, const model::SourceRange& range) {
  const sdk::Document& document = loaded.document;
  for (const sdk::Link& link : document.links) {
    if (!link.span.overlaps(span)) continue;
    if (is_markup(document.format)) return true;
    if (document.format == "markdown") {
      const std::string& source = loaded.source_map.source();
      std::size_t after = range.end;
      while (after < source.size() && source[after] == ' ') ++after;
      if (after < source.size() && source[after] == ']') return true;
    }
  }
  return false;
}

// The line end the file uses, for a replacement that holds a line break.
std::string_view line_end_of(const std::string& source) {
  std::size_t lf = source.find('\n');
  if (lf != std::string::npos) return lf > 0 && source[lf - 1] == '\r' ? "\r\n" : "\n";
  return source.find('\r') != std::string::npos ? "\r" : "\n";
}

}  // namespace

std::string escape_markup_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '"') out += "&quot;";  // the text may be an attribute's (an image's alt text)
    else out.push_back(c);
  }
  return out;
}

SourceEdit edit_for(const model::LoadedDocument& loaded, const ReportedFinding& reported, std::string& reason) {
  const sdk::Finding& finding = reported.finding;
  const model::SourceMap& map = loaded.source_map;
  const sdk::Document& document = loaded.document;
  if (!finding.replacement) {
    reason = "the finding proposes no fix";
    return {};
  }
  if (map.part_map()) {
    reason = "a Word file is not rewritten: --annotate OUT.docx --annotate-fixes proposes the fix as a tracked change";
    return {};
  }
  if (!map.copies_verbatim(document.text, finding.span.begin, finding.span.end)) {
    reason = "the text is not written verbatim in the file (it spans markup, an entity, an escape or a line end)";
    return {};
  }
  model::SourceRange range = map.source_range(finding.span.begin, finding.span.end);
  if (address_written_twice(loaded, finding.span, range)) {
    reason = "the link's address is also written in its markup; change both by hand";
    return {};
  }
  std::string text = *finding.replacement;
  if (text.find_first_of("\r\n") != std::string::npos) {
    std::string converted;
    std::string_view line_end = line_end_of(map.source());
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
      if (text[i] == '\n' || text[i] == '\r') converted += line_end;
      else converted.push_back(text[i]);
    }
    text = std::move(converted);
  }
  if (is_markup(document.format)) text = escape_markup_text(text);
  return {range.begin, range.end, std::move(text), &reported};
}

FixPlan plan_fixes(const DocumentReport& report) {
  FixPlan plan;
  std::vector<SourceEdit> taken;
  for (const ReportedFinding& reported : report.findings) {
    if (!reported.finding.replacement) continue;
    std::string reason;
    SourceEdit edit = edit_for(report.loaded, reported, reason);
    if (!edit.finding) {
      plan.skipped.push_back({&reported, std::move(reason)});
      continue;
    }
    auto clash = std::find_if(taken.begin(), taken.end(), [&](const SourceEdit& other) {
      bool same_point = edit.begin == edit.end && other.begin == other.end && edit.begin == other.begin;
      return same_point || (edit.begin < other.end && other.begin < edit.end) ||
             (edit.begin == edit.end && other.begin < edit.begin && edit.begin < other.end) ||
             (other.begin == other.end && edit.begin < other.begin && other.begin < edit.end);
    });
    if (clash == taken.end()) {
      taken.push_back(std::move(edit));
      plan.fixed.push_back(&reported);
    } else if (clash->begin == edit.begin && clash->end == edit.end && clash->text == edit.text) {
      plan.fixed.push_back(&reported);  // the same fix proposed twice is one edit
    } else {
      const model::Position& at = clash->finding->begin;
      plan.skipped.push_back({&reported, "it overlaps the fix of " + clash->finding->finding.code + " at " + std::to_string(at.line) + ":" +
                                             std::to_string(at.column) + ", applied first"});
    }
  }
  std::stable_sort(taken.begin(), taken.end(), [](const SourceEdit& a, const SourceEdit& b) { return a.begin < b.begin; });
  plan.edits = std::move(taken);
  return plan;
}

}  // namespace marginalia::merge
