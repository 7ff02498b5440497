// SPDX-License-Identifier: MIT
// Bad inputs get a clear error naming the file (and the byte offset of an encoding error), exit
// 2, and the other files of the run are still checked.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_paths.hpp"

namespace marginalia::testing {
namespace {

struct BadInput {
  const char* name;
  std::string contents;
  const char* code;
  const char* message;
};

TEST(BadInput, EachBadFileIsNamedAndTheGoodFileIsStillChecked) {
  TempDir temp;
  std::vector<BadInput> cases = {
      {"empty.txt", "", "reader/empty-file", "the file is empty"},
      {"blank.md", " \n\t\n", "reader/empty-file", "only white space"},
      {"latin1.txt", "Caf\xE9 au lait\nsecond line\n", "reader/invalid-utf8", "invalid UTF-8 at byte 3"},
      {"binary.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "reader/binary-file", "binary (PNG image)"},
      {"nuls.txt", std::string(4000, '\0') + "text", "reader/binary-file", "binary"},
      {"utf16.txt", std::string("\xFF\xFEh\0i\0", 6), "reader/unsupported-encoding", "UTF-16"},
  };
  std::vector<std::string> args = {"check", "--format", "json", "--offline", "--no-cache"};
  for (const BadInput& c : cases) args.push_back(temp.write(c.name, c.contents));
  std::string folder = temp.file("a-folder");
  std::filesystem::create_directory(folder);
  args.push_back(folder);
  args.push_back(temp.file("missing.txt"));
  std::string good = temp.write("good.txt", "Title\n\nA claim.1\n");
  args.push_back(good);

  ProcessResult result = run_marginalia(args);
  EXPECT_EQ(result.exit_code, 2) << "unreadable input makes the run incomplete";
  nlohmann::json report = nlohmann::json::parse(result.out);
  // A folder is walked (docs/user-guide.md), so an empty one adds no file but is named on stderr.
  EXPECT_NE(result.err.find(folder + " holds no file of a known format"), std::string::npos) << result.err;
  ASSERT_EQ(report["files"].size(), cases.size() + 2);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const nlohmann::json& file = report["files"][i];
    EXPECT_EQ(file["path"], temp.file(cases[i].name));
    EXPECT_EQ(file["error"]["code"], cases[i].code) << cases[i].name;
    EXPECT_NE(file["error"]["message"].get<std::string>().find(cases[i].message), std::string::npos) << file.dump();
  }
  EXPECT_EQ(report["files"][2]["error"]["byte_offset"], 3);
  EXPECT_EQ(report["files"][2]["error"]["line"], 1);
  EXPECT_EQ(report["files"][2]["error"]["column"], 4);
  EXPECT_EQ(report["files"][cases.size()]["error"]["code"], "reader/not-found");
  EXPECT_EQ(report["files"][cases.size() + 1]["finding_count"], 1) << "the good file after the bad ones is still checked";
}

TEST(BadInput, TerminalErrorNamesTheFileLineColumnAndCode) {
  TempDir temp;
  std::string path = temp.write("notes.txt", "fine line\nbad \xC3\x28 byte\n");
  ProcessResult result = run_marginalia({"check", path, "--offline", "--no-cache"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.out.find(path + ":2:5: error: invalid UTF-8 at byte 14"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("[reader/invalid-utf8]"), std::string::npos);
}

TEST(BadInput, ControlCharactersAreReplacedReportedAndNothingAfterThemIsLost) {
  TempDir temp;
  static const char kText[] = "Title\n\nBefore\x1b[31m and a NUL \0 then the rest.1\n";
  std::string path = temp.write("controls.txt", std::string(kText, sizeof kText - 1));
  std::string tei = temp.file("out.xml");
  ProcessResult result = run_marginalia({"check", path, "--format", "json", "--tei", tei, "--offline", "--no-cache"});
  nlohmann::json report = nlohmann::json::parse(result.out);
  bool warned = false;
  for (const auto& f : report["findings"]) warned = warned || f["code"] == "reader/control-character";
  EXPECT_TRUE(warned) << result.out;
  std::string xml = read_file(tei);
  EXPECT_NE(xml.find("then the rest"), std::string::npos) << "no byte after a NUL is lost";
  EXPECT_EQ(xml.find('\x1b'), std::string::npos);
}

}  // namespace
}  // namespace marginalia::testing
