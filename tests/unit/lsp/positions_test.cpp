// SPDX-License-Identifier: MIT
#include "lsp/positions.hpp"

#include <gtest/gtest.h>

namespace marginalia::lsp {
namespace {

TEST(Utf16Units, CountsCharactersOutsideTheBmpAsTwoUnits) {
  std::string line = "\xF0\x9D\x94\xB8 \xF0\x9F\x98\x80 caf\xC3\xA9 \xE2\x80\x9C";  // 𝔸 😀 café “
  EXPECT_EQ(utf16_units(line, 1), 2u);
  EXPECT_EQ(utf16_units(line, 3), 5u);
  EXPECT_EQ(utf16_units(line, 8), 10u);   // é is one unit
  EXPECT_EQ(utf16_units(line, 10), 12u);  // “ is one unit
}

TEST(Utf16Units, ColumnsPastTheLineEndCountOneEach) {
  EXPECT_EQ(utf16_units("ab", 4), 4u);
  EXPECT_EQ(utf16_units("\xF0\x9F\x98\x80", 2), 3u);
}

TEST(ToLsp, ConvertsOneBasedCodePointColumnsOfTheSourceLine) {
  model::SourceMap map("first\r\n\xF0\x9D\x94\xB8 \xF0\x9F\x98\x80 On Monday\n");
  Position at = to_lsp(map, {2, 8});  // the M of Monday: 7 code points, 9 UTF-16 units before it
  EXPECT_EQ(at.line, 1u);
  EXPECT_EQ(at.character, 9u);
}

TEST(RangeJson, RoundTrips) {
  Range range{{3, 4}, {5, 6}};
  Range back = range_from_json(to_json(range));
  EXPECT_EQ(back.start.line, 3u);
  EXPECT_EQ(back.end.character, 6u);
  EXPECT_THROW(position_from_json(nlohmann::json::object()), nlohmann::json::exception);
}

}  // namespace
}  // namespace marginalia::lsp
