// SPDX-License-Identifier: MIT
// What an editor is shown of one checked buffer: the core's `merge::FileReport` turned into LSP
// diagnostics (code, severity, source "marginalia", related locations, a documentation link),
// the quick fixes of findings that carry a certain replacement, and hover texts for the marks
// plugins emit (dates, quotations, URLs, people). Built once per check so that code-action and
// hover requests are answered from memory, never by checking again.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "lsp/positions.hpp"
#include "merge/merge.hpp"
#include "util/problem.hpp"

namespace marginalia::lsp {

/// A finding's certain fix as a text edit.
struct QuickFix {
  Range range;
  std::string new_text;
  std::string title;
  /// The diagnostic it fixes (sent back with the code action).
  nlohmann::json diagnostic;
};

/// The text shown when hovering over a marked span.
struct HoverText {
  Range range;
  std::string markdown;
};

/// One check of one buffer, as the editor sees it.
struct ReportView {
  nlohmann::json diagnostics = nlohmann::json::array();
  std::vector<QuickFix> fixes;
  std::vector<HoverText> hovers;
  /// True when a URL in the buffer was not checked yet (the network check would add to it).
  bool has_unchecked_urls = false;
};

/// Where the documentation of each finding code lives: a URL per code.
class DocumentationLinks {
 public:
  /// `docs_base` resolves plugins' relative help URLs ("plugins/dates/README.md"); may be empty.
  /// A `file://` link is given only when the file exists.
  explicit DocumentationLinks(std::string docs_base = {}) : docs_base_(std::move(docs_base)) {}
  /// Learns the codes of `plugins`.
  void add(const std::vector<sdk::PluginInfo>& plugins);
  /// The documentation URL of `code`, empty when unknown.
  std::string link(const std::string& code) const;

 private:
  std::string docs_base_;
  std::map<std::string, std::string> links_;
};

/// The GitHub-style anchor of a Markdown heading ("### dates/weekday-mismatch" → "datesweekday-mismatch").
std::string heading_anchor(const std::string& heading);

/// The view of `file` for the buffer at `uri`.
ReportView make_view(const merge::FileReport& file, const std::string& uri, const DocumentationLinks& links);

/// The view of problems that stopped the check (a bad marginalia.json): diagnostics at the top.
ReportView problems_view(const std::vector<util::Problem>& problems);

}  // namespace marginalia::lsp
