// SPDX-License-Identifier: MIT
// The part every fixture plugin of the host tests shares (tests/integration/test_plugins,
// tests/broken_plugins): an info() made from an id, a summary and the codes it declares, a
// configure() that takes no options, and findings made from that one code table. A fixture
// then holds only the behaviour it exists to show. Uses the SDK alone, as a plugin must.
#pragma once

#include <marginalia/sdk/sdk.hpp>
#include <string>
#include <utility>
#include <vector>

namespace marginalia::testing {

/// A plugin fixture: version 0.0.1, the SDK's default options schema, no options accepted.
class TestPlugin : public sdk::Plugin {
 public:
  sdk::PluginInfo info() const override { return info_; }
  std::vector<std::string> configure(const sdk::Options&) override { return {}; }

 protected:
  TestPlugin(std::string id, std::string summary, sdk::CodeTable codes) : codes_(std::move(codes)) {
    info_.id = std::move(id);
    info_.version = "0.0.1";
    info_.summary = std::move(summary);
    info_.codes = codes_.codes();
  }

  /// The declared codes; `codes_.finding(...)` gives a finding its declared severity.
  const sdk::CodeTable codes_;
  /// What info() returns; a fixture may change it in its constructor.
  sdk::PluginInfo info_;
};

}  // namespace marginalia::testing
