// SPDX-License-Identifier: MIT
// The plugin host against real shared libraries: version refusal, non-plugins, a throwing
// plugin and a plugin with bad output, next to the shipped footnotes plugin.
#include <gtest/gtest.h>

#include "host/plugin_registry.hpp"
#include "pipeline/pipeline.hpp"
#include "readers/reader_registry.hpp"
#include "support/test_paths.hpp"

namespace marginalia::testing {
namespace {

const std::string kTestPlugins = MARGINALIA_TEST_PLUGIN_DIR;

TEST(PluginLoader, RefusesAPluginBuiltForAnotherMajorVersionNamingTheFileAndBothVersions) {
  host::LoadResult result = host::load_plugin(kTestPlugins + "/future_api.so");
  ASSERT_TRUE(result.problem());
  EXPECT_EQ(result.problem()->code, "host/plugin-incompatible");
  EXPECT_EQ(result.problem()->path, kTestPlugins + "/future_api.so");
  EXPECT_NE(result.problem()->message.find("built for plugin API 2.0"), std::string::npos) << result.problem()->message;
  EXPECT_NE(result.problem()->message.find("provides API 1.1"), std::string::npos) << result.problem()->message;
}

TEST(PluginLoader, RefusesAPluginBuiltForANewerMinorVersion) {
  host::LoadResult result = host::load_plugin(kTestPlugins + "/newer_minor.so");
  ASSERT_TRUE(result.problem());
  EXPECT_EQ(result.problem()->code, "host/plugin-incompatible");
  EXPECT_NE(result.problem()->message.find("1.99"), std::string::npos) << result.problem()->message;
}

TEST(PluginLoader, SaysClearlyWhenALibraryIsNotAPlugin) {
  host::LoadResult result = host::load_plugin(kTestPlugins + "/not_a_plugin.so");
  ASSERT_TRUE(result.problem());
  EXPECT_EQ(result.problem()->code, "host/not-a-plugin");
  EXPECT_NE(result.problem()->message.find("marginalia_plugin_abi"), std::string::npos);
}

TEST(PluginLoader, SaysClearlyWhenAFileIsNotASharedLibrary) {
  host::LoadResult result = host::load_plugin(source_dir() + "/samples/README.md");
  ASSERT_TRUE(result.problem());
  EXPECT_TRUE(result.problem()->code == "host/not-a-plugin" || result.problem()->code == "host/plugin-load-failed") << result.problem()->code;
}

TEST(PluginRegistry, GoesOnLoadingPastRefusedLibraries) {
  host::PluginSearch search;
  search.extra_dirs = {kTestPlugins};
  search.use_environment = false;
  host::PluginRegistry registry = host::PluginRegistry::discover(search);
  EXPECT_TRUE(registry.find("footnotes"));
  EXPECT_TRUE(registry.find("throwing"));
  EXPECT_FALSE(registry.find("future_api"));
  EXPECT_GE(registry.problems().size(), 3u);
}

class HostWithFaultyPlugins : public ::testing::Test {
 protected:
  merge::DocumentReport check_sample(const std::vector<std::string>& libraries) {
    host::PluginRegistry registry;
    for (const std::string& library : libraries) registry.load(library);
    readers::ReadResult read = readers::read_document(source_dir() + "/samples/report-with-footnote-defects.txt", {});
    EXPECT_TRUE(read.document);
    pipeline::RunOptions options;
    options.context.fetch = &offline_;
      return pipeline::Pipeline(registry, options).check_document(std::move(*read.document));
  }
  static std::vector<std::string> codes_of(const merge::DocumentReport& report, const std::string& plugin) {
    std::vector<std::string> out;
    for (const merge::ReportedFinding& f : report.findings)
      if (f.plugin == plugin) out.push_back(f.id + " " + f.finding.code + " " + f.finding.message);
    return out;
  }
  net::OfflineFetchService offline_;
};

TEST_F(HostWithFaultyPlugins, AnExceptionFromAPluginBecomesOneFindingAndCostsOnlyItsOwnResults) {
  merge::DocumentReport alone = check_sample({plugin_dir() + "/footnotes.so"});
  merge::DocumentReport with_thrower = check_sample({plugin_dir() + "/footnotes.so", kTestPlugins + "/throwing.so"});
  EXPECT_EQ(codes_of(alone, "footnotes"), codes_of(with_thrower, "footnotes"));
  EXPECT_TRUE(codes_of(with_thrower, "throwing").empty()) << "partial findings of a failed plugin must be discarded";
  std::vector<std::string> host_findings = codes_of(with_thrower, "host");
  ASSERT_EQ(host_findings.size(), 1u);
  EXPECT_NE(host_findings[0].find("host/plugin-failed"), std::string::npos);
  EXPECT_NE(host_findings[0].find("plugin 'throwing'"), std::string::npos);
  EXPECT_NE(host_findings[0].find("the test plugin always throws"), std::string::npos);
  EXPECT_FALSE(with_thrower.complete);
  EXPECT_TRUE(alone.complete);
}

TEST_F(HostWithFaultyPlugins, OutputOutsideTheTextIsDroppedWholeNeverHalfMerged) {
  merge::DocumentReport report = check_sample({plugin_dir() + "/footnotes.so", kTestPlugins + "/bad_span.so"});
  EXPECT_TRUE(codes_of(report, "bad_span").empty());
  std::vector<std::string> host_findings = codes_of(report, "host");
  ASSERT_EQ(host_findings.size(), 1u);
  EXPECT_NE(host_findings[0].find("host/plugin-bad-output"), std::string::npos);
  EXPECT_NE(host_findings[0].find("past the text"), std::string::npos) << host_findings[0];
}

}  // namespace
}  // namespace marginalia::testing
