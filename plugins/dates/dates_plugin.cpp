// SPDX-License-Identifier: MIT
// The dates plugin: finds every date, marks it in the TEI with its normalised value, and
// reports impossible dates, wrong weekdays, past events dated after the report, ambiguous
// numeric dates, mixed styles, conflicting event dates and TEI <date when> mismatches.
#include <marginalia/sdk/sdk.hpp>

#include "date_analysis.hpp"
#include "date_checks.hpp"
#include "marginalia_embedded.hpp"

namespace marginalia::plugins::dates {

class DatesPlugin final : public sdk::Plugin {
 public:
  sdk::PluginInfo info() const override { return marginalia_embedded::plugin_info(code_table.codes()); }

  std::vector<std::string> configure(const sdk::Options& options) override {
    std::string order = options.get_string("numeric_order", "auto");
    if (order == "day-first") options_.numeric_order = NumericOrder::day_first;
    else if (order == "month-first") options_.numeric_order = NumericOrder::month_first;
    else if (order == "auto") options_.numeric_order = NumericOrder::automatic;
    else return {"numeric_order must be auto, day-first or month-first, not '" + order + "'"};
    return {};
  }

  void check(const sdk::Document& document, sdk::Reporter& reporter) const override {
    DateAnalysis analysis = analyse_document(document, options_);
    for (sdk::Finding& finding : analysis.findings) reporter.report(std::move(finding));
    for (sdk::Mark& mark : analysis.marks) reporter.mark(std::move(mark));
  }

 private:
  DateOptions options_;
};

}  // namespace marginalia::plugins::dates

MARGINALIA_PLUGIN(marginalia::plugins::dates::DatesPlugin)
