// SPDX-License-Identifier: MIT
// RELIABILITY.md §1 for the TEI/XML, HTML and DOCX readers. Small hostile files are committed in
// tests/malformed/{xml,html,docx}/ with one expectation line each (EXPECTATIONS); huge cases
// (10^6-deep nesting, a 50 MB attribute, 10^5 entity references…) and every DOCX are made here.
// Each case runs the CLI with a hard limit and must give valid output or a `reader/` error with
// a position; a listener on 127.0.0.1 proves that no external entity or DTD is ever fetched.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "reliability_harness.hpp"
#include "support/test_paths.hpp"

namespace marginalia::testing {
namespace {

struct MarkupCase {
  std::string name;
  std::string input;
  std::string expect;  ///< "ok", a reader error code, or a finding code that must be present
  std::uint32_t line = 0, column = 0;  ///< where the error or finding must be, when given
  double limit_seconds = 60;
};

// A TCP listener on 127.0.0.1 that never answers: any connection attempt shows up as a
// pending connection, so "zero requests" is checked by finding none.
class Listener {
 public:
  Listener() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(fd_, 64) != 0 ||
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) != 0)
      return;
    port_ = ntohs(address.sin_port);
    ::fcntl(fd_, F_SETFL, O_NONBLOCK);
  }
  ~Listener() {
    if (fd_ >= 0) ::close(fd_);
  }
  int port() const { return port_; }
  int connections() {
    int count = 0;
    for (int client; (client = ::accept(fd_, nullptr, nullptr)) >= 0; ++count) ::close(client);
    return count;
  }

 private:
  int fd_ = -1;
  int port_ = 0;
};

