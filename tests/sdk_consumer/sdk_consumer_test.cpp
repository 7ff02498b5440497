// SPDX-License-Identifier: MIT
// The installed SDK as a third party sees it. build_outside.cmake (the CTest fixture
// `sdk_consumer`) has installed this build into work/prefix and built, against that prefix only,
// docs/examples/hello_plugin and plugins/acronyms, then installed both there. Everything here
// runs the installed marginalia: it must list and load the outside plugins (in its worker
// processes), apply their options from a marginalia.json, and report exactly what their
// fixtures expect.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "plugin_test/fixture_file.hpp"
#include "marginalia/sdk/version.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_paths.hpp"

namespace marginalia::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using plugin_test::ExpectedFinding;
using plugin_test::fixture_test_name;
using plugin_test::FixtureFile;
using plugin_test::parse_fixture;

std::string prefix() { return std::string(MARGINALIA_SDK_WORK) + "/prefix"; }
std::string installed_marginalia() { return prefix() + "/bin/marginalia"; }
std::string installed_plugins() { return prefix() + "/lib/marginalia/plugins"; }

// The outside plugins: id and source folder.
const std::vector<std::pair<std::string, std::string>>& outside_plugins() {
  static const std::vector<std::pair<std::string, std::string>> plugins = {{"hello", "docs/examples/hello_plugin"},
                                                                           {"acronyms", "plugins/acronyms"}};
  return plugins;
}

ProcessResult run_installed(const std::vector<std::string>& args) {
  return run_process(installed_marginalia(), args, 120, {"MARGINALIA_PLUGIN_PATH="});
}

void require_prefix() {
  if (!fs::exists(installed_marginalia()))
    GTEST_SKIP() << "no installed marginalia in " << prefix() << ": run through ctest (the sdk_consumer_build_outside fixture builds it)";
}

TEST(SdkConsumer, InstallHoldsTheBinaryThePluginsAndOnlyTheSdkHeaders) {
  require_prefix();
  for (const char* file : {"bin/marginalia", "lib/marginalia/marginalia-worker", "include/marginalia/sdk/sdk.hpp", "include/marginalia/sdk/version.hpp",
                           "lib/cmake/marginalia-sdk/marginalia-sdkConfig.cmake", "lib/cmake/marginalia-sdk/marginalia-sdkConfigVersion.cmake",
                           "lib/cmake/marginalia-sdk/marginalia-sdkTargets.cmake", "lib/cmake/marginalia-sdk/MarginaliaPlugin.cmake",
                           "lib/marginalia/plugins/footnotes.so", "lib/marginalia/plugins/hello.so", "lib/marginalia/plugins/acronyms.so"})
    EXPECT_TRUE(fs::exists(prefix() + "/" + file)) << file;
  std::vector<std::string> headers;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(prefix() + "/include"))
    if (entry.is_regular_file()) headers.push_back(fs::relative(entry.path(), prefix() + "/include").string());
  for (const std::string& header : headers) EXPECT_EQ(header.rfind("marginalia/sdk/", 0), 0u) << header << " is not an SDK header";
}

TEST(SdkConsumer, ThePackageVersionIsTheSdkApiVersion) {
  require_prefix();
  std::string version = std::to_string(MARGINALIA_SDK_VERSION_MAJOR) + "." + std::to_string(MARGINALIA_SDK_VERSION_MINOR) + "." +
                        std::to_string(MARGINALIA_SDK_VERSION_PATCH);
  std::string file = read_file(prefix() + "/lib/cmake/marginalia-sdk/marginalia-sdkConfigVersion.cmake");
  EXPECT_NE(file.find("set(PACKAGE_VERSION \"" + version + "\")"), std::string::npos) << file.substr(0, 600);

  // A plugin written for the next major version must not configure against this SDK.
  TempDir project;
  project.write("CMakeLists.txt", "cmake_minimum_required(VERSION 3.20)\nproject(future LANGUAGES CXX)\nfind_package(marginalia-sdk " +
                                      std::to_string(MARGINALIA_SDK_VERSION_MAJOR + 1) + ".0 REQUIRED)\n");
  ProcessResult configure = run_process(MARGINALIA_CMAKE, {"-S", project.path(), "-B", project.file("build"), "-DCMAKE_PREFIX_PATH=" + prefix(),
                                                           "-DCMAKE_CXX_COMPILER=" + std::string(MARGINALIA_CXX_COMPILER)});
  EXPECT_NE(configure.exit_code, 0);
  EXPECT_NE(configure.err.find(version), std::string::npos) << configure.err;
}

