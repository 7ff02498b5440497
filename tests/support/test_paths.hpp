// SPDX-License-Identifier: MIT
// Where tests find things: the source tree, the build tree, the marginalia binary, the plugin
// folder, ../shared (seed report, TEI schema, eval data) and jing.
#pragma once

#include <string>

namespace marginalia::testing {

std::string source_dir();
std::string binary_dir();
/// build/bin/marginalia
std::string marginalia_binary();
/// build/lib/marginalia/plugins
std::string plugin_dir();
/// ../shared beside the checkout; empty when absent.
std::string shared_dir();
/// ../shared/seeds/000_a6c07b14fbcfaecc.txt, or empty when absent.
std::string seed_report();
/// ../shared/tei/tei_all.rng, or empty when absent.
std::string tei_schema();
/// The jing binary, or empty when not installed.
std::string jing();
/// python3, or empty.
std::string python();
/// The whole contents of a file ("" when unreadable).
std::string read_file(const std::string& path);

}  // namespace marginalia::testing
