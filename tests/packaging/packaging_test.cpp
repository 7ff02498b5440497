// SPDX-License-Identifier: MIT
// The Debian packages, unpacked by build_packages.cmake (the CTest fixture `packaging`) into
// work/root as dpkg would install them under /. Every run here uses that tree only, with
// MARGINALIA_PLUGIN_PATH cleared: the binary must find its worker, its plugins and a third-party
// plugin package's library relative to itself, and the packages must say what they need.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "marginalia/sdk/version.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_paths.hpp"

namespace marginalia::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string work() { return MARGINALIA_PACKAGING_WORK; }
std::string root() { return work() + "/root"; }
std::string usr() { return root() + "/usr"; }
std::string packaged_marginalia() { return usr() + "/bin/marginalia"; }

void require_tree() {
  if (!fs::exists(packaged_marginalia()))
    GTEST_SKIP() << "no unpacked package in " << root() << ": run through ctest (the packaging_build_debs fixture builds it)";
}

ProcessResult run_packaged(const std::vector<std::string>& args, const std::string& cwd = "", const std::string& plugin_path = "") {
  return run_process(packaged_marginalia(), args, 120, {"MARGINALIA_PLUGIN_PATH=" + plugin_path, "NO_COLOR=1"}, cwd);
}

// The one .deb in `folder` whose name starts with `name_`.
std::string deb(const std::string& folder, const std::string& name) {
  std::string found;
  for (const fs::directory_entry& entry : fs::directory_iterator(work() + "/" + folder))
    if (entry.path().filename().string().rfind(name + "_", 0) == 0 && entry.path().extension() == ".deb") found = entry.path().string();
  return found;
}

std::string control_field(const std::string& package, const std::string& field) {
  ProcessResult fields = run_process(MARGINALIA_DPKG_DEB, {"-f", package, field});
  EXPECT_EQ(fields.exit_code, 0) << fields.err;
  std::string value = fields.out;
  while (!value.empty() && value.back() == '\n') value.pop_back();
  return value;
}

