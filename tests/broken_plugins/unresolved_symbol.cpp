// SPDX-License-Identifier: MIT
// A plugin that calls a function no library defines. Linked without --no-undefined, it builds;
// loaded with RTLD_NOW, it must fail at load (`host/plugin-load-failed`, "undefined symbol"),
// not abort the worker in the middle of a check.
#include "support/test_plugin.hpp"

int marginalia_fixture_missing_function();

namespace {

namespace sdk = marginalia::sdk;

class UnresolvedPlugin final : public marginalia::testing::TestPlugin {
 public:
  UnresolvedPlugin() : TestPlugin(BROKEN_ID, "Calls a function that does not exist (a test fixture).", {}) {}
  void check(const sdk::Document&, sdk::Reporter&) const override { marginalia_fixture_missing_function(); }
};

}  // namespace

MARGINALIA_PLUGIN(UnresolvedPlugin)
