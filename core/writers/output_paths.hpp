// SPDX-License-Identifier: MIT
// Where outputs go, decided before anything is read: the file of each input under an
// output folder, and the refusal of an output that is one of the inputs.
#pragma once

#include <string>
#include <vector>

namespace marginalia::writers {

/// The output path of each input under `folder`: its path relative to the deepest folder holding
/// every input, plus `extension`. Inputs of one folder keep flat names (`out/a.md.tei.xml`);
/// `d1/report.md` and `d2/report.md` stay apart (`out/d1/report.md.tei.xml`, `out/d2/…`).
std::vector<std::string> output_paths_under(const std::string& folder, const std::vector<std::string>& inputs,
                                            const std::string& extension);

/// A message naming the first output that is also an input, else "". Files are compared by
/// device and inode, so a link, a hard link or another spelling of an input counts; an output
/// that does not exist yet cannot be an input. "-" (standard output) is never a file.
std::string output_overwriting_input(const std::vector<std::string>& outputs, const std::vector<std::string>& inputs);

}  // namespace marginalia::writers
