// SPDX-License-Identifier: MIT
// Source TEI carries `<date when>` beside the words it dates; the TEI reader hands both over
// in document.elements. A mismatch is reported only when the text, read on its own, names a
// day or period that cannot contain the attribute's date (or the other way round).
#include "calendar.hpp"
#include "date_checks.hpp"

namespace marginalia::plugins::dates {
namespace {

std::string attribute(const sdk::Element& element, const char* name) {
  for (const sdk::Attribute& a : element.attributes)
    if (a.name == name) return a.value;
  return {};
}

}  // namespace

void check_tei_dates(const ScannedDocument& scanned, DateScanner& scanner, std::vector<sdk::Finding>& out) {
  const sdk::Document& document = *scanned.document;
  for (const sdk::Element& element : document.elements) {
    if (element.name != "date" || element.span.empty()) continue;
    std::string when = attribute(element, "when");
    CivilDate w;
    if (when.empty() || !parse_iso(when, w)) continue;
    std::int64_t when_first = day_number(w.year, w.month ? w.month : 1, w.day ? w.day : 1);
    std::int64_t when_last = w.day ? when_first : day_number(w.year, w.month ? w.month : 12, w.month ? days_in_month(w.year, w.month) : 31);
    for (const DateExpression& e : scanner.scan_text(element.span)) {
      if (e.type != TimexType::date || !e.bounded || e.range) continue;
      bool conflict = false;
      if (e.explicit_year) {
        conflict = e.last_day < when_first || e.first_day > when_last;
      } else if (e.granularity == Granularity::day && w.day) {
        CivilDate t = civil_from_day_number(e.first_day);
        conflict = t.month != w.month || t.day != w.day;
      } else if (e.granularity == Granularity::month && w.month) {
        conflict = civil_from_day_number(e.first_day).month != w.month;
      } else {
        continue;
      }
      if (conflict) {
        sdk::Finding finding = code_table.finding(code_tei_date_mismatch, element.span,
                                                  "<date when=\"" + when + "\"> wraps " + quoted(document, e.span) + ", which is " +
                                                  (e.granularity == Granularity::day ? written_date(e.first_day) : e.value) + ", not " + when);
        out.push_back(std::move(finding));
      }
      break;  // the first date in the element is the one the attribute normalises
    }
  }
}

}  // namespace marginalia::plugins::dates
