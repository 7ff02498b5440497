// SPDX-License-Identifier: MIT
#include <cstdio>
#include <map>

#include "marginalia/sdk/text.hpp"
#include "reporters/reporter.hpp"

namespace marginalia::reporters {
namespace {

const char* kReset = "\033[0m";
const char* kBold = "\033[1m";

const char* severity_color(sdk::Severity severity) { return by_severity(severity, "\033[1;31m", "\033[1;33m", "\033[1;36m"); }


std::size_t previous_code_point(std::string_view text, std::size_t pos) {
  while (pos > 0 && (static_cast<unsigned char>(text[--pos]) & 0xC0) == 0x80) {}
  return pos;
}

// The source line around the finding, at most ~120 code points, and the caret line under it.
// `begin` and `end` are byte offsets into `line`. Only the window is walked, never the whole
// line: a minified page is one line with thousands of findings.
void excerpt(std::string& out, std::string_view line, std::uint32_t line_number, std::size_t begin, std::size_t end, bool color) {
  constexpr std::size_t kContext = 50, kWidth = 120;
  begin = std::min(begin, line.size());
  end = std::min(std::max(end, begin), line.size());
  std::size_t window_begin = begin, before = 0;
  while (before < kContext && window_begin > 0) {
    window_begin = previous_code_point(line, window_begin);
    ++before;
  }
  // The finding's width in code points, counted no further than the window can show.
  std::size_t width = 0;
  for (std::size_t pos = begin; pos < end && width < kWidth; ++width) sdk::next_code_point(line, pos);
  std::size_t shown_points = std::min(kWidth, before + std::max<std::size_t>(width, 1) + kContext);
  std::size_t window_end = window_begin;
  for (std::size_t n = 0; n < shown_points && window_end < line.size(); ++n) sdk::next_code_point(line, window_end);
  std::string number = std::to_string(line_number);
  std::string gutter(number.size(), ' ');
  std::string shown = terminal_safe(line.substr(window_begin, window_end - window_begin));
  for (char& c : shown) if (c == '\t') c = ' ';
  out += " " + number + " | " + (window_begin > 0 ? "…" : "") + shown + (window_end < line.size() ? "…" : "") + "\n";
  out += " " + gutter + " | " + (window_begin > 0 ? " " : "");
  out.append(before, ' ');
  std::size_t carets = std::max<std::size_t>(1, std::min(width, shown_points > before ? shown_points - before : 0));
  if (color) out += "\033[1;32m";
  out += "^";
  if (carets > 1) out.append(carets - 1, '~');
  if (color) out += kReset;
  out += "\n";
}

}  // namespace

std::string plural(std::size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

SeverityCounts count_findings(const RunReport& run) {
  SeverityCounts counts;
  for (const merge::FileReport& file : run.files) {
    if (file.error) ++counts.errors;
    if (!file.report) continue;
    for (const merge::ReportedFinding& f : file.report->findings) {
      switch (f.finding.severity) {
        case sdk::Severity::error: ++counts.errors; break;
        case sdk::Severity::warning: ++counts.warnings; break;
        case sdk::Severity::note: ++counts.notes; break;
      }
    }
  }
  return counts;
}

std::string terminal_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t start = pos;
    char32_t c = sdk::next_code_point(text, pos);
    bool unsafe = (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
                  (c >= 0x2066 && c <= 0x2069);
    if (unsafe) {
      char buffer[16];
      std::snprintf(buffer, sizeof buffer, "\\u{%X}", static_cast<unsigned>(c));
      out += buffer;
    } else {
      out.append(text.substr(start, pos - start));
    }
  }
  return out;
}

std::string render_terminal(const RunReport& run, const TerminalOptions& options) {
  std::string out;
  auto paint = [&](const char* code) { return options.color ? std::string(code) : std::string(); };
  for (const util::Problem& problem : run.plugin_problems)
    if (!options.quiet)
      out += paint(kBold) + terminal_safe(problem.path) + ":" + paint(kReset) + " " + paint(severity_color(sdk::Severity::warning)) +
             "warning:" + paint(kReset) + " " + terminal_safe(problem.message) + " [" + problem.code + "]\n";
  for (const merge::FileReport& file : run.files) {
    if (file.error) {
      const readers::ReadError& e = *file.error;
      std::string where = terminal_safe(e.path) + (e.line ? ":" + std::to_string(e.line) + ":" + std::to_string(e.column) : "");
      out += paint(kBold) + where + ":" + paint(kReset) + " " + paint(severity_color(sdk::Severity::error)) + "error:" + paint(kReset) +
             " " + terminal_safe(e.message) + " [" + e.code + "]\n";
      continue;
    }
    if (!file.report || options.quiet) continue;
    const merge::DocumentReport& report = *file.report;
    for (const merge::ReportedFinding& f : report.findings) {
      std::string where = terminal_safe(file.path) + ":" + std::to_string(f.begin.line) + ":" + std::to_string(f.begin.column);
      out += paint(kBold) + where + ":" + paint(kReset) + " " + paint(severity_color(f.finding.severity)) +
             sdk::to_string(f.finding.severity) + ":" + paint(kReset) + " " + terminal_safe(f.finding.message) + " [" + f.finding.code + "]\n";
      bool file_level = f.plugin == "host" && f.finding.span.empty() && f.finding.span.begin == 0;
      if (options.show_source && !file_level) {
        const model::SourceMap& map = report.loaded.source_map;
        std::string_view line = map.line_text(f.begin.line);
        std::size_t begin = map.column_offset(f.begin.line, f.begin.column);
        std::size_t end = f.end.line == f.begin.line ? map.column_offset(f.end.line, f.end.column) : line.size();
        excerpt(out, line, f.begin.line, begin, end, options.color);
      }
      if (f.finding.replacement && !options.quiet)
        out += "   fix: replace with \"" + terminal_safe(*f.finding.replacement) + "\"\n";
      for (std::size_t r = 0; r < f.finding.related.size(); ++r) {
        const model::Position& p = f.related_begin[r];
        out += paint(kBold) + terminal_safe(file.path) + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) + ":" + paint(kReset) +
               " note: " + terminal_safe(f.finding.related[r].message) + "\n";
      }
    }
  }
  SeverityCounts counts = count_findings(run);
  std::size_t unreadable = 0;
  for (const merge::FileReport& file : run.files) unreadable += file.error ? 1 : 0;
  out += paint(kBold) + plural(counts.errors, "error") + ", " + plural(counts.warnings, "warning") + ", " + plural(counts.notes, "note") +
         " in " + plural(run.files.size(), "file") + (unreadable ? " (" + std::to_string(unreadable) + " unreadable)" : "") + paint(kReset) +
         (run.complete() ? "" : "; the run is incomplete") + "\n";
  if (!options.quiet) out += url_summary(run.url_counts());
  return out;
}