// "a (>= 1), b | c, d" → {"a (>= 1)", "b | c", "d"}
std::vector<std::string> relations(const std::string& field) {
  std::vector<std::string> out;
  std::stringstream stream(field);
  std::string item;
  while (std::getline(stream, item, ',')) {
    item.erase(0, item.find_first_not_of(' '));
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

TEST(Packaging, PackagesAreNamedAfterTheirContentsAndTheDevPackageNeedsTheSameVersion) {
  require_tree();
  std::string runtime = deb("debs", "marginalia"), dev = deb("debs", "marginalia-dev");
  ASSERT_FALSE(runtime.empty());
  ASSERT_FALSE(dev.empty());
  EXPECT_EQ(fs::path(runtime).filename().string().rfind("marginalia_" MARGINALIA_VERSION "_", 0), 0u) << runtime;
  EXPECT_EQ(control_field(runtime, "Package"), "marginalia");
  EXPECT_EQ(control_field(dev, "Package"), "marginalia-dev");
  EXPECT_EQ(control_field(dev, "Depends"), "marginalia (= " MARGINALIA_VERSION ")");

  ProcessResult listing = run_process(MARGINALIA_DPKG_DEB, {"--contents", dev});
  ASSERT_EQ(listing.exit_code, 0) << listing.err;
  EXPECT_NE(listing.out.find("./usr/include/marginalia/sdk/plugin.hpp"), std::string::npos);
  EXPECT_NE(listing.out.find("./usr/lib/cmake/marginalia-sdk/MarginaliaPlugin.cmake"), std::string::npos);
  EXPECT_EQ(listing.out.find("./usr/bin/"), std::string::npos) << "the binary belongs to marginalia, not marginalia-dev";
  ProcessResult runtime_listing = run_process(MARGINALIA_DPKG_DEB, {"--contents", runtime});
  EXPECT_EQ(runtime_listing.out.find("./usr/include/"), std::string::npos) << "the SDK headers belong to marginalia-dev";
}

TEST(Packaging, DependsComesFromTheLibrariesTheBinaryAndPluginsLinkAndNamesInstalledPackages) {
  require_tree();
  std::string depends = control_field(deb("debs", "marginalia"), "Depends");
  // dpkg-shlibdeps read the binary (curl, libxml2, libzip, sqlite), the worker and the plugins
  // (utf8proc for quotes, RE2 and yaml-cpp for rules).
  for (const char* library : {"libc6", "libstdc++6", "libcurl4", "libsqlite3-0", "libzip4", "libxml2", "libutf8proc2", "libyaml-cpp0.7"})
    EXPECT_NE(depends.find(std::string(library) + " "), std::string::npos) << library << " missing from Depends: " << depends;
  // Every package named exists on this system (the build needs each one's -dev package), so
  // the Depends line can be satisfied on the Debian release the package was built on.
  for (const std::string& relation : relations(depends)) {
    std::string name = relation.substr(0, relation.find_first_of(" |"));
    ProcessResult known = run_process(MARGINALIA_DPKG_QUERY, {"-W", "-f=${Version}", name});
    EXPECT_EQ(known.exit_code, 0) << name << " (from Depends: " << relation << ") is not installed here";
  }
}

TEST(Packaging, TheUnpackedBinaryChecksASampleWithThePluginsBesideIt) {
  require_tree();
  TempDir out;
  std::string sample = usr() + "/share/marginalia/samples/report-with-footnote-defects.txt";
  ASSERT_TRUE(fs::exists(sample));
  ProcessResult checked = run_packaged({"check", sample, "--offline", "--no-cache", "--format", "json", "-o", out.file("findings.json")}, out.path());
  ASSERT_EQ(checked.exit_code, 1) << checked.err << checked.out;
  json findings = json::parse(read_file(out.file("findings.json")));
  std::set<std::string> plugins;
  for (const json& finding : findings.at("findings")) plugins.insert(finding.at("plugin").get<std::string>());
  EXPECT_TRUE(plugins.count("footnotes") && plugins.count("dates") && plugins.count("quotes")) << checked.err;
  EXPECT_TRUE(findings.at("complete").get<bool>()) << "a plugin failed in its worker: " << checked.err;

  // Each plugin was loaded from the unpacked tree, never from the build tree.
  ProcessResult listed = run_packaged({"plugins", "--json"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  std::set<std::string> ids;
  json listing = json::parse(listed.out);
  for (const json& plugin : listing.at("plugins")) {
    ids.insert(plugin.at("id").get<std::string>());
    EXPECT_EQ(plugin.at("path").get<std::string>().rfind(fs::weakly_canonical(usr() + "/lib/marginalia/plugins").string(), 0), 0u)
        << plugin.at("path");
  }
  for (const char* id : {"footnotes", "dates", "quotes", "urls", "rules"}) EXPECT_TRUE(ids.count(id)) << id;
}

TEST(Packaging, TheManPageRendersWithoutWarningsAndListsEveryCommandAndOption) {
  require_tree();
  std::string page = usr() + "/share/man/man1/marginalia.1.gz";
  ASSERT_TRUE(fs::exists(page));
  if (std::string(MARGINALIA_MAN).empty()) GTEST_SKIP() << "man is not installed: the page exists but is not rendered";
  ProcessResult rendered = run_process(MARGINALIA_MAN, {"--warnings", "-E", "UTF-8", "-l", page}, 60, {"MANWIDTH=100", "MAN_KEEP_FORMATTING=", "LC_ALL=C.UTF-8"});
  ASSERT_EQ(rendered.exit_code, 0) << rendered.err;
  EXPECT_EQ(rendered.err, "") << "groff warned about the page";
  std::string text = rendered.out;
  // groff may render '-' as U+2010/U+2212; compare the page with those turned back into '-'.
  for (const std::string& dash : {std::string("\u2010"), std::string("\u2212")})
    for (std::size_t at = text.find(dash); at != std::string::npos; at = text.find(dash, at)) text.replace(at, dash.size(), "-");
  for (const char* expected : {"marginalia check INPUT...", "marginalia explain CODE", "--plugin-dir DIR", "--fail-on LEVEL",
                               "--format FORMAT", "MARGINALIA_PLUGIN_PATH", "EXIT STATUS", "/usr/share/marginalia/schemas/"})
    EXPECT_NE(text.find(expected), std::string::npos) << expected << " is not in the rendered page";
  ProcessResult help = run_packaged({"help", "check"});
  std::istringstream lines(help.out);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("  --", 0) == 0) {
      std::string option = line.substr(2, line.find(' ', 2) - 2);
      EXPECT_NE(text.find(option), std::string::npos) << option << " (from help check) is not in the man page";
    }
}

TEST(Packaging, DocumentationSchemasAndEachPluginsHelpLinkAreUnderShareMarginalia) {
  require_tree();
  std::string share = usr() + "/share/marginalia";
  for (const char* file : {"schemas/config.schema.json", "schemas/findings.schema.json", "schemas/plugin-info.schema.json", "doc/README.md",
                           "doc/docs/ci.md", "doc/docs/user-guide.md", "doc/docs/writing-a-plugin.md"})
    EXPECT_TRUE(fs::exists(share + "/" + file)) << file;
  // A plugin's relative help link (`marginalia lsp` prefixes it with --docs-base) resolves in
  // the installed documentation.
  ProcessResult listed = run_packaged({"plugins", "--json"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  json listing = json::parse(listed.out);
  for (const json& plugin : listing.at("plugins")) {
    std::string url = plugin.value("help_url", "");
    if (url.empty() || url.find("://") != std::string::npos) continue;
    EXPECT_TRUE(fs::exists(share + "/doc/" + url)) << plugin.at("id") << ": " << url;
  }
  // `init` points its $schema line at the packaged schema, found beside the binary.
  TempDir project;
  ProcessResult init = run_packaged({"init"}, project.path());
  ASSERT_EQ(init.exit_code, 0) << init.err;
  json config = json::parse(read_file(project.file("marginalia.json")));
  std::string schema = config.at("$schema").get<std::string>();
  ASSERT_EQ(schema.rfind("file://", 0), 0u) << schema;
  EXPECT_TRUE(fs::exists(schema.substr(7))) << schema;
  EXPECT_EQ(schema.rfind("file://" + fs::weakly_canonical(usr()).string() + "/share/marginalia/schemas/", 0), 0u)
      << "the schema must come from the package, not the build tree: " << schema;
}

TEST(Packaging, APluginPackageBuiltAgainstMarginaliaDevLoadsWithoutAnyOption) {
  require_tree();
  std::string plugin = deb("plugin-debs", "marginalia-plugin-acronyms");
  ASSERT_FALSE(plugin.empty());
  std::vector<std::string> depends = relations(control_field(plugin, "Depends"));
  EXPECT_NE(std::find(depends.begin(), depends.end(), "marginalia (>= " MARGINALIA_VERSION ")"), depends.end());
  // The host's load rule as a package relation: marginalia provides the API major it loads.
  std::string api = "marginalia-plugin-api-" + std::to_string(MARGINALIA_SDK_VERSION_MAJOR);
  EXPECT_NE(std::find(depends.begin(), depends.end(), api), depends.end());
  EXPECT_EQ(control_field(deb("debs", "marginalia"), "Provides"), api);

  EXPECT_TRUE(fs::exists(usr() + "/lib/marginalia/plugins/acronyms.so"));
  TempDir project;
  std::string draft = project.write("draft.txt", "The DPRK tested a missile; the DPRK later denied it.\n");
  // The draft's folder configures the plugin: acronyms/undefined is off by default.
  project.write("marginalia.json", R"({"plugins": {"acronyms": {"options": {"report_undefined": true}}}})");
  ProcessResult checked = run_packaged({"check", draft, "--offline", "--no-cache", "--format", "json"}, project.path());
  ASSERT_LE(checked.exit_code, 1) << checked.err;
  json findings = json::parse(checked.out);
  bool undefined = false;
  for (const json& finding : findings.at("findings")) undefined = undefined || finding.at("code") == "acronyms/undefined";
  EXPECT_TRUE(undefined) << checked.out;
}

// Where `plugins --json` says the acronyms plugin was loaded from.
std::string acronyms_path(const ProcessResult& listed) {
  EXPECT_EQ(listed.exit_code, 0) << listed.err;
  json listing = json::parse(listed.out);
  for (const json& plugin : listing.at("plugins"))
    if (plugin.at("id") == "acronyms") return plugin.at("path").get<std::string>();
  return "";
}

TEST(Packaging, ThePluginDirThenThePluginPathThenTheInstalledFolderProvideAnId) {
  require_tree();
  // The same plugin in two more folders: the first folder searched that has it wins.
  TempDir from_option, from_path, empty;
  std::string built = work() + "/build-acronyms/acronyms.so";
  ASSERT_TRUE(fs::exists(built));
  fs::copy_file(built, from_option.file("acronyms.so"));
  fs::copy_file(built, from_path.file("acronyms.so"));
  std::string installed = fs::weakly_canonical(usr() + "/lib/marginalia/plugins/acronyms.so").string();
  std::string plugin_path = empty.path() + ":" + from_path.path();

  EXPECT_EQ(acronyms_path(run_packaged({"plugins", "--json"})), installed);
  EXPECT_EQ(acronyms_path(run_packaged({"plugins", "--json"}, "", plugin_path)), from_path.file("acronyms.so"));
  EXPECT_EQ(acronyms_path(run_packaged({"plugins", "--json", "--plugin-dir", from_option.path()}, "", plugin_path)), from_option.file("acronyms.so"));
}

}  // namespace
}  // namespace marginalia::testing
