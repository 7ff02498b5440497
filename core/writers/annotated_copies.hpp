// SPDX-License-Identifier: MIT
// Annotated copies of a run's inputs (`--annotate OUT`): which inputs can have one (DOCX only;
// the other formats have the HTML report and, in an editor, the language server), where each
// copy goes (OUT itself for one input; for several, OUT is a folder and each copy keeps the
// input's relative path), and writing them atomically (writers/atomic_file). The annotating
// itself is writers/docx_annotator.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "merge/merge.hpp"
#include "writers/docx_annotator.hpp"

namespace marginalia::writers {

/// A usage error naming the first of `inputs` that cannot be annotated (read as `input_format`,
/// or by extension when it is empty), or an empty string when all can.
std::string annotation_usage_error(const std::vector<std::string>& inputs, const std::string& input_format);

/// Where the annotated copy of `input` goes, given `target` and whether the run has several inputs.
std::string annotated_copy_path(const std::string& target, const std::string& input, bool several);

/// Writes the annotated copy of every file of the run; returns the problems (one line each:
/// an unreadable input, a copy that could not be written). `written` gets (what, path) pairs.
std::vector<std::string> write_annotated_copies(const std::vector<merge::FileReport>& files, const std::string& target,
                                                const AnnotateOptions& options, std::vector<std::pair<std::string, std::string>>& written);

}  // namespace marginalia::writers
