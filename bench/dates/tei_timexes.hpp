// SPDX-License-Identifier: MIT
// The time expressions in a TEI file written by marginalia, as TIMEX3 spans of the text it
// was run on: every `<date>`/`<time>` in `<text>` read back through timeml_from_tei.
#pragma once

#include <string>
#include <vector>

#include "meantime_corpus.hpp"

namespace marginalia::bench::meantime {

/// Runs `binary check` on `text` (written to `folder`) with `document_date` (none when empty)
/// and returns the TEI it writes; false (with `error`) when the run fails.
bool run_marginalia_tei(const std::string& binary, const std::string& folder, const std::string& text,
                        const std::string& document_date, std::string& tei, std::string& error);

/// The `<date>`/`<time>` elements of `tei` as spans of `source` (the text marginalia read):
/// a range's `<date from to>` that holds the dates of its ends counts as those ends, as TimeML
/// tags them, and when it carries a duration (`@dur-iso`, "from 2009 to 2011") also as the
/// DURATION MEANTIME tags. False (with `error`) when the TEI's text is not `source`'s.
bool timexes_from_tei(const std::string& tei, const std::string& source, std::vector<Timex>& out, std::string& error);

}  // namespace marginalia::bench::meantime
