// SPDX-License-Identifier: MIT
// A plugin whose check throws: the host must turn it into host/plugin-failed and keep the
// other plugins' findings.
#include <marginalia/sdk/sdk.hpp>
#include <stdexcept>

namespace {

class ThrowingPlugin final : public marginalia::sdk::Plugin {
 public:
  marginalia::sdk::PluginInfo info() const override {
    marginalia::sdk::PluginInfo info;
    info.id = "throwing";
    info.version = "0.0.1";
    info.summary = "Throws from check, for the host tests.";
    info.codes = {{"throwing/never", marginalia::sdk::Severity::warning, "Never reported."}};
    return info;
  }
  std::vector<std::string> configure(const marginalia::sdk::Options&) override { return {}; }
  void check(const marginalia::sdk::Document&, marginalia::sdk::Reporter& reporter) const override {
    reporter.report({"throwing/never", marginalia::sdk::Severity::warning, {0, 0}, "half a result", {}, std::nullopt});
    throw std::runtime_error("the test plugin always throws");
  }
};

}  // namespace

MARGINALIA_PLUGIN(ThrowingPlugin)
