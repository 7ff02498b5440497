// SPDX-License-Identifier: MIT
#include "writers/tei_writer.hpp"

#include <gtest/gtest.h>

#include <set>

#include <pugixml.hpp>

#include "readers/reader_registry.hpp"
#include "support/case_table.hpp"

namespace marginalia::writers {
namespace {

merge::DocumentReport report_of(const std::string& name, const std::string& text, std::vector<sdk::Mark> marks = {},
                                std::vector<sdk::Finding> findings = {}) {
  readers::ReadResult read = readers::read_bytes(name, text, {});
  EXPECT_TRUE(read.document) << (read.error ? read.error->code + ": " + read.error->message : std::string());
  host::PluginRunResult run;
  run.plugin_id = "alpha";
  run.findings = std::move(findings);
  run.marks = std::move(marks);
  sdk::PluginInfo info{"alpha", "1.2.0", "Checks alpha things.", "", {}, "{}", ""};
  return merge::merge_document(std::move(*read.document), {run}, {&info}, {});
}

std::string all_text(const pugi::xml_node& node) {
  std::string out;
  for (pugi::xml_node child : node.children()) out += child.type() == pugi::node_pcdata ? child.value() : all_text(child);
  return out;
}

TEST(TeiWriter, KeepsTheTextExactlyAndEscapesIt) {
  std::string text = "Title & more\n\nA <tag> & \"quotes\" ]]> with\xC2\xA0nbsp.1\n";
  std::string xml = write_tei(report_of("r.txt", text), {"0.1.0"});
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(xml.c_str())) << xml;
  pugi::xml_node p = doc.select_node("//*[local-name()='p'][@xml:id]").node();
  ASSERT_TRUE(p);
  EXPECT_EQ(all_text(p), "A <tag> & \"quotes\" ]]> with\xC2\xA0nbsp.1");
}

TEST(TeiWriter, LinksMarkersToTheirNotes) {
  std::string xml = write_tei(report_of("r.txt", "Title\n\nA claim.1\n\nNotes\n\n1. Source, \"Title\", 2020.\n"), {"0.1.0"});
  EXPECT_NE(xml.find("<ref xml:id=\"fnref-1\" type=\"noteAnchor\" n=\"1\" target=\"#fn-1\">1</ref>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<note xml:id=\"fn-1\" place=\"foot\" n=\"1\" target=\"#fnref-1\">"), std::string::npos) << xml;
}

TEST(TeiWriter, GivesMarkersWhoseLabelsAnIdCannotHoldDistinctIdsAndPointsEachNoteAtItsOwn) {
  // "†" and "‡" both become "---" in an id; the second marker must not repeat the first one's id.
  std::string text = "Ferries\n\nThe timetable was cut.\xE2\x80\xA0 The fares stayed.\xE2\x80\xA1\n\n"
                     "\xE2\x80\xA0 Ferry Company, 1911.\n\xE2\x80\xA1 Harbour Board, 1912.\n";
  std::string xml = write_tei(report_of("r.txt", text), {"0.1.0"});
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(xml.c_str())) << xml;
  std::set<std::string> ids;
  for (pugi::xpath_node n : doc.select_nodes("//*[@xml:id]")) EXPECT_TRUE(ids.insert(n.node().attribute("xml:id").value()).second) << xml;
  pugi::xpath_node_set refs = doc.select_nodes("//*[local-name()='ref'][@type='noteAnchor']");
  pugi::xpath_node_set notes = doc.select_nodes("//*[local-name()='note'][@place='foot']");
  ASSERT_EQ(refs.size(), 2u) << xml;
  ASSERT_EQ(notes.size(), 2u) << xml;
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(std::string("#") + refs[i].node().attribute("xml:id").value(), notes[i].node().attribute("target").value()) << xml;
    EXPECT_EQ(std::string("#") + notes[i].node().attribute("xml:id").value(), refs[i].node().attribute("target").value()) << xml;
  }
}

TEST(TeiWriter, PointsAnnotationsAtCharacterRangesInCodePoints) {
  std::string text = "Title\n\nRussia\xE2\x80\x99s war on 24 April.\n";
  std::uint32_t begin = static_cast<std::uint32_t>(text.find("24 April"));
  std::string xml = write_tei(report_of("r.txt", text, {}, {{"alpha/x", sdk::Severity::warning, {begin, begin + 8}, "msg", {}, std::nullopt}}),
                              {"0.1.0"});
  EXPECT_NE(xml.find("target=\"#string-range(b2,16,8)\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("ana=\"#sev-warning #code-alpha.x\""), std::string::npos);
  EXPECT_NE(xml.find("<application xml:id=\"app-alpha\" ident=\"alpha\" version=\"1.2.0\">"), std::string::npos);
}

