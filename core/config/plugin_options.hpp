// SPDX-License-Identifier: MIT
// A plugin's options: validated against the schema the plugin declares, then converted to the
// SDK's `Options` (only std types cross into plugins).
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "config/json_schema.hpp"
#include "marginalia/sdk/options.hpp"
#include "marginalia/sdk/plugin.hpp"

namespace marginalia::config {

/// Options or the schema errors that prevent them.
struct PluginOptionsResult {
  sdk::Options options;
  std::vector<SchemaError> errors;
};

/// Validates `options` (a JSON object) against `info.options_schema` and converts it.
PluginOptionsResult make_plugin_options(const sdk::PluginInfo& info, const nlohmann::json& options);

/// `options` with every relative path made absolute against `base_dir` (the folder of the
/// configuration file that set them; empty = the current directory). A path is a string
/// property whose schema says `"format": "path"`, or an item of an array whose `items` say so,
/// so a plugin reading files named in marginalia.json (the rules plugin's styles) finds them
/// wherever marginalia runs, in worker processes too.
nlohmann::json resolve_path_options(const std::string& schema_text, nlohmann::json options, const std::string& base_dir);

/// The defaults of a schema's properties as a JSON object (for `marginalia init`).
nlohmann::json schema_defaults(const std::string& schema_text);

}  // namespace marginalia::config
