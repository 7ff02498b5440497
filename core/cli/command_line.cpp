// SPDX-License-Identifier: MIT
#include "cli/command_line.hpp"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <map>

#include "cli/output_formats.hpp"
#include "config/option_values.hpp"
#include "session/shard.hpp"
#include "util/did_you_mean.hpp"
#include "writers/annotated_copies.hpp"
#include "writers/fixed_files.hpp"

namespace marginalia::cli {
namespace {

// The ranges of the numeric options: wide enough for any real use, narrow enough that the
// value means what it says (a byte count of the memory limit fits in 64 bits; a span offset
// into the largest input fits in 32).
constexpr unsigned long long kMaxTimeoutMs = 86400000;        // one day
constexpr unsigned long long kMaxMemoryLimitMb = 1ull << 20;  // 1 TiB
constexpr unsigned long long kMaxInputBytes = 1ull << 31;     // 2 GiB

}  // namespace

namespace {

// One row per option: its names, the value it takes, its help line and the commands it applies
// to. The parser refuses an option on a command not listed, and help is printed from here.
struct OptionDoc {
  const char* name;
  const char* value;     // "" for a flag
  std::string help;
  std::vector<std::string> commands;
};

const std::vector<std::string> kCommands = {"check", "merge", "print-config", "plugins", "explain", "init", "lsp", "test-plugin", "validate-schema", "help", "version"};

// "check, merge, …": the commands as a usage error names them.
std::string command_list() {
  std::string out;
  for (const std::string& command : kCommands) out += (out.empty() ? "" : ", ") + command;
  return out;
}

const std::vector<OptionDoc>& option_docs() {
  const std::vector<std::string> check = {"check"};
  const std::vector<std::string> check_and_lsp = {"check", "lsp"};
  const std::vector<std::string> plugin_loading = {"check", "plugins", "explain", "init", "print-config", "lsp"};
  const std::vector<std::string> plugin_folders = {"check", "plugins", "explain", "init", "print-config", "lsp", "test-plugin"};
  static const std::vector<OptionDoc> docs = {
      {"--output", "PATH", "write the output to PATH (a folder for TEI of several files); the terminal then shows only the summary", {"check", "init"}},
      {"--format", "FORMAT", output_format_names(true), check},
      {"--tei", "PATH", "also write the TEI annotation layer to PATH (file, or folder)", check},
      {"--annotate", "PATH", "write a copy of the DOCX draft with every finding as a Word comment (a folder for several drafts; "
                             "relative paths are kept)", check},
      {"--annotate-fixes", "", "with --annotate: certain fixes also as tracked changes to accept or reject", check},
      {"--fix", "", "apply every certain fix to the files themselves (text, Markdown, HTML, TEI), keeping their encoding, "
                    "byte-order mark and line ends; the findings left decide the exit code", check},
      {"--fix-dry-run", "", "print the changes --fix would make as a unified diff on standard output; change nothing", check},
      {"--fail-on", "LEVEL", "exit 1 when a finding is at or above LEVEL: error (default), warning, note", {"check", "print-config"}},
      {"--profile", "NAME", "default (only confident findings of heuristic checks) or thorough (all)", {"check", "print-config"}},
      {"--exit-zero", "", "exit 0 even with findings (report-only jobs); failures still exit 2", check},
      {"--quiet", "", "print only the summary line on the terminal (and no notes on stderr)", {"check", "merge"}},
      {"--verbose", "", "say on stderr how each input was read (format, notes, HTML content region)", check},
      {"--no-color", "", "never colour the terminal output (also: NO_COLOR set)", check},
      {"--jobs", "N", "check N files at once (output is identical whatever N)", check},
      {"--shard", "K/N", "check only part K of N of the inputs, chosen by a hash of each path (a CI matrix job each); "
                         "marginalia merge puts the parts' JSON or SARIF back together", check},
      {"--config", "FILE", "use this marginalia.json instead of the nearest one above each input", {"check", "print-config", "explain", "lsp"}},
      {"--docs-base", "URL", "lsp: where the plugins' documentation links point (default: the installed documentation, else this build's README files)", {"lsp"}},
      {"--enable", "ID", "turn a plugin on for this run", {"check", "plugins", "explain", "print-config", "lsp"}},
      {"--disable", "ID", "turn a plugin off for this run", {"check", "plugins", "explain", "init", "print-config", "lsp"}},
      {"--document-date", "DATE", "the report's own date (YYYY-MM-DD) when the file does not say", check},
      {"--input-format", "F", "read every input as F: text, markdown, tei, html, docx", check},
      {"--stdin-filename", "NAME", "the name of standard input (-): its format and its marginalia.json", check},
      {"--max-input-size", "N", "refuse inputs larger than N bytes (K, M, G suffixes; default 256M)", check},
      {"--baseline", "FILE", "report only findings that are not in FILE", check},
      {"--write-baseline", "FILE", "record every current finding in FILE and exit 0", check},
      {"--prune-baseline", "", "remove from the --baseline file the entries that no longer match a finding", check},
      {"--sources", "DIR", "local copies of cited sources for the quotes plugin", check_and_lsp},
      {"--offline", "", "no network at all (URLs get syntax checks only)", check_and_lsp},
      {"--allow-net", "CIDR", "let the URL checker reach this range (e.g. 127.0.0.1/32); repeatable", check_and_lsp},
      {"--no-cache", "", "do not read or write the URL result cache", check_and_lsp},
      {"--cache-file", "FILE", "the URL result cache (default: $XDG_CACHE_HOME/marginalia/urls.sqlite)", check_and_lsp},
      {"--net", "NAME=VALUE", "URL checker setting, repeatable: concurrency=64, per-host=4, host-interval=20ms, timeout=30s, "
                              "connect-timeout=10s, retries=3, max-redirects=10, retry-after-cap=60s, cache-ttl=1d, proxy=URL", check_and_lsp},
      {"--plugin-dir", "DIR", "also load plugins from DIR (repeatable; MARGINALIA_PLUGIN_PATH too); searched first", plugin_folders},
      {"--no-default-plugins", "", "do not load the plugins installed with marginalia", plugin_folders},
      {"--isolation", "MODE", "process (default: each plugin in a worker process) or none", plugin_loading},
      {"--timeout", "MS", "time limit per plugin and document (default 30000)", plugin_loading},
      {"--memory-limit", "MB", "memory limit per plugin worker (default 2048)", plugin_loading},
      {"--json", "", "print the plugins, their codes and options schemas as JSON", {"plugins"}},
      {"--force", "", "overwrite an existing file", {"init"}},
      {"--update", "", "rewrite each differing invalid fixture's expectation block to what the plugin reports", {"test-plugin"}},
      {"--help", "", "show this command's help", {"check", "merge", "print-config", "plugins", "explain", "init", "test-plugin", "validate-schema"}},
  };
  return docs;
}

const OptionDoc* option_doc(const std::string& name) {
  for (const OptionDoc& doc : option_docs())
    if (name == doc.name) return &doc;
  return nullptr;
}

bool applies(const OptionDoc& doc, const std::string& command) {
  return std::find(doc.commands.begin(), doc.commands.end(), command) != doc.commands.end();
}

const char* short_name(const std::string& name) {
  if (name == "--output") return "-o";
  if (name == "--quiet") return "-q";
  if (name == "--jobs") return "-j";
  if (name == "--verbose") return "-v";
  return nullptr;
}

// "  -o, --output PATH    help", wrapped at 100 columns under the help column.
std::string option_lines(const std::string& command) {
  std::string out;
  for (const OptionDoc& doc : option_docs()) {
    if (!applies(doc, command)) continue;
    std::string head = "  ";
    if (const char* s = short_name(doc.name)) head += std::string(s) + ", ";
    head += doc.name;
    if (*doc.value) head += std::string(" ") + doc.value;
    std::string line = head.size() < 23 ? head + std::string(23 - head.size(), ' ') : head + "\n" + std::string(23, ' ');
    std::size_t width = line.size() - line.rfind('\n' ) - 1;
    if (line.find('\n') == std::string::npos) width = line.size();
    std::string words = doc.help;
    std::size_t at = 0;
    while (at < words.size()) {
      std::size_t space = words.find(' ', at);
      std::string word = words.substr(at, space == std::string::npos ? std::string::npos : space - at);
      if (width + word.size() + 1 > 100 && width > 23) {
        line += "\n" + std::string(23, ' ');
        width = 23;
      } else if (width > 23) {
        line += ' ';
        ++width;
      }
      line += word;
      width += word.size();
      at = space == std::string::npos ? words.size() : space + 1;
    }
    out += line + "\n";
  }
  return out;
}

struct CommandDoc {
  const char* name;
  const char* synopsis;
  const char* summary;
};

const std::vector<CommandDoc>& command_docs() {
  static const std::vector<CommandDoc> docs = {
      {"check", "check INPUT... [options]",
       "check reports (plain text, Markdown, TEI, HTML, DOCX): files, folders (walked: known\n"
       "formats, .gitignore and `ignore` globs respected), quoted globs ('reports/**/*.md'), or -;\n"
       "--fix applies the certain fixes (a weekday, a moved URL, a house-style swap) in the files,\n"
       "keeping their encoding, byte-order mark and line ends; --fix-dry-run prints them as a diff.\n"
       "With --fix, the findings left after fixing decide the exit code"},
      {"merge", "merge OUT RESULT...",
       "put the JSON or SARIF results of every `check --shard K/N` job of one run back together into\n"
       "OUT (- for standard output), byte-identical to the unsharded run's"},
      {"print-config", "print-config FILE [options]", "show the configuration FILE is checked with (its marginalia.json, plugins, options)"},
      {"plugins", "plugins [--json]", "list the loaded plugins, their versions and finding codes"},
      {"explain", "explain CODE", "show the documentation of a finding code (e.g. dates/weekday-mismatch)"},
      {"init", "init [-o FILE] [--force]", "write a starting marginalia.json (every plugin, its default options, a $schema line)"},
      {"lsp", "lsp [--offline] [--docs-base URL]", "serve the Language Server Protocol on standard input/output (docs/editors.md)"},
      {"test-plugin", "test-plugin DIR [--update] [--plugin-dir D]",
       "run the fixtures in DIR/tests/valid and DIR/tests/invalid against the plugin DIR builds (the id in\n"
       "its marginalia_add_plugin call, found in --plugin-dir first); print differences as a unified diff,\n"
       "exit 1 when any differ"},
      {"validate-schema", "validate-schema FILE...",
       "check that each FILE is a usable JSON Schema (draft 7), such as a plugin's options.schema.json; exit 1 when not"},
      {"help", "help [COMMAND]", "show the help of COMMAND (also: COMMAND --help)"},
      {"version", "version", "print the version"},
  };
  return docs;
}

}  // namespace

std::string usage_text() {
  std::string text = R"(usage: marginalia <command> [options]

Checks a report before it is published and writes what it found as a TEI-XML
annotation layer over the report.

commands:
)";
  for (const CommandDoc& doc : command_docs()) {
    std::string summary = doc.summary;
    for (std::size_t at = summary.find('\n'); at != std::string::npos; at = summary.find('\n', at + 1)) summary.insert(at + 1, 6, ' ');
    text += "  " + std::string(doc.synopsis) + "\n      " + summary + "\n";
  }
  text += "\ncheck options (marginalia help COMMAND for the others'):\n" + option_lines("check");
  text += R"(
configuration: marginalia.json next to the input or in a parent folder (or --config):
  plugins on or off, options per plugin, severity per code, fail level, globs to skip.
  Suppress one finding in the draft, with a reason:
    <!-- marginalia-disable-next-line CODE -- reason -->     (Markdown, HTML)
    [marginalia-disable-next-line CODE -- reason]           (plain text)
    <?marginalia-disable-next-line CODE -- reason?>         (TEI)
  See docs/configuration.md and docs/ci.md.

exit codes:
  0  the run completed and no finding reached the fail level
  1  the run completed with findings at or above the fail level
  2  usage or configuration error, unreadable input, a failed plugin or an output
     that could not be written (the run is incomplete; outputs say so)
)";
  return text;
}

