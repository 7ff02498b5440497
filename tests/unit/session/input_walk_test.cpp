// SPDX-License-Identifier: MIT
#include "session/input_walk.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <initializer_list>

#include "support/temp_dir.hpp"

namespace marginalia::session {
namespace {

using testing::TempDir;
namespace fs = std::filesystem;

std::vector<std::string> relative_paths(const InputList& list, const TempDir& temp) {
  std::vector<std::string> out;
  for (const std::string& path : list.paths) out.push_back(fs::path(path).lexically_relative(temp.path()).string());
  return out;
}

// A git repository in `temp` with this .gitignore and these files (each holding "x").
void make_repository(const TempDir& temp, const std::string& gitignore, std::initializer_list<const char*> files) {
  fs::create_directory(temp.file(".git"));
  temp.write(".gitignore", gitignore);
  for (const char* file : files) temp.write(file, "x");
}

// What a walk from `start` yields, relative to `temp`; nothing (and a failure) when it fails.
std::vector<std::string> walked(const TempDir& temp, const std::string& start) {
  util::Result<InputList> list = expand_inputs({start});
  EXPECT_TRUE(list);
  return list ? relative_paths(*list, temp) : std::vector<std::string>{};
}

TEST(InputWalk, AFolderYieldsItsKnownFormatsSortedSkippingHiddenAndGitignored) {
  TempDir temp;
  make_repository(temp, "drafts/\n*.tmp.md\n",
                  {"reports/b.md", "reports/a.txt", "reports/sub/c.html", "reports/d.tmp.md", "reports/picture.png", "reports/.cache/e.md",
                   "drafts/f.md"});
  EXPECT_EQ(walked(temp, temp.path()), (std::vector<std::string>{"reports/a.txt", "reports/b.md", "reports/sub/c.html"}));
}

TEST(InputWalk, AParentGitignoreOfTheRepositoryAppliesToASubfolder) {
  TempDir temp;
  make_repository(temp, "generated/\n", {"docs/generated/a.md", "docs/b.md"});
  EXPECT_EQ(walked(temp, temp.file("docs")), (std::vector<std::string>{"docs/b.md"}));
}

TEST(InputWalk, TheNearestConfigurationsIgnoreGlobsApplyPerFolder) {
  TempDir temp;
  temp.write("marginalia.json", R"({"ignore": ["archive/**"]})");
  temp.write("archive/old.md", "x");
  temp.write("team/marginalia.json", R"({"ignore": ["*.txt"]})");
  temp.write("team/notes.txt", "x");
  temp.write("team/report.md", "x");
  temp.write("top.txt", "x");
  util::Result<InputList> list = expand_inputs({temp.path()});
  ASSERT_TRUE(list);
  EXPECT_EQ(relative_paths(*list, temp), (std::vector<std::string>{"team/report.md", "top.txt"}));
}

TEST(InputWalk, SymlinksLeavingTheTreeAreNotFollowedAndSaySo) {
  TempDir temp;
  temp.write("outside/secret.md", "x");
  temp.write("tree/own.md", "x");
  fs::create_symlink(temp.file("outside/secret.md"), temp.file("tree/link.md"));
  fs::create_directory_symlink(temp.file("outside"), temp.file("tree/out"));
  fs::create_symlink(temp.file("tree/own.md"), temp.file("tree/alias.md"));
  util::Result<InputList> list = expand_inputs({temp.file("tree")});
  ASSERT_TRUE(list);
  EXPECT_EQ(relative_paths(*list, temp), (std::vector<std::string>{"tree/alias.md", "tree/own.md"}));
  ASSERT_EQ(list->notices.size(), 2u);
  EXPECT_EQ(list->notices[0].code, "input/symlink-outside");
}

TEST(InputWalk, GlobsMatchLikeAShellAndDoubleStarCrossesFolders) {
  TempDir temp;
  temp.write("reports/a.md", "x");
  temp.write("reports/2024/b.md", "x");
  temp.write("reports/2024/c.txt", "x");
  temp.write("other/d.md", "x");
  util::Result<InputList> deep = expand_inputs({temp.file("reports/**/*.md")});
  ASSERT_TRUE(deep);
  EXPECT_EQ(relative_paths(*deep, temp), (std::vector<std::string>{"reports/2024/b.md", "reports/a.md"}));
  util::Result<InputList> shallow = expand_inputs({temp.file("reports/*.md")});
  ASSERT_TRUE(shallow);
  EXPECT_EQ(relative_paths(*shallow, temp), (std::vector<std::string>{"reports/a.md"})) << "* stays within one folder";
  util::Result<InputList> none = expand_inputs({temp.file("reports/*.docx")});
  ASSERT_FALSE(none);
  EXPECT_EQ(none.problems()[0].code, "input/no-match");
}

TEST(InputWalk, NamedFilesStayAsGivenInOrderWithoutDuplicates) {
  TempDir temp;
  std::string b = temp.write("b.rst", "x");
  std::string a = temp.write("a.md", "x");
  util::Result<InputList> list = expand_inputs({b, a, temp.path() + "/./b.rst", "-"});
  ASSERT_TRUE(list);
  EXPECT_EQ(list->paths, (std::vector<std::string>{b, a, "-"})) << "a named file of unknown format is still checked";
}

TEST(InputWalk, TheSameFolderGivesTheSameOrderWhateverTheCreationOrder) {
  TempDir one, two;
  for (const char* name : {"z.md", "a/b.md", "m.txt", "a.md"}) one.write(name, "x");
  for (const char* name : {"a.md", "m.txt", "a/b.md", "z.md"}) two.write(name, "x");
  EXPECT_EQ(relative_paths(*expand_inputs({one.path()}), one), relative_paths(*expand_inputs({two.path()}), two));
}

}  // namespace
}  // namespace marginalia::session
