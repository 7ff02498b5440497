// SPDX-License-Identifier: MIT
// DOCX files are made at test time by make_docx.py (python3's zipfile), so none is committed.
#include <gtest/gtest.h>

#include "model/part_map.hpp"
#include "readers/docx_archive.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_paths.hpp"
#include "unit/readers/reader_test_support.hpp"

namespace marginalia::testing {
namespace {

using sdk::BlockKind;

std::string make_docx(const TempDir& temp, const std::string& name) {
  std::string out = temp.file(name + ".docx");
  ProcessResult made = run_process(python(), {source_dir() + "/tests/unit/readers/make_docx.py", name, out});
  EXPECT_EQ(made.exit_code, 0) << made.err;
  return read_file(out);
}

class DocxReader : public ::testing::Test {
 protected:
  void SetUp() override {
    if (python().empty()) GTEST_SKIP() << "python3 is needed to make the DOCX files";
  }
  TempDir temp_;
};

TEST_F(DocxReader, ReadsParagraphStylesListsQuotesAndTables) {
  model::LoadedDocument doc = read_string("r.docx", make_docx(temp_, "report"));
  std::vector<BlockKind> kinds;
  for (const sdk::Block& block : doc.document.blocks) kinds.push_back(block.kind);
  EXPECT_EQ(kinds, (std::vector<BlockKind>{BlockKind::title, BlockKind::heading, BlockKind::paragraph, BlockKind::heading,
                                           BlockKind::list_item, BlockKind::block_quote, BlockKind::paragraph, BlockKind::note,
                                           BlockKind::note, BlockKind::note}));
  const auto& blocks = doc.document.blocks;
  EXPECT_EQ(blocks[1].level, 1) << "a localised heading style is recognised by its name and outline level";
  EXPECT_EQ(blocks[3].level, 2);
  EXPECT_EQ(blocks[4].level, 2) << "list level = w:ilvl + 1";
  EXPECT_EQ(text_of(doc, blocks[6].span), "Cell text2");
}

TEST_F(DocxReader, KeepsRunTextAndLeavesOutDeletionsFieldCodesAndHiddenText) {
  model::LoadedDocument doc = read_string("r.docx", make_docx(temp_, "report"));
  EXPECT_EQ(text_of(doc, doc.document.blocks[2].span), "Exports rose\t12%.1 See the outlook and a field link.\nSecond line.i");
  for (const char* absent : {"removed words", "HYPERLINK", "hidden"}) EXPECT_EQ(doc.document.text.find(absent), std::string::npos) << absent;
}

TEST_F(DocxReader, ReadsTrackedChangesAsTheFinalTextWithoutComments) {
  model::LoadedDocument doc = read_string("t.docx", make_docx(temp_, "tracked-changes"));
  const std::string& text = doc.document.text;
  EXPECT_NE(text.find("Fees shall apply."), std::string::npos) << text;
  EXPECT_NE(text.find("At once."), std::string::npos) << text;
  for (const char* absent : {"may", " at once", "Reviewer remark"}) EXPECT_EQ(text.find(absent), std::string::npos) << absent;
}

TEST_F(DocxReader, OpensTheOfficeDocumentRelationshipNotAnotherInItsNamespace) {
  readers::ReadResult result = readers::read_bytes("c.docx", make_docx(temp_, "custom-properties"), {});
  ASSERT_FALSE(result.error) << result.error->message;
  EXPECT_NE(result.document->document.text.find("Exports rose"), std::string::npos);
}

TEST_F(DocxReader, ReportsPositionsAsParagraphAndCharacter) {
  model::LoadedDocument doc = read_string("r.docx", make_docx(temp_, "report"));
  const std::string& text = doc.document.text;
  model::Position percent = doc.source_map.position(static_cast<std::uint32_t>(text.find("12%")));
  EXPECT_EQ(percent.line, 3u) << "the third paragraph";
  EXPECT_EQ(percent.column, 14u) << "after 'Exports rose' and a tab";
  model::Position second = doc.source_map.position(static_cast<std::uint32_t>(text.find("Second line")));
  EXPECT_EQ(second.line, 3u) << "a manual line break stays in its paragraph";
  model::Position cell = doc.source_map.position(static_cast<std::uint32_t>(text.find("Cell text")));
  EXPECT_EQ(cell.line, 8u) << "the empty paragraph 4 is counted";
  model::Position note = doc.source_map.position(doc.document.notes[0].body.begin);
  EXPECT_EQ(note.line, 9u) << "note paragraphs are numbered after the body's";
  EXPECT_EQ(note.column, 2u);
}

TEST_F(DocxReader, LinksFootnoteAndEndnoteReferencesToTheirNotes) {
  model::LoadedDocument doc = read_string("r.docx", make_docx(temp_, "report"));
  const sdk::Document& d = doc.document;
  ASSERT_EQ(d.note_refs.size(), 3u);
  EXPECT_EQ(labels_of(d.note_refs), (std::vector<std::string>{"1", "i", "2"})) << "endnotes are numbered i, ii… as Word shows them";
  EXPECT_EQ(text_of(doc, d.note_refs[0].span), "1");
  ASSERT_EQ(d.notes.size(), 3u);
  EXPECT_EQ(d.notes[0].label, "1");
  EXPECT_EQ(text_of(doc, d.notes[0].body), "Ministry of Trade, Annual Report 2023.");
  EXPECT_EQ(text_of(doc, d.notes[1].body), "An endnote.");
}

TEST_F(DocxReader, ResolvesHyperlinksThroughRelationshipsAndFields) {
  model::LoadedDocument doc = read_string("r.docx", make_docx(temp_, "report"));
  const auto& links = doc.document.links;
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0].target, "https://example.org/outlook");
  EXPECT_EQ(text_of(doc, links[0].span), "the outlook");
  EXPECT_EQ(links[1].target, "https://example.org/field");
  EXPECT_EQ(text_of(doc, links[1].span), "and a field link");
}

