// SPDX-License-Identifier: MIT
// The TEI writer: one TEI P5 document per report that validates against tei_all.rng. The
// report's text is written exactly as read (so `string-range` pointers count the same
// characters), with inline markup for what the reader and the plugins recognised, the notes in
// `back`, and a `standOff` holding one `annotation` per finding.
#pragma once

#include <string>

#include "merge/merge.hpp"

namespace marginalia::writers {

/// Options of the TEI output.
struct TeiOptions {
  /// The marginalia version recorded in `appInfo`.
  std::string tool_version;
};

/// The TEI document for `report`, as UTF-8 text.
std::string write_tei(const merge::DocumentReport& report, const TeiOptions& options);

/// `s` made into an XML NCName fragment: letters, digits, '-', '_', '.'; others become '-'.
std::string ncname_fragment(std::string_view s);

/// `url` made acceptable as a TEI pointer (spaces and stray '%' percent-encoded), or empty when
/// it cannot be a URI at all.
std::string tei_pointer(std::string_view url);

/// True for a W3C date TEI accepts in `@when` ("2024", "2024-07", "2024-07-23", "--07-23").
bool valid_w3c_date(std::string_view value);

}  // namespace marginalia::writers
