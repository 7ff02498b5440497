// SPDX-License-Identifier: MIT
// Where outputs go, decided before anything is read: the TEI file of each input under an
// output folder, and the refusal of an output that is one of the inputs.
#pragma once

#include <string>
#include <vector>

namespace marginalia::writers {

/// The TEI path of each input under `folder`: its path relative to the deepest folder holding
/// every input, plus ".tei.xml". Inputs of one folder keep flat names (`out/a.md.tei.xml`);
/// `d1/report.md` and `d2/report.md` stay apart (`out/d1/report.md.tei.xml`, `out/d2/…`).
std::vector<std::string> tei_paths_under(const std::string& folder, const std::vector<std::string>& inputs);

/// A message naming the first output that is also an input, else "". Files are compared by
/// device and inode, so a link, a hard link or another spelling of an input counts; an output
/// that does not exist yet cannot be an input. "-" (standard output) is never a file.
std::string output_overwriting_input(const std::vector<std::string>& outputs, const std::vector<std::string>& inputs);

}  // namespace marginalia::writers
