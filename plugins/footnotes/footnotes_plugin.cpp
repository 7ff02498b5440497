// SPDX-License-Identifier: MIT
// The footnotes plugin: every marker has a note, every note a marker, numbering runs in order,
// and every note has text and cites a source.
#include <marginalia/sdk/sdk.hpp>

#include "marginalia_embedded.hpp"
#include "note_checks.hpp"

namespace marginalia::plugins::footnotes {

class FootnotesPlugin final : public sdk::Plugin {
 public:
  sdk::PluginInfo info() const override {
    sdk::PluginInfo info;
    info.id = "footnotes";
    info.version = "1.0.0";
    info.summary = "Checks that every footnote marker has a note, every note a marker, that numbering runs in order and that notes cite sources.";
    info.help_url = "plugins/footnotes/README.md";
    info.codes = {
        {"footnotes/missing-note", sdk::Severity::error, "A footnote marker has no note."},
        {"footnotes/orphan-note", sdk::Severity::warning, "A note has no marker in the text."},
        {"footnotes/out-of-order", sdk::Severity::warning, "A numbered marker comes after a higher number."},
        {"footnotes/duplicate-marker", sdk::Severity::warning, "The same number is used for two markers where numbering is sequential."},
        {"footnotes/numbering-gap", sdk::Severity::warning, "Marker numbering skips numbers that no note carries."},
        {"footnotes/empty-note", sdk::Severity::error, "A note has no text."},
        {"footnotes/note-without-source", sdk::Severity::warning, "A note cites no source: no URL, DOI or bibliographic reference."},
        {"footnotes/ibid-without-antecedent", sdk::Severity::warning, "\"Ibid.\" with no earlier note to refer to."},
    };
    info.options_schema = std::string(marginalia_embedded::options_schema);
    info.documentation = std::string(marginalia_embedded::readme);
    return info;
  }

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