std::string command_help(const std::string& command) {
  for (const CommandDoc& doc : command_docs()) {
    if (command != doc.name) continue;
    std::string text = "usage: marginalia " + std::string(doc.synopsis) + "\n\n" + doc.summary + "\n";
    std::string options = option_lines(command);
    if (!options.empty()) text += "\noptions:\n" + options;
    return text;
  }
  return usage_text();
}

util::Result<CommandLine> parse_command_line(const std::vector<std::string>& args) {
  std::string error;
  auto usage_error = [&](std::string message) { return util::Problem::about("", "cli/usage", std::move(message)); };
  CommandLine line;
  if (args.empty()) return usage_error("no command given");
  std::size_t i = 0;
  std::string first = args[0];
  if (first == "--help" || first == "-h" || first == "help") line.command = "help";
  else if (first == "--version" || first == "version") line.command = "version";
  else if (first == "__worker" || std::find(kCommands.begin(), kCommands.end(), first) != kCommands.end()) line.command = first;
  else return usage_error("unknown command '" + first + "'" + util::did_you_mean(first, kCommands) +
                          " (commands: " + command_list() + ")");
  ++i;
  if (line.command == "help") {
    if (i < args.size()) {
      if (std::find(kCommands.begin(), kCommands.end(), args[i]) == kCommands.end())
        return usage_error("no command '" + args[i] + "'" + util::did_you_mean(args[i], kCommands));
      line.help_topic = args[i];
    }
    return line;
  }
  if (line.command == "__worker") {
    line.worker_args.assign(args.begin() + 1, args.end());
    return line;
  }

  using Setter = std::function<bool(const std::string&)>;
  std::map<std::string, Setter> with_value = {
      {"--output", [&](const std::string& v) { line.output = v; return true; }},
      {"--format", [&](const std::string& v) {
         if (find_output_format(v)) { line.format = v; return true; }
         error = "unknown format '" + v + "' (" + output_format_names() + ")";
         return false;
       }},
      {"--tei", [&](const std::string& v) { line.tei_output = v; return true; }},
      {"--annotate", [&](const std::string& v) { line.annotate_output = v; return true; }},
      {"--plugin-dir", [&](const std::string& v) { line.plugin_dirs.push_back(v); return true; }},
      {"--enable", [&](const std::string& v) { line.enable.push_back(v); return true; }},
      {"--disable", [&](const std::string& v) { line.disable.push_back(v); return true; }},
      {"--document-date", [&](const std::string& v) {
         if (!config::is_iso_date(v)) { error = "--document-date takes a calendar date YYYY-MM-DD, not '" + v + "'"; return false; }
         line.document_date = v;
         return true;
       }},
      {"--input-format", [&](const std::string& v) { line.input_format = v; return true; }},
      {"--stdin-filename", [&](const std::string& v) { line.stdin_filename = v; return true; }},
      {"--fail-on", [&](const std::string& v) {
         if (v != "error" && v != "warning" && v != "note") { error = "--fail-on takes error, warning or note"; return false; }
         line.fail_on = v;
         return true;
       }},
      {"--profile", [&](const std::string& v) {
         if (v != "default" && v != "thorough") { error = "--profile takes default or thorough"; return false; }
         line.profile = v;
         return true;
       }},
      {"--isolation", [&](const std::string& v) {
         if (v != "process" && v != "none") { error = "--isolation takes process or none"; return false; }
         line.isolation = v;
         return true;
       }},
      {"--shard", [&](const std::string& v) {
         std::optional<session::Shard> shard = session::parse_shard(v, error);
         if (!shard) return false;
         line.shard_index = shard->index;
         line.shard_count = shard->count;
         return true;
       }},
      {"--jobs", [&](const std::string& v) {
         std::optional<unsigned long long> n = config::parse_count(v, 1, 256);
         if (!n) { error = "--jobs takes a number from 1 to 256"; return false; }
         line.jobs = static_cast<unsigned>(*n);
         return true;
       }},
      {"--cache-file", [&](const std::string& v) { line.cache_file = v; return true; }},
      {"--allow-net", [&](const std::string& v) { line.allow_net.push_back(v); return true; }},
      {"--net", [&](const std::string& v) { line.net_settings.push_back(v); return true; }},
      {"--sources", [&](const std::string& v) { line.sources_dir = v; return true; }},
      {"--docs-base", [&](const std::string& v) { line.docs_base = v; return true; }},
      {"--config", [&](const std::string& v) { line.config_file = v; return true; }},
      {"--baseline", [&](const std::string& v) { line.baseline = v; return true; }},
      {"--write-baseline", [&](const std::string& v) { line.write_baseline = v; return true; }},
      {"--max-input-size", [&](const std::string& v) {
         std::optional<unsigned long long> bytes = config::parse_size(v, kMaxInputBytes);
         if (!bytes) { error = "--max-input-size takes a size from 1 byte to 2G, such as 1048576 or 64M, not '" + v + "'"; return false; }
         line.max_input_bytes = *bytes;
         return true;
       }},
      {"--timeout", [&](const std::string& v) {
         std::optional<unsigned long long> n = config::parse_count(v, 1, kMaxTimeoutMs);
         if (!n) { error = "--timeout takes milliseconds from 1 to 86400000 (one day), not '" + v + "'"; return false; }
         line.timeout_ms = static_cast<unsigned>(*n);
         return true;
       }},
      {"--memory-limit", [&](const std::string& v) {
         std::optional<unsigned long long> n = config::parse_count(v, 1, kMaxMemoryLimitMb);
         if (!n) { error = "--memory-limit takes megabytes from 1 to 1048576 (1 TiB), not '" + v + "'"; return false; }
         line.memory_limit_mb = *n;
         return true;
       }},
  };
  std::map<std::string, std::function<void()>> flags = {
      {"--quiet", [&] { line.quiet = true; }},
      {"--verbose", [&] { line.verbose = true; }},
      {"--no-color", [&] { line.color_never = true; }},
      {"--json", [&] { line.json = true; }},
      {"--offline", [&] { line.offline = true; }},
      {"--no-cache", [&] { line.no_cache = true; }},
      {"--exit-zero", [&] { line.exit_zero = true; }},
      {"--prune-baseline", [&] { line.prune_baseline = true; }},
      {"--annotate-fixes", [&] { line.annotate_fixes = true; }},
      {"--fix", [&] { line.fix = true; }},
      {"--fix-dry-run", [&] { line.fix_dry_run = true; }},
      {"--force", [&] { line.force = true; }},
      {"--update", [&] { line.update = true; }},
      {"--no-default-plugins", [&] { line.default_plugins = false; }},
      {"--help", [&] { line.help_topic = line.command; }},
  };
  bool options_done = false;
  for (; i < args.size(); ++i) {
    std::string arg = args[i];
    if (options_done || arg == "-" || arg.empty() || arg[0] != '-') {
      if (arg == "-" && !options_done) line.read_stdin = true;
      line.inputs.push_back(arg);
      continue;
    }
    if (arg == "--") { options_done = true; continue; }
    if (arg == "-o") arg = "--output";
    if (arg == "-q") arg = "--quiet";
    if (arg == "-v") arg = "--verbose";
    if (arg == "-j") arg = "--jobs";
    std::string value;
    bool inline_value = false;
    if (std::size_t eq = arg.find('='); eq != std::string::npos && arg.rfind("--", 0) == 0) {
      value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
      inline_value = true;
    }
    const OptionDoc* doc = option_doc(arg);
    if (!doc) {
      std::vector<std::string> names;
      for (const OptionDoc& known : option_docs())
        if (applies(known, line.command)) names.push_back(known.name);
      return usage_error("unknown option '" + arg + "'" + util::did_you_mean(arg, names));
    }
    if (!applies(*doc, line.command))
      return usage_error(arg + " does not apply to '" + line.command + "' (marginalia help " + line.command + " lists its options)");
    if (auto flag = flags.find(arg); flag != flags.end()) {
      if (inline_value) return usage_error(arg + " takes no value");
      flag->second();
      continue;
    }
    auto setter = with_value.find(arg);
    if (setter == with_value.end()) return usage_error("unknown option '" + arg + "'");
    if (!inline_value) {
      if (i + 1 >= args.size()) return usage_error(arg + " needs a value");
      value = args[++i];
    }
    if (!setter->second(value)) return usage_error(error);
  }
  if (!line.help_topic.empty()) {
    line.command = "help";
    return line;
  }
  if (line.command == "check" && line.inputs.empty())
    return usage_error("check needs at least one file, folder or glob ('-' reads standard input)");
  const bool reads_stdin = line.read_stdin;
  if (line.command == "check" && reads_stdin && line.inputs.size() > 1)
    return usage_error("'-' reads one document from standard input and cannot be combined with other inputs");
  if (line.shard_count && reads_stdin)
    return usage_error("--shard splits files, folders and globs; standard input is one document");
  if (line.command == "merge" && line.inputs.size() < 2)
    return usage_error("merge takes the output file and the shards' results, e.g. marginalia merge all.json shard-1.json shard-2.json");
  if (!line.stdin_filename.empty() && !reads_stdin)
    return usage_error("--stdin-filename names standard input; give '-' as the input");
  if (!line.baseline.empty() && !line.write_baseline.empty())
    return usage_error("--baseline and --write-baseline cannot be combined: --write-baseline records every current finding");
  if (line.command == "lsp" && !line.inputs.empty())
    return usage_error("lsp takes no file: the editor sends the buffers over standard input");
  if (line.annotate_fixes && line.annotate_output.empty()) return usage_error("--annotate-fixes needs --annotate OUT.docx");
  if (!line.annotate_output.empty())
    if (std::string annotate = writers::annotation_usage_error(line.inputs, line.input_format); !annotate.empty()) return usage_error(annotate);
  if (line.fix && line.fix_dry_run) return usage_error("--fix and --fix-dry-run exclude each other: --fix-dry-run shows what --fix would change");
  if (line.fix && reads_stdin)
    return usage_error("--fix rewrites files and standard input is none: --fix-dry-run prints the fixes as a diff, or save the text to a file");
  if (line.fix || line.fix_dry_run)
    if (std::string refused = writers::fix_usage_error(line.inputs, line.input_format); !refused.empty()) return usage_error(refused);
  if (line.fix_dry_run && line.format != "text" && (line.output.empty() || line.output == "-"))
    return usage_error("--fix-dry-run prints its diff on standard output: write the --format " + line.format + " report to a file with -o");
  if ((line.fix || line.fix_dry_run) && !line.write_baseline.empty())
    return usage_error("--write-baseline records findings as they are: run it without --fix");
  if (line.command == "init" && !line.inputs.empty())
    return usage_error("init takes no file; use -o FILE to choose where marginalia.json goes");
  if (line.prune_baseline && line.baseline.empty())
    return usage_error("--prune-baseline needs --baseline FILE, the baseline to prune");
  if (line.command == "print-config" && line.inputs.size() != 1)
    return usage_error("print-config takes one file, e.g. marginalia print-config reports/q1.md");
  if ((line.command == "plugins" || line.command == "version") && !line.inputs.empty())
    return usage_error(line.command + " takes no argument");
  if (line.command == "validate-schema" && line.inputs.empty()) return usage_error("validate-schema takes one or more schema files");
  if (line.command == "test-plugin" && line.inputs.size() != 1)
    return usage_error("test-plugin takes one plugin folder (the one holding tests/valid and tests/invalid), e.g. marginalia test-plugin plugins/acronyms");
  if (line.command == "explain" && line.inputs.size() != 1)
    return usage_error("explain takes one finding code, e.g. marginalia explain footnotes/missing-note");
  return line;
}

}  // namespace marginalia::cli
