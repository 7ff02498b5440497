// SPDX-License-Identifier: MIT
// Inline suppressions: comments in the draft that silence named codes, each with a required
// reason. The readers record the comments (core/readers/directive_comments.hpp) without letting
// them touch the document's text or blocks; this file reads the directive inside each:
//   Markdown, HTML  <!-- marginalia-disable-next-line dates/weekday-mismatch -- checked -->
//   plain text      [marginalia-disable-next-line dates/weekday-mismatch -- checked]
//   TEI             <?marginalia-disable-next-line dates/weekday-mismatch -- checked?>
// and `marginalia-disable CODE -- reason` … `marginalia-enable [CODE]` blocks. A finding is
// matched by the line its span begins on (next-line) or by where it begins (blocks).
// Directives that are malformed, name unknown codes or silence nothing become host findings,
// so stale suppressions do not pile up. Runs after merge (core/merge/merge.hpp), before
// baselines (core/merge/baseline.hpp).
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "merge/merge.hpp"

namespace marginalia::merge {

/// What a directive does.
enum class DirectiveKind { disable_next_line, disable, enable };

/// One suppression comment as written.
struct SuppressionDirective {
  DirectiveKind kind = DirectiveKind::disable_next_line;
  std::vector<std::string> codes;
  std::string reason;
  /// The comment's bytes in the source: [source_begin, source_end).
  std::uint32_t source_begin = 0, source_end = 0;
  /// Why the directive is malformed; empty when it is well-formed.
  std::string error;
};

/// The directives in the comments a reader recorded, in the same order.
std::vector<SuppressionDirective> parse_directives(const std::vector<model::DirectiveComment>& comments);

/// Reads `source` as `format` ("text", "markdown", "html", "tei") and returns the directives of
/// the comments its reader recorded; other formats (DOCX) have none.
std::vector<SuppressionDirective> parse_suppressions(std::string_view source, std::string_view format);

/// What applying suppressions needs to know about the run.
struct SuppressionSettings {
  /// Read directives at all (false: only `disabled_codes` applies).
  bool read_directives = true;
  /// Codes declared by every plugin that was found (running or not) and by the core ("reader",
  /// "host"), by owner id. A directive naming another code is reported as invalid.
  std::map<std::string, std::set<std::string>> declared_codes;
  /// Codes configuration turned off: their findings are dropped first.
  std::set<std::string> disabled_codes;
  /// Severity per code from configuration (for the host findings added here).
  SeverityOverrides severity_overrides;
};

/// Drops findings of disabled codes, removes findings the document's directives silence (counted
/// in `suppressed_count`) and adds `host/invalid-suppression` and `host/unused-suppression`
/// findings. Unused directives are reported only for plugins that ran successfully on the
/// document. Keeps the merge's order, so output stays deterministic.
void apply_suppressions(DocumentReport& report, const SuppressionSettings& settings);

}  // namespace marginalia::merge