TEST(SdkConsumer, TheInstalledBinaryListsTheOutsidePluginsWithTheirSchemas) {
  require_prefix();
  ProcessResult listed = run_installed({"plugins", "--json"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err << listed.out;
  json output = json::parse(listed.out);
  std::set<std::string> seen;
  for (const json& plugin : output["plugins"]) {
    std::string id = plugin["id"];
    seen.insert(id);
    EXPECT_EQ(plugin["api_version"], std::to_string(MARGINALIA_SDK_VERSION_MAJOR) + "." + std::to_string(MARGINALIA_SDK_VERSION_MINOR));
    EXPECT_EQ(fs::path(plugin["path"].get<std::string>()).parent_path(), fs::path(installed_plugins()));
    EXPECT_TRUE(plugin["options_schema"].is_object()) << id;
  }
  EXPECT_TRUE(seen.count("hello") && seen.count("acronyms") && seen.count("footnotes")) << listed.out.substr(0, 400);
  for (const json& plugin : output["plugins"]) {
    if (plugin["id"] == "hello") {
      EXPECT_TRUE(plugin["options_schema"]["properties"].contains("placeholders"));
    }
  }
}

TEST(SdkConsumer, AcronymsAcceptsTheSeedReportsDefinitionsAndReportsTheRest) {
  require_prefix();
  if (seed_report().empty()) GTEST_SKIP() << "../shared/seeds is absent";
  // acronyms/undefined is off by default (docs/accuracy.md): the seed report is checked with it on.
  TempDir temp;
  std::string config = temp.write("marginalia.json", R"({"plugins": {"acronyms": {"options": {"report_undefined": true}}}})");
  ProcessResult run = run_installed({"check", seed_report(), "--format", "json", "--offline", "--disable", "hello", "--config", config});
  json output = json::parse(run.out, nullptr, false);
  ASSERT_FALSE(output.is_discarded()) << run.err;
  EXPECT_EQ(output["complete"], true);
  std::set<std::string> undefined;
  for (const json& finding : output["findings"]) {
    if (finding["plugin"] != "acronyms") continue;
    std::string message = finding["message"];
    for (const char* accepted : {"OSCE", "OPCW", "SCO", "US", "EU", "NATO"})
      EXPECT_EQ(message.find("'" + std::string(accepted) + "'"), std::string::npos) << message;
    EXPECT_EQ(finding["code"], "acronyms/undefined") << message;
    std::size_t open = message.find('\''), close = message.find('\'', open + 1);
    undefined.insert(message.substr(open + 1, close - open - 1));
  }
  EXPECT_EQ(undefined, (std::set<std::string>{"AUKUS", "BRICS", "DPRK", "GMF", "MERICS", "QUAD", "START"}));
}

// Every fixture of the outside plugins, through the installed binary (so through its workers),
// options from a marginalia.json.
struct OutsideFixture {
  FixtureFile fixture;
  std::string id;
};

std::vector<OutsideFixture> outside_fixtures() {
  std::vector<OutsideFixture> all;
  for (const auto& [id, folder] : outside_plugins())
    for (const char* kind : {"valid", "invalid"}) {
      fs::path dir = fs::path(source_dir()) / folder / "tests" / kind;
      std::vector<std::string> files;
      std::error_code error;
      for (const fs::directory_entry& entry : fs::directory_iterator(dir, error))
        if (entry.is_regular_file() && entry.path().extension() != ".expect") files.push_back(entry.path().string());
      std::sort(files.begin(), files.end());
      for (const std::string& file : files) all.push_back({parse_fixture(file, id, std::string(kind) == "valid"), id});
    }
  return all;
}

void PrintTo(const OutsideFixture& outside, std::ostream* out) { *out << outside.fixture.path; }

class OutsidePluginFixture : public ::testing::TestWithParam<OutsideFixture> {};

TEST_P(OutsidePluginFixture, InstalledMarginaliaReportsExactlyTheExpectedFindings) {
  require_prefix();
  const FixtureFile& fixture = GetParam().fixture;
  ASSERT_TRUE(fixture.error.empty()) << fixture.path << ": " << fixture.error;
  TempDir temp;
  std::string input = temp.write(fs::path(fixture.path).filename().string(), fixture.input);
  // No --plugin-dir: the installed binary finds the plugins installed beside it.
  std::vector<std::string> args = {"check", input, "--format", "json", "--offline"};
  for (const auto& [id, folder] : outside_plugins())
    if (id != GetParam().id) args.insert(args.end(), {"--disable", id});
  json options = json::parse(fixture.options, nullptr, false);
  ASSERT_FALSE(options.is_discarded()) << fixture.path << ": options are not JSON";
  json config = {{"plugins", {{GetParam().id, {{"options", options}}}}}};
  args.insert(args.end(), {"--config", temp.write("marginalia.json", config.dump())});
  if (!fixture.document_date.empty()) args.insert(args.end(), {"--document-date", fixture.document_date});
  ProcessResult run = run_installed(args);
  json output = json::parse(run.out, nullptr, false);
  ASSERT_FALSE(output.is_discarded()) << fixture.path << ": " << run.err;

  std::vector<json> actual;
  for (const json& finding : output["findings"])
    if (finding["plugin"] == GetParam().id || finding["plugin"] == "host") actual.push_back(finding);
  std::vector<bool> used(actual.size(), false);
  std::string problems;
  for (const ExpectedFinding& expected : fixture.expected) {
    bool met = false;
    for (std::size_t i = 0; i < actual.size() && !met; ++i) {
      const json& f = actual[i];
      if (used[i] || f["line"] != expected.line || f["column"] != expected.column || f["code"] != expected.code) continue;
      if (f["message"].get<std::string>().find(expected.message_fragment) == std::string::npos) continue;
      used[i] = met = true;
    }
    if (!met)
      problems += "  expected but not reported: " + std::to_string(expected.line) + ":" + std::to_string(expected.column) + " " + expected.code +
                  " " + expected.message_fragment + "\n";
  }
  for (std::size_t i = 0; i < actual.size(); ++i)
    if (!used[i])
      problems += "  reported but not expected: " + actual[i]["line"].dump() + ":" + actual[i]["column"].dump() + " " +
                  actual[i]["code"].get<std::string>() + " " + actual[i]["message"].get<std::string>() + "\n";
  EXPECT_TRUE(problems.empty()) << fixture.path << ":\n" << problems;
}

INSTANTIATE_TEST_SUITE_P(Outside, OutsidePluginFixture, ::testing::ValuesIn(outside_fixtures()),
                         [](const ::testing::TestParamInfo<OutsideFixture>& info) { return fixture_test_name(info.param.fixture); });

// The docs-consistency rule of the shipped plugins, for the outside ones: each declared code has
// a README section and a failing fixture, each option a README section.
class OutsidePluginDocs : public ::testing::TestWithParam<std::pair<std::string, std::string>> {};

TEST_P(OutsidePluginDocs, CodesAndOptionsAreDocumentedAndCodesHaveFailingFixtures) {
  require_prefix();
  const auto& [id, folder] = GetParam();
  ProcessResult listed = run_installed({"plugins", "--json"});
  json output = json::parse(listed.out, nullptr, false);
  ASSERT_FALSE(output.is_discarded()) << listed.err;
  std::string readme = read_file(source_dir() + "/" + folder + "/README.md");
  std::set<std::string> failing;
  for (const OutsideFixture& outside : outside_fixtures())
    if (outside.id == id)
      for (const ExpectedFinding& expected : outside.fixture.expected) failing.insert(expected.code);
  bool found = false;
  for (const json& plugin : output["plugins"]) {
    if (plugin["id"] != id) continue;
    found = true;
    EXPECT_NE(readme.find(plugin["summary"].get<std::string>()), std::string::npos) << "the README repeats the summary";
    for (const json& code : plugin["codes"]) {
      std::string name = code["code"];
      EXPECT_NE(readme.find("\n### " + name + "\n"), std::string::npos) << name << " has no README section";
      EXPECT_TRUE(failing.count(name)) << name << " has no failing fixture";
    }
    for (const auto& [key, schema] : plugin["options_schema"]["properties"].items())
      EXPECT_NE(readme.find("\n### " + key + "\n"), std::string::npos) << "option " << key << " has no README section";
  }
  EXPECT_TRUE(found) << id << " is not installed";
}

INSTANTIATE_TEST_SUITE_P(Outside, OutsidePluginDocs, ::testing::ValuesIn(outside_plugins()),
                         [](const ::testing::TestParamInfo<std::pair<std::string, std::string>>& info) { return info.param.first; });

// `marginalia test-plugin` as a plugin author runs it: the installed binary finds the installed
// plugin that the folder's CMakeLists.txt names, and every fixture passes.
TEST(SdkConsumer, TestPluginPassesThePluginsOwnFixtures) {
  require_prefix();
  for (const auto& [id, folder] : outside_plugins()) {
    ProcessResult run = run_installed({"test-plugin", source_dir() + "/" + folder});
    EXPECT_EQ(run.exit_code, 0) << folder << "\n" << run.out << run.err;
    EXPECT_NE(run.out.find("testing " + id + " "), std::string::npos) << run.out;
    EXPECT_NE(run.out.find(" 0 differ, 0 could not run"), std::string::npos) << run.out;
  }
}

// A copy whose expectations are wrong fails with a unified diff of the expectation block (hunk
// lines are the file's own), and --update rewrites the block so that the copy passes again.
TEST(SdkConsumer, TestPluginShowsADiffAndUpdateFixesTheExpectations) {
  require_prefix();
  TempDir temp;
  fs::path copy = fs::path(temp.path()) / "acronyms";
  fs::copy(source_dir() + "/plugins/acronyms", copy, fs::copy_options::recursive);
  // A fixture without an options line, so that the hunk starts at the changed line.
  const std::string broken = (copy / "tests/invalid/defined-twice-differently.txt").string();
  std::string text = read_file(broken);
  std::size_t block = text.find("%%% expect\n");
  ASSERT_NE(block, std::string::npos);
  std::size_t first = text.find_first_of("0123456789", block);
  std::size_t line_end = text.find('\n', first);
  std::string original_line = text.substr(first, line_end - first);
  // Expect the first finding one column later than the plugin reports it.
  std::size_t colon = original_line.find(':'), space = original_line.find(' ');
  std::string column = original_line.substr(colon + 1, space - colon - 1);
  std::string moved = original_line.substr(0, colon + 1) + std::to_string(std::stoul(column) + 1) + original_line.substr(space);
  text.replace(first, original_line.size(), moved);
  std::ofstream(broken, std::ios::binary) << text;
  std::size_t line_number = static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<long>(first), '\n')) + 1;

  ProcessResult failing = run_installed({"test-plugin", copy.string()});
  EXPECT_EQ(failing.exit_code, 1) << failing.out << failing.err;
  EXPECT_NE(failing.out.find("--- " + broken + "\n+++ " + broken + " (reported)\n"), std::string::npos) << failing.out;
  EXPECT_NE(failing.out.find("\n-" + moved + "\n"), std::string::npos) << failing.out;
  EXPECT_NE(failing.out.find("\n+" + original_line.substr(0, space)), std::string::npos) << failing.out;
  EXPECT_NE(failing.out.find("@@ -" + std::to_string(line_number)), std::string::npos) << failing.out;
  EXPECT_NE(failing.out.find("1 differ"), std::string::npos) << failing.out;

  ProcessResult update = run_installed({"test-plugin", copy.string(), "--update"});
  EXPECT_EQ(update.exit_code, 0) << update.out << update.err;
  EXPECT_NE(update.out.find(broken + ": updated"), std::string::npos) << update.out;
  ProcessResult again = run_installed({"test-plugin", copy.string()});
  EXPECT_EQ(again.exit_code, 0) << again.out << again.err;
  // Only the wrong line changed: the rest of the file, input and other expectations, is as it was.
  std::string updated = read_file(broken);
  EXPECT_EQ(updated.substr(0, first), text.substr(0, first));
  EXPECT_EQ(updated.find(moved), std::string::npos);
}

