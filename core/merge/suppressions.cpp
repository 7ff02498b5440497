// SPDX-License-Identifier: MIT
#include "merge/suppressions.hpp"

#include <algorithm>
#include <limits>
#include <tuple>

#include "host/builtin_codes.hpp"
#include "readers/markup_text.hpp"
#include "readers/reader_registry.hpp"

namespace marginalia::merge {
namespace {

constexpr std::uint32_t kEndOfFile = std::numeric_limits<std::uint32_t>::max();

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

bool is_code_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

bool looks_like_code(std::string_view token) {
  std::size_t slash = token.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == token.size()) return false;
  if (token.find('/', slash + 1) != std::string_view::npos) return false;
  for (char c : token)
    if (c != '/' && !is_code_char(c)) return false;
  return true;
}

const char* directive_name(DirectiveKind kind) {
  switch (kind) {
    case DirectiveKind::disable_next_line: return "marginalia-disable-next-line";
    case DirectiveKind::disable: return "marginalia-disable";
    case DirectiveKind::enable: return "marginalia-enable";
  }
  return "";
}

// `content` is the comment's inside, starting with "marginalia-".
SuppressionDirective parse_directive(std::string_view content, std::uint32_t begin, std::uint32_t end) {
  SuppressionDirective directive;
  directive.source_begin = begin;
  directive.source_end = end;
  content = trim(content);
  std::size_t name_end = 0;
  while (name_end < content.size() && !is_blank(content[name_end])) ++name_end;
  std::string_view name = content.substr(0, name_end);
  if (name == "marginalia-disable-next-line") directive.kind = DirectiveKind::disable_next_line;
  else if (name == "marginalia-disable") directive.kind = DirectiveKind::disable;
  else if (name == "marginalia-enable") directive.kind = DirectiveKind::enable;
  else {
    directive.error = "unknown directive '" + std::string(name) +
                      "' (expected marginalia-disable-next-line, marginalia-disable or marginalia-enable)";
    return directive;
  }
  std::string_view rest = content.substr(name_end);
  // The reason follows "--" written as its own word, so codes with hyphens are safe.
  std::size_t separator = std::string_view::npos;
  for (std::size_t i = 0; i + 1 < rest.size(); ++i)
    if (rest[i] == '-' && rest[i + 1] == '-' && (i == 0 || is_blank(rest[i - 1])) && (i + 2 == rest.size() || is_blank(rest[i + 2]))) {
      separator = i;
      break;
    }
  std::string_view codes = rest.substr(0, separator);
  if (separator != std::string_view::npos) directive.reason = std::string(trim(rest.substr(separator + 2)));
  for (std::size_t pos = 0; pos < codes.size();) {
    while (pos < codes.size() && (is_blank(codes[pos]) || codes[pos] == ',')) ++pos;
    std::size_t start = pos;
    while (pos < codes.size() && !is_blank(codes[pos]) && codes[pos] != ',') ++pos;
    if (pos == start) continue;
    std::string_view token = codes.substr(start, pos - start);
    if (!looks_like_code(token)) {
      directive.error = "'" + std::string(token) + "' is not a finding code (expected plugin/name, e.g. dates/weekday-mismatch)";
      return directive;
    }
    directive.codes.emplace_back(token);
  }
  std::string usage = std::string("write '") + directive_name(directive.kind) + " CODE -- reason'";
  if (directive.kind != DirectiveKind::enable) {
    if (directive.codes.empty()) directive.error = "the suppression names no code; " + usage;
    else if (directive.reason.empty()) directive.error = "the suppression gives no reason; " + usage;
  }
  return directive;
}

// One code silenced by one directive over a stretch of the file.
struct Suppression {
  std::size_t directive;
  std::string code;
  bool next_line;
  std::uint32_t line = 0;                       // next-line: the line it covers
  std::uint32_t from = 0, to = kEndOfFile;      // block: source offsets covered
  bool used = false;
};

const sdk::CodeInfo* builtin(const std::string& code) {
  for (const host::BuiltinCode& entry : host::builtin_codes())
    if (entry.info.code == code) return &entry.info;
  return nullptr;
}

// The first text offset at or after `source_offset` (readers keep text in source order).
std::uint32_t text_offset_for(const model::LoadedDocument& loaded, std::uint32_t source_offset) {
  const std::string& text = loaded.document.text;
  std::uint32_t low = 0, high = static_cast<std::uint32_t>(text.size());
  while (low < high) {
    std::uint32_t mid = low + (high - low) / 2;
    if (loaded.source_map.to_source(mid) < source_offset) low = mid + 1;
    else high = mid;
  }
  while (low < text.size() && (static_cast<unsigned char>(text[low]) & 0xC0) == 0x80) ++low;
  return low;
}

}  // namespace

