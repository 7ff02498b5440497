// SPDX-License-Identifier: MIT
// Two mentions of the same event phrase conflict when their dates cannot overlap and lie
// close together: a slipped day or month. Dates far apart are taken as two events of the same
// kind (two joint statements, two summits).
#include <map>

#include "calendar.hpp"
#include "date_checks.hpp"

namespace marginalia::plugins::dates {
namespace {

constexpr std::int64_t max_gap_days = 62;

}  // namespace

void check_event_dates(const ScannedDocument& scanned, std::vector<sdk::Finding>& out) {
  std::map<std::string, std::vector<const FoundDate*>> by_event;
  for (const FoundDate& f : scanned.dates) {
    const DateExpression& e = f.expression;
    if (f.event.empty() || !e.bounded || e.range || e.type != TimexType::date) continue;
    if (e.granularity != Granularity::day && e.granularity != Granularity::month) continue;
    if (e.ambiguous && !f.order_inferred) continue;
    by_event[f.event].push_back(&f);
  }
  for (const auto& [event, mentions] : by_event) {
    for (std::size_t i = 1; i < mentions.size(); ++i) {
      const DateExpression& later = mentions[i]->expression;
      bool agrees = false;
      for (std::size_t j = 0; j < i && !agrees; ++j) {
        const DateExpression& earlier = mentions[j]->expression;
        agrees = later.first_day <= earlier.last_day && earlier.first_day <= later.last_day;
      }
      if (agrees) continue;
      for (std::size_t j = 0; j < i; ++j) {
        const DateExpression& earlier = mentions[j]->expression;
        std::int64_t gap = later.first_day > earlier.last_day ? later.first_day - earlier.last_day : earlier.first_day - later.last_day;
        if (gap > max_gap_days) continue;
        sdk::Finding finding = code_table.finding(code_event_date_conflict, later.span,
                                                  "the " + event + " is dated " + quoted(*scanned.document, later.span) + " here but " +
                                                  quoted(*scanned.document, earlier.span) + " earlier in the document");
        finding.related.push_back({earlier.span, "the earlier date of the " + event});
        out.push_back(std::move(finding));
        break;
      }
    }
  }
}

}  // namespace marginalia::plugins::dates
