// SPDX-License-Identifier: MIT
#include "model/source_map.hpp"

#include <gtest/gtest.h>

#include <string>

#include "model/text_normalizer.hpp"

namespace marginalia::model {
namespace {

SourceMap identity_map(const std::string& source) {
  NormalizeResult normalized = normalize_input(source);
  EXPECT_TRUE(normalized.ok);
  SourceMap map(source);
  map.set_input_breaks(normalized.input.breaks);
  map.add_segment(0, static_cast<std::uint32_t>(normalized.input.text.size()), 0);
  return map;
}

// Where text offset `offset` stands in the source, as "line:column".
std::string at(const SourceMap& map, std::uint32_t offset) {
  Position position = map.position(offset);
  return std::to_string(position.line) + ":" + std::to_string(position.column);
}

TEST(SourceMap, CountsColumnsInCodePointsNotBytes) {
  SourceMap map = identity_map("Russia\xE2\x80\x99s war\n");  // Russia’s war
  EXPECT_EQ(map.position(0).column, 1u);
  EXPECT_EQ(at(map, 9), "1:8") << "the 3-byte apostrophe is one column";
}

TEST(SourceMap, MapsOffsetAfterCrlfToNextLine) {
  std::string source = "one\r\ntwo\r\nthree";
  SourceMap map = identity_map(source);
  // Normalised text is "one\ntwo\nthree": offset 4 is 't' of "two".
  EXPECT_EQ(at(map, 4), "2:1");
  EXPECT_EQ(at(map, 10), "3:3");
  EXPECT_EQ(map.line_text(2), "two");
}

TEST(SourceMap, TreatsLoneCarriageReturnsAsLineEnds) {
  SourceMap map = identity_map("a\rb\rc");
  EXPECT_EQ(map.position(4).line, 3u);
  EXPECT_EQ(map.line_text(3), "c");
}

TEST(SourceMap, SkipsTheByteOrderMarkWhenCountingColumns) {
  SourceMap map = identity_map("\xEF\xBB\xBFTitle\r\nBody");
  EXPECT_EQ(at(map, 0), "1:1");
  EXPECT_EQ(at(map, 6), "2:1");
  EXPECT_EQ(map.line_text(1), "Title");
}

TEST(SourceMap, MapsTextPiecesFromAnywhereInTheInput) {
  std::string source = "# Heading\n\nSome *emphasis* here.\n";
  SourceMap map(source);
  // The reader's text "Heading\n\nSome emphasis here." comes from pieces of the source.
  map.add_segment(0, 7, 2);     // Heading
  map.add_segment(9, 5, 11);    // "Some "
  map.add_segment(14, 8, 17);   // emphasis
  map.add_segment(22, 6, 26);   // " here."
  EXPECT_EQ(at(map, 14), "3:7") << "after the asterisk";
  EXPECT_EQ(map.position(0).column, 3u);
}

TEST(SourceMap, AnEntityMapsToItsStart) {
  std::string source = "Tom &amp; Jerry";
  SourceMap map(source);
  map.add_segment(0, 4, 0);
  map.add_segment(4, 1, 4, 5);  // "&" from "&amp;"
  map.add_segment(5, 6, 9);
  EXPECT_EQ(map.position(4).column, 5u);
  EXPECT_EQ(map.position(6).column, 11u);
}

TEST(SourceMap, SourceRangeOfASpanEndsAfterItsLastByteNotAtTheNextPiece) {
  // Text "Friday, 3" from "<b>Friday</b>, 3": the span of "Friday" ends before "</b>".
  SourceMap map("<b>Friday</b>, 3");
  map.add_segment(0, 6, 3);
  map.add_segment(6, 3, 13);
  SourceRange range = map.source_range(0, 6);
  EXPECT_EQ(range.begin, 3u);
  EXPECT_EQ(range.end, 9u);
  EXPECT_EQ(map.source_range(0, 9).end, 16u);
}

TEST(SourceMap, SourceRangeOfASpanEndingInAnEntityCoversTheWholeEntity) {
  // Text "A&B" from "A&amp;B".
  SourceMap map("A&amp;B");
  map.add_segment(0, 1, 0);
  map.add_segment(1, 1, 1, 5);
  map.add_segment(2, 1, 6);
  EXPECT_EQ(map.source_range(0, 2).end, 6u);
}

TEST(SourceMap, CopiesVerbatimOnlyTextWrittenAsIsInOnePiece) {
  std::string text = "Friday, 3";
  SourceMap map("<b>Friday</b>, 3");
  map.add_segment(0, 6, 3);
  map.add_segment(6, 3, 13);
  EXPECT_TRUE(map.copies_verbatim(text, 0, 6));
  EXPECT_TRUE(map.copies_verbatim(text, 6, 9));
  EXPECT_FALSE(map.copies_verbatim(text, 0, 9)) << "the span runs over </b>";
  SourceMap entity("Fri&#100;ay");
  entity.add_segment(0, 3, 0);
  entity.add_segment(3, 1, 3, 6);
  entity.add_segment(4, 2, 9);
  EXPECT_FALSE(entity.copies_verbatim(text.substr(0, 6), 0, 6)) << "a character reference is not the character";
  EXPECT_TRUE(entity.copies_verbatim(text.substr(0, 6), 0, 3));
}

TEST(SourceMap, CopiesVerbatimRefusesASpanOverANormalisedLineEnd) {
  SourceMap map = identity_map("one\r\ntwo\r\n");
  std::string text = "one\ntwo\n";
  EXPECT_TRUE(map.copies_verbatim(text, 4, 7));
  EXPECT_EQ(map.source_range(4, 7).begin, 5u);
  EXPECT_FALSE(map.copies_verbatim(text, 0, 7)) << "the text's LF is the file's CRLF";
}

}  // namespace
}  // namespace marginalia::model
