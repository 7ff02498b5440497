// SPDX-License-Identifier: MIT
/// @file finding.hpp
/// What a plugin reports: findings (problems for an editor) and marks (inline TEI markup).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "marginalia/sdk/document.hpp"
#include "marginalia/sdk/span.hpp"
#include "marginalia/sdk/version.hpp"

namespace marginalia::sdk {
inline namespace MARGINALIA_SDK_NAMESPACE {

/// How serious a finding is; configuration may override a code's default.
enum class Severity { note, warning, error };

/// Another place a finding points at ("first given here").
struct Related {
  /// The related text.
  Span span;
  /// Why it is related, lower-case, no trailing period.
  std::string message;
};

/// One problem found in a document.
struct Finding {
  /// Stable code `<plugin-id>/<kebab-name>`, e.g. "dates/weekday-mismatch".
  std::string code;
  /// Severity; plugins normally pass the code's default from `CodeInfo`.
  Severity severity = Severity::warning;
  /// The offending text (may be empty to point between characters).
  Span span;
  /// What was found and what was expected: lower-case start, no trailing period.
  std::string message;
  /// Other places involved, in any order (the host sorts them).
  std::vector<Related> related;
  /// Text that should replace `span`, when the fix is certain.
  std::optional<std::string> replacement;
};

/// The kind of inline markup a mark asks the TEI writer for.
enum class MarkKind {
  note_ref, ///< footnote marker → `<ref type="noteAnchor">`; attribute "label"
  date,     ///< date or time → `<date>`, or `<time>` when a value has a time of day; attributes "when",
            ///< "from", "to", "notBefore", "notAfter" (W3C), "when-iso", "dur-iso", "type", "subtype"
  quote,    ///< quotation → `<quote>`; attributes "kind" (direct|scare|title), "speaker", "cite"
  url,      ///< URL → `<ref target>`; attributes "target", "status"
  person,   ///< person's name → `<persName>`; attribute "name"
};

/// A request for inline markup over a span of the document's text.
struct Mark {
  /// Which element to write.
  MarkKind kind = MarkKind::date;
  /// The text the element wraps.
  Span span;
  /// Attributes as listed for each `MarkKind`; unknown names are ignored by the writer.
  std::vector<Attribute> attributes;
};

/// A finding code a plugin may report, declared up front in `PluginInfo`.
struct CodeInfo {
  /// The code, `<plugin-id>/<kebab-name>`.
  std::string code;
  /// The default severity.
  Severity default_severity = Severity::warning;
  /// One sentence saying what the code means.
  std::string summary;
};

/// The lower-case name of a severity ("note", "warning", "error").
inline const char* to_string(Severity severity) {
  switch (severity) {
    case Severity::note: return "note";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "warning";
}

}  // namespace MARGINALIA_SDK_NAMESPACE
}  // namespace marginalia::sdk
