// SPDX-License-Identifier: MIT
// Options that name files ("format": "path") are made absolute against the configuration's
// folder, so a plugin finds them from any working directory and in worker processes.
#include "config/plugin_options.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace marginalia::config {
namespace {

const char* kSchema = R"({"type": "object", "properties": {
  "styles": {"type": "array", "items": {"type": "string", "format": "path"}},
  "dictionary": {"type": "string", "format": "path"},
  "words": {"type": "array", "items": {"type": "string"}}}})";

TEST(ResolvePathOptions, MakesRelativePathsAbsoluteAgainstTheConfigurationFolder) {
  nlohmann::json options = {{"styles", {"styles/house", "/etc/styles/legal", "../shared"}}, {"dictionary", "words.txt"}, {"words", {"a/b"}}};
  nlohmann::json resolved = resolve_path_options(kSchema, options, "/home/editor/reports");
  EXPECT_EQ(resolved["styles"], nlohmann::json({"/home/editor/reports/styles/house", "/etc/styles/legal", "/home/editor/shared"}));
  EXPECT_EQ(resolved["dictionary"], "/home/editor/reports/words.txt");
  EXPECT_EQ(resolved["words"], nlohmann::json({"a/b"})) << "a string without format 'path' is left as written";
}

TEST(ResolvePathOptions, LeavesOptionsOfOtherShapesAlone) {
  nlohmann::json options = {{"styles", 5}};
  EXPECT_EQ(resolve_path_options(kSchema, options, "/x"), options);
  EXPECT_EQ(resolve_path_options("not json", {{"dictionary", "a"}}, "/x"), nlohmann::json({{"dictionary", "a"}}));
}

}  // namespace
}  // namespace marginalia::config
