// SPDX-License-Identifier: MIT
// The footnotes plugin: every marker has a note, every note a marker, numbering runs in order,
// and every note has text and cites a source.
#include <marginalia/sdk/sdk.hpp>

#include "marginalia_embedded.hpp"
#include "note_checks.hpp"

namespace marginalia::plugins::footnotes {

class FootnotesPlugin final : public sdk::Plugin {
 public:
  sdk::PluginInfo info() const override { return marginalia_embedded::plugin_info(code_table.codes()); }

  std::vector<std::string> configure(const sdk::Options& options) override {
    require_source_ = options.get_bool("require_source", true);
    check_numbering_ = options.get_bool("check_numbering", true);
    repeated_ = options.get_string("allow_repeated_markers", "auto");
    return {};
  }

  void check(const sdk::Document& document, sdk::Reporter& reporter) const override {
    NoteCheckOptions options;
    options.require_source = require_source_;
    options.check_numbering = check_numbering_;
    // A Markdown label or an HTML link names its note: citing it again is a reference reused
    // (Wikipedia's named references), not a number used twice.
    options.allow_repeated_markers =
        repeated_ == "yes" || (repeated_ == "auto" && (document.format == "markdown" || document.format == "html"));
    for (sdk::Finding& finding : check_notes(document, options)) reporter.report(std::move(finding));
  }

 private:
  bool require_source_ = true;
  bool check_numbering_ = true;
  std::string repeated_ = "auto";
};

}  // namespace marginalia::plugins::footnotes

MARGINALIA_PLUGIN(marginalia::plugins::footnotes::FootnotesPlugin)
