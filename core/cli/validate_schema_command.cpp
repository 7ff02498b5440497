// SPDX-License-Identifier: MIT
// `marginalia validate-schema FILE...`: says whether each file is a usable JSON Schema (draft 7),
// naming the keyword at fault. marginalia_add_plugin runs it on a plugin's options.schema.json,
// so a bad schema fails the plugin's build instead of every run that loads the plugin.
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.hpp"
#include "config/json_schema.hpp"

namespace marginalia::cli {

ExitCode run_validate_schema_command(const CommandLine& line) {
  ExitCode result = ExitCode::clean;
  for (const std::string& path : line.inputs) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "%s: cannot be read\n", path.c_str());
      result = ExitCode::failure;
      continue;
    }
    std::ostringstream text;
    text << in.rdbuf();
    nlohmann::json schema;
    try {
      schema = nlohmann::json::parse(text.str());
    } catch (const nlohmann::json::parse_error& e) {
      std::fprintf(stderr, "%s: not valid JSON (byte %zu): %s\n", path.c_str(), e.byte, e.what());
      if (result == ExitCode::clean) result = ExitCode::findings;
      continue;
    }
    std::vector<config::SchemaError> errors = config::check_schema(schema);
    for (const config::SchemaError& error : errors)
      std::fprintf(stderr, "%s: %s: not a valid JSON Schema: %s\n", path.c_str(), error.path.empty() ? "(root)" : error.path.c_str(),
                   error.message.c_str());
    if (!errors.empty() && result == ExitCode::clean) result = ExitCode::findings;
  }
  return result;
}

}  // namespace marginalia::cli
