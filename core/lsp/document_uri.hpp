// SPDX-License-Identifier: MIT
// From what an editor says about a buffer (its URI, its language id) to what the core needs:
// a path (for reports and for finding the nearest marginalia.json) and a reader format.
#pragma once

#include <string>

namespace marginalia::lsp {

/// The file path of a `file:` URI (percent-decoded); for other schemes ("untitled:Untitled-1")
/// the last segment, so the buffer is named and configured as a file in the working folder.
std::string path_from_uri(const std::string& uri);

/// The reader format of a buffer ("markdown", "text", "html", "tei"), from its language id,
/// else from the path's extension; empty when marginalia does not check such buffers.
std::string format_for(const std::string& language_id, const std::string& path);

}  // namespace marginalia::lsp