// marginalia_add_plugin checks options.schema.json at build time: a schema that is not a valid
// JSON Schema fails the plugin's build, naming the file and the keyword.
TEST(SdkConsumer, ABadOptionsSchemaFailsThePluginsBuild) {
  require_prefix();
  TempDir temp;
  fs::path project = fs::path(temp.path()) / "hello";
  fs::copy(source_dir() + "/docs/examples/hello_plugin", project, fs::copy_options::recursive);
  std::ofstream(project / "options.schema.json", std::ios::binary | std::ios::trunc)
      << R"({"type": "object", "properties": {"placeholders": {"type": "list"}}})" << "\n";
  std::string build = temp.file("build");
  ProcessResult configure = run_process(MARGINALIA_CMAKE, {"-S", project.string(), "-B", build, "-DCMAKE_PREFIX_PATH=" + prefix(),
                                                           "-DCMAKE_CXX_COMPILER=" + std::string(MARGINALIA_CXX_COMPILER)});
  ASSERT_EQ(configure.exit_code, 0) << configure.out << configure.err;
  ProcessResult built = run_process(MARGINALIA_CMAKE, {"--build", build}, 300);
  EXPECT_NE(built.exit_code, 0) << built.out;
  std::string said = built.out + built.err;
  EXPECT_NE(said.find("options.schema.json: /properties/placeholders/type: not a valid JSON Schema: expected a type name"), std::string::npos)
      << said;
  EXPECT_FALSE(fs::exists(fs::path(build) / "hello.so"));
}


