// SPDX-License-Identifier: MIT
#include "reliability_harness.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "support/test_paths.hpp"

namespace marginalia::testing {

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

CaseRun run_case(const TempDir& temp, const std::string& name, const std::string& input, double limit_seconds,
                 const std::vector<std::string>& extra_args) {
  CaseRun run;
  std::string path = temp.write(name, input);
  run.json_path = temp.file(name + ".json");
  run.tei_path = temp.file(name + ".tei.xml");
  std::vector<std::string> args = {"check", path, "--format", "json", "-o", run.json_path, "--tei", run.tei_path, "--offline", "--no-cache"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  run.process = run_marginalia(args, limit_seconds);
  run.json = read_file(run.json_path);
  run.tei = read_file(run.tei_path);
  run.json_valid = !nlohmann::json::parse(run.json, nullptr, false).is_discarded();
  if (!run.tei.empty()) {
    pugi::xml_document doc;
    run.tei_well_formed = static_cast<bool>(doc.load_buffer(run.tei.data(), run.tei.size()));
  }
  return run;
}

void run_case_group(const std::string& group, const std::vector<CaseSpec>& cases, const CaseChecks& checks) {
  TempDir temp;
  std::vector<std::string> teis;
  double worst_time = 0;
  long worst_rss = 0;
  std::size_t passed = 0;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const CaseSpec& c = cases[i];
    SCOPED_TRACE(group + "/" + c.name);
    CaseRun run = run_case(temp, c.name, c.input, c.limit_seconds);
    bool ok = true;
    Expect expect = [&](bool condition, const std::string& what) {
      EXPECT_TRUE(condition) << what << " (exit " << run.process.exit_code << ", stderr: " << first_line(run.process.err) << ")";
      ok = ok && condition;
    };
    expect(!run.process.timed_out, "finished within " + std::to_string(c.limit_seconds) + " s");
    expect(run.process.signal == 0, "no signal");
    expect(run.json_valid, "the JSON output parses");
    nlohmann::json report = nlohmann::json::parse(run.json, nullptr, false);
    bool read_error = run.json_valid && report["files"][0].contains("error");
    if (!read_error && run.json_valid) {
      expect(run.tei_well_formed, "the TEI output is well-formed");
      if (run.tei_well_formed) teis.push_back(run.tei_path);
    }
    checks(i, run, report, read_error, expect);
    worst_time = std::max(worst_time, run.process.seconds);
    worst_rss = std::max(worst_rss, run.process.peak_rss_kb);
    passed += ok;
  }
  std::string invalid = validate_tei_batch(teis);
  EXPECT_TRUE(invalid.empty()) << "jing: " << invalid;
  std::cout << "[ FIGURES  ] " << group << ": " << cases.size() << " tried / " << passed << " passed, worst wall " << worst_time
            << " s, worst peak RSS " << worst_rss / 1024 << " MB\n";
}

std::string validate_tei_batch(const std::vector<std::string>& files) {
  if (jing().empty() || tei_schema().empty() || files.empty()) return {};
  std::vector<std::string> args = {tei_schema()};
  args.insert(args.end(), files.begin(), files.end());
  ProcessResult result = run_process(jing(), args, 300);
  return result.exit_code == 0 ? std::string() : result.out.substr(0, 2000);
}

std::string check_source_map_property(const std::string& input, const std::string& json) {
  nlohmann::json report = nlohmann::json::parse(json, nullptr, false);
  if (report.is_discarded()) return "output is not JSON";
  // Line starts as the reader counts them: LF, CRLF and lone CR end lines; a BOM is skipped.
  std::vector<std::size_t> starts = {input.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3u : 0u};
  for (std::size_t i = starts[0]; i < input.size(); ++i) {
    if (input[i] == '\n') starts.push_back(i + 1);
    else if (input[i] == '\r' && (i + 1 >= input.size() || input[i + 1] != '\n')) starts.push_back(i + 1);
  }
  for (const nlohmann::json& f : report["findings"]) {
    std::string text = f["text"];
    if (text.empty() || f["plugin"] == "host") continue;
    std::size_t line = f["line"], column = f["column"];
    if (line == 0 || line > starts.size()) return "line out of range: " + f.dump();
    std::size_t at = starts[line - 1];
    for (std::size_t c = 1; c < column; ++c) {
      ++at;
      while (at < input.size() && (static_cast<unsigned char>(input[at]) & 0xC0) == 0x80) ++at;
    }
    // The finding's text is normalised (CRLF → LF, controls → U+FFFD): compare its first line only.
    std::string expected = text.substr(0, text.find_first_of("\n\xEF"));
    if (input.compare(at, expected.size(), expected) != 0)
      return "at " + std::to_string(line) + ":" + std::to_string(column) + " the file has '" + input.substr(at, expected.size()) +
             "' but the finding's text is '" + expected + "'";
  }
  return {};
}

}  // namespace marginalia::testing
