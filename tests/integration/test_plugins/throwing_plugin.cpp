// SPDX-License-Identifier: MIT
// A plugin whose check throws: the host must turn it into host/plugin-failed and keep the
// other plugins' findings.
#include <stdexcept>

#include "support/test_plugin.hpp"

namespace {

class ThrowingPlugin final : public marginalia::testing::TestPlugin {
 public:
  ThrowingPlugin()
      : TestPlugin("throwing", "Throws from check, for the host tests.",
                   {{"throwing/never", marginalia::sdk::Severity::warning, "Never reported."}}) {}
  void check(const marginalia::sdk::Document&, marginalia::sdk::Reporter& reporter) const override {
    reporter.report(codes_.finding("throwing/never", {0, 0}, "half a result"));
    throw std::runtime_error("the test plugin always throws");
  }
};

}  // namespace

MARGINALIA_PLUGIN(ThrowingPlugin)
