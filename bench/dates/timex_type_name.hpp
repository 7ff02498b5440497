// SPDX-License-Identifier: MIT
// The TimeML name of a TIMEX3 type, shared by the dump tool and the MEANTIME scorer.
#pragma once

#include "date_analysis.hpp"

namespace marginalia::plugins::dates {

/// "DATE", "TIME", "DURATION" or "SET".
inline const char* type_name(TimexType t) {
  switch (t) {
    case TimexType::date: return "DATE";
    case TimexType::time: return "TIME";
    case TimexType::duration: return "DURATION";
    case TimexType::set: return "SET";
  }
  return "";
}

}  // namespace marginalia::plugins::dates
