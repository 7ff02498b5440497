// SPDX-License-Identifier: MIT
// The text pane of the HTML report: one document's blocks and text, with every finding, related
// place, footnote marker, link and recognised date, quotation, person and URL wrapped in an
// element. Spans may overlap in any way; elements are split where they cross, so the markup is
// always well nested, and the whole text is written in one pass (O(n log n) in the number of
// spans, linear in the text).
#pragma once

#include <string>

#include "merge/merge.hpp"

namespace marginalia::reporters::html {

/// The element id of finding `finding`'s passage in the text; its list entry is "l-" + this.
std::string finding_anchor(const std::string& prefix, const merge::ReportedFinding& finding);
/// The element id of related place `index` of `finding`.
std::string related_anchor(const std::string& prefix, const merge::ReportedFinding& finding, std::size_t index);

/// Appends `<div class="doc">…</div>` holding the text of `report`. Element ids start with
/// `prefix` ("d0-"), so several documents fit on one page.
void render_document_view(std::string& out, const merge::DocumentReport& report, const std::string& prefix);

}  // namespace marginalia::reporters::html
