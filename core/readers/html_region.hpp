// SPDX-License-Identifier: MIT
// Which part of an HTML page is the report. Pages wrap it in navigation, headers, footers,
// sidebars and cookie banners; when the page marks its content (`main`, `role=main`, a single
// dominant `article`, or a well-known content container such as MediaWiki's `mw-content-text`)
// only that region is read. Otherwise the whole body is, less navigation and cookie banners.
#pragma once

#include <string>

#include "readers/html_tree.hpp"

namespace marginalia::readers::html {

/// The region read and how it was chosen.
struct ContentRegion {
  /// Node index of the region (0 = the whole document).
  int node = 0;
  /// What was read, for `--verbose`: "main", "article (1 of 3)", "div#mw-content-text", "body".
  std::string description = "body";
};

/// The content region of `tree`.
ContentRegion find_content_region(const HtmlTree& tree);

/// Page furniture left out wherever it stands: cookie and consent banners.
bool is_cookie_banner(const HtmlNode& node);

}  // namespace marginalia::readers::html