std::vector<MarkupCase> committed_cases(const std::string& folder, bool generate_docx) {
  std::vector<MarkupCase> cases;
  std::ifstream manifest(source_dir() + "/tests/malformed/" + folder + "/EXPECTATIONS");
  std::string line;
  while (std::getline(manifest, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    MarkupCase c;
    std::string position;
    fields >> c.name >> c.expect >> position;
    if (!position.empty()) std::sscanf(position.c_str(), "%u:%u", &c.line, &c.column);
    if (generate_docx) {
      TempDir temp;
      std::string out = temp.file(c.name + ".docx");
      ProcessResult made = run_process(python(), {source_dir() + "/tests/unit/readers/make_docx.py", c.name, out});
      EXPECT_EQ(made.exit_code, 0) << made.err;
      c.input = read_file(out);
      c.name += ".docx";
    } else {
      c.input = read_file(source_dir() + "/tests/malformed/" + folder + "/" + c.name);
    }
    cases.push_back(std::move(c));
  }
  EXPECT_FALSE(cases.empty()) << "tests/malformed/" << folder << "/EXPECTATIONS";
  return cases;
}

// The input at a finding's line:column starts with the finding's first word (markup readers
// collapse layout white space and decode references, so only the first word is compared).
std::string check_anchor(const std::string& input, const nlohmann::json& report) {
  std::vector<std::size_t> starts = {0};
  for (std::size_t i = 0; i < input.size(); ++i)
    if (input[i] == '\n') starts.push_back(i + 1);
  for (const nlohmann::json& f : report["findings"]) {
    std::string text = f.value("text", "");
    if (text.empty() || f["plugin"] == "host") continue;
    std::size_t line = f["line"], column = f["column"];
    if (line == 0 || line > starts.size()) return "line out of range: " + f.dump();
    std::size_t at = starts[line - 1];
    for (std::size_t c = 1; c < column && at < input.size(); ++c) {
      ++at;
      while (at < input.size() && (static_cast<unsigned char>(input[at]) & 0xC0) == 0x80) ++at;
    }
    std::string word = text.substr(0, text.find_first_of(" \n\t&<"));
    // A decoded reference ("&quot;" for '"') stands where its text would.
    if (!word.empty() && input.compare(at, word.size(), word) != 0 && input.compare(at, 1, "&") != 0)
      return "at " + std::to_string(line) + ":" + std::to_string(column) + " the file has '" + input.substr(at, word.size() + 8) +
             "', the finding starts '" + word + "'";
  }
  return {};
}

void run_group(const std::string& group, const std::vector<MarkupCase>& cases, bool text_input) {
  std::vector<CaseSpec> specs;
  for (const MarkupCase& c : cases) specs.push_back({c.name, c.input, c.limit_seconds});
  run_case_group(group, specs, [&](std::size_t i, const CaseRun& run, const nlohmann::json& report, bool read_error, const Expect& expect) {
    const MarkupCase& c = cases[i];
    if (read_error) {
      const nlohmann::json& error = report["files"][0]["error"];
      expect(run.process.exit_code == 2, "a read error exits 2");
      expect(error["code"].get<std::string>().rfind("reader/", 0) == 0, "a reader/ error: " + error.dump());
      expect(c.expect == error["code"], "expected " + c.expect + ", got " + error.dump());
      if (c.line) expect(error["line"] == c.line && error["column"] == c.column, "at " + std::to_string(c.line) + ":" +
                                                                                      std::to_string(c.column) + ": " + error.dump());
      if (text_input) expect(error["line"].get<int>() > 0, "an XML error has a line:column");
    } else if (run.json_valid) {
      if (text_input) {
        std::string mismatch = check_anchor(c.input, report);
        expect(mismatch.empty(), "source map: " + mismatch);
      }
      if (c.expect != "ok") {
        bool found = false;
        for (const auto& f : report["findings"])
          found = found || (f["code"] == c.expect && (!c.line || (f["line"] == c.line && f["column"] == c.column)));
        expect(found, "a finding " + c.expect + (c.line ? " at " + std::to_string(c.line) + ":" + std::to_string(c.column) : ""));
      }
    }
  });
}

const std::string kTei = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body>";
const std::string kTeiEnd = "</body></text></TEI>\n";

TEST(ReliabilityMarkup, CommittedXmlCases) { run_group("xml", committed_cases("xml", false), true); }

TEST(ReliabilityMarkup, GeneratedXmlCases) {
  Listener listener;
  ASSERT_GT(listener.port(), 0);
  std::string port = std::to_string(listener.port());
  std::vector<MarkupCase> cases = {
      {"nested-1e5.xml", kTei + "<p>" + repeat("<hi>", 100000) + "deep" + repeat("</hi>", 100000) + "</p>" + kTeiEnd, "ok"},
      {"nested-1e6.xml", kTei + repeat("<div>", 1000000) + "<p>deep</p>" + repeat("</div>", 1000000) + kTeiEnd, "ok"},
      {"nested-1e6-unclosed.xml", kTei + repeat("<div>", 1000000) + "<p>deep", "reader/malformed-markup"},
      {"entity-1mb-x1e5.xml", "<!DOCTYPE TEI [<!ENTITY big \"" + std::string(1 << 20, 'x') + "\">]>\n" + kTei + "<p>" +
                                  repeat("&big; ", 100000) + "</p>" + kTeiEnd,
       "reader/unexpanded-entity"},
      {"internal-subset-10mb.xml", "<!DOCTYPE TEI [" + repeat("<!ENTITY e \"" + std::string(1000, 'y') + "\">", 10000) + "]>\n" + kTei +
                                       "<p>text</p>" + kTeiEnd,
       "ok"},
      {"attributes-1e6.xml", "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><p" + [] {
         std::string a;
         for (int i = 0; i < 1000000; ++i) a += " a" + std::to_string(i) + "=\"1\"";
         return a;
       }() + ">text</p>" + kTeiEnd, "ok"},
      {"attribute-50mb.xml", kTei + "<p><date when=\"" + std::string(50 << 20, '1') + "\">today</date></p>" + kTeiEnd, "ok"},
      {"xxe-http.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE TEI SYSTEM \"http://127.0.0.1:" + port + "/tei.dtd\" [<!ENTITY web SYSTEM \"http://127.0.0.1:" +
                           port + "/x\">]>\n" + kTei + "<p>Fetched: &web;</p>" + kTeiEnd,
       "reader/unexpanded-entity", 3, 66},
  };
  run_group("xml-generated", cases, true);
  EXPECT_EQ(listener.connections(), 0) << "an external entity or DTD was fetched";
}

TEST(ReliabilityMarkup, CommittedHtmlCases) { run_group("html", committed_cases("html", false), true); }

TEST(ReliabilityMarkup, GeneratedHtmlCases) {
  Listener listener;
  ASSERT_GT(listener.port(), 0);
  std::string url = "http://127.0.0.1:" + std::to_string(listener.port());
  std::vector<MarkupCase> cases = {
      {"nested-div-1e5.html", "<html><body>" + repeat("<div>", 100000) + "deep text" + repeat("</div>", 100000) + "</body></html>", "ok"},
      {"nested-div-1e6-unclosed.html", repeat("<div>", 1000000) + "deep text", "ok"},
      {"attribute-50mb.html", "<p title=\"" + std::string(50 << 20, 'a') + "\">text</p>", "ok"},
      {"entity-soup-1e5.html", "<p>" + repeat("&amp;&lt;&nbsp;&bogus;&#x1F600;&#0;", 100000) + "</p>", "ok"},
      {"network-references.html", "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01//EN\" \"" + url + "/dtd\">\n<html><head><link rel=\"stylesheet\" href=\"" +
                                      url + "/s.css\"><script src=\"" + url + "/s.js\"></script></head><body><img src=\"" + url +
                                      "/i.png\"><iframe src=\"" + url + "/f\"></iframe><p>text</p></body></html>",
       "ok"},
  };
  run_group("html-generated", cases, true);
  EXPECT_EQ(listener.connections(), 0) << "the HTML reader reached the network";
}

TEST(ReliabilityMarkup, DocxCases) {
  if (python().empty()) GTEST_SKIP() << "python3 is needed to make the DOCX files";
  Listener listener;
  ASSERT_GT(listener.port(), 0);
  std::vector<MarkupCase> cases = committed_cases("docx", true);
  TempDir temp;
  std::string out = temp.file("xxe-http.docx");
  ProcessResult made = run_process(python(), {source_dir() + "/tests/unit/readers/make_docx.py", "xxe", out, std::to_string(listener.port())});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  cases.push_back({"xxe-http.docx", read_file(out), "reader/unexpanded-entity"});
  run_group("docx", cases, false);
  EXPECT_EQ(listener.connections(), 0) << "an external entity in document.xml was fetched";
}

}  // namespace
}  // namespace marginalia::testing
