// SPDX-License-Identifier: MIT
// Rewriting a DOCX package (a ZIP archive) in memory with libzip: some parts replaced or added,
// every other entry copied as it is. libzip copies an unchanged entry's compressed bytes without
// inflating them (its local header is rewritten, its data and CRC are not), so untouched parts —
// styles, pictures, embedded objects — come out byte for byte what the author's Word wrote.
// Replaced and added parts are deflated and keep the original entry's timestamp (a new part takes
// the main part's), so the same input and findings always give the same bytes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace marginalia::writers::docx {

/// A part to write: its name inside the package and its complete new contents.
using PackagePart = std::pair<std::string, std::string>;

/// `package` with `parts` replaced (or added at the end, in the order given); nothing and
/// `error` set when the archive cannot be rewritten. `timestamp_from` names the entry whose
/// modification time new parts take.
std::optional<std::string> rewrite_package(std::string_view package, const std::vector<PackagePart>& parts,
                                           const std::string& timestamp_from, std::string& error);

}  // namespace marginalia::writers::docx
