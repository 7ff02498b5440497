// SPDX-License-Identifier: MIT
// The certain fixes of a checked document (findings with a `replacement`) as edits of the file
// it was read from: each finding's span goes back to source bytes through the source map
// (model/source_map.hpp, `source_range`), and is fixed only when those bytes are exactly the
// span's text, so the file is edited where it was written and never re-serialised from the
// model. HTML and TEI replacements are escaped for the markup. Fixes that overlap an earlier one
// are left out. Shared by `marginalia check --fix` (writers/fixed_files), the language server's
// quick fixes (lsp/report_view) and SARIF's fixes (reporters/sarif_reporter).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "merge/merge.hpp"

namespace marginalia::merge {

/// One fix as an edit of the source map's source bytes (the file's bytes; for a file in a
/// legacy charset, its UTF-8 decoding).
struct SourceEdit {
  /// Source bytes [begin, end) are replaced.
  std::uint32_t begin = 0, end = 0;
  /// The new bytes, UTF-8, escaped for the format.
  std::string text;
  /// The finding this edit fixes.
  const ReportedFinding* finding = nullptr;
};

/// A fix that cannot be applied, and why.
struct SkippedFix {
  const ReportedFinding* finding = nullptr;
  /// Lower-case, no trailing period ("the text spans markup or an entity in the file").
  std::string reason;
};

/// Every applicable fix of one document, in source order and not overlapping, and the others.
struct FixPlan {
  std::vector<SourceEdit> edits;
  /// Every finding the edits fix (two findings proposing the same edit share it).
  std::vector<const ReportedFinding*> fixed;
  std::vector<SkippedFix> skipped;
};

/// The edit fixing `reported` (which must carry a replacement) in `loaded`, or an empty
/// `finding` and the reason in `reason` when its span does not map exactly onto the file.
SourceEdit edit_for(const model::LoadedDocument& loaded, const ReportedFinding& reported, std::string& reason);

/// The fixes of `report`: in finding order, each one that maps exactly and does not overlap one
/// taken before it (two findings proposing the same edit share it).
FixPlan plan_fixes(const DocumentReport& report);

/// `text` escaped for the text or a quoted attribute value of an HTML or XML document
/// (`&`, `<`, `>`, `"`).
std::string escape_markup_text(std::string_view text);

}  // namespace marginalia::merge
