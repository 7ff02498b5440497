// SPDX-License-Identifier: MIT
// The acronyms plugin: every acronym is defined before it is used, defined once, and used once
// defined. Built only against the installed SDK (see CMakeLists.txt).
#include <marginalia/sdk/sdk.hpp>

#include "acronym_checks.hpp"
#include "marginalia_embedded.hpp"

namespace marginalia::plugins::acronyms {

// What every reader of a report knows without a definition; README "known" says why each is here.
const std::vector<std::string> default_known = {"AD",  "AI", "BC", "CEO",  "COVID", "DNA", "EU", "FAQ", "GB", "GDP", "GW",
                                                "HTML", "MB", "MW", "NATO", "PDF",   "TV",  "UK", "UN",  "URL", "US", "USA"};

class AcronymsPlugin final : public sdk::Plugin {
 public:
  sdk::PluginInfo info() const override { return marginalia_embedded::plugin_info(code_table.codes()); }

  std::vector<std::string> configure(const sdk::Options& options) override {
    std::vector<std::string> known = options.get_strings("known", default_known);
    std::vector<std::string> also = options.get_strings("also_known", {});
    options_.known = std::set<std::string>(known.begin(), known.end());
    options_.known.insert(also.begin(), also.end());
    options_.report_undefined = options.get_bool("report_undefined", false);
    options_.report_single_use = options.get_bool("report_single_use", false);
    options_.check_notes = options.get_bool("check_notes", false);
    return {};
  }

  void check(const sdk::Document& document, sdk::Reporter& reporter) const override {
    for (sdk::Finding& finding : check_acronyms(document, options_)) reporter.report(std::move(finding));
  }

 private:
  CheckOptions options_ = {std::set<std::string>(default_known.begin(), default_known.end())};
};

}  // namespace marginalia::plugins::acronyms

MARGINALIA_PLUGIN(marginalia::plugins::acronyms::AcronymsPlugin)