TEST(TeiWriter, NestsMarksAndDropsOnesThatCrossAnotherOrCarryInvalidDates) {
  std::string text = "Title\n\nOn 24 April 2024 he said \xE2\x80\x9Cwe met on 3 May\xE2\x80\x9D.\n";
  auto at = [&](const std::string& s) { return static_cast<std::uint32_t>(text.find(s)); };
  std::vector<sdk::Mark> marks = {
      {sdk::MarkKind::date, {at("24 April"), at("24 April") + 13}, {{"when", "2024-04-24"}}},
      {sdk::MarkKind::quote, {at("\xE2\x80\x9Cwe"), at("May\xE2\x80\x9D") + 6}, {{"kind", "direct"}, {"speaker", "A. Person"}}},
      {sdk::MarkKind::date, {at("3 May"), at("3 May") + 5}, {{"when", "--05-03"}}},
      {sdk::MarkKind::date, {at("April 2024"), at("said") + 4}, {{"when", "2024-04"}}},   // crosses the first date
      {sdk::MarkKind::date, {at("he"), at("he") + 2}, {{"when", "2024-02-30"}}},          // not a real date
  };
  std::string xml = write_tei(report_of("r.txt", text, marks), {"0.1.0"});
  EXPECT_NE(xml.find("<date when=\"2024-04-24\">24 April 2024</date>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<said who=\"#pers-"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<date when=\"--05-03\">3 May</date>"), std::string::npos) << xml;
  EXPECT_EQ(xml.find("2024-02-30"), std::string::npos);
  EXPECT_NE(xml.find("<persName>A. Person</persName>"), std::string::npos);
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_string(xml.c_str()));
}

// TEI <code> holds text only: inline code is written innermost, and left out around a link.
TEST(TeiWriter, WritesInlineCodeAsCodeAndNeverAroundOtherMarkup) {
  std::string text = "<p>Set <code>x = \"abc</code>, see <a href=\"https://example.org/a\"><code>api</code></a> and "
                     "<code>run <a href=\"https://example.org/b\">b</a></code>.</p>";
  std::string xml = write_tei(report_of("r.html", text), {"0.1.0"});
  EXPECT_NE(xml.find("Set <code>x = \"abc</code>,"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<ref target=\"https://example.org/a\"><code>api</code></ref>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("and run <ref target=\"https://example.org/b\">b</ref>."), std::string::npos) << "the link is kept, the code around it not: " << xml;
}

TEST(TeiWriter, ValidDatesAndPointers) {
  EXPECT_TRUE(valid_w3c_date("2024"));
  EXPECT_TRUE(valid_w3c_date("2024-02-29"));
  EXPECT_FALSE(valid_w3c_date("2023-02-29"));
  EXPECT_FALSE(valid_w3c_date("2024-4-24"));
  EXPECT_EQ(tei_pointer("https://example.org/a b%zz#x#y"), "https://example.org/a%20b%25zz#x%23y");
}

TEST(TeiWriter, EscapesBracketsOutsideAnIpv6HostAndAColonThatCannotEndAScheme) {
  testing::expect_each({
      {"www.[agency].gov/report", "www.%5Bagency%5D.gov/report"},
      {"https://www.[agency].gov/a?x=[1]", "https://www.%5Bagency%5D.gov/a?x=%5B1%5D"},
      {"http://[::1]:8080/x", "http://[::1]:8080/x"},
      {":x", "%3Ax"},
      {"1st:x", "1st%3Ax"},
      {"mailto:a@b.org", "mailto:a@b.org"},
      {"C:\\x", "C:%5Cx"},
  }, tei_pointer);
}

// TEI allows heads and datelines only at the start of a div (and datelines at its end): the
// writer must never put one between paragraphs, whatever order the reader gives.
std::string first_misplaced(const pugi::xml_node& div) {
  bool text_seen = false, bottom_seen = false;
  for (pugi::xml_node child : div.children()) {
    std::string name = child.name();
    if (name == "div") { std::string inner = first_misplaced(child); if (!inner.empty()) return inner; continue; }
    if (name == "head" && text_seen) return "head after text: " + all_text(child);
    if (name == "dateline") { if (text_seen) bottom_seen = true; continue; }
    if (name == "head") continue;
    if (bottom_seen) return name + " after a closing dateline: " + all_text(child);
    text_seen = true;
  }
  return {};
}

TEST(TeiWriter, StartsANewDivForATitleOrDatelineBetweenParagraphs) {
  std::string text = "Letters\n\nDear friend, one.\n\nYours, A.\n\nParis, 19 June 1896\n\nDear colleague, two.\n\nSecond title\n\nThree.\n\nVienna, 3 May 1897\n";
  merge::DocumentReport report = report_of("r.txt", text);
  auto& blocks = report.loaded.document.blocks;
  ASSERT_GE(blocks.size(), 7u);
  blocks[0].kind = sdk::BlockKind::title;
  blocks[3].kind = sdk::BlockKind::dateline;
  blocks[5].kind = sdk::BlockKind::title;
  blocks[blocks.size() - 1].kind = sdk::BlockKind::dateline;
  std::string xml = write_tei(report, {"0.1.0"});
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(xml.c_str())) << xml;
  pugi::xml_node body = doc.select_node("//*[local-name()='body']").node();
  for (pugi::xml_node div : body.children("div")) EXPECT_EQ(first_misplaced(div), "") << xml;
  EXPECT_EQ(doc.select_nodes("//*[local-name()='body']/*[local-name()='div']").size(), 3u) << xml;
  EXPECT_NE(xml.find("<dateline xml:id=\"b8\">Vienna, 3 May 1897</dateline>\n      </div>"), std::string::npos) << xml;
}

}  // namespace
}  // namespace marginalia::writers
