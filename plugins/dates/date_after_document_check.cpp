// SPDX-License-Identifier: MIT
// A report cannot tell of an event after its own date as done. Only dates with a written year
// are checked, and only in clauses whose nearest verb cue is past and that hold no future,
// modal or deadline cue, because announced future events are common and legitimate in news.
#include "calendar.hpp"
#include "date_checks.hpp"

namespace marginalia::plugins::dates {
namespace {

constexpr int max_past_cue_distance = 8;  // tokens between the date and its past-tense verb

bool deadline_signal(const std::string& word) {
  for (const char* s : {"until", "till", "by", "before", "through", "to", "from", "starting", "beginning", "effective",
                        "next", "after", "within", "for"})
    if (word == s) return true;
  return false;
}

}  // namespace

void check_dates_after_document(const ScannedDocument& scanned, std::vector<sdk::Finding>& out) {
  if (!scanned.has_document_date) return;
  const CivilDate& dct = scanned.document_date;
  const std::int64_t document_day = day_number(dct.year, dct.month, dct.day);
  for (const FoundDate& f : scanned.dates) {
    const DateExpression& e = f.expression;
    if (e.type != TimexType::date || !e.bounded || !e.explicit_year || e.range || e.ambiguous) continue;
    if (e.first_day <= document_day) continue;
    if (f.block == sdk::BlockKind::metadata || f.block == sdk::BlockKind::dateline || f.block == sdk::BlockKind::title) continue;
    if (f.cues.tense != Tense::past || f.cues.future_cue) continue;
    if (f.cues.past_distance < 0 || f.cues.past_distance > max_past_cue_distance) continue;
    if (deadline_signal(f.signal) || deadline_signal(f.signal_before)) continue;
    sdk::Finding finding = code_table.finding(code_date_after_document, e.span,
                                              quoted(*scanned.document, e.span) + " is after the document's date (" + written_date(document_day) +
                                              ") but the sentence speaks of it as past");
    out.push_back(std::move(finding));
  }
}

}  // namespace marginalia::plugins::dates
