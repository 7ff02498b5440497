// SPDX-License-Identifier: MIT
#include "cli/runner_setup.hpp"

namespace marginalia::cli {

std::unique_ptr<host::PluginRunner> make_plugin_runner(const CommandLine&, std::string&) {
  return std::make_unique<host::InProcessRunner>();
}

}  // namespace marginalia::cli
