// SPDX-License-Identifier: MIT
// The command line: what the user asked for, parsed into plain values. No side effects here;
// commands (check, plugins, explain, init) act on it.
#pragma once

#include <string>
#include <vector>

#include "util/problem.hpp"

namespace marginalia::cli {

/// Everything the command line can say.
struct CommandLine {
  std::string command;                 ///< "check", "merge", "print-config", "plugins", "explain", "init", "lsp", "test-plugin", "validate-schema", "help", "version"
  std::string help_topic;              ///< help: the command asked about (`help check`, `check --help`); empty = all
  std::vector<std::string> inputs;     ///< files (check), the code (explain), OUT then the results (merge)
  std::string format = "text";         ///< a name from cli/output_formats.hpp
  std::string output;                  ///< -o: file or folder; empty = standard output
  std::string tei_output;              ///< --tei: also write TEI here
  std::string annotate_output;         ///< --annotate: a copy of each DOCX draft with the findings as comments
  bool annotate_fixes = false;         ///< --annotate-fixes: certain fixes also as tracked changes
  bool fix = false;                    ///< --fix: apply the certain fixes to the files
  bool fix_dry_run = false;            ///< --fix-dry-run: print them as a unified diff
  std::vector<std::string> plugin_dirs;
  bool default_plugins = true;         ///< false with --no-default-plugins
  std::vector<std::string> enable, disable;
  std::string document_date;
  std::string input_format;
  bool read_stdin = false;             ///< the input is `-` (standard input), given before any `--`
  std::string stdin_filename;          ///< --stdin-filename: the name (and format) of `-`
  std::string fail_on;                 ///< error|warning|note; empty = from config or error
  std::string profile;                 ///< default|thorough; empty = from config or default
  std::string isolation;               ///< process|none; empty = from config or process
  unsigned jobs = 0;                   ///< 0 = automatic
  unsigned shard_index = 0;            ///< --shard K/N: K (from 1); 0 = the whole run
  unsigned shard_count = 0;            ///< --shard K/N: N
  bool quiet = false;
  bool verbose = false;                ///< --verbose: say on stderr how each input was read
  bool color_never = false;
  bool json = false;                   ///< plugins --json
  bool offline = false;
  bool no_cache = false;
  std::string cache_file;
  std::vector<std::string> allow_net;
  std::vector<std::string> net_settings; ///< --net NAME=VALUE: URL checker limits (net/fetch_settings.hpp)
  std::string sources_dir;
  std::string docs_base;               ///< lsp: where plugins' relative documentation paths resolve
  std::string config_file;
  std::string baseline, write_baseline;
  bool prune_baseline = false;         ///< --prune-baseline: drop the baseline's stale entries
  bool exit_zero = false;
  bool force = false;                  ///< init --force: overwrite an existing file
  bool update = false;                 ///< test-plugin --update: rewrite differing expectations
  unsigned long long max_input_bytes = 0;
  unsigned timeout_ms = 0;
  unsigned long long memory_limit_mb = 0;
  std::vector<std::string> worker_args;  ///< internal: the worker process's arguments
};

/// Parses `argv` (without the program name); a usage error is a problem with code `cli/usage`.
util::Result<CommandLine> parse_command_line(const std::vector<std::string>& args);

/// The `--help` text.
std::string usage_text();

/// The help of one command: synopsis, summary and the options that apply to it.
std::string command_help(const std::string& command);

}  // namespace marginalia::cli
