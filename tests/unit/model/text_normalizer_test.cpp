// SPDX-License-Identifier: MIT
#include "model/text_normalizer.hpp"

#include <gtest/gtest.h>

namespace marginalia::model {
namespace {

TEST(TextNormalizer, KeepsCharactersAsTheyAreIncludingNbsp) {
  NormalizeResult result = normalize_input("a\xC2\xA0" "b \xE2\x80\x9Cquote\xE2\x80\x9D");
  ASSERT_TRUE(result.ok);
  EXPECT_EQ(result.input.text, "a\xC2\xA0" "b \xE2\x80\x9Cquote\xE2\x80\x9D");
}

TEST(TextNormalizer, RemovesTheBomAndNormalisesLineEnds) {
  NormalizeResult result = normalize_input("\xEF\xBB\xBFone\r\ntwo\rthree\n");
  ASSERT_TRUE(result.ok);
  EXPECT_EQ(result.input.text, "one\ntwo\nthree\n");
}

TEST(TextNormalizer, ReportsTheByteOffsetOfInvalidUtf8) {
  struct Case { std::string bytes; std::size_t offset; };
  for (const Case& c : {Case{"ok \xC0\xAF overlong", 3}, Case{"\xED\xA0\x80 surrogate", 0}, Case{"ab\xF4\x90\x80\x80", 2},
                        Case{"cut \xE2\x82", 4}, Case{"stray \x80", 6}, Case{"latin \xE9t\xE9", 6}}) {
    NormalizeResult result = normalize_input(c.bytes);
    ASSERT_FALSE(result.ok) << c.bytes;
    EXPECT_EQ(result.error.code, "reader/invalid-utf8");
    EXPECT_EQ(result.error.byte_offset, c.offset) << c.bytes;
  }
}

TEST(TextNormalizer, RefusesUtf16AndUtf32) {
  EXPECT_EQ(normalize_input(std::string("\xFF\xFEh\0", 4)).error.code, "reader/unsupported-encoding");
  EXPECT_EQ(normalize_input(std::string("\x00\x00\xFE\xFF", 4)).error.code, "reader/unsupported-encoding");
}

TEST(TextNormalizer, CallsUtf16WithoutAByteOrderMarkUtf16NotBinary) {
  std::string little, big;
  for (char c : std::string("Title\n\nA claim about exports.1\n")) {
    little += std::string{c, '\0'};
    big += std::string{'\0', c};
  }
  NormalizeResult result = normalize_input(little);
  EXPECT_EQ(result.error.code, "reader/unsupported-encoding");
  EXPECT_NE(result.error.message.find("looks like UTF-16 (little-endian"), std::string::npos) << result.error.message;
  result = normalize_input(big);
  EXPECT_EQ(result.error.code, "reader/unsupported-encoding");
  EXPECT_NE(result.error.message.find("big-endian"), std::string::npos) << result.error.message;
  // NULs without a parity are still a binary file.
  EXPECT_EQ(normalize_input(std::string(100, '\0')).error.code, "reader/binary-file");
}

TEST(TextNormalizer, ReplacesControlCharactersAndRecordsThem) {
  NormalizeResult result = normalize_input(std::string("a\x1b" "b\0c\xEF\xBF\xBE", 8));
  ASSERT_TRUE(result.ok);
  EXPECT_EQ(result.input.text, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD");
  ASSERT_EQ(result.input.replaced.size(), 3u);
  EXPECT_EQ(result.input.replaced[0].second, 0x1Bu);
  EXPECT_EQ(result.input.replaced[2].second, 0xFFFEu);
}

TEST(TextNormalizer, TellsBinaryFilesByMagicNumberAndNuls) {
  EXPECT_EQ(normalize_input("%PDF-1.7 ...").error.code, "reader/binary-file");
  EXPECT_EQ(normalize_input(std::string(100, '\0')).error.code, "reader/binary-file");
}

TEST(TextNormalizer, ValidatesLongAsciiRunsQuickly) {
  std::string text(1 << 20, 'a');
  text += "\xC3\xA9";
  EXPECT_EQ(find_invalid_utf8(text), std::string::npos);
  text += "\xC3";
  EXPECT_EQ(find_invalid_utf8(text), text.size() - 1);
}

}  // namespace
}  // namespace marginalia::model