// The guide, followed literally: in a fresh folder with an empty $HOME, where `marginalia/build`
// is this build tree (section 1 starts from a built tree), every file it quotes from
// docs/examples/hello_plugin is written from the quote (not copied from the tree), every
// ```sh test-step block runs in order with bash — section 1's install into $HOME/.local first,
// so every later step uses what the guide installed — and its exit status and standard output
// must be what the guide says (exit=N on the fence; a ```text output block right after it).
struct GuideBlock {
  std::string info;       // the fence's info string: "sh test-step exit=1", "text output", "cpp"…
  std::string file;       // the path of a `<!-- file: PATH -->` quote, else empty
  std::string body;
};

std::vector<GuideBlock> guide_blocks(const std::string& guide) {
  std::vector<GuideBlock> blocks;
  std::size_t at = 0;
  std::string previous_line;
  while (at < guide.size()) {
    std::size_t end = guide.find('\n', at);
    if (end == std::string::npos) end = guide.size();
    std::string line = guide.substr(at, end - at);
    at = end + 1;
    if (line.rfind("```", 0) != 0) {
      if (!line.empty()) previous_line = line;
      continue;
    }
    std::size_t ticks = line.find_first_not_of('`');
    if (ticks == std::string::npos) ticks = line.size();
    GuideBlock block;
    block.info = line.substr(ticks);
    const std::string marker = "<!-- file: ";
    if (previous_line.rfind(marker, 0) == 0) block.file = previous_line.substr(marker.size(), previous_line.find(" -->") - marker.size());
    const std::string fence(ticks, '`');
    while (at < guide.size()) {
      std::size_t stop = guide.find('\n', at);
      if (stop == std::string::npos) stop = guide.size();
      std::string inner = guide.substr(at, stop - at);
      at = stop + 1;
      if (inner == fence) break;
      block.body += inner + "\n";
    }
    blocks.push_back(block);
    previous_line.clear();
  }
  return blocks;
}

