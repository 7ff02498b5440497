// SPDX-License-Identifier: MIT
// Where the text of a cited source comes from: a local folder given with `--sources DIR`, then
// the host's fetch service. In the folder, a note's source is the file named after the note's
// label (`2.txt`, `2.md`, `2.html`, `2.htm`); a URL's source is the file that `sources.json`
// maps it to ({"https://…": "remarks.html", "7": "statement.txt"}, or {"7": {"file": …,
// "charset": "koi8-r"}}), else the file named after the URL (scheme and trailing slash dropped,
// every character other than a letter, digit, dot or hyphen replaced by "_":
// `www.state.gov_remarks_2024.html`). Files are opened beneath the folder only (links followed
// but never out of it: core/input/beneath_file.hpp), decoded from their declared charset, and
// HTML is reduced to text by the same converter as fetched pages (core/input/html_text.hpp).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "input/sources_folder.hpp"

namespace marginalia::plugins::quotes {

/// A source's text and where it came from (for messages).
struct SourceText {
  std::string text;
  /// "sources/2.txt", or the URL for fetched text.
  std::string origin;
  /// Set when only the start of the source was read ("truncated at 2 MiB …"): words not
  /// found may be further on.
  std::string truncated;
};

/// Local copies of cited sources. Construct once per document check.
class SourceLibrary {
 public:
  /// `folder` may be empty (no local copies).
  explicit SourceLibrary(std::string folder);

  /// The local copy for note `label`, if any.
  bool for_label(const std::string& label, SourceText& out) const;
  /// The local copy for `url`, if any.
  bool for_url(const std::string& url, SourceText& out) const;

  /// Problems met reading the folder (a malformed sources.json, a file refused because it
  /// resolves outside the folder), for the plugin to report once.
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  bool load(const input::SourceEntry& entry, SourceText& out) const;

  std::string folder_;
  std::map<std::string, input::SourceEntry> index_;
  mutable std::vector<std::string> problems_;
};

/// The file name a URL's local copy has, without extension ("www.state.gov_remarks").
std::string file_name_for_url(std::string_view url);

/// The http(s) URLs written in `text`, in order.
std::vector<std::string> urls_in(std::string_view text);

}  // namespace marginalia::plugins::quotes
