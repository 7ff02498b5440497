// SPDX-License-Identifier: MIT
// A plugin reporting a span past the end of the text: its output must be dropped whole.
#include "support/test_plugin.hpp"

namespace {

class BadSpanPlugin final : public marginalia::testing::TestPlugin {
 public:
  BadSpanPlugin()
      : TestPlugin("bad_span", "Reports an out-of-range span, for the host tests.",
                   {{"bad_span/out-of-range", marginalia::sdk::Severity::warning, "Out of range."}}) {}
  void check(const marginalia::sdk::Document& document, marginalia::sdk::Reporter& reporter) const override {
    auto end = static_cast<std::uint32_t>(document.text.size());
    reporter.report(codes_.finding("bad_span/out-of-range", {0, 1}, "a fine finding"));
    reporter.report(codes_.finding("bad_span/out-of-range", {end, end + 10}, "past the end"));
  }
};

}  // namespace

MARGINALIA_PLUGIN(BadSpanPlugin)
