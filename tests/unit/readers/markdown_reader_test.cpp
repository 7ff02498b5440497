// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "unit/readers/reader_test_support.hpp"

namespace marginalia::testing {
namespace {

using sdk::BlockKind;

TEST(MarkdownReader, ReadsGfmFootnotesWithTheirLabelsAndPositions) {
  model::LoadedDocument doc = read_string("r.md",
                                          "# Title\n\nText[^a] and more[^2].\n\n[^a]: Note a.\n[^2]: Note two,\n    continued.\n"
                                          "[^unused]: Never cited.\n");
  const auto& refs = doc.document.note_refs;
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(labels_of(refs), (std::vector<std::string>{"a", "2"}));
  model::Position at = doc.source_map.position(refs[0].span.begin);
  EXPECT_EQ(at.line, 3u);
  EXPECT_EQ(at.column, 5u) << "the position of [^a] in the file";
  const auto& notes = doc.document.notes;
  ASSERT_EQ(notes.size(), 3u) << "an unreferenced definition is kept (cmark drops it)";
  EXPECT_EQ(text_of(doc, notes[1].body), "Note two,\ncontinued.");
  EXPECT_EQ(notes[2].label, "unused");
}

// CommonMark lets an HTML comment interrupt a paragraph; a suppression comment must not.
TEST(MarkdownReader, RecordsADirectiveInsideAParagraphWithoutSplittingIt) {
  model::LoadedDocument doc = read_string("r.md",
                                          "Intro.\n\nThe minister said\r\n<!-- marginalia-disable-next-line dates/weekday-mismatch -- checked -->\r\n"
                                          "on Monday: \"No.\"\n\n<!-- an ordinary comment -->\n");
  ASSERT_EQ(doc.document.blocks.size(), 2u);
  EXPECT_EQ(text_of(doc, doc.document.blocks[1].span), "The minister said\non Monday: \"No.\"");
  model::Position on = doc.source_map.position(doc.document.blocks[1].span.begin + 18);
  EXPECT_EQ(on.line, 5u) << "the text after the directive keeps its own line";
  EXPECT_EQ(on.column, 1u);
  ASSERT_EQ(doc.directive_comments.size(), 1u);
  const model::DirectiveComment& comment = doc.directive_comments[0];
  EXPECT_EQ(comment.content, "marginalia-disable-next-line dates/weekday-mismatch -- checked");
  EXPECT_EQ(doc.source_map.position_of_source(comment.source_begin).line, 4u);
  EXPECT_EQ(doc.source_map.source().substr(comment.source_begin, comment.source_end - comment.source_begin),
            "<!-- marginalia-disable-next-line dates/weekday-mismatch -- checked -->");
}

TEST(MarkdownReader, KeepsAReferenceToAnUndefinedNoteAsAMarker) {
  model::LoadedDocument doc = read_string("r.md", "Text[^9].\n\n[^1]: A note.\n");
  ASSERT_EQ(doc.document.note_refs.size(), 1u);
  EXPECT_EQ(doc.document.note_refs[0].label, "9");
  EXPECT_EQ(doc.source_map.position(doc.document.note_refs[0].span.begin).column, 5u);
}

TEST(MarkdownReader, ReadsLinksAndAutolinksWithTheirTargets) {
  model::LoadedDocument doc = read_string("r.md", "See [the outlook](https://example.org/a \"t\"), <https://example.org/b> and https://example.org/c.\n");
  const auto& links = doc.document.links;
  ASSERT_EQ(links.size(), 3u);
  EXPECT_EQ(links[0].target, "https://example.org/a");
  EXPECT_EQ(text_of(doc, links[0].span), "the outlook");
  EXPECT_EQ(links[1].target, "https://example.org/b");
  EXPECT_EQ(links[2].target, "https://example.org/c");
  EXPECT_EQ(doc.source_map.position(links[0].span.begin).column, 6u);
}

TEST(MarkdownReader, TakesMetadataFromFrontMatterAndKeepsLineNumbers) {
  model::LoadedDocument doc = read_string("r.md", "---\ntitle: Ports\ndate: 2024-05-06\n---\n\n# Ports\n\nA claim.[^1]\n");
  EXPECT_EQ(doc.document.meta("date"), "2024-05-06");
  EXPECT_EQ(doc.document.meta("title"), "Ports");
  ASSERT_EQ(doc.document.note_refs.size(), 1u);
  EXPECT_EQ(doc.source_map.position(doc.document.note_refs[0].span.begin).line, 8u);
}

TEST(MarkdownReader, RecognisesBlocksOfEveryKind) {
  model::LoadedDocument doc = read_string("r.md", "## Section\n\nPara *with* emphasis.\n\n- item one\n- item two\n\n> quoted\n\n```\ncode is skipped\n```\n");
  std::vector<BlockKind> kinds;
  for (const sdk::Block& block : doc.document.blocks) kinds.push_back(block.kind);
  EXPECT_EQ(kinds, (std::vector<BlockKind>{BlockKind::heading, BlockKind::paragraph, BlockKind::list_item, BlockKind::list_item,
                                           BlockKind::block_quote}));
  EXPECT_EQ(text_of(doc, doc.document.blocks[1].span), "Para with emphasis.");
  EXPECT_EQ(doc.source_map.position(doc.document.blocks[1].span.begin + 5).column, 7u) << "inside the emphasis";
  EXPECT_EQ(doc.document.blocks[0].level, 2);
}

TEST(MarkdownReader, ReadsNotesWrittenAsTableRowsUnderAFootnotesHeading) {
  model::LoadedDocument doc = read_string("crs.md",
                                          "**Publication Date:** 04/10/2026\n\nShips wait.1 Tolls rose.2\n\n# Footnotes\n\n"
                                          "| 1. | Agency, \"Report,\" 2026, https://example.org/a. \n| 2. | P.L. 119-27 \xC2\xA7" "4(a)(5). \n");
  ASSERT_EQ(doc.document.notes.size(), 2u);
  EXPECT_EQ(text_of(doc, doc.document.notes[1].body), "P.L. 119-27 \xC2\xA7" "4(a)(5).");
  ASSERT_EQ(doc.document.note_refs.size(), 2u) << "markers fused to words, recognised as in plain text";
  EXPECT_EQ(doc.document.meta("date"), "2026-04-10") << "US order in a CRS-style header";
}

// Inline code reads on in its sentence but is literal: plugins find it as "code" elements.
TEST(MarkdownReader, RecordsBacktickAndRawHtmlCodeAsCodeElements) {
  model::LoadedDocument doc = read_string("r.md",
                                          "# T\n\nSet `x = \"abc` and ``a `tick` b``, press <kbd>Ctrl</kbd>, run <code>ls -l</code>.\n\n"
                                          "```\nblock \"code\"\n```\n");
  EXPECT_EQ(code_of(doc), (std::vector<std::string>{"x = \"abc", "a `tick` b", "Ctrl", "ls -l"}));
  ASSERT_EQ(doc.document.blocks.size(), 2u) << "a fenced block is not text at all";
  EXPECT_EQ(text_of(doc, doc.document.blocks[1].span), "Set x = \"abc and a `tick` b, press Ctrl, run ls -l.");
  const sdk::Element& first = doc.document.elements.front();
  EXPECT_EQ(doc.source_map.position(first.span.begin).column, 6u) << "the code maps to its characters, after the backtick";
}

TEST(MarkdownReader, ReadsNoNoteMarkerInsideCode) {
  model::LoadedDocument doc = read_string("r.md", "A claim.[^1] Write `[^2]` for a marker, `text[^3]` or `text^[inline]`.\n\n[^1]: A note.\n");
  EXPECT_EQ(labels_of(doc.document.note_refs), (std::vector<std::string>{"1"}));
  EXPECT_EQ(doc.document.notes.size(), 1u) << "no pandoc inline note inside code";
}

}  // namespace
}  // namespace marginalia::testing

