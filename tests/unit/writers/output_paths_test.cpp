// SPDX-License-Identifier: MIT
#include "writers/output_paths.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "support/temp_dir.hpp"

namespace marginalia::writers {
namespace {

using marginalia::testing::TempDir;

TEST(OutputPaths, TwoInputsWithOneNameKeepTheirFoldersUnderTheOutputFolder) {
  std::vector<std::string> paths = output_paths_under("out", {"d1/report.md", "d2/report.md"}, ".tei.xml");
  ASSERT_EQ(paths.size(), 2u);
  EXPECT_EQ(paths[0], "out/d1/report.md.tei.xml");
  EXPECT_EQ(paths[1], "out/d2/report.md.tei.xml");
}

TEST(OutputPaths, InputsOfOneFolderKeepFlatNames) {
  EXPECT_EQ(output_paths_under("out", {"a.md", "b.txt"}, ".tei.xml"), (std::vector<std::string>{"out/a.md.tei.xml", "out/b.txt.tei.xml"}));
  EXPECT_EQ(output_paths_under("out", {"/srv/reports/a.md", "/srv/reports/b.md"}, ".tei.xml"),
            (std::vector<std::string>{"out/a.md.tei.xml", "out/b.md.tei.xml"}));
  EXPECT_EQ(output_paths_under("out", {"../x/a.md", "../x/sub/a.md"}, ".tei.xml"),
            (std::vector<std::string>{"out/a.md.tei.xml", "out/sub/a.md.tei.xml"}));
}

TEST(OutputPaths, AnOutputThatIsAnInputIsFoundByInodeWhateverItsSpelling) {
  TempDir temp;
  std::string input = temp.write("report.txt", "Title\n\nBody.\n");
  std::string other = temp.write("other.txt", "x");
  std::filesystem::create_symlink(input, temp.file("link.txt"));
  ASSERT_EQ(::link(input.c_str(), temp.file("hard.txt").c_str()), 0);
  EXPECT_NE(output_overwriting_input({input}, {input}).find("the same file"), std::string::npos);
  EXPECT_NE(output_overwriting_input({temp.path() + "/./report.txt"}, {input}), "");
  EXPECT_NE(output_overwriting_input({temp.file("link.txt")}, {input}), "");
  EXPECT_NE(output_overwriting_input({temp.file("hard.txt")}, {input}), "");
  EXPECT_EQ(output_overwriting_input({other, "-", "", temp.file("new.json")}, {input}), "");
}

}  // namespace
}  // namespace marginalia::writers
