// SPDX-License-Identifier: MIT
// A plugin reporting a span past the end of the text: its output must be dropped whole.
#include <marginalia/sdk/sdk.hpp>

namespace {

class BadSpanPlugin final : public marginalia::sdk::Plugin {
 public:
  marginalia::sdk::PluginInfo info() const override {
    marginalia::sdk::PluginInfo info;
    info.id = "bad_span";
    info.version = "0.0.1";
    info.summary = "Reports an out-of-range span, for the host tests.";
    info.codes = {{"bad_span/out-of-range", marginalia::sdk::Severity::warning, "Out of range."}};
    return info;
  }
  std::vector<std::string> configure(const marginalia::sdk::Options&) override { return {}; }
  void check(const marginalia::sdk::Document& document, marginalia::sdk::Reporter& reporter) const override {
    auto end = static_cast<std::uint32_t>(document.text.size());
    reporter.report({"bad_span/out-of-range", marginalia::sdk::Severity::warning, {0, 1}, "a fine finding", {}, std::nullopt});
    reporter.report({"bad_span/out-of-range", marginalia::sdk::Severity::warning, {end, end + 10}, "past the end", {}, std::nullopt});
  }
};

}  // namespace

MARGINALIA_PLUGIN(BadSpanPlugin)