namespace marginalia::readers {
namespace {

using testing::read_string;
using testing::text_of;
using testing::labels_of;

TEST(MarkdownReader, LeavesKramdownAttributeListsOutOfTheText) {
  model::LoadedDocument doc = read_string("r.md", "# Guide\n{: .no_toc }\n\nMind the gap.\n{: .warning }\n\n## Steps {: .text-delta }\n\n{:toc}\n{::options toc_levels=\"2..4\" /}\n");
  EXPECT_EQ(doc.document.text.find("{:"), std::string::npos) << doc.document.text;
  EXPECT_NE(doc.document.text.find("Mind the gap."), std::string::npos);
}

TEST(MarkdownReader, ReadsPandocInlineNotes) {
  model::LoadedDocument doc = read_string("r.md", "A claim.^[Smith, *Title*, 2005.] Another.^[See [x](https://example.org).]\n");
  ASSERT_EQ(doc.document.notes.size(), 2u);
  ASSERT_EQ(doc.document.note_refs.size(), 2u);
  EXPECT_EQ(doc.document.note_refs[0].label, doc.document.notes[0].label);
  EXPECT_EQ(text_of(doc, doc.document.notes[0].body), "Smith, Title, 2005.");
  EXPECT_EQ(doc.document.meta("note-labels"), "names");
}

TEST(MarkdownReader, ReadsAReferenceOnAnIndentedContinuationLineWithItsOwnLabel) {
  model::LoadedDocument doc = read_string("r.md", "Prices rose.\n Rates fell.[^5]\n\n[^5]: Bank, 2020.\n");
  ASSERT_EQ(doc.document.note_refs.size(), 1u);
  EXPECT_EQ(doc.document.note_refs[0].label, "5");
  EXPECT_EQ(text_of(doc, doc.document.note_refs[0].span), "5");
}

TEST(MarkdownReader, ReadsAReferencesListBesideGfmNotesAsABibliography) {
  model::LoadedDocument doc = read_string("r.md", "Text.[^1]\n\n## References\n\n1. A guide - [x](https://example.org/x)\n2. Another\n\n[^1]: A note.\n");
  ASSERT_EQ(doc.document.notes.size(), 1u);
  EXPECT_EQ(doc.document.notes[0].label, "1");
}

// Footnotes written as raw HTML inside Markdown are read with the HTML reader's conventions.
TEST(MarkdownReader, ReadsRawHtmlMarkersAndTheNotesOfAFootnotesBlock) {
  model::LoadedDocument doc = read_string(
      "r.md",
      "# T\n\nClaim.<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote\">1</a></sup> More.<sup><a href=\"#fn2\" id=\"fnref2\">2</a></sup>\n\n"
      "<div class=\"footnotes\"><ol>\n<li id=\"fn:1\"><p>Source &amp; one, 2020. <a href=\"#fnref:1\" class=\"reversefootnote\">&#8617;</a></p></li>\n"
      "<li id=\"fn2\"><p>Source two, 2021.</p></li>\n</ol></div>\n");
  const auto& refs = doc.document.note_refs;
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(labels_of(refs), (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(text_of(doc, refs[0].span), "1");
  model::Position at = doc.source_map.position(refs[0].span.begin);
  EXPECT_EQ(at.line, 3u);
  EXPECT_EQ(at.column, 58u) << "the marker's digit inside the <a> element";
  const auto& notes = doc.document.notes;
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0].label, "1");
  EXPECT_EQ(text_of(doc, notes[0].body), "Source & one, 2020.") << "the back-link is no note text";
  EXPECT_EQ(doc.source_map.position(notes[1].body.begin).line, 7u);
}

// CommonMark ends an HTML block at a blank line; a note item of several paragraphs is read whole.
TEST(MarkdownReader, ReadsAnHtmlNoteItemWhoseParagraphsAreSeparatedByBlankLines) {
  std::string input =
      "Claim.<sup id=\"fnref:1\"><a href=\"#fn:1\">1</a></sup> More.<sup id=\"fnref:2\"><a href=\"#fn:2\">2</a></sup>\n\n"
      "<div class=\"footnotes\">\n<ol>\n<li id=\"fn:1\">\n<p>Agency, Report 2021.</p>\n\n"
      "Revised in *March*.\n\n<p>Corrected in May. <a href=\"#fnref:1\">\xE2\x86\xA9</a></p>\n</li>\n"
      "<li id=\"fn:2\">\n<p>Office, Review 2022.</p>\n</li>\n</ol>\n</div>\n\nAfter the notes.\n";
  model::LoadedDocument doc = read_string("r.md", input);
  const auto& notes = doc.document.notes;
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(labels_of(doc.document.note_refs), (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(text_of(doc, notes[0].body), "Agency, Report 2021. Revised in *March*. Corrected in May.")
      << "every paragraph of the item, a Markdown one included, and no back-link";
  EXPECT_EQ(text_of(doc, notes[1].body), "Office, Review 2022.");
  model::Position second = doc.source_map.position(static_cast<std::uint32_t>(doc.document.text.find("Corrected")));
  EXPECT_EQ(second.line, 10u);
  EXPECT_EQ(second.column, 4u);
  EXPECT_NE(doc.document.text.find("After the notes."), std::string::npos) << "the block after the closed list is running text again";
}

TEST(MarkdownReader, ReadsBlocksAfterAnHtmlListThatIsNeverClosedOnTheirOwn) {
  model::LoadedDocument doc = read_string("r.md", "Claim.<sup><a href=\"#fn1\">1</a></sup>\n\n<ol>\n<li id=\"fn1\">Agency, Report 2021.\n\n"
                                                  "Plain paragraph after it.\n");
  ASSERT_EQ(doc.document.notes.size(), 1u);
  EXPECT_EQ(text_of(doc, doc.document.notes[0].body), "Agency, Report 2021.");
  EXPECT_NE(doc.document.text.find("Plain paragraph after it."), std::string::npos);
}

TEST(MarkdownReader, ReadsWordConverterSupLinksAndAnchoredNoteItems) {
  model::LoadedDocument doc =
      read_string("r.md", "Text.<sup>[1](#footnote-1)</sup> More.[[2]](#footnote-2)\n\n1. <a id=\"footnote-1\"></a>Agency, Report 2021. [\xE2\x86\x91](#footnote-ref-1)\n"
                          "2. <a id=\"footnote-2\"></a>Office, Review 2022.\n");
  EXPECT_EQ(labels_of(doc.document.note_refs), (std::vector<std::string>{"1", "2"}));
  ASSERT_EQ(doc.document.notes.size(), 2u);
  EXPECT_EQ(text_of(doc, doc.document.notes[0].body), "Agency, Report 2021.");
  EXPECT_TRUE(doc.document.links.empty()) << "markers and back-links are not links";
}

TEST(MarkdownReader, SuperscriptsThatNoNoteCarriesStayText) {
  model::LoadedDocument doc = read_string("r.md", "# Secure Defaults<sup>(New in v2)</sup>\n\nGrowth of n<sup>2</sup> a year.\n");
  EXPECT_TRUE(doc.document.note_refs.empty());
  EXPECT_TRUE(doc.document.notes.empty());
}

}  // namespace
}  // namespace marginalia::readers
