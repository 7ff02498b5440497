// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_paths.hpp"

namespace marginalia::testing {
namespace {

// The JSON output of real runs (a good file, a bad one, a missing one) validates against
// schemas/findings.schema.json with python3-jsonschema.
TEST(JsonReporter, OutputValidatesAgainstTheFindingsSchema) {
  if (python().empty()) GTEST_SKIP() << "python3 not found";
  TempDir temp;
  std::string bad = temp.write("latin1.txt", "caf\xE9\n");
  ProcessResult run = run_marginalia({"check", source_dir() + "/samples/report-with-footnote-defects.txt",
                                      source_dir() + "/samples/report-with-footnote-defects.md", bad, temp.file("missing.md"),
                                      "--format", "json", "-o", temp.file("out.json"), "--offline", "--no-cache"});
  ASSERT_EQ(run.exit_code, 2) << run.err;
  std::string script =
      "import json,sys\n"
      "try:\n import jsonschema\n"
      "except ImportError:\n print('SKIP'); sys.exit(0)\n"
      "schema=json.load(open(sys.argv[1])); jsonschema.Draft7Validator.check_schema(schema)\n"
      "jsonschema.validate(json.load(open(sys.argv[2])), schema); print('OK')\n";
  std::string script_path = temp.write("validate.py", script);
  ProcessResult check = run_process(python(), {script_path, source_dir() + "/schemas/findings.schema.json", temp.file("out.json")});
  if (check.out.find("SKIP") != std::string::npos) GTEST_SKIP() << "python3-jsonschema not installed";
  EXPECT_EQ(check.out, "OK\n") << check.out << check.err;
}

TEST(JsonReporter, PluginListingValidatesAgainstThePluginInfoSchema) {
  if (python().empty()) GTEST_SKIP() << "python3 not found";
  TempDir temp;
  ProcessResult run = run_marginalia({"plugins", "--json"});
  std::string listing = temp.write("plugins.json", run.out);
  std::string script_path = temp.write("validate.py",
                                       "import json,sys\ntry:\n import jsonschema\nexcept ImportError:\n print('SKIP'); sys.exit(0)\n"
                                       "jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1]))); print('OK')\n");
  ProcessResult check = run_process(python(), {script_path, source_dir() + "/schemas/plugin-info.schema.json", listing});
  if (check.out.find("SKIP") != std::string::npos) GTEST_SKIP() << "python3-jsonschema not installed";
  EXPECT_EQ(check.out, "OK\n") << check.out << check.err;
}

}  // namespace
}  // namespace marginalia::testing