TEST(SdkConsumer, TheGuideWorksAsWritten) {
  require_prefix();
  std::vector<GuideBlock> blocks = guide_blocks(read_file(source_dir() + "/docs/writing-a-plugin.md"));
  TempDir work;
  fs::path home = fs::path(work.path()) / "home";
  fs::create_directories(home);
  fs::create_directories(fs::path(work.path()) / "marginalia");
  fs::create_directory_symlink(MARGINALIA_BUILD_DIR, fs::path(work.path()) / "marginalia" / "build");
  const std::string example = "docs/examples/hello_plugin/";
  const char* path = std::getenv("PATH");
  std::vector<std::string> env = {"HOME=" + home.string(), "PATH=" + (home / ".local/bin").string() + ":" + (path ? path : "/usr/bin:/bin"),
                                  "MARGINALIA_PLUGIN_PATH=", "NO_COLOR=1"};
  int files = 0, steps = 0, outputs = 0;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const GuideBlock& block = blocks[i];
    if (block.file.rfind(example, 0) == 0) {
      fs::path target = fs::path(work.path()) / "hello_plugin" / block.file.substr(example.size());
      fs::create_directories(target.parent_path());
      std::ofstream(target, std::ios::binary) << block.body;
      ++files;
      continue;
    }
    if (block.info.rfind("sh test-step", 0) != 0) continue;
    int expected_exit = 0;
    if (std::size_t exit = block.info.find("exit="); exit != std::string::npos) expected_exit = std::stoi(block.info.substr(exit + 5));
    ProcessResult run = run_process("/bin/bash", {"-euo", "pipefail", "-c", block.body}, 600, env, work.path());
    ++steps;
    ASSERT_EQ(run.exit_code, expected_exit) << "step " << steps << ":\n" << block.body << "printed:\n" << run.out << run.err;
    if (i + 1 < blocks.size() && blocks[i + 1].info == "text output") {
      EXPECT_EQ(run.out, blocks[i + 1].body) << "step " << steps << ":\n" << block.body;
      ++outputs;
    }
  }
  EXPECT_GE(files, 7);
  EXPECT_GE(steps, 7);
  EXPECT_GE(outputs, 6);
  // The steps ran the marginalia the guide installed, not one from elsewhere on the PATH.
  EXPECT_TRUE(fs::is_regular_file(home / ".local/bin/marginalia"));
}

