// SPDX-License-Identifier: MIT
#include "net/html_text.hpp"

#include <gtest/gtest.h>

namespace marginalia::net {
namespace {

TEST(HtmlText, KeepsRunningTextAndDropsScriptsStylesAndComments) {
  std::string text = html_to_text(
      "<html><head><title>T</title><style>p{color:red}</style></head><body>"
      "<script>var s = '<p>not text</p>';</script><h1>Annual  report</h1>"
      "<p>The minister said &ldquo;we will build&rdquo; &amp;\n left.</p><!-- <p>hidden</p> -->"
      "<p>Second&nbsp;paragraph&#33; &#x263A;</p><SCRIPT type=x>alert(1)</SCRIPT></body></html>");
  EXPECT_EQ(text, "Annual report\nThe minister said \u201Cwe will build\u201D & left.\nSecond paragraph! \u263A");
}

TEST(HtmlText, KeepsUnknownEntitiesAndLoneBracketsAsText) {
  EXPECT_EQ(html_to_text("a < b &unknown; c &amp"), "a < b &unknown; c &amp");
  EXPECT_EQ(html_to_text("<p title=\"a>b\">x</p>"), "x");
  EXPECT_EQ(html_to_text("<![CDATA[raw <b>]]> text"), "raw <b> text");
}

TEST(HtmlText, IsLinearOnUnclosedMarkup) {
  std::string nasty(200000, '<');
  nasty += std::string(200000, '&');
  EXPECT_EQ(html_to_text(nasty).size(), nasty.size());
  EXPECT_EQ(html_to_text("<script>" + std::string(100000, 'x')), "");
}

TEST(HtmlText, ConvertsCharsetsAndRefusesNonText) {
  std::string text;
  ASSERT_TRUE(body_to_text("caf\xE9 \x93quoted\x94", "text/plain; charset=ISO-8859-1", text));
  EXPECT_EQ(text, "caf\u00E9 \u201Cquoted\u201D");
  ASSERT_TRUE(body_to_text("<meta charset=\"windows-1252\"><p>na\xEFve</p>", "text/html", text));
  EXPECT_EQ(text, "na\u00EFve");
  ASSERT_TRUE(body_to_text("bad \xFF byte", "text/plain", text));
  EXPECT_EQ(text, "bad \uFFFD byte");
  EXPECT_FALSE(body_to_text("%PDF-1.7", "application/pdf", text));
  EXPECT_TRUE(text.empty());
}

TEST(HtmlText, ReplacesEveryInvalidUtf8Sequence) {
  EXPECT_EQ(valid_utf8("\xC0\xAF"), "\uFFFD\uFFFD");        // overlong
  EXPECT_EQ(valid_utf8("\xED\xA0\x80"), "\uFFFD\uFFFD\uFFFD");  // surrogate
  EXPECT_EQ(valid_utf8("ok \xE2\x82"), "ok \uFFFD\uFFFD");  // cut at the end
  EXPECT_EQ(valid_utf8("\u00E9\U0001F600"), "\u00E9\U0001F600");
}

}  // namespace
}  // namespace marginalia::net
