// SPDX-License-Identifier: MIT
// Finds what looks like a URL or a DOI in running text, in one linear pass: "scheme://…" for
// any scheme, "www.…", "doi:10.…" and "DOI 10.…", and the near misses an editor wants told
// about ("https:/example.org", "http//example.org"). A URL ends at white space, angle brackets,
// quotation marks and typographic punctuation; trailing sentence punctuation and closing
// brackets that do not belong to it are left out: "(see https://example.org/a)." ends before
// ")", while "https://en.wikipedia.org/wiki/Mercury_(planet)" keeps its own parenthesis.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <marginalia/sdk/span.hpp>

namespace marginalia::plugins::urls {

/// What a candidate looks like.
enum class CandidateKind {
  scheme_url,     ///< "scheme://…" (http, https or any other scheme)
  www,            ///< "www.example.org/…" without a scheme
  doi,            ///< "doi:10.1000/xyz", "DOI: 10.1000/xyz"; `text` holds the DOI itself
  missing_slash,  ///< "https:/example.org": `text` holds the corrected URL
  missing_colon,  ///< "http//example.org": `text` holds the corrected URL
};

/// One candidate: where it is and what it says.
struct Candidate {
  CandidateKind kind = CandidateKind::scheme_url;
  sdk::Span span;    ///< the characters as written (for a DOI, from "doi" to its end)
  std::string text;  ///< the URL as written, or as noted per kind
};

/// Every candidate in `text`, in text order, none overlapping.
std::vector<Candidate> scan_urls(std::string_view text);

/// The end of a URL that starts at `begin`: stops at the first character no URL contains
/// unescaped in prose, then drops trailing punctuation and unbalanced closing brackets.
std::size_t url_end(std::string_view text, std::size_t begin);

}  // namespace marginalia::plugins::urls
