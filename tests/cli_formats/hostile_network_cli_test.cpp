// SPDX-License-Identifier: MIT
// The network options and the quotes source check end to end, against 127.0.0.1 only: a cache
// path that is an input, a User-Agent carrying CR/LF, a source page in KOI8-R, a local source
// in ISO-8859-2, a page longer than the text cap (issue 13, items 8, 11, 13; issue 12).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/local_http_server.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace marginalia::testing {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> quote_findings(const ProcessResult& run) {
  nlohmann::json json = nlohmann::json::parse(run.out, nullptr, false);
  if (json.is_discarded()) return {"<not JSON> " + run.err};
  std::vector<std::string> out;
  for (const auto& f : json["findings"])
    if (f["plugin"] == "quotes") out.push_back(f["code"].get<std::string>() + " " + f["message"].get<std::string>());
  return out;
}

// Checks r.md, one quoting paragraph with note 1, as JSON with the dates plugin off, letting the
// URL checker reach 127.0.0.1 (the fixture server) and nothing else.
ProcessResult check_online(const TempDir& temp, const std::string& paragraph, const std::string& note) {
  std::string report = temp.write("r.md", "# Port\n\n" + paragraph + "[^1]\n\n[^1]: " + note + "\n");
  return run_marginalia({"check", report, "--format", "json", "--allow-net", "127.0.0.1/32", "--no-cache", "--disable", "dates"});
}

TEST(HostileNetworkCli, ACacheFileThatIsAnInputIsRefusedAndTheInputKept) {
  TempDir temp;
  std::string report = temp.write("r.md", "# Report\n\nSee https://example.org/.\n");
  std::string before = slurp(report);
  ProcessResult run = run_marginalia({"check", report, "--cache-file", report, "--format", "json"});
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_NE(run.err.find("is also an input"), std::string::npos) << run.err;
  EXPECT_EQ(slurp(report), before);
  EXPECT_FALSE(std::filesystem::exists(report + ".corrupt"));
}

TEST(HostileNetworkCli, AUserAgentWithALineBreakIsRefused) {
  TempDir temp;
  std::string report = temp.write("r.md", "# Report\n\nText.\n");
  ProcessResult run = run_marginalia({"check", report, "--no-cache", "--net", "user-agent=x\r\nX-Injected: 1"});
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_NE(run.err.find("control characters"), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find('\r'), std::string::npos) << "the refused value is shown escaped";
}

TEST(HostileNetworkCli, AFaithfulQuotationFromAKoi8rPageIsNotReported) {
  LocalHttpServer server;
  if (!server.ok()) GTEST_SKIP() << "python3 is needed for the fixture server";
  TempDir temp;
  ProcessResult run = check_online(temp,
                                   "Minister Ivan Petrov said \xE2\x80\x9C\xD0\xBC\xD1\x8B \xD0\xBF\xD0\xBE\xD1\x81\xD1\x82\xD1\x80\xD0\xBE\xD0\xB8\xD0\xBC "
                                   "\xD0\xBD\xD0\xBE\xD0\xB2\xD1\x8B\xD0\xB9 \xD0\xBF\xD0\xBE\xD1\x80\xD1\x82\xE2\x80\x9D at the launch.",
                                   "Ministry, \"Statement\", 2024, " + server.url("/charset/koi8-r") + ".");
  EXPECT_TRUE(quote_findings(run).empty()) << ::testing::PrintToString(quote_findings(run));
  // The server logs a request after answering it: wait for the line rather than race it.
  EXPECT_EQ(server.wait_for("/charset/koi8-r", 1).size(), 1u);
}

TEST(HostileNetworkCli, AFaithfulQuotationFromALocalIso88592SourceIsNotReported) {
  TempDir temp;
  std::string report = temp.write("r.md",
                                  "# Port\n\nMinister \xC5\x81ukasz Nowak said \xE2\x80\x9Czbudujemy nowy port w \xC5\x81odzi i \xC5\xBBywcu\xE2\x80\x9D at the launch.[^1]\n\n"
                                  "[^1]: Ministry statement, 2024.\n");
  // ISO-8859-2 bytes: Ł = 0xA3, ł = 0xB3, Ż = 0xAF; declared in the page's <meta>.
  temp.write("sources/1.html", "<html><head><meta charset=\"iso-8859-2\"></head><body><p>Minister \xA3ukasz Nowak powiedzia\xB3: "
                               "zbudujemy nowy port w \xA3odzi i \xAFywcu.</p></body></html>");
  ProcessResult run = run_marginalia({"check", report, "--format", "json", "--offline", "--sources", temp.file("sources"), "--disable", "dates"});
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_TRUE(quote_findings(run).empty()) << ::testing::PrintToString(quote_findings(run));
}

TEST(HostileNetworkCli, AQuotationBeyondTheTextCapIsNotCalledAbsent) {
  LocalHttpServer server;
  if (!server.ok()) GTEST_SKIP() << "python3 is needed for the fixture server";
  TempDir temp;
  ProcessResult run = check_online(temp, "Minister Anna Berg said \xE2\x80\x9Cwe will build a new port\xE2\x80\x9D at the launch.",
                                   "Ministry, \"Annual report\", 2024, " + server.url("/long-page?mb=3") + ".");
  std::vector<std::string> found = quote_findings(run);
  ASSERT_EQ(found.size(), 1u) << ::testing::PrintToString(found);
  EXPECT_EQ(found[0].rfind("quotes/source-truncated ", 0), 0u) << found[0];
  EXPECT_NE(found[0].find("truncated at 2 MiB"), std::string::npos) << found[0];
}

}  // namespace
}  // namespace marginalia::testing
