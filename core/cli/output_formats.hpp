// SPDX-License-Identifier: MIT
// The output formats of `--format`, in one table (lychee's formatter list): adding a format is
// one row here and one renderer file in core/reporters or core/writers. `--help`, the parser's
// check and message, and `check`'s rendering and "… written to" lines all read this table.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "merge/merge.hpp"

namespace marginalia::cli {

/// How the terminal wants a run rendered.
struct RenderOptions {
  /// ANSI colours (a terminal, no NO_COLOR, no --no-color, not written to a file).
  bool color = false;
  /// Only the summary line (--quiet).
  bool quiet = false;
};

/// One value of `--format`.
struct OutputFormat {
  /// The `--format` value ("json").
  const char* name;
  /// What "… written to PATH" calls the output ("JSON").
  const char* label;
  /// The file extension an output of this format gets when only a folder is named.
  const char* extension;
  /// Renders a whole run; null for a format with one output per document.
  std::string (*render_run)(const merge::RunReport& run, const RenderOptions& options);
  /// Renders one document (TEI); null for whole-run formats.
  std::string (*render_document)(const merge::DocumentReport& report, const merge::RunReport& run);
};

/// Every format, the default first.
const std::vector<OutputFormat>& output_formats();

/// The format named `name`, or nullptr.
const OutputFormat* find_output_format(std::string_view name);

/// "text, json, tei, …" (`with_default` marks the first "text (default)").
std::string output_format_names(bool with_default = false);

}  // namespace marginalia::cli
