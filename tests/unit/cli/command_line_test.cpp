// SPDX-License-Identifier: MIT
// Flags to settings: what the parser accepts and refuses, and what each flag becomes in the
// session's settings.
#include "cli/command_line.hpp"

#include <gtest/gtest.h>

#include "cli/output_formats.hpp"
#include "cli/settings_from_flags.hpp"

namespace marginalia::cli {
namespace {

CommandLine parsed(const std::vector<std::string>& args) {
  util::Result<CommandLine> result = parse_command_line(args);
  EXPECT_TRUE(result) << result.problems().front().message;
  return result ? *result : CommandLine{};
}

std::string refusal(const std::vector<std::string>& args) {
  util::Result<CommandLine> result = parse_command_line(args);
  EXPECT_FALSE(result);
  return result ? std::string() : result.problems().front().message;
}

TEST(CommandLine, MapsCheckFlagsOntoSessionSettings) {
  CommandLine line = parsed({"check", "a.md", "--config", "c.json", "--plugin-dir", "p", "--no-default-plugins", "--enable", "x",
                             "--disable=y", "--isolation", "none", "--timeout", "500", "--memory-limit", "64", "--input-format",
                             "markdown", "--max-input-size", "2K", "--document-date", "2024-01-02", "--offline", "--sources", "src",
                             "-j", "3", "--fail-on", "warning", "--profile", "thorough", "b.md"});
  EXPECT_EQ(line.inputs, (std::vector<std::string>{"a.md", "b.md"}));
  session::RunSettings settings = settings_from_flags(line);
  EXPECT_EQ(settings.config_file, "c.json");
  EXPECT_EQ(settings.plugin_dirs, std::vector<std::string>{"p"});
  EXPECT_FALSE(settings.default_plugins);
  EXPECT_EQ(settings.enable, std::vector<std::string>{"x"});
  EXPECT_EQ(settings.disable, std::vector<std::string>{"y"});
  EXPECT_EQ(settings.isolation, session::Isolation::none);
  EXPECT_EQ(settings.timeout_ms, 500u);
  EXPECT_EQ(settings.memory_limit_bytes, 64ull << 20);
  EXPECT_EQ(settings.input_format, "markdown");
  EXPECT_EQ(settings.max_input_bytes, 2048u);
  EXPECT_EQ(settings.document_date, "2024-01-02");
  EXPECT_TRUE(settings.offline);
  EXPECT_EQ(settings.sources_dir, "src");
  EXPECT_EQ(settings.jobs, 3u);
  EXPECT_EQ(settings.profile, "thorough");
  ASSERT_TRUE(settings.fail_on);
  EXPECT_EQ(*settings.fail_on, sdk::Severity::warning);
  EXPECT_FALSE(settings.one_configuration) << "each input takes its nearest marginalia.json";
}

TEST(CommandLine, DefaultsLeaveTheSessionToChoose) {
  session::RunSettings settings = settings_from_flags(parsed({"check", "a.md"}));
  EXPECT_EQ(settings.isolation, session::Isolation::process);
  EXPECT_EQ(settings.jobs, 0u);
  EXPECT_EQ(settings.timeout_ms, 0u);
  EXPECT_EQ(settings.memory_limit_bytes, 0u);
  EXPECT_FALSE(settings.fail_on);
  EXPECT_TRUE(settings.default_plugins);
}

TEST(CommandLine, NetworkFlagsBecomeFetchSettingsOrAProblemNamingTheFlag) {
  util::Result<net::FetchSettings> network =
      network_from_flags(parsed({"check", "a.md", "--allow-net", "127.0.0.1/32", "--net", "per-host=2", "--cache-file", "c.sqlite"}));
  ASSERT_TRUE(network) << network.problems().front().message;
  EXPECT_EQ(network->allow.size(), 1u);
  EXPECT_EQ(network->per_host, 2u);
  EXPECT_EQ(network->cache_file, "c.sqlite");
  EXPECT_TRUE(network_from_flags(parsed({"check", "a.md", "--no-cache"}))->cache_file.empty());

  util::Result<net::FetchSettings> bad_range = network_from_flags(parsed({"check", "a.md", "--allow-net", "300.1.1.1/8"}));
  ASSERT_FALSE(bad_range);
  EXPECT_EQ(bad_range.problems().front().message.rfind("--allow-net: ", 0), 0u);
  util::Result<net::FetchSettings> bad_setting = network_from_flags(parsed({"check", "a.md", "--net", "no-such=1"}));
  ASSERT_FALSE(bad_setting);
  EXPECT_EQ(bad_setting.problems().front().message.rfind("--net: ", 0), 0u);
}

TEST(CommandLine, RefusesWhatCannotRun) {
  EXPECT_EQ(refusal({}), "no command given");
  EXPECT_EQ(refusal({"frobnicate"}), "unknown command 'frobnicate' (commands: check, merge, print-config, plugins, explain, init, lsp, test-plugin, validate-schema, help, version)");
  EXPECT_EQ(refusal({"merge", "all.json"}), "merge takes the output file and the shards' results, e.g. marginalia merge all.json shard-1.json shard-2.json");
  EXPECT_EQ(refusal({"merge", "all.json", "a.json", "--offline"}), "--offline does not apply to 'merge' (marginalia help merge lists its options)");
  EXPECT_EQ(refusal({"check", "a.md", "--shard", "3/2"}), "--shard takes K/N with 1 <= K <= N <= 1024, such as 2/4, not '3/2'");
  EXPECT_EQ(refusal({"check", "-", "--shard", "1/2"}), "--shard splits files, folders and globs; standard input is one document");
  EXPECT_EQ(refusal({"check"}), "check needs at least one file, folder or glob ('-' reads standard input)");
  EXPECT_EQ(refusal({"lsp", "a.md"}), "lsp takes no file: the editor sends the buffers over standard input");
  EXPECT_EQ(refusal({"check", "a.md", "--jobs", "0"}), "--jobs takes a number from 1 to 256");
  EXPECT_EQ(refusal({"check", "a.md", "--quiet=yes"}), "--quiet takes no value");
  EXPECT_EQ(refusal({"check", "a.md", "--output"}), "--output needs a value");
  EXPECT_EQ(refusal({"check", "a.md", "--frobnicate"}), "unknown option '--frobnicate'");
  EXPECT_EQ(refusal({"print-config"}).rfind("print-config takes one file", 0), 0u);
  EXPECT_EQ(refusal({"check", "a.md", "--baseline", "b", "--write-baseline", "c"}).rfind("--baseline and --write-baseline", 0), 0u);
  EXPECT_EQ(refusal({"explain"}).rfind("explain takes one finding code", 0), 0u);
}

TEST(CommandLine, EveryOutputFormatInTheTableIsAcceptedAndNoOther) {
  for (const OutputFormat& format : output_formats()) EXPECT_EQ(parsed({"check", "a.md", "--format", format.name}).format, format.name);
  EXPECT_EQ(refusal({"check", "a.md", "--format", "pdf"}), "unknown format 'pdf' (" + output_format_names() + ")");
  EXPECT_NE(usage_text().find("--format FORMAT      " + output_format_names(true) + "\n"), std::string::npos);
  EXPECT_EQ(output_format_names(true).rfind("text (default), ", 0), 0u);
}

TEST(CommandLine, OptionsAfterADoubleDashAreFiles) {
  EXPECT_EQ(parsed({"check", "--", "--format", "-"}).inputs, (std::vector<std::string>{"--format", "-"}));
}

TEST(CommandLine, HelpNamesACommandEitherWay) {
  EXPECT_EQ(parsed({"help", "check"}).help_topic, "check");
  CommandLine asked = parsed({"init", "--help"});
  EXPECT_EQ(asked.command, "help");
  EXPECT_EQ(asked.help_topic, "init");
  EXPECT_TRUE(parsed({"help"}).help_topic.empty());
  EXPECT_EQ(refusal({"help", "chek"}), "no command 'chek' (did you mean 'check'?)");
  std::string init_help = command_help("init");
  EXPECT_NE(init_help.find("--force"), std::string::npos);
  EXPECT_EQ(init_help.find("--baseline"), std::string::npos) << "help lists only the options of the command";
}

TEST(CommandLine, RefusesAnOptionThatDoesNotApplyToTheCommand) {
  EXPECT_EQ(refusal({"plugins", "--format", "json"}), "--format does not apply to 'plugins' (marginalia help plugins lists its options)");
  EXPECT_EQ(refusal({"init", "--offline"}), "--offline does not apply to 'init' (marginalia help init lists its options)");
  EXPECT_EQ(refusal({"check", "a.md", "--force"}), "--force does not apply to 'check' (marginalia help check lists its options)");
  EXPECT_EQ(parsed({"print-config", "a.md", "--config", "c.json"}).config_file, "c.json");
}

TEST(CommandLine, FixAppliesToFilesThatCanBeWrittenBack) {
  EXPECT_TRUE(parsed({"check", "a.md", "--fix"}).fix);
  EXPECT_TRUE(parsed({"check", "-", "--fix-dry-run"}).fix_dry_run) << "a dry run of standard input prints its diff";
  EXPECT_EQ(refusal({"check", "-", "--fix"}).rfind("--fix rewrites files and standard input is none", 0), 0u);
  EXPECT_NE(refusal({"check", "a.md", "draft.docx", "--fix"}).find("draft.docx is a Word file: --annotate OUT.docx --annotate-fixes"), std::string::npos);
  EXPECT_NE(refusal({"check", "a.md", "--fix", "--fix-dry-run"}).find("exclude each other"), std::string::npos);
  EXPECT_NE(refusal({"check", "a.md", "--fix-dry-run", "--format", "json"}).find("with -o"), std::string::npos)
      << "the diff and a JSON report cannot share standard output";
  EXPECT_TRUE(parsed({"check", "a.md", "--fix-dry-run", "--format", "json", "-o", "out.json"}).fix_dry_run);
  EXPECT_NE(command_help("check").find("--fix-dry-run"), std::string::npos);
}

TEST(CommandLine, SuggestsTheNearestOptionOrCommand) {
  EXPECT_EQ(refusal({"check", "a.md", "--ofline"}), "unknown option '--ofline' (did you mean '--offline'?)");
  EXPECT_EQ(refusal({"check", "a.md", "--fail-at", "note"}), "unknown option '--fail-at' (did you mean '--fail-on'?)");
  EXPECT_EQ(refusal({"chekc", "a.md"}).rfind("unknown command 'chekc' (did you mean 'check'?)", 0), 0u);
}

TEST(CommandLine, StandardInputIsOneDocumentNamedByStdinFilename) {
  CommandLine line = parsed({"check", "-", "--stdin-filename", "team/a.md"});
  EXPECT_EQ(line.stdin_filename, "team/a.md");
  EXPECT_EQ(refusal({"check", "-", "b.md"}).rfind("'-' reads one document", 0), 0u);
  EXPECT_EQ(refusal({"check", "b.md", "--stdin-filename", "x.md"}).rfind("--stdin-filename names standard input", 0), 0u);
}

}  // namespace
}  // namespace marginalia::cli
