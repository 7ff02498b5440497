// SPDX-License-Identifier: MIT
// How the host words an HTTP status in a FetchResult's detail ("HTTP 404 not found"), shared by
// the libcurl engine and the scripted service the fixtures use.
#pragma once

#include <string>

namespace marginalia::net {

/// The reason phrase of a status ("not found"), or "" for statuses without one here.
const char* reason_phrase(long status);

/// "HTTP 404 not found"; "HTTP 299" when the status has no phrase.
std::string http_detail(long status);

}  // namespace marginalia::net
