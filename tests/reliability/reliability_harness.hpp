// SPDX-License-Identifier: MIT
// The reliability harness (the cmark rule): every case runs the CLI as a child with a hard wall
// limit and records the exit code, the first stderr line, wall time and peak RSS; every output
// it writes is checked (JSON parses, TEI is well-formed; jing validates them in one batch).
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
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

/// One case of a group: a file name (its extension picks the reader), its bytes, its time limit.
struct CaseSpec {
  std::string name;
  std::string input;
  double limit_seconds = 30;
};

/// Records a check of a case: adds a test failure naming `what` when `condition` is false.
using Expect = std::function<void(bool condition, const std::string& what)>;

/// The checks particular to a group, called for each case with its run and parsed JSON report.
using CaseChecks = std::function<void(std::size_t index, const CaseRun& run, const nlohmann::json& report, bool read_error,
                                      const Expect& expect)>;

/// Runs every case and checks what every case must satisfy (within its limit, no signal, JSON
/// that parses, well-formed TEI when the file was read), then `checks`; validates all TEI in
/// one jing run and prints the group's figures (tried / passed, worst wall time and RSS).
void run_case_group(const std::string& group, const std::vector<CaseSpec>& cases, const CaseChecks& checks);

/// Writes `input` as `name` in `temp` and checks it with JSON and TEI outputs, `limit` seconds.
CaseRun run_case(const TempDir& temp, const std::string& name, const std::string& input, double limit_seconds = 60,
                 const std::vector<std::string>& extra_args = {});

/// The first line of a text.
std::string first_line(const std::string& text);

/// `s` written `n` times over: the large inputs the cases are made of.
std::string repeat(const std::string& s, std::size_t n);

/// Validates TEI files with jing in one run (skips when jing or the schema is missing); returns
/// an empty string when all are valid, jing's output otherwise.
std::string validate_tei_batch(const std::vector<std::string>& files);

/// For every finding in the JSON output: the input's bytes at its line:column equal its text.
/// Returns a description of the first mismatch, or an empty string.
std::string check_source_map_property(const std::string& input, const std::string& json);

}  // namespace marginalia::testing
