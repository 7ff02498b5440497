// SPDX-License-Identifier: MIT
// The quotes plugin checks a quotation against its cited source read through the host's fetch
// service, from a page served on 127.0.0.1 (the only address tests talk to).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/local_http_server.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_paths.hpp"

namespace marginalia::testing {
namespace {

TEST(QuotesThroughTheNetwork, AQuotationMissingFromTheCitedPageIsReportedAndAFaithfulOneIsNot) {
  LocalHttpServer server;
  if (!server.ok()) GTEST_SKIP() << "python3 is needed for the fixture server";
  TempDir temp;
  std::string report = temp.write("r.md",
                                  "# Port plans\n\n"
                                  "Minister Anna Berg said \xE2\x80\x9Cwe will build a new deep-water port\xE2\x80\x9D at the launch.[^1]\n\n"
                                  "Anna Berg said \xE2\x80\x9Cwe will build\xE2\x80\x9D and left.[^1]\n\n"
                                  "[^1]: Ministry, \"Annual report\", 2024, " + server.url("/html") + ".\n");
  ProcessResult run = run_marginalia({"check", report, "--format", "json", "--allow-net", "127.0.0.1/32", "--no-cache", "--disable", "dates"});
  nlohmann::json result = nlohmann::json::parse(run.out, nullptr, false);
  ASSERT_FALSE(result.is_discarded()) << run.out << run.err;
  std::vector<std::string> not_in_source;
  for (const nlohmann::json& f : result["findings"])
    if (f["code"] == "quotes/not-in-source") not_in_source.push_back(std::to_string(f["line"].get<int>()) + " " + f["message"].get<std::string>());
  ASSERT_EQ(not_in_source.size(), 1u) << run.out;
  EXPECT_EQ(not_in_source[0].rfind("3 ", 0), 0u) << not_in_source[0];
  EXPECT_NE(not_in_source[0].find("we will build"), std::string::npos) << "the message shows the closest passage: " << not_in_source[0];
  // The server logs a request after answering it: wait for the line rather than race it.
  EXPECT_FALSE(server.wait_for("/html", 1).empty());
}

}  // namespace
}  // namespace marginalia::testing
