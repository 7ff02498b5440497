// SPDX-License-Identifier: MIT
// Finding codes the core itself reports (`reader/…` and `host/…`), with the documentation
// `marginalia explain` prints for them, in one table. A `host/plugin-…` code also names the run
// status it stands for, so the status, its name and its code are never listed twice. Plugin
// codes are documented in each plugin's README.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "host/plugin_handle.hpp"
#include "marginalia/sdk/finding.hpp"

namespace marginalia::host {

/// A core code and its documentation (Markdown: what triggers it, an example, how to fix).
struct BuiltinCode {
  BuiltinCode(sdk::CodeInfo info, std::string documentation, std::optional<RunStatus> status = std::nullopt)
      : info(std::move(info)), documentation(std::move(documentation)), status(status) {}
  sdk::CodeInfo info;
  std::string documentation;
  /// The run status this code reports (host codes of a failed plugin); unset for the others.
  std::optional<RunStatus> status;
};

/// Every `reader/` and `host/` code.
const std::vector<BuiltinCode>& builtin_codes();

/// The host code reporting a failed run ("host/plugin-crashed"); empty for `ok`.
const std::string& code_for(RunStatus status);

/// The status a load problem's code stands for; `load_failed` for a code of no status.
RunStatus status_for_code(const std::string& code);

}  // namespace marginalia::host
