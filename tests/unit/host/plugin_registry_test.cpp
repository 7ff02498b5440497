// SPDX-License-Identifier: MIT
#include "host/plugin_registry.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>

namespace marginalia::host {
namespace {

// Sets MARGINALIA_PLUGIN_PATH for one test and puts back what was there.
class PluginPathVariable {
 public:
  explicit PluginPathVariable(const char* value) {
    if (const char* old = std::getenv("MARGINALIA_PLUGIN_PATH")) old_ = old;
    if (value)
      ::setenv("MARGINALIA_PLUGIN_PATH", value, 1);
    else
      ::unsetenv("MARGINALIA_PLUGIN_PATH");
  }
  ~PluginPathVariable() {
    if (old_)
      ::setenv("MARGINALIA_PLUGIN_PATH", old_->c_str(), 1);
    else
      ::unsetenv("MARGINALIA_PLUGIN_PATH");
  }

 private:
  std::optional<std::string> old_;
};

TEST(PluginDirectories, SearchesPluginDirsThenThePluginPathThenTheInstalledFolder) {
  PluginPathVariable path("/opt/house-plugins:/home/ed/plugins");
  PluginSearch search;
  search.extra_dirs = {"/tmp/from-the-command-line"};
  std::vector<std::string> expected = {"/tmp/from-the-command-line", "/opt/house-plugins", "/home/ed/plugins", default_plugin_directory()};
  EXPECT_EQ(plugin_directories(search), expected);
}

TEST(PluginDirectories, SkipsEmptyEntriesOfThePluginPath) {
  // An empty entry would mean the current folder to a shell's PATH; a plugin path must never
  // load libraries from wherever marginalia happens to be run.
  PluginPathVariable path(":/opt/house-plugins::");
  PluginSearch search;
  search.use_default_dir = false;
  EXPECT_EQ(plugin_directories(search), std::vector<std::string>{"/opt/house-plugins"});
}

TEST(PluginDirectories, IgnoresThePluginPathWhenTheSearchSaysSo) {
  PluginPathVariable path("/opt/house-plugins");
  PluginSearch search;
  search.use_environment = false;
  search.use_default_dir = false;
  EXPECT_TRUE(plugin_directories(search).empty());
}

TEST(PluginDirectories, TheInstalledFolderIsRelativeToTheRunningBinary) {
  // <bin>/../lib/marginalia/plugins: the same rule in the build tree, a prefix and a package.
  std::string dir = default_plugin_directory();
  const std::string tail = "/lib/marginalia/plugins";
  ASSERT_GT(dir.size(), tail.size()) << dir;
  EXPECT_EQ(dir.substr(dir.size() - tail.size()), tail) << dir;
}

}  // namespace
}  // namespace marginalia::host