TEST_F(DocxReader, TakesMetadataFromTheCoreProperties) {
  model::LoadedDocument doc = read_string("r.docx", make_docx(temp_, "report"));
  EXPECT_EQ(doc.document.format, "docx");
  EXPECT_EQ(doc.document.meta("title"), "Port Outlook");
  EXPECT_EQ(doc.document.meta("author"), "A. Writer");
  EXPECT_EQ(doc.document.meta("date"), "2024-05-06") << "created, not modified";
  EXPECT_EQ(doc.document.meta("language"), "en-GB");
}

TEST_F(DocxReader, RefusesBrokenAndHostileArchivesWithAReaderError) {
  struct Case {
    const char* name;
    const char* code;
    const char* message;
  };
  for (const Case& c : {Case{"missing-document", "reader/docx-bad-archive", "no word/document.xml"},
                        Case{"malformed-document", "reader/malformed-markup", "word/document.xml is not well-formed XML"},
                        Case{"bomb", "reader/docx-too-large", "ZIP bomb"},
                        Case{"many-entries", "reader/docx-too-large", "10009 entries"},
                        Case{"path-traversal", "reader/docx-bad-archive", "'../../etc/cron.d/evil'"},
                        Case{"encrypted", "reader/docx-bad-archive", "encrypted"},
                        Case{"truncated-central-directory", "reader/docx-bad-archive", "central directory"},
                        Case{"ole-encrypted", "reader/docx-bad-archive", "OLE compound file"}}) {
    readers::ReadResult result = readers::read_bytes(std::string(c.name) + ".docx", make_docx(temp_, c.name), {});
    ASSERT_TRUE(result.error) << c.name;
    EXPECT_EQ(result.error->code, c.code) << c.name;
    EXPECT_NE(result.error->message.find(c.message), std::string::npos) << c.name << ": " << result.error->message;
  }
  readers::ReadResult malformed = readers::read_bytes("m.docx", make_docx(temp_, "malformed-document"), {});
  ASSERT_TRUE(malformed.error);
  EXPECT_EQ(malformed.error->line, 2u) << "the line:column inside the part";
  EXPECT_GT(malformed.error->column, 1u);
}

