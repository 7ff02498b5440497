// SPDX-License-Identifier: MIT
// Finding codes the core itself reports (`reader/…` and `host/…`), with the documentation
// `marginalia explain` prints for them. Plugin codes are documented in each plugin's README.
#pragma once

#include <string>
#include <vector>

#include "marginalia/sdk/finding.hpp"

namespace marginalia::host {

/// A core code and its documentation (Markdown: what triggers it, an example, how to fix).
struct BuiltinCode {
  sdk::CodeInfo info;
  std::string documentation;
};

/// Every `reader/` and `host/` code.
const std::vector<BuiltinCode>& builtin_codes();

}  // namespace marginalia::host
