// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "unit/readers/reader_test_support.hpp"
#include "support/test_paths.hpp"

namespace marginalia::testing {
namespace {

using sdk::BlockKind;

const char* kReport =
    "23.07.2024.\n"
    "\n"
    "Alignment: a threat - Part I\n"
    "\n"
    "A report by Example\n"
    "\n"
    "Key findings\n"
    "\n"
    "  \xE2\x80\xA2 The first finding.\n"
    "  \xE2\x80\xA2 The second finding, with 12.5 percent.\n"
    "\n"
    "1. Introduction: where it starts\n"
    "\n"
    "Russia and China deepen ties with the West1. They meet often\xE2\x80\x9D.2 A 12-point plan.\n"
    "\n"
    "2.1 Russia has no alternative\n"
    "\n"
    "Confirmed in June 2023.3 Then May 2024.4\n";

TEST(PlainTextReader, RecognisesDatelineTitleBulletsHeadingsAndParagraphs) {
  model::LoadedDocument doc = read_string("report.txt", kReport);
  const auto& blocks = doc.document.blocks;
  ASSERT_GE(blocks.size(), 9u);
  EXPECT_EQ(blocks[0].kind, BlockKind::dateline);
  EXPECT_EQ(blocks[1].kind, BlockKind::title);
  EXPECT_EQ(text_of(doc, blocks[1].span), "Alignment: a threat - Part I");
  EXPECT_EQ(blocks[2].kind, BlockKind::paragraph) << "the byline is running text";
  EXPECT_EQ(blocks[3].kind, BlockKind::heading);
  EXPECT_EQ(blocks[4].kind, BlockKind::list_item);
  EXPECT_EQ(text_of(doc, blocks[4].span), "The first finding.");
  EXPECT_EQ(blocks[6].kind, BlockKind::heading);
  EXPECT_EQ(blocks[6].number, "1");
  EXPECT_EQ(blocks[6].level, 1);
  EXPECT_EQ(blocks[8].kind, BlockKind::heading);
  EXPECT_EQ(blocks[8].number, "2.1");
  EXPECT_EQ(blocks[8].level, 2);
  EXPECT_EQ(doc.document.meta("date"), "2024-07-23");
  EXPECT_EQ(doc.document.meta("title"), "Alignment: a threat - Part I");
}

TEST(PlainTextReader, FindsMarkersFusedToWordsAndPunctuationByTheirRunningSequence) {
  model::LoadedDocument doc = read_string("report.txt", kReport);
  std::vector<std::string> labels;
  for (const sdk::NoteRef& ref : doc.document.note_refs) {
    labels.push_back(ref.label);
    EXPECT_EQ(text_of(doc, ref.span), ref.label);
  }
  EXPECT_EQ(labels, (std::vector<std::string>{"1", "2", "3", "4"})) << "12.5, 12-point, 2.1 and list numbers are not markers";
}

TEST(PlainTextReader, ReadsSymbolNotesUnderShortParagraphsThatEndInTheirMarker) {
  // A short line ending "May.*" is a sentence with its marker, not a heading; "* …" under it is
  // its note, and "‡ …" after "† …" is a note of its own.
  model::LoadedDocument doc = read_string("r.txt",
                                          "Ferry Services\n\nThe new pier opened in May.*\n\n* Harbour Board, \"Pier\", 1913.\n\n"
                                          "Fares stayed.\xE2\x80\xA0 Boats were refitted.\xE2\x80\xA1\n\n"
                                          "\xE2\x80\xA0 Harbour Board, 1911.\n\xE2\x80\xA1 Yard book, 1912.\n");
  const auto& blocks = doc.document.blocks;
  ASSERT_GE(blocks.size(), 2u);
  EXPECT_EQ(blocks[1].kind, BlockKind::paragraph);
  EXPECT_EQ(labels_of(doc.document.notes), (std::vector<std::string>{"*", "\xE2\x80\xA0", "\xE2\x80\xA1"}));
  EXPECT_EQ(labels_of(doc.document.note_refs), (std::vector<std::string>{"*", "\xE2\x80\xA0", "\xE2\x80\xA1"}));
  EXPECT_EQ(text_of(doc, doc.document.notes[2].body), "Yard book, 1912.");
}

TEST(PlainTextReader, KeepsTheTextByteForByte) {
  model::LoadedDocument doc = read_string("report.txt", kReport);
  EXPECT_EQ(doc.document.text, kReport);
}

TEST(PlainTextReader, ReadsANotesSectionInEveryLabelStyle) {
  model::LoadedDocument doc = read_string("report.txt",
                                          "Title\n\nText.1 More.2 Again.3 End.4\n\nNotes\n\n1. First source, 2020.\n"
                                          "2 Second source,\n  continued on a second line.\n[3] Third.\n\xC2\xB9\xE2\x81\xB4 Fourth.\n");
  const auto& notes = doc.document.notes;
  ASSERT_EQ(notes.size(), 4u);
  EXPECT_EQ(labels_of(notes), (std::vector<std::string>{"1", "2", "3", "14"}));
  EXPECT_EQ(text_of(doc, notes[0].body), "First source, 2020.");
  EXPECT_EQ(text_of(doc, notes[1].body), "Second source,\n  continued on a second line.");
  EXPECT_EQ(doc.document.note_refs.size(), 4u);
}

TEST(PlainTextReader, MapsPositionsOfACrlfFileWithABom) {
  model::LoadedDocument doc = read_string("crlf.txt", "\xEF\xBB\xBFTitle\r\n\r\nA claim.1\r\n");
  ASSERT_EQ(doc.document.note_refs.size(), 1u);
  model::Position position = doc.source_map.position(doc.document.note_refs[0].span.begin);
  EXPECT_EQ(position.line, 3u);
  EXPECT_EQ(position.column, 9u);
}

TEST(PlainTextReader, FindsAllTwentyFourMarkersOfTheSeedReport) {
  if (seed_report().empty()) GTEST_SKIP() << "../shared/seeds/000_a6c07b14fbcfaecc.txt is not present";
  model::LoadedDocument doc = read_string("seed.txt", read_file(seed_report()));
  ASSERT_EQ(doc.document.note_refs.size(), 24u);
  for (std::size_t i = 0; i < 24; ++i) EXPECT_EQ(doc.document.note_refs[i].label, std::to_string(i + 1));
  EXPECT_TRUE(doc.document.notes.empty());
  EXPECT_EQ(doc.document.meta("date"), "2024-07-23");
  int headings = 0;
  for (const sdk::Block& block : doc.document.blocks) headings += block.kind == BlockKind::heading && !block.number.empty();
  EXPECT_EQ(headings, 5) << "1., 2., 2.1, 2.2 and 3. numbered headings";
}

TEST(PlainTextReader, ReadsGutenbergFootnoteBlocksInACrlfFileWithStrayCarriageReturns) {
  model::LoadedDocument doc = read_string("g.txt",
      "Letters\r\n\r\nThe boat came in late.[1] Send\rthe nets.[2]\r\n\r\n"
      "    [Footnote 1: The harbour register, vol. 2, p. 19.]\r\n\r\n"
      "[Footnote 2: The invoice, Letter Book B, p. 4 [Pg 12].]\r\n");
  const sdk::Document& d = doc.document;
  ASSERT_EQ(d.note_refs.size(), 2u);
  ASSERT_EQ(d.notes.size(), 2u);
  EXPECT_EQ(d.notes[0].label, "1");
  EXPECT_EQ(text_of(doc, d.notes[0].body), "The harbour register, vol. 2, p. 19.");
  EXPECT_EQ(text_of(doc, d.notes[1].body), "The invoice, Letter Book B, p. 4 [Pg 12].") << "nested brackets stay in the note";
  model::Position note = doc.source_map.position(d.notes[0].span.begin);
  EXPECT_EQ(note.line, 6u);
  EXPECT_EQ(note.column, 5u);
  model::Position marker = doc.source_map.position(d.note_refs[1].span.begin);
  EXPECT_EQ(marker.line, 4u) << "a stray CR ends a line";
}

TEST(PlainTextReader, QualifiesLabelsWhereNumberingRestartsPerLetter) {
  model::LoadedDocument doc = read_string("l.txt",
      "LETTER 1.\n\nText.[1]\n\n[Footnote 1: Register, p. 1.]\n\nLETTER 2.\n\nMore.[1]\n\n[Footnote 1: Invoice, p. 2.]\n");
  const sdk::Document& d = doc.document;
  ASSERT_EQ(d.notes.size(), 2u);
  EXPECT_EQ(d.meta("note-labels"), "qualified");
  EXPECT_NE(d.notes[0].label, d.notes[1].label);
  EXPECT_EQ(d.note_refs[1].label, d.notes[1].label);
}

}  // namespace
}  // namespace marginalia::testing
