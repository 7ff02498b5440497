// SPDX-License-Identifier: MIT
// The letter and case classes the quotes plugin reads names and words with: the SDK's, which
// know every script ("Šefčovič", "Łukasz"), not ASCII's.
#pragma once

#include <marginalia/sdk/unicode.hpp>

namespace marginalia::plugins::quotes {

using sdk::unicode::is_letter;
using sdk::unicode::is_lower;
using sdk::unicode::is_upper;

}  // namespace marginalia::plugins::quotes
