// SPDX-License-Identifier: MIT
// The reliability harness (the cmark rule): every case runs the CLI as a child with a hard wall
// limit and records the exit code, the first stderr line, wall time and peak RSS; every output
// it writes is checked (JSON parses, TEI is well-formed; jing validates them in one batch).
#pragma once

#include <string>
#include <vector>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace marginalia::testing {

/// One run of `marginalia check` over one input, with its outputs.
struct CaseRun {
  ProcessResult process;
  std::string json_path, tei_path;
  std::string json, tei;
  bool json_valid = false;  ///< parses as JSON
  bool tei_well_formed = false;
};

/// Writes `input` as `name` in `temp` and checks it with JSON and TEI outputs, `limit` seconds.
CaseRun run_case(const TempDir& temp, const std::string& name, const std::string& input, double limit_seconds = 60,
                 const std::vector<std::string>& extra_args = {});

/// The first line of a text.
std::string first_line(const std::string& text);

/// Validates TEI files with jing in one run (skips when jing or the schema is missing); returns
/// an empty string when all are valid, jing's output otherwise.
std::string validate_tei_batch(const std::vector<std::string>& files);

/// For every finding in the JSON output: the input's bytes at its line:column equal its text.
/// Returns a description of the first mismatch, or an empty string.
std::string check_source_map_property(const std::string& input, const std::string& json);

}  // namespace marginalia::testing
