// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_paths.hpp"
#include "unit/readers/reader_test_support.hpp"

namespace marginalia::testing {
namespace {

using sdk::BlockKind;

std::string tei(const std::string& body, const std::string& header = "<teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>"
                                                                      "<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc>"
                                                                      "</fileDesc></teiHeader>") {
  return "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">" + header + "<text><body>" + body + "</body></text></TEI>";
}

std::vector<BlockKind> kinds(const model::LoadedDocument& doc) {
  std::vector<BlockKind> out;
  for (const sdk::Block& block : doc.document.blocks) out.push_back(block.kind);
  return out;
}

const sdk::Element* element(const model::LoadedDocument& doc, const std::string& name, std::size_t nth = 0) {
  for (const sdk::Element& e : doc.document.elements)
    if (e.name == name && nth-- == 0) return &e;
  return nullptr;
}

std::string attribute(const sdk::Element& e, const std::string& name) {
  for (const sdk::Attribute& a : e.attributes)
    if (a.name == name) return a.value;
  return "<absent>";
}

TEST(TeiReader, ReadsHeadingsByDivisionDepthParagraphsItemsAndBlockQuotes) {
  model::LoadedDocument doc = read_string("r.xml", tei("<div n=\"1\"><head>Findings</head><p>First  para\n   graph.</p>"
                                                       "<div><head n=\"1.1\">Detail</head><list><item n=\"a\">One</item><item><p>Two</p></item></list>"
                                                       "<quote rend=\"block\"><p>Quoted.</p></quote><ab>Loose <hi>text</hi>.</ab></div></div>"));
  EXPECT_EQ(kinds(doc), (std::vector<BlockKind>{BlockKind::title, BlockKind::heading, BlockKind::paragraph, BlockKind::heading,
                                                BlockKind::list_item, BlockKind::list_item, BlockKind::block_quote, BlockKind::paragraph}));
  const auto& blocks = doc.document.blocks;
  EXPECT_EQ(blocks[1].level, 1);
  EXPECT_EQ(blocks[1].number, "1") << "the division's @n numbers its head";
  EXPECT_EQ(blocks[3].level, 2);
  EXPECT_EQ(blocks[3].number, "1.1");
  EXPECT_EQ(text_of(doc, blocks[2].span), "First para graph.") << "layout white space collapses to one space";
  EXPECT_EQ(blocks[4].number, "a");
  EXPECT_EQ(text_of(doc, blocks[5].span), "Two") << "a paragraph inside an item is that item";
  EXPECT_EQ(text_of(doc, blocks[7].span), "Loose text.");
}

TEST(TeiReader, MapsEveryTextNodeToItsLineAndColumn) {
  std::string xml = tei("<p>Alpha &amp; beta</p>\n<p>  Gamma <![CDATA[<delta>]]> epsilon</p>");
  model::LoadedDocument doc = read_string("r.xml", xml);
  const std::string& text = doc.document.text;
  std::size_t beta = text.find("beta"), delta = text.find("<delta>"), gamma = text.find("Gamma");
  ASSERT_NE(beta, std::string::npos);
  ASSERT_NE(delta, std::string::npos);
  EXPECT_EQ(text.substr(text.find("Alpha"), 12), "Alpha & beta");
  auto at = [&](std::size_t offset) { return doc.source_map.to_source(static_cast<std::uint32_t>(offset)); };
  EXPECT_EQ(xml.substr(at(beta), 4), "beta");
  EXPECT_EQ(xml.substr(at(gamma), 5), "Gamma");
  EXPECT_EQ(xml.substr(at(delta), 7), "<delta>") << "CDATA content maps to itself";
  EXPECT_EQ(xml.substr(at(text.find('&')), 5), "&amp;") << "a decoded reference maps to the reference";
  model::Position position = doc.source_map.position(static_cast<std::uint32_t>(gamma));
  EXPECT_EQ(position.line, 2u);
  EXPECT_EQ(position.column, 6u);
}

TEST(TeiReader, TurnsFootnotesIntoMarkersWhereTheyStandAndNotesAtTheEnd) {
  std::string xml = tei("<p>A claim.<note place=\"foot\" n=\"1\">Source one, 2020.</note> Another.<note n=\"2\">Second <hi>note</hi>.</note>"
                        " And a third<note place=\"end\">Unnumbered.</note>.</p>\n<p>After.</p>");
  model::LoadedDocument doc = read_string("r.xml", xml);
  const sdk::Document& d = doc.document;
  ASSERT_EQ(d.note_refs.size(), 3u);
  ASSERT_EQ(d.notes.size(), 3u);
  EXPECT_EQ(labels_of(d.note_refs), (std::vector<std::string>{"1", "2", "end:1"}))
      << "an endnote without @n gets the next number of the endnotes, a part of their own";
  EXPECT_EQ(d.meta("note-labels"), "qualified");
  EXPECT_EQ(text_of(doc, d.note_refs[0].span), "1");
  EXPECT_EQ(xml.substr(doc.source_map.to_source(d.note_refs[0].span.begin), 5), "<note") << "the marker maps to the note's tag";
  EXPECT_NE(d.text.find("A claim.1 Another.2 And a third1."), std::string::npos) << d.text;
  EXPECT_EQ(text_of(doc, d.notes[1].body), "Second note.");
  EXPECT_EQ(d.notes[2].label, "end:1");
  EXPECT_EQ(xml.substr(doc.source_map.to_source(d.notes[0].body.begin), 10), "Source one");
  ASSERT_GE(d.blocks.size(), 3u);
  EXPECT_EQ(d.blocks[d.blocks.size() - 3].kind, BlockKind::note) << "notes come last";
  EXPECT_EQ(d.blocks[d.blocks.size() - 4].kind, BlockKind::paragraph);
  EXPECT_EQ(text_of(doc, d.blocks[d.blocks.size() - 4].span), "After.");
}

TEST(TeiReader, ListsTheNotesItNumberedBecauseTheSourceGaveNoNumber) {
  model::LoadedDocument doc = read_string("r.xml", tei("<p>One.<note n=\"[1]\">A.</note> Two.<note>B.</note> Eight.<note n=\"8\">C.</note>"
                                                       " Nine.<note place=\"end\">D.</note></p>"));
  const sdk::Document& d = doc.document;
  EXPECT_EQ(labels_of(d.note_refs), (std::vector<std::string>{"1", "2", "8", "end:1"}));
  EXPECT_EQ(d.meta("unnumbered-notes"), "2\nend:1") << "the numbers a renderer gives, which the footnotes plugin does not check";
  EXPECT_EQ(read_string("r.xml", tei("<p>One.<note n=\"1\">A.</note></p>")).document.meta("unnumbered-notes"), "");
}

TEST(TeiReader, QualifiesLabelsWhenEachChapterRestartsItsNumbering) {
  std::string xml = tei("<div xml:id=\"ch1\"><p>One.<note n=\"1\">A.</note> Two.<note n=\"2\">B.</note></p></div>"
                        "<div xml:id=\"ch2\"><div><p>Again.<note n=\"1\">C.</note></p></div></div>");
  model::LoadedDocument doc = read_string("r.xml", xml);
  const sdk::Document& d = doc.document;
  ASSERT_EQ(d.note_refs.size(), 3u);
  EXPECT_EQ(d.note_refs[0].label, "ch1:1");
  EXPECT_EQ(d.note_refs[2].label, "ch2:1") << "the highest division holding only this chapter's notes names it";
  EXPECT_EQ(text_of(doc, d.note_refs[2].span), "1") << "the text still shows the printed number";
  std::set<std::string> labels;
  for (const sdk::Note& note : d.notes) labels.insert(note.label);
  for (const sdk::NoteRef& ref : d.note_refs) EXPECT_TRUE(labels.count(ref.label)) << ref.label;
}

TEST(TeiReader, KeepsANumberUsedTwiceInOneDivisionAsADuplicate) {
  model::LoadedDocument doc = read_string("r.xml", tei("<div><p>One.<note n=\"1\">A.</note> Again.<note n=\"1\">B.</note></p></div>"));
  ASSERT_EQ(doc.document.note_refs.size(), 2u);
  EXPECT_EQ(labels_of(doc.document.note_refs), (std::vector<std::string>{"1", "1"})) << "the footnotes plugin must see the defect";
}

TEST(TeiReader, LinksEndnotesInBackThroughRefAndPtr) {
  std::string xml = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><p>Claim<ref target=\"#n1\">1</ref> and "
                    "<ptr target=\"#n2\"/> and see <ref target=\"#sec2\">section 2</ref>.</p></body>"
                    "<back><div type=\"notes\"><note xml:id=\"n1\" n=\"1\">First.</note><note xml:id=\"n2\" n=\"2\">Second.</note>"
                    "</div></back></text></TEI>";
  model::LoadedDocument doc = read_string("r.xml", xml);
  const sdk::Document& d = doc.document;
  ASSERT_EQ(d.note_refs.size(), 2u);
  EXPECT_EQ(labels_of(d.note_refs), (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(text_of(doc, d.note_refs[0].span), "1");
  EXPECT_EQ(text_of(doc, d.note_refs[1].span), "2") << "a ptr shows its note's number";
  ASSERT_EQ(d.notes.size(), 2u);
  EXPECT_EQ(text_of(doc, d.notes[1].body), "Second.");
  EXPECT_EQ(d.text.find("First.\n\nSecond."), d.text.rfind("First.")) << "endnotes are notes, not body paragraphs";
  for (const sdk::Block& block : d.blocks) {
    if (block.kind != BlockKind::note) {
      EXPECT_NE(text_of(doc, block.span), "First.") << "no paragraph repeats a note";
    }
  }
}

TEST(TeiReader, TurnsWebTargetsOfRefAndPtrIntoLinks) {
  model::LoadedDocument doc = read_string("r.xml", tei("<p>See <ref target=\"https://example.org/a\">the outlook</ref>, "
                                                       "<ptr target=\"http://example.org/b\"/> and <ref target=\"#x\">here</ref>.</p>"));
  const auto& links = doc.document.links;
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0].target, "https://example.org/a");
  EXPECT_EQ(text_of(doc, links[0].span), "the outlook");
  EXPECT_EQ(links[1].target, "http://example.org/b");
  EXPECT_EQ(text_of(doc, links[1].span), "http://example.org/b") << "a ptr shows its target";
}

TEST(TeiReader, KeepsTheSourceMarkupForPlugins) {
  model::LoadedDocument doc = read_string(
      "r.xml", tei("<p><persName ref=\"#ab\">Antony Blinken</persName> said <said who=\"#ab\"><q>we act</q></said> on "
                   "<date when=\"2024-04-24\" notBefore=\"2024-04-01\" notAfter=\"2024-04-30\" from=\"2024-04-20\" to=\"2024-04-25\">24 April</date>"
                   " in <title level=\"m\">Outlook</title>, <quote>quoted</quote> <ref target=\"#x\">here</ref>.</p>"));
  const sdk::Element* date = element(doc, "date");
  ASSERT_NE(date, nullptr);
  EXPECT_EQ(text_of(doc, date->span), "24 April");
  for (const char* name : {"when", "from", "to", "notBefore", "notAfter"}) EXPECT_NE(attribute(*date, name), "<absent>") << name;
  EXPECT_EQ(attribute(*date, "when"), "2024-04-24");
  for (const char* name : {"persName", "said", "q", "title", "quote", "ref"}) EXPECT_NE(element(doc, name), nullptr) << name;
  EXPECT_EQ(text_of(doc, element(doc, "said")->span), "we act");
  EXPECT_EQ(attribute(*element(doc, "persName"), "ref"), "#ab");
}

TEST(TeiReader, TakesTitleDateAndLanguageFromTheHeader) {
  std::string header = "<teiHeader><fileDesc><titleStmt><title type=\"short\">Short</title><title type=\"main\">Main <hi>title</hi></title>"
                       "<author>A. Writer</author></titleStmt><publicationStmt><date when=\"2013-07-04\">July 3, 2013</date></publicationStmt>"
                       "<sourceDesc><p/></sourceDesc></fileDesc></teiHeader>";
  std::string xml = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"en\">" + header + "<text><body><p>Body.</p></body></text></TEI>";
  model::LoadedDocument doc = read_string("r.xml", xml);
  EXPECT_EQ(doc.document.meta("title"), "Main title");
  EXPECT_EQ(doc.document.meta("date"), "2013-07-04");
  EXPECT_EQ(doc.document.meta("language"), "en");
  EXPECT_EQ(doc.document.meta("author"), "A. Writer");
  ASSERT_GE(doc.document.blocks.size(), 2u);
  EXPECT_EQ(doc.document.blocks[1].kind, BlockKind::dateline);
  const sdk::Element* date = element(doc, "date");
  ASSERT_NE(date, nullptr) << "the header date stays checkable against its text";
  EXPECT_EQ(text_of(doc, date->span), "July 3, 2013");
  EXPECT_EQ(attribute(*date, "when"), "2013-07-04");
}

TEST(TeiReader, FallsBackToTheSourceDescriptionDate) {
  std::string header = "<teiHeader><fileDesc><titleStmt><title>T</title></titleStmt><publicationStmt><p/></publicationStmt>"
                       "<sourceDesc><bibl><date when=\"1925-03-26\">March 26, 1925</date></bibl></sourceDesc></fileDesc></teiHeader>";
  model::LoadedDocument doc = read_string("r.xml", tei("<p>x</p>", header));
  EXPECT_EQ(doc.document.meta("date"), "1925-03-26");
}

TEST(TeiReader, KeepsAnUndefinedEntityLiteralAndReportsIt) {
  std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE TEI [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n" +
                    tei("<p>Before &xxe; after &xxe;.</p>");
  model::LoadedDocument doc = read_string("r.xml", xml);
  EXPECT_NE(doc.document.text.find("Before &xxe; after"), std::string::npos);
  EXPECT_EQ(doc.document.text.find("root:"), std::string::npos) << "no file is ever read";
  ASSERT_EQ(doc.reader_findings.size(), 1u);
  EXPECT_EQ(doc.reader_findings[0].code, "reader/unexpanded-entity");
  EXPECT_NE(doc.reader_findings[0].message.find("&xxe;"), std::string::npos);
  EXPECT_NE(doc.reader_findings[0].message.find("2 references"), std::string::npos);
  EXPECT_EQ(text_of(doc, doc.reader_findings[0].span), "&xxe;");
}

TEST(TeiReader, ReportsMalformedXmlWithTheLineAndColumn) {
  readers::ReadResult result = readers::read_bytes("bad.xml", "<TEI>\n  <text><body><p>Open\n  </body></text></TEI>\n", {});
  ASSERT_TRUE(result.error);
  EXPECT_EQ(result.error->code, "reader/malformed-markup");
  EXPECT_EQ(result.error->line, 3u);
  EXPECT_GE(result.error->column, 3u);
  ASSERT_TRUE(result.error->byte_offset);

  readers::ReadResult unclosed = readers::read_bytes("cut.xml", "<TEI><text><body><p>Open", {});
  ASSERT_TRUE(unclosed.error);
  EXPECT_EQ(unclosed.error->code, "reader/malformed-markup");
  EXPECT_NE(unclosed.error->message.find("ends before"), std::string::npos) << unclosed.error->message;
  EXPECT_EQ(unclosed.error->line, 1u);
}

TEST(TeiReader, ReadsXmlThatIsNotTeiAsParagraphsAndSaysSo) {
  model::LoadedDocument doc = read_string("r.xml", "<report><section><title>Ports</title><para>A claim about ports.</para></section></report>");
  EXPECT_EQ(kinds(doc), (std::vector<BlockKind>{BlockKind::paragraph, BlockKind::paragraph}));
  EXPECT_EQ(text_of(doc, doc.document.blocks[1].span), "A claim about ports.");
  ASSERT_EQ(doc.reader_findings.size(), 1u);
  EXPECT_EQ(doc.reader_findings[0].code, "reader/unknown-markup");
  EXPECT_NE(doc.reader_findings[0].message.find("<report>"), std::string::npos);
}

TEST(TeiReader, WalksDeepNestingWithoutRecursion) {
  std::string xml = "<TEI><text><body><p>";
  for (int i = 0; i < 200000; ++i) xml += "<hi>";
  xml += "deep";
  for (int i = 0; i < 200000; ++i) xml += "</hi>";
  xml += "</p></body></text></TEI>";
  model::LoadedDocument doc = read_string("deep.xml", xml);
  EXPECT_NE(doc.document.text.find("deep"), std::string::npos);
}

// The monograph of ../shared/eval: 1,081 footnotes numbered per chapter.
TEST(TeiReader, LinksEveryFootnoteOfTheFrusMonograph) {
  std::string path = shared_dir().empty() ? "" : shared_dir() + "/eval/frus-history-tei/monograph/frus-history.xml";
  if (path.empty() || !std::filesystem::exists(path)) GTEST_SKIP() << "../shared/eval/frus-history-tei is not there";
  readers::ReadResult result = readers::read_document(path, {});
  ASSERT_TRUE(result.document);
  const sdk::Document& d = result.document->document;
  EXPECT_EQ(d.note_refs.size(), 1081u);
  EXPECT_EQ(d.notes.size(), 1081u);
  std::map<std::string, int> notes;
  for (const sdk::Note& note : d.notes) ++notes[note.label];
  EXPECT_EQ(notes.size(), 1081u) << "every label is unique";
  for (const sdk::NoteRef& ref : d.note_refs) EXPECT_EQ(notes.count(ref.label), 1u) << ref.label;
  EXPECT_EQ(d.links.size(), 286u) << "every http(s) ref in <text>";
  EXPECT_EQ(d.meta("date"), "2015");
  // Every marker maps back to its <note> tag in the file.
  const std::string& source = result.document->source_map.source();
  for (const sdk::NoteRef& ref : d.note_refs) {
    std::uint32_t at = result.document->source_map.to_source(ref.span.begin);
    ASSERT_EQ(source.compare(at, 5, "<note"), 0) << ref.label;
  }
}

TEST(TeiReader, FootnotesPluginFindsNoNumberingOrLinkingDefectInTheFrusMonograph) {
  std::string path = shared_dir().empty() ? "" : shared_dir() + "/eval/frus-history-tei/monograph/frus-history.xml";
  if (path.empty() || !std::filesystem::exists(path)) GTEST_SKIP() << "../shared/eval/frus-history-tei is not there";
  TempDir temp;
  std::string tei_out = temp.file("mono.tei.xml");
  ProcessResult result = run_marginalia({"check", path, "--format", "json", "--tei", tei_out, "--offline", "--no-cache"});
  nlohmann::json report = nlohmann::json::parse(result.out);
  // Other plugins may fail on their own; this test is about the reader and the footnotes plugin.
  for (const auto& problem : report["plugin_problems"]) EXPECT_EQ(problem.dump().find("footnotes"), std::string::npos) << problem.dump();
  for (const auto& finding : report["findings"]) {
    std::string code = finding["code"];
    EXPECT_TRUE(code == "footnotes/note-without-source" || code.rfind("footnotes/", 0) != 0) << finding.dump();
  }
  if (jing().empty() || tei_schema().empty()) GTEST_SKIP() << "jing or the TEI schema is missing";
  ProcessResult valid = run_process(jing(), {tei_schema(), tei_out});
  EXPECT_EQ(valid.exit_code, 0) << valid.out;
}

TEST(TeiReader, WritesValidTeiForEveryFrusArticle) {
  std::string folder = shared_dir().empty() ? "" : shared_dir() + "/eval/frus-history-tei/articles";
  if (folder.empty() || !std::filesystem::exists(folder)) GTEST_SKIP() << "../shared/eval/frus-history-tei is not there";
  if (jing().empty() || tei_schema().empty()) GTEST_SKIP() << "jing or the TEI schema is missing";
  TempDir temp;
  std::vector<std::string> args = {"check", "--tei", temp.path(), "--offline", "--no-cache", "--quiet"};
  std::vector<std::string> outputs;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() != ".xml") continue;
    args.push_back(entry.path().string());
    outputs.push_back(temp.file(entry.path().filename().string() + ".tei.xml"));
  }
  ProcessResult result = run_marginalia(args);
  // An incomplete run (a plugin failing on its own) still writes every TEI file.
  std::vector<std::string> jing_args = {tei_schema()};
  for (const std::string& output : outputs) {
    ASSERT_TRUE(std::filesystem::exists(output)) << output;
    jing_args.push_back(output);
  }
  ProcessResult valid = run_process(jing(), jing_args);
  EXPECT_EQ(valid.exit_code, 0) << valid.out;
}

// TEI's <code> holds "literal code from some formal language"; <ident> "an identifier or name for
// an object of some kind in a formal language": both are inline code.
TEST(TeiReader, RecordsCodeAndIdentAsCode) {
  model::LoadedDocument doc = read_string("r.xml", tei("<p>Call <ident>parse_date</ident> with <code lang=\"c\">\"2024-02-30\"</code>.</p>"));
  EXPECT_EQ(code_of(doc), (std::vector<std::string>{"parse_date", "\"2024-02-30\""}));
}

// The documentation elements name markup: an element (<gi>), an attribute (<att>), a tag
// (<tag>), an attribute's value (<val>). "Put <gi>q</gi> around a "quote" with <att>rend</att>
// set to <val>"inline</val>" must not open a quotation at the stray mark inside <val>.
TEST(TeiReader, RecordsTheDocumentationElementsThatNameMarkupAsCode) {
  model::LoadedDocument doc = read_string(
      "r.xml", tei("<p>Use <gi>date</gi> with <att>when</att> set to <val>\"2024-02-30</val>, or write <tag>date when=\"x\"</tag>.</p>"));
  EXPECT_EQ(code_of(doc), (std::vector<std::string>{"date", "when", "\"2024-02-30", "date when=\"x\""}));
}

}  // namespace
}  // namespace marginalia::testing
