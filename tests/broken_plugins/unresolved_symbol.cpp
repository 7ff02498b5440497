// SPDX-License-Identifier: MIT
// A plugin that calls a function no library defines. Linked without --no-undefined, it builds;
// loaded with RTLD_NOW, it must fail at load (`host/plugin-load-failed`, "undefined symbol"),
// not abort the worker in the middle of a check.
#include <marginalia/sdk/sdk.hpp>

int marginalia_fixture_missing_function();

namespace {

namespace sdk = marginalia::sdk;

class UnresolvedPlugin final : public sdk::Plugin {
 public:
  sdk::PluginInfo info() const override {
    sdk::PluginInfo info;
    info.id = BROKEN_ID;
    info.version = "0.0.1";
    info.summary = "Calls a function that does not exist (a test fixture).";
    return info;
  }
  std::vector<std::string> configure(const sdk::Options&) override { return {}; }
  void check(const sdk::Document&, sdk::Reporter&) const override { marginalia_fixture_missing_function(); }
};

}  // namespace

MARGINALIA_PLUGIN(UnresolvedPlugin)