std::string url_summary(const merge::UrlCounts& urls) {
  if (!urls.total()) return {};
  std::size_t not_checked = urls.offline + urls.blocked + urls.skipped;
  std::string why;
  for (const auto& [count, reason] : {std::pair{urls.offline, "offline"}, std::pair{urls.blocked, "blocked"}, std::pair{urls.skipped, "skipped"}})
    if (count) why += (why.empty() ? "" : ", ") + std::to_string(count) + " " + reason;
  return "URLs: " + std::to_string(urls.checked) + " checked, " + std::to_string(urls.cached) + " from the cache, " +
         std::to_string(not_checked) + " not checked" + (why.empty() ? "" : " (" + why + ")") + "\n";
}

std::string render_plugin_summary(const RunReport& run) {
  std::map<std::string, SeverityCounts> by_plugin;
  for (const sdk::PluginInfo& plugin : run.plugins) by_plugin[plugin.id];
  for (const merge::FileReport& file : run.files) {
    if (!file.report) continue;
    for (const merge::ReportedFinding& f : file.report->findings) {
      SeverityCounts& c = by_plugin[f.plugin];
      (f.finding.severity == sdk::Severity::error ? c.errors : f.finding.severity == sdk::Severity::warning ? c.warnings : c.notes)++;
    }
  }
  std::string out = "plugin       errors  warnings  notes\n";
  for (const auto& [id, c] : by_plugin) {
    char line[128];
    std::snprintf(line, sizeof line, "%-12s %6zu  %8zu  %5zu\n", id.c_str(), c.errors, c.warnings, c.notes);
    out += line;
  }
  return out;
}

}  // namespace marginalia::reporters
