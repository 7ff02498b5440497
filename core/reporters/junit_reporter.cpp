// SPDX-License-Identifier: MIT
#include "reporters/reporter.hpp"
#include "util/xml_writer.hpp"

namespace marginalia::reporters {
namespace {

bool reaches(sdk::Severity severity, sdk::Severity level) { return static_cast<int>(severity) >= static_cast<int>(level); }

bool is_failure_of_run(const merge::ReportedFinding& f) { return f.plugin == "host" && f.finding.code.rfind("host/plugin-", 0) == 0; }

std::string line_for(const std::string& path, const merge::ReportedFinding& f) {
  return path + ":" + std::to_string(f.begin.line) + ":" + std::to_string(f.begin.column) + ": " + sdk::to_string(f.finding.severity) + ": " +
         f.finding.message + " [" + f.finding.code + "]";
}

}  // namespace

std::string render_junit(const RunReport& run) {
  struct Counts {
    std::size_t tests = 0, failures = 0, errors = 0;
  };
  std::vector<Counts> per_file(run.files.size());
  Counts total;
  for (std::size_t i = 0; i < run.files.size(); ++i) {
    const merge::FileReport& file = run.files[i];
    Counts& c = per_file[i];
    if (file.error) {
      c.tests = c.errors = 1;
    } else {
      c.tests = std::max<std::size_t>(1, file.report->findings.size());
      for (const merge::ReportedFinding& f : file.report->findings) {
        if (is_failure_of_run(f)) ++c.errors;
        else if (reaches(f.finding.severity, file.fail_level)) ++c.failures;
      }
    }
    total.tests += c.tests;
    total.failures += c.failures;
    total.errors += c.errors;
  }

  util::XmlWriter xml;
  xml.open("testsuites", {{"name", "marginalia"}, {"tests", std::to_string(total.tests)}, {"failures", std::to_string(total.failures)},
                          {"errors", std::to_string(total.errors)}});
  for (std::size_t i = 0; i < run.files.size(); ++i) {
    const merge::FileReport& file = run.files[i];
    const Counts& c = per_file[i];
    xml.open("testsuite", {{"name", file.path}, {"tests", std::to_string(c.tests)}, {"failures", std::to_string(c.failures)},
                           {"errors", std::to_string(c.errors)}, {"skipped", "0"}});
    if (file.error) {
      const readers::ReadError& e = *file.error;
      xml.open("testcase", {{"classname", file.path}, {"name", e.code}});
      xml.leaf("error", e.message, {{"type", e.code}, {"message", e.message}});
      xml.close();
    } else if (file.report->findings.empty()) {
      // A clean file is one passing case, so it shows up in the test report.
      xml.empty("testcase", {{"classname", file.path}, {"name", "no findings"}});
    } else {
      for (const merge::ReportedFinding& f : file.report->findings) {
        std::string name = f.finding.code + " (" + std::to_string(f.begin.line) + ":" + std::to_string(f.begin.column) + ")";
        xml.open("testcase", {{"classname", file.path}, {"name", name}});
        std::string detail = line_for(file.path, f);
        if (f.finding.replacement) detail += "\nfix: replace with \"" + *f.finding.replacement + "\"";
        if (is_failure_of_run(f)) xml.leaf("error", detail, {{"type", f.finding.code}, {"message", f.finding.message}});
        else if (reaches(f.finding.severity, file.fail_level))
          xml.leaf("failure", detail, {{"type", sdk::to_string(f.finding.severity)}, {"message", f.finding.message}});
        // Below the fail level: a passing case that still carries the finding, so the JUnit
        // verdict agrees with the exit code.
        else xml.leaf("system-out", detail);
        xml.close();
      }
    }
    xml.close();
  }
  xml.close();
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml.take() + "\n";
}

}  // namespace marginalia::reporters
