// SPDX-License-Identifier: MIT
// Runs one plugin fixture (fixture_file.hpp) and compares what the plugin reported with what the
// fixture expects: every finding expected, every expectation met (the check_clang_tidy rule).
// The test suite's fixture cases and `marginalia test-plugin` both run fixtures through here, so
// a plugin author's fixtures pass or fail exactly as the shipped plugins' do.
#pragma once

#include <string>
#include <vector>

#include "host/plugin_registry.hpp"
#include "plugin_test/fixture_file.hpp"

namespace marginalia::plugin_test {

/// What running one fixture found.
struct FixtureOutcome {
  /// Set when the fixture could not be run: malformed, options rejected, unreadable input.
  std::string error;
  /// One line per difference: "expected but not reported: …" or "reported but not expected: …".
  std::vector<std::string> differences;
  /// The expectation block the plugin's findings call for: the fixture's own lines for what
  /// matched and for options and comments, full lines for findings nobody expected, none for
  /// expectations not met. Equal to `FixtureFile::block_lines` when the fixture passes.
  std::vector<std::string> actual_block_lines;

  /// True when the fixture ran and nothing differed.
  bool passed() const { return error.empty() && differences.empty(); }
};

/// Configures `plugin` (one of `registry`'s, loaded and otherwise unconfigured) with the
/// fixture's options, checks its input with the registry's plugins and compares the findings of
/// that plugin (and of the host) with the expectations.
FixtureOutcome run_fixture(const FixtureFile& fixture, const host::PluginRegistry& registry, const host::LoadedPlugin& plugin);

/// The fixture file with its expectation block replaced by `block_lines`.
std::string with_block(const FixtureFile& fixture, const std::vector<std::string>& block_lines);

}  // namespace marginalia::plugin_test
