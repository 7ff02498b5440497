// SPDX-License-Identifier: MIT
#include "lsp/document_uri.hpp"

#include <gtest/gtest.h>

namespace marginalia::lsp {
namespace {

TEST(PathFromUri, DecodesFileUris) {
  EXPECT_EQ(path_from_uri("file:///home/ana/My%20Reports/draft.md"), "/home/ana/My Reports/draft.md");
  EXPECT_EQ(path_from_uri("file://localhost/tmp/r%C3%A9sum%C3%A9.txt"), "/tmp/r\xC3\xA9sum\xC3\xA9.txt");
  EXPECT_EQ(path_from_uri("FILE:///tmp/a.md"), "/tmp/a.md");
}

TEST(PathFromUri, NamesBuffersWithoutAFile) {
  EXPECT_EQ(path_from_uri("untitled:Untitled-1"), "Untitled-1");
  EXPECT_EQ(path_from_uri("untitled:"), "untitled");
}

TEST(FormatFor, TakesTheLanguageIdThenTheExtension) {
  EXPECT_EQ(format_for("markdown", "/a/notes.txt"), "markdown");
  EXPECT_EQ(format_for("plaintext", "/a/notes"), "text");
  EXPECT_EQ(format_for("text", "/a/notes.txt"), "text");
  EXPECT_EQ(format_for("html", "/a/page.htm"), "html");
  EXPECT_EQ(format_for("xml", "/a/edition.tei"), "tei");
  EXPECT_EQ(format_for("nxml", "/a/edition.xml"), "tei");
  EXPECT_EQ(format_for("", "/a/edition.xml"), "tei");
  EXPECT_EQ(format_for("", "/a/b.markdown"), "markdown");
}

TEST(FormatFor, LeavesOtherLanguagesAlone) {
  EXPECT_EQ(format_for("cpp", "/a/main.cpp"), "");
  EXPECT_EQ(format_for("json", "/a/marginalia.json"), "");
  EXPECT_EQ(format_for("xml", "/a/pom.xsd"), "");
  EXPECT_EQ(format_for("", "/a/archive.zip"), "");
}

}  // namespace
}  // namespace marginalia::lsp
