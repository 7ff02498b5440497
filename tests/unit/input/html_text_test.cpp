// SPDX-License-Identifier: MIT
#include "input/html_text.hpp"
#include "input/charset.hpp"

#include <gtest/gtest.h>

namespace marginalia::input {
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
  std::string text;
  ASSERT_TRUE(body_to_text("<doc><![CDATA[raw <b>]]> text</doc>", "application/xml", text));
  EXPECT_EQ(text, "raw <b> text");
}

TEST(HtmlText, IsLinearOnUnclosedMarkup) {
  std::string nasty(200000, '<');
  nasty += std::string(200000, '&');
  EXPECT_LE(html_to_text(nasty).size(), nasty.size());
  EXPECT_EQ(html_to_text("<script>" + std::string(100000, 'x')), "");
}

TEST(HtmlText, ConvertsCharsetsAndRefusesNonText) {
  std::string text;
  ASSERT_TRUE(body_to_text("caf\xE9 \x93quoted\x94", "text/plain; charset=ISO-8859-1", text));
  EXPECT_EQ(text, "caf\u00E9 \u201Cquoted\u201D");
  ASSERT_TRUE(body_to_text("<meta charset=\"windows-1252\"><p>na\xEFve</p>", "text/html", text));
  EXPECT_EQ(text, "na\u00EFve");
  ASSERT_TRUE(body_to_text("bad \xFF byte", "text/plain; charset=utf-8", text));
  EXPECT_EQ(text, "bad \uFFFD byte");
  ASSERT_TRUE(body_to_text("undeclared \xFF byte", "text/plain", text));  // not UTF-8: the web's default
  EXPECT_EQ(text, "undeclared \u00FF byte");
  EXPECT_FALSE(body_to_text("%PDF-1.7", "application/pdf", text));
  EXPECT_TRUE(text.empty());
}

TEST(Charset, DecodesTheDeclaredCharsetThroughIconv) {
  // "新しい港" in Shift_JIS, "новый порт" in KOI8-R, "Łódź" in ISO-8859-2.
  EXPECT_EQ(to_utf8("\x90\x56\x82\xB5\x82\xA2\x8D\x60", "Shift_JIS"), "\u65B0\u3057\u3044\u6E2F");
  EXPECT_EQ(to_utf8("\xCE\xCF\xD7\xD9\xCA \xD0\xCF\xD2\xD4", "koi8-r"), "\u043D\u043E\u0432\u044B\u0439 \u043F\u043E\u0440\u0442");
  EXPECT_EQ(to_utf8("\xA3\xF3" "d\xBC", "iso-8859-2"), "\u0141\u00F3d\u017A");
  std::string utf16(std::string("\xFF\xFEh\0i\0", 6));
  EXPECT_EQ(to_utf8(utf16, declared_charset(utf16, "text/plain; charset=koi8-r", false)), "hi");  // a BOM wins
  EXPECT_EQ(to_utf8("caf\xC3\xA9", ""), "caf\u00E9");                  // undeclared UTF-8
  EXPECT_EQ(to_utf8("caf\xE9", "no-such-charset"), "caf\u00E9");        // unknown: windows-1252
  EXPECT_EQ(to_utf8("a\x81" "b", "windows-1252"), "a\uFFFDb");             // a byte the charset lacks
}

TEST(Charset, FindsTheDeclarationInHeadersMetaAndXml) {
  EXPECT_EQ(declared_charset("<p>", "text/html; charset=\"KOI8-R\"", true), "koi8-r");
  EXPECT_EQ(declared_charset("<html><head><meta charset='shift_jis'>", "text/html", true), "shift_jis");
  EXPECT_EQ(declared_charset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-2\">", "", true), "iso-8859-2");
  EXPECT_EQ(declared_charset("<?xml version=\"1.0\" encoding=\"windows-1250\"?><a/>", "application/xml", true), "windows-1250");
  EXPECT_EQ(declared_charset("<meta charset=koi8-r>", "text/plain", false), "");  // plain text has no meta
}

TEST(HtmlText, DecodesEntitiesAsBrowsersDo) {
  EXPECT_EQ(html_to_text("<p>Russia&rsquo;s&nbsp;base &eacute;t&eacute; &Lstrok;&oacute;d&zacute; &#x201C;x&#8221;</p>"),
            "Russia\u2019s base \u00E9t\u00E9 &Lstrok;\u00F3d&zacute; \u201Cx\u201D");
}

TEST(HtmlText, ReplacesEveryInvalidUtf8Sequence) {
  EXPECT_EQ(valid_utf8("\xC0\xAF"), "\uFFFD\uFFFD");        // overlong
  EXPECT_EQ(valid_utf8("\xED\xA0\x80"), "\uFFFD\uFFFD\uFFFD");  // surrogate
  EXPECT_EQ(valid_utf8("ok \xE2\x82"), "ok \uFFFD\uFFFD");  // cut at the end
  EXPECT_EQ(valid_utf8("\u00E9\U0001F600"), "\u00E9\U0001F600");
}

}  // namespace
}  // namespace marginalia::input