std::vector<SuppressionDirective> parse_directives(const std::vector<model::DirectiveComment>& comments) {
  std::vector<SuppressionDirective> directives;
  for (const model::DirectiveComment& comment : comments) {
    if (comment.error.empty()) {
      directives.push_back(parse_directive(comment.content, comment.source_begin, comment.source_end));
      continue;
    }
    SuppressionDirective bad;
    bad.source_begin = comment.source_begin;
    bad.source_end = comment.source_end;
    bad.error = comment.error;
    directives.push_back(std::move(bad));
  }
  return directives;
}

std::vector<SuppressionDirective> parse_suppressions(std::string_view source, std::string_view format) {
  readers::ReadOptions options;
  options.format = std::string(format);
  readers::ReadResult read = readers::read_bytes("suppressions", std::string(source), options);
  return read.document ? parse_directives(read.document->directive_comments) : std::vector<SuppressionDirective>{};
}

void apply_suppressions(DocumentReport& report, const SuppressionSettings& settings) {
  std::vector<ReportedFinding>& findings = report.findings;
  if (!settings.disabled_codes.empty())
    findings.erase(std::remove_if(findings.begin(), findings.end(),
                                  [&](const ReportedFinding& f) { return f.plugin != "host" && settings.disabled_codes.count(f.finding.code); }),
                   findings.end());
  if (!settings.read_directives) return;
  const model::SourceMap& map = report.loaded.source_map;
  std::vector<SuppressionDirective> directives = parse_directives(report.loaded.directive_comments);
  if (directives.empty()) return;

  struct Problem {
    std::size_t directive;
    std::string code, message;
    std::string subject;  // the suppressed code, for unused ones
  };
  std::vector<Problem> problems;
  auto declared = [&](const std::string& code, std::string& why) {
    std::string owner = code.substr(0, code.find('/'));
    if (owner == "host") { why = "host findings cannot be suppressed; they report the run itself"; return false; }
    if (settings.declared_codes.empty()) return true;
    auto plugin = settings.declared_codes.find(owner);
    if (plugin == settings.declared_codes.end()) { why = "no plugin '" + owner + "' was found, so '" + code + "' cannot be suppressed"; return false; }
    if (!plugin->second.count(code)) { why = "'" + owner + "' has no code '" + code + "' ('marginalia plugins' lists them)"; return false; }
    return true;
  };

  std::vector<Suppression> suppressions;
  std::vector<std::size_t> open;  // indexes into `suppressions` of blocks not yet closed
  for (std::size_t i = 0; i < directives.size(); ++i) {
    const SuppressionDirective& d = directives[i];
    if (!d.error.empty()) {
      problems.push_back({i, "host/invalid-suppression", d.error, ""});
      continue;
    }
    if (d.kind == DirectiveKind::enable) {
      bool closed = false;
      for (auto it = open.begin(); it != open.end();) {
        Suppression& s = suppressions[*it];
        if (d.codes.empty() || std::find(d.codes.begin(), d.codes.end(), s.code) != d.codes.end()) {
          s.to = d.source_begin;
          closed = true;
          it = open.erase(it);
        } else {
          ++it;
        }
      }
      if (!closed) problems.push_back({i, "host/invalid-suppression", "marginalia-enable has no marginalia-disable to close", ""});
      continue;
    }
    for (const std::string& code : d.codes) {
      std::string why;
      if (!declared(code, why)) {
        problems.push_back({i, "host/invalid-suppression", why, ""});
        continue;
      }
      Suppression s{i, code, d.kind == DirectiveKind::disable_next_line};
      if (s.next_line) s.line = map.position_of_source(d.source_end > d.source_begin ? d.source_end - 1 : d.source_end).line + 1;
      else s.from = d.source_end;
      suppressions.push_back(std::move(s));
      if (!suppressions.back().next_line) open.push_back(suppressions.size() - 1);
    }
  }

  std::size_t before = findings.size();
  findings.erase(std::remove_if(findings.begin(), findings.end(),
                                [&](const ReportedFinding& f) {
                                  if (f.plugin == "host") return false;
                                  bool silenced = false;
                                  std::uint32_t offset = kEndOfFile;
                                  for (Suppression& s : suppressions) {
                                    if (s.code != f.finding.code) continue;
                                    bool covers = s.next_line && f.begin.line == s.line;
                                    if (!s.next_line) {
                                      if (offset == kEndOfFile) offset = map.to_source(f.finding.span.begin);
                                      covers = s.from <= offset && offset < s.to;
                                    }
                                    if (covers) silenced = s.used = true;
                                  }
                                  return silenced;
                                }),
                 findings.end());
  report.suppressed_count += before - findings.size();

  auto ran = [&](const std::string& code) {
    std::string owner = code.substr(0, code.find('/'));
    if (owner == "reader") return true;
    for (const PluginStatus& status : report.plugins)
      if (status.id == owner) return status.status == host::RunStatus::ok;
    return false;
  };
  for (const Suppression& s : suppressions) {
    if (s.used || !ran(s.code) || settings.disabled_codes.count(s.code)) continue;
    std::string where;
    if (s.next_line) where = "on line " + std::to_string(s.line);
    else if (s.to == kEndOfFile) where = "from line " + std::to_string(map.position_of_source(s.from).line) + " to the end of the file";
    else where = "in lines " + std::to_string(map.position_of_source(s.from).line) + "–" + std::to_string(map.position_of_source(s.to).line);
    problems.push_back({s.directive, "host/unused-suppression", "suppression of " + s.code + " matched no finding " + where, s.code});
  }

  std::set<std::string> ids;
  for (const ReportedFinding& f : findings) ids.insert(f.id);
  std::map<std::string, int> fingerprint_uses;
  for (const Problem& problem : problems) {
    if (settings.disabled_codes.count(problem.code)) continue;
    const SuppressionDirective& d = directives[problem.directive];
    ReportedFinding reported;
    reported.plugin = "host";
    reported.finding.code = problem.code;
    const sdk::CodeInfo* info = builtin(problem.code);
    reported.finding.severity = info ? info->default_severity : sdk::Severity::warning;
    if (auto override = settings.severity_overrides.find(problem.code); override != settings.severity_overrides.end())
      reported.finding.severity = override->second;
    std::uint32_t at = text_offset_for(report.loaded, d.source_end);
    reported.finding.span = {at, at};
    reported.finding.message = problem.message;
    reported.begin = map.position_of_source(d.source_begin);
    reported.end = map.position_of_source(d.source_end);
    std::string key = "host\n" + problem.code + '\n' + std::to_string(d.source_begin) + '\n' + problem.message;
    std::string id = "f-" + content_hash(key).substr(0, 12);
    for (int n = 2; ids.count(id); ++n) id = "f-" + content_hash(key + '#' + std::to_string(n)).substr(0, 12);
    ids.insert(id);
    reported.id = id;
    // Like every fingerprint: the directive's own text, never its line.
    std::string basis = problem.code + '\n' + readers::collapse_space(map.source().substr(d.source_begin, d.source_end - d.source_begin)) + '\n' + problem.subject;
    std::string fingerprint = content_hash(basis);
    int use = ++fingerprint_uses[fingerprint];
    reported.fingerprint = use == 1 ? fingerprint : content_hash(basis + '#' + std::to_string(use));
    findings.push_back(std::move(reported));
  }
  std::stable_sort(findings.begin(), findings.end(), [](const ReportedFinding& a, const ReportedFinding& b) {
    return std::tie(a.finding.span.begin, a.finding.span.end, a.plugin, a.finding.code, a.finding.message) <
           std::tie(b.finding.span.begin, b.finding.span.end, b.plugin, b.finding.code, b.finding.message);
  });
}

}  // namespace marginalia::merge
