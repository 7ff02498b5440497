// SPDX-License-Identifier: MIT
#include "date_analysis.hpp"

#include <algorithm>

#include "date_checks.hpp"

namespace marginalia::plugins::dates {

DateAnalysis analyse_document(const sdk::Document& document, const DateOptions& options) {
  DateAnalysis analysis;
  analysis.scanned = scan_document(document, options.numeric_order);
  const ScannedDocument& scanned = analysis.scanned;
  std::vector<sdk::Finding>& findings = analysis.findings;
  check_impossible_dates(scanned, findings);
  check_weekdays(scanned, findings);
  check_dates_after_document(scanned, findings);
  check_ambiguous_numeric_dates(scanned, findings);
  check_mixed_styles(scanned, findings);
  check_event_dates(scanned, findings);
  if (!document.elements.empty()) {
    ScanSettings settings;
    settings.has_document_date = scanned.has_document_date;
    settings.document_date = scanned.document_date;
    settings.order = scanned.inferred_order != NumericOrder::automatic ? scanned.inferred_order : options.numeric_order;
    DateScanner scanner(document.text, settings);
    check_tei_dates(scanned, scanner, findings);
  }
  std::stable_sort(findings.begin(), findings.end(), [](const sdk::Finding& a, const sdk::Finding& b) { return a.span < b.span; });
  for (const FoundDate& f : scanned.dates) {
    if (f.expression.tei.empty()) continue;
    sdk::Mark mark;
    mark.kind = sdk::MarkKind::date;
    mark.span = f.expression.span;
    mark.attributes = f.expression.tei;
    analysis.marks.push_back(std::move(mark));
    // A range's two ends are dates of their own, nested in its <date from to>.
    for (const DateExpression::Endpoint& end : f.expression.endpoints) {
      if (end.tei.empty()) continue;
      analysis.marks.push_back({sdk::MarkKind::date, end.timex, end.tei});
    }
  }
  return analysis;
}

}  // namespace marginalia::plugins::dates
