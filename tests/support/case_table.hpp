// SPDX-License-Identifier: MIT
// A table of {input, expected} cases checked by one loop: how a test lists the forms a function
// must handle, one row each, instead of one copied assertion per form.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace marginalia::testing {

/// One case: what goes in and the text that must come out.
struct Case {
  std::string input;
  std::string expected;
};

/// Expects `function(input) == expected` for every case, naming the input that fails.
template <typename Function>
void expect_each(const std::vector<Case>& cases, Function&& function) {
  for (const Case& c : cases) EXPECT_EQ(function(c.input), c.expected) << "input: " << c.input;
}

}  // namespace marginalia::testing
