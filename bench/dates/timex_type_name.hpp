// SPDX-License-Identifier: MIT
// The TimeML name of a TIMEX3 type, shared by the dump tool and the MEANTIME scorer.
#pragma once

#include <cstddef>
#include <iterator>

#include "date_analysis.hpp"

namespace marginalia::plugins::dates {

/// "DATE", "TIME", "DURATION" or "SET".
inline const char* type_name(TimexType t) {
  // In the order of TimexType's values.
  static const char* const names[] = {"DATE", "TIME", "DURATION", "SET"};
  auto index = static_cast<std::size_t>(t);
  return index < std::size(names) ? names[index] : "";
}

}  // namespace marginalia::plugins::dates