TEST_F(DocxReader, KeepsExternalEntitiesLiteralAndReadsDeepNestingAndNestedArchives) {
  model::LoadedDocument xxe = read_string("x.docx", make_docx(temp_, "xxe"));
  EXPECT_NE(xxe.document.text.find("a &xxe; b &web;"), std::string::npos);
  ASSERT_EQ(xxe.reader_findings.size(), 2u);
  EXPECT_EQ(xxe.reader_findings[0].code, "reader/unexpanded-entity");
  model::LoadedDocument deep = read_string("d.docx", make_docx(temp_, "deep-nesting"));
  EXPECT_NE(deep.document.text.find("deep"), std::string::npos);
  model::LoadedDocument nested = read_string("n.docx", make_docx(temp_, "nested-zip"));
  EXPECT_EQ(nested.document.text.find("inner"), std::string::npos) << "an embedded archive is never opened";
}

TEST_F(DocxReader, FindsTheMainPartBesideCustomProperties) {
  model::LoadedDocument doc = read_string("c.docx", make_docx(temp_, "custom-properties"));
  EXPECT_NE(doc.document.text.find("Exports rose"), std::string::npos) << "the custom-properties relationship is not the main part";
}

TEST_F(DocxReader, RecordsThePartAndElementOfEveryPieceOfText) {
  std::string bytes = make_docx(temp_, "report");
  model::LoadedDocument doc = read_string("r.docx", bytes);
  const model::PartMap* map = doc.source_map.part_map();
  ASSERT_NE(map, nullptr);
  ASSERT_EQ(map->parts.size(), 3u);
  EXPECT_EQ(map->parts[0], "word/document.xml");
  EXPECT_EQ(map->parts[1], "word/footnotes.xml");
  EXPECT_EQ(map->input_fingerprint, model::fingerprint(bytes));
  std::string document_xml, footnotes_xml;
  {
    readers::docx::ArchiveError error;
    auto archive = readers::docx::DocxArchive::open(bytes, {}, error);
    ASSERT_TRUE(archive);
    document_xml = *archive->read("word/document.xml", error);
    footnotes_xml = *archive->read("word/footnotes.xml", error);
  }
  // Every piece points at the element its text came from, in the part's own bytes.
  auto piece_of = [&](std::string_view words) -> const model::PartPiece* {
    std::uint32_t source = doc.source_map.to_source(static_cast<std::uint32_t>(doc.document.text.find(words)));
    std::size_t i = map->first_ending_after(source);
    return i < map->pieces.size() ? &map->pieces[i] : nullptr;
  };
  const model::PartPiece* percent = piece_of("12%.");
  ASSERT_NE(percent, nullptr);
  EXPECT_EQ(percent->part, 0u);
  EXPECT_EQ(document_xml.compare(percent->element, 8, "w:t>12%."), 0) << document_xml.substr(percent->element, 20);
  const model::PartPiece* note = piece_of("Ministry of Trade");
  ASSERT_NE(note, nullptr);
  EXPECT_EQ(note->part, 1u);
  EXPECT_EQ(footnotes_xml.compare(note->element, 3, "w:t"), 0);
  const model::PartPiece* marker = piece_of("1 See");
  ASSERT_NE(marker, nullptr);
  EXPECT_EQ(document_xml.compare(marker->element, 19, "w:footnoteReference"), 0);
  // The empty fourth paragraph has a piece of its own: the w:p, so a finding there has a place.
  bool empty_paragraph = false;
  for (const model::PartPiece& piece : map->pieces)
    if (piece.length == 0 && document_xml.compare(piece.element, 5, "w:p/>") == 0) empty_paragraph = true;
  EXPECT_TRUE(empty_paragraph);
  for (std::size_t i = 1; i < map->pieces.size(); ++i) EXPECT_LE(map->pieces[i - 1].source_begin, map->pieces[i].source_begin);
}

// Inline code in Word's, LibreOffice's, pandoc's and a house character style (through basedOn); a
// font is not code. A code-block paragraph stays (paragraph numbers are positions) as code.
TEST_F(DocxReader, RecordsRunsInCodeCharacterStylesAndCodeParagraphsAsCode) {
  model::LoadedDocument doc = read_string("c.docx", make_docx(temp_, "code-runs"));
  EXPECT_EQ(code_of(doc), (std::vector<std::string>{"Ctrl+\"", "x = \"abc", "printf(\"%s\")", "2024-02-30", "print(\"hello"}))
      << "split runs of one code are one element";
}

}  // namespace
}  // namespace marginalia::testing
