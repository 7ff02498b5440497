// SPDX-License-Identifier: MIT
// DOI syntax (ISO 26324, DOI Handbook §2.2): "10." + a registrant code of digits (with optional
// ".digits" subdivisions) + "/" + a non-empty suffix.
#pragma once

#include <string>
#include <string_view>

namespace marginalia::plugins::urls {

/// Why `doi` is not a DOI, or an empty string when it is one.
std::string doi_problem(std::string_view doi);

/// The DOI a doi.org URL carries ("https://doi.org/10.1000/x" → "10.1000/x", percent-escapes
/// decoded), or an empty string when `url` is not on doi.org / dx.doi.org.
std::string doi_of_url(std::string_view url);

/// The resolver URL of a DOI: https://doi.org/ + the DOI, escaping what a URL cannot hold.
std::string doi_url(std::string_view doi);

}  // namespace marginalia::plugins::urls
