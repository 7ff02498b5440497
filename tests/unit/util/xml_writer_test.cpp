// SPDX-License-Identifier: MIT
#include "util/xml_writer.hpp"

#include <gtest/gtest.h>

namespace marginalia::util {
namespace {

TEST(XmlEscape, EscapesMarkupAndReplacesCharactersXmlForbids) {
  EXPECT_EQ(xml_escape("a & b < c > d \"e\" 'f' ]]>", false), "a &amp; b &lt; c &gt; d \"e\" 'f' ]]&gt;");
  EXPECT_EQ(xml_escape("\"x\"\n", true), "&quot;x&quot;&#10;");
  EXPECT_EQ(xml_escape(std::string("a\0b\x1b" "c\xEF\xBF\xBE", 8), false), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD");
  EXPECT_EQ(xml_escape("\xE2\x80\xAE bidi kept", false), "\xE2\x80\xAE bidi kept");
}

TEST(XmlWriter, IndentsStructureButNeverMixedContent) {
  XmlWriter xml;
  xml.open("div");
  xml.open("p");
  xml.text("before ");
  xml.open_inline("date", {{"when", "2024"}});
  xml.text("2024");
  xml.close();
  xml.open_inline("ref");
  xml.text("1");
  xml.close();
  xml.close();
  xml.close();
  EXPECT_EQ(xml.str(), "<div>\n  <p>before <date when=\"2024\">2024</date><ref>1</ref></p>\n</div>");
}

TEST(XmlWriter, DeepNestingStaysLinearInSize) {
  // 5,000 nested divisions: indenting every level wrote 100 MB; capped, about 220 bytes a level.
  const std::size_t depth = 5000;
  XmlWriter xml;
  for (std::size_t i = 0; i < depth; ++i) {
    xml.open("div");
    xml.leaf("head", "h");
  }
  for (std::size_t i = 0; i < depth; ++i) xml.close();
  EXPECT_LT(xml.str().size(), depth * 300);
  EXPECT_EQ(xml.str().substr(xml.str().size() - 7), "\n</div>");
}

TEST(XmlWriter, BreaksUpEveryDoubleHyphenInAComment) {
  XmlWriter xml;
  xml.comment("a---b----c");
  EXPECT_EQ(xml.str().find("--", 4), xml.str().size() - 3) << xml.str();  // only the closing "-->"
}

}  // namespace
}  // namespace marginalia::util
