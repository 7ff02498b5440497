// SPDX-License-Identifier: MIT
// Letters, drama, verse and title pages read from TEI come out of the TEI writer in their own
// elements (opener/closer, sp/speaker/stage, lg/l, front/titlePage) and validate against tei_all;
// plugins still see their blocks as paragraphs.
#include "writers/tei_structure.hpp"

#include <gtest/gtest.h>

#include <initializer_list>
#include <utility>

#include <pugixml.hpp>

#include "readers/reader_registry.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_paths.hpp"
#include "writers/tei_writer.hpp"

namespace marginalia::writers {
namespace {

std::string tei_text(const std::string& text_element) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt>"
         "<title>Structures</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc>"
         "</fileDesc></teiHeader>" +
         text_element + "</TEI>\n";
}

merge::DocumentReport report_of(const std::string& input) {
  readers::ReadResult read = readers::read_bytes("structures.xml", input, {});
  EXPECT_TRUE(read.document);
  sdk::PluginInfo info{"alpha", "1.0.0", "Checks.", "", {}, "{}", ""};
  host::PluginRunResult run;
  run.plugin_id = "alpha";
  return merge::merge_document(std::move(*read.document), {run}, {&info}, {});
}

std::string all_text(const pugi::xml_node& node) {
  std::string out;
  for (pugi::xml_node child : node.children()) out += child.type() == pugi::node_pcdata ? child.value() : all_text(child);
  return out;
}

// The texts of the nodes an XPath selects, joined by "|".
std::string texts(const pugi::xml_document& doc, const char* xpath) {
  std::string out;
  for (const pugi::xpath_node& node : doc.select_nodes(xpath)) out += (out.empty() ? "" : "|") + all_text(node.node());
  return out;
}

void expect_valid(const std::string& xml) {
  if (marginalia::testing::jing().empty() || marginalia::testing::tei_schema().empty()) return;
  marginalia::testing::TempDir dir;
  std::string file = dir.write("out.xml", xml);
  marginalia::testing::ProcessResult valid = marginalia::testing::run_process(marginalia::testing::jing(), {marginalia::testing::tei_schema(), file}, 120);
  EXPECT_EQ(valid.exit_code, 0) << valid.out << "\n" << xml;
}

struct Written {
  std::string xml;
  pugi::xml_document doc;
};

// Each XPath's texts (joined by "|") as expected; a mismatch shows the path and the written TEI.
void expect_texts(const Written& w, std::initializer_list<std::pair<const char*, const char*>> expected) {
  for (const auto& [xpath, text] : expected) EXPECT_EQ(texts(w.doc, xpath), text) << xpath << "\n" << w.xml;
}

void write(const std::string& text_element, Written& out) {
  out.xml = write_tei(report_of(tei_text(text_element)), {"0.1.0"});
  // Local names in XPath without the TEI namespace: load without it.
  std::string plain = out.xml;
  plain.replace(plain.find(" xmlns=\"http://www.tei-c.org/ns/1.0\""), 36, "");
  ASSERT_TRUE(out.doc.load_string(plain.c_str())) << out.xml;
}

TEST(TeiStructure, CarriesALettersOpenerAndCloser) {
  Written w;
  write("<text><body><div type=\"writingSession\"><opener><seg type=\"letterhead\">Northern Gazette</seg>"
        "<dateline>Paris, <date when=\"1896-06-22\">22 June</date>.</dateline><salute>My dear friend,</salute></opener>"
        "<p>It is kind of you to write.</p><p>Farewell for now!</p><closer>Yours <lb/><signed>P. G.</signed></closer></div>"
        "<div type=\"writingSession\"><opener><dateline>Vienna, 3 May</dateline><salute>Dear colleague</salute></opener>"
        "<p>Enclosed the article.</p><closer><salute>With regards</salute><signed>A. H.</signed></closer></div></body></text>",
        w);
  expect_texts(w, {{"//body/div/opener/seg", "Northern Gazette"},
                   {"//body/div/opener/dateline", "Paris, 22 June.|Vienna, 3 May"},
                   {"//body/div/opener/salute", "My dear friend,|Dear colleague"},
                   {"//body/div/closer/seg", "Yours"},
                   {"//body/div/closer/salute", "With regards"},
                   {"//body/div/closer/signed", "P. G.|A. H."},
                   {"//body/div/p", "It is kind of you to write.|Farewell for now!|Enclosed the article."}});
  // The second letter's opener may not follow the first one's closer in the same div.
  EXPECT_EQ(w.doc.select_nodes("//body/div[opener]").size(), 2u) << w.xml;
  expect_valid(w.xml);
}

TEST(TeiStructure, CarriesSpeechesSpeakersStageDirectionsAndLines) {
  Written w;
  write("<text><body><div type=\"scene\"><head>First scene</head><stage>A room at the inn.</stage>"
        "<sp who=\"#anna\"><speaker>ANNA.</speaker><l>Here the first line is spoken,</l><l>and here the second.</l>"
        "<stage>(She leaves.)</stage></sp><sp><speaker>BEN.</speaker><p>A reply in prose.</p></sp>"
        "<sp><speaker>CARL.</speaker></sp><sp><speaker>DORA.</speaker><lg><l>One sung line,</l><l>another.</l></lg></sp></div></body></text>",
        w);
  expect_texts(w, {{"//body/div/stage", "A room at the inn."},
                   {"//body/div/sp/speaker", "ANNA.|BEN.|DORA."},
                   {"//body/div/sp[1]/l", "Here the first line is spoken,|and here the second."},
                   {"//body/div/sp[1]/stage", "(She leaves.)"},
                   {"//body/div/sp[2]/p", "A reply in prose."},
                   {"//body/div/sp[3]/lg/l", "One sung line,|another."}});
  // A speech with only its speaker is no <sp> in TEI: the speaker stays as a paragraph.
  expect_texts(w, {{"//body/div/p", "CARL."}});
  expect_valid(w.xml);
}

TEST(TeiStructure, KeepsStanzasApartAndLinesInThem) {
  Written w;
  write("<text><body><div><p>Before the poem.</p><lg type=\"stanza\"><l>The first line,</l><l>the second line.</l></lg>"
        "<lg type=\"stanza\"><l>A new stanza.</l></lg><p>After it.</p></div></body></text>",
        w);
  EXPECT_EQ(w.doc.select_nodes("//body/div/lg").size(), 2u) << w.xml;
  expect_texts(w, {{"//body/div/lg[1]/l", "The first line,|the second line."},
                   {"//body/div/lg[2]/l", "A new stanza."},
                   {"//body/div/p", "Before the poem.|After it."}});
  expect_valid(w.xml);
}

TEST(TeiStructure, WritesATitlePageInTheFront) {
  Written w;
  write("<text><front><titlePage><docTitle><titlePart>A Winter Tale.</titlePart><titlePart>being a ghost story</titlePart></docTitle>"
        "<byline>by <docAuthor>A. Writer</docAuthor>.</byline><docImprint>London: Nobody, 1893.</docImprint></titlePage>"
        "<div><head>Preface</head><p>A short preface.</p></div></front><body><div><p>The story.</p></div></body></text>",
        w);
  expect_texts(w, {{"//front/titlePage/docTitle/titlePart", "A Winter Tale.|being a ghost story"},
                   {"//front/titlePage/byline/docAuthor", "A. Writer"},
                   {"//front/titlePage/docImprint", "London: Nobody, 1893."},
                   {"//front/div/p", "A short preface."},
                   {"//body//p", "The story."}});
  expect_valid(w.xml);
}

TEST(TeiStructure, LeavesBlocksParagraphsForPlugins) {
  merge::DocumentReport report = report_of(tei_text("<text><body><div><sp><speaker>ANNA.</speaker><l>A line.</l></sp>"
                                                    "<lg><l>Sung.</l></lg><closer><salute>Yours</salute></closer></div></body></text>"));
  for (const sdk::Block& block : report.loaded.document.blocks) {
    if (block.kind != sdk::BlockKind::title) {
      EXPECT_EQ(block.kind, sdk::BlockKind::paragraph) << report.loaded.document.slice(block.span);
    }
  }
  std::vector<BlockPlacement> placements = place_blocks(report.loaded.document);
  ASSERT_EQ(placements.size(), report.loaded.document.blocks.size());
  std::string elements;
  for (const BlockPlacement& p : placements) elements += p.element + ";";
  EXPECT_EQ(elements, ";speaker;l;l;salute;");
}

}  // namespace
}  // namespace marginalia::writers