// docs/writing-a-plugin.md quotes the example's files; each quote must be the file itself. A
// quote is a fenced block right after a line `<!-- file: PATH -->`.
TEST(SdkConsumer, TheGuideQuotesTheExampleFilesVerbatim) {
  std::string guide = read_file(source_dir() + "/docs/writing-a-plugin.md");
  ASSERT_FALSE(guide.empty());
  const std::string marker = "<!-- file: ";
  int quotes = 0;
  for (std::size_t at = guide.find(marker); at != std::string::npos; at = guide.find(marker, at + 1)) {
    std::size_t end = guide.find(" -->", at);
    std::string path = guide.substr(at + marker.size(), end - at - marker.size());
    // The fence may be longer than three backticks when the file itself holds a fence.
    std::size_t fence = guide.find("```", end);
    std::size_t ticks = guide.find_first_not_of('`', fence) - fence;
    std::size_t body = guide.find('\n', fence) + 1;
    std::size_t close = guide.find("\n" + std::string(ticks, '`') + "\n", body);
    ASSERT_NE(close, std::string::npos) << path;
    EXPECT_EQ(guide.substr(body, close + 1 - body), read_file(source_dir() + "/" + path)) << path << " differs from its quote in the guide";
    ++quotes;
  }
  EXPECT_GE(quotes, 4);
}

}  // namespace
}  // namespace marginalia::testing
