// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "unit/readers/reader_test_support.hpp"

namespace marginalia::testing {
namespace {

using sdk::BlockKind;

std::vector<BlockKind> kinds(const model::LoadedDocument& doc) {
  std::vector<BlockKind> out;
  for (const sdk::Block& block : doc.document.blocks) out.push_back(block.kind);
  return out;
}

const sdk::Element* element(const model::LoadedDocument& doc, const std::string& name) {
  for (const sdk::Element& e : doc.document.elements)
    if (e.name == name) return &e;
  return nullptr;
}

TEST(HtmlReader, ReadsHeadingsParagraphsListsAndQuotesAndSkipsWhatIsNotText) {
  model::LoadedDocument doc = read_string(
      "r.html",
      "<html><head><title>T</title><style>p{}</style><script>var a = 'West1';</script></head><body>\n"
      "<nav><a href=\"/\">Home</a></nav><h2>Ports</h2>\n<p>First   para\n graph.</p><!-- a comment -->\n"
      "<ol start=\"3\"><li>Three</li><li>Four<ul><li>Inner</li></ul></li></ol>\n<blockquote><p>Quoted.</p></blockquote>\n"
      "<div>Loose <b>text</b>.</div><pre>code 12.5</pre><p hidden>hidden</p></body></html>");
  EXPECT_EQ(kinds(doc), (std::vector<BlockKind>{BlockKind::heading, BlockKind::paragraph, BlockKind::list_item, BlockKind::list_item,
                                                BlockKind::list_item, BlockKind::block_quote, BlockKind::paragraph}));
  const auto& blocks = doc.document.blocks;
  EXPECT_EQ(blocks[0].level, 2);
  EXPECT_EQ(text_of(doc, blocks[1].span), "First para graph.");
  EXPECT_EQ(blocks[2].number, "3");
  EXPECT_EQ(blocks[3].number, "4");
  EXPECT_EQ(blocks[4].level, 2);
  EXPECT_EQ(text_of(doc, blocks[6].span), "Loose text.");
  for (const char* absent : {"West1", "Home", "comment", "code", "hidden"})
    EXPECT_EQ(doc.document.text.find(absent), std::string::npos) << absent;
}

TEST(HtmlReader, MapsTextBackToTheSourceIncludingEntities) {
  std::string html = "<p>Caf&eacute; &amp; bar</p>\n<p>  Second   line <b>bold</b></p>";
  model::LoadedDocument doc = read_string("r.html", html);
  const std::string& text = doc.document.text;
  ASSERT_NE(text.find("Café & bar"), std::string::npos) << text;
  auto source = [&](const std::string& needle) { return doc.source_map.to_source(static_cast<std::uint32_t>(text.find(needle))); };
  EXPECT_EQ(html.substr(source("bar"), 3), "bar");
  EXPECT_EQ(html.substr(source("&"), 5), "&amp;");
  EXPECT_EQ(html.substr(source("bold"), 4), "bold");
  model::Position second = doc.source_map.position(static_cast<std::uint32_t>(text.find("Second")));
  EXPECT_EQ(second.line, 2u);
  EXPECT_EQ(second.column, 6u);
}

TEST(HtmlReader, ReadsLinksAndKeepsQuotationMarkup) {
  model::LoadedDocument doc = read_string("r.html",
                                          "<p>See <a href=\"https://example.org/a\">the outlook</a>, <a href=\"#top\">top</a>, "
                                          "<a href=\"javascript:x()\">js</a>. He said <q cite=\"https://x.org\">we act</q> on "
                                          "<time datetime=\"2024-04-24\">24 April</time>.</p><blockquote cite=\"https://y.org\">Said.</blockquote>");
  ASSERT_EQ(doc.document.links.size(), 1u) << "in-page anchors and javascript: are not links";
  EXPECT_EQ(doc.document.links[0].target, "https://example.org/a");
  EXPECT_EQ(text_of(doc, doc.document.links[0].span), "the outlook");
  const sdk::Element* q = element(doc, "q");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(text_of(doc, q->span), "we act");
  ASSERT_EQ(q->attributes.size(), 1u);
  EXPECT_EQ(q->attributes[0].value, "https://x.org");
  ASSERT_NE(element(doc, "blockquote"), nullptr);
  EXPECT_EQ(text_of(doc, element(doc, "blockquote")->span), "Said.");
  ASSERT_NE(element(doc, "time"), nullptr);
}

TEST(HtmlReader, LinksSuperscriptMarkersToAFootnotesSection) {
  std::string html =
      "<p>A claim.<sup><a href=\"#fn1\" id=\"fnref1\">1</a></sup> Another.<sup><a href=\"#fn2\" id=\"fnref2\">[2]</a></sup>"
      " A third.<a href=\"#fn3\" class=\"footnote-ref\" role=\"doc-noteref\"><sup>3</sup></a></p>\n"
      "<section class=\"footnotes\" role=\"doc-endnotes\"><hr><ol>"
      "<li id=\"fn1\"><p>Ministry report, 2023. <a href=\"#fnref1\" class=\"footnote-back\">\xE2\x86\xA9</a></p></li>"
      "<li id=\"fn2\"><p>Second note.</p></li><li id=\"fn3\">Third note.</li><li id=\"fn4\">Nobody cites me.</li></ol></section>";
  model::LoadedDocument doc = read_string("r.html", html);
  const sdk::Document& d = doc.document;
  ASSERT_EQ(d.note_refs.size(), 3u);
  EXPECT_EQ(labels_of(d.note_refs), (std::vector<std::string>{"1", "2", "3"})) << "brackets are not part of the label";
  EXPECT_EQ(html.substr(doc.source_map.to_source(d.note_refs[0].span.begin), 1), "1");
  ASSERT_EQ(d.notes.size(), 4u);
  EXPECT_EQ(text_of(doc, d.notes[0].body), "Ministry report, 2023.") << "the back-link arrow is not note text";
  EXPECT_EQ(d.notes[3].label, "4") << "an uncited note keeps its list number";
  EXPECT_EQ(d.blocks.back().kind, BlockKind::note);
  for (const sdk::Block& block : d.blocks) {
    if (block.kind != BlockKind::note) {
      EXPECT_EQ(text_of(doc, block.span).find("Second note"), std::string::npos);
    }
  }
}

TEST(HtmlReader, ReadsAnOrderedListUnderANotesHeadingAsNotesAndBareSuperscriptsAsMarkers) {
  model::LoadedDocument doc = read_string("r.html",
                                          "<p>Claim<sup>1</sup> and x<sup>2</sup> squared.</p><h2>Notes</h2>"
                                          "<ol><li>Source one.</li></ol>");
  ASSERT_EQ(doc.document.notes.size(), 1u);
  EXPECT_EQ(doc.document.notes[0].label, "1");
  ASSERT_EQ(doc.document.note_refs.size(), 1u) << "a superscript no note carries is not a marker";
  EXPECT_EQ(doc.document.note_refs[0].label, "1");
}

TEST(HtmlReader, ReadsAsideNotesAndMarkersWhoseNoteIsMissing) {
  model::LoadedDocument doc = read_string("r.html",
                                          "<p>Text<sup><a href=\"#n1\">1</a></sup> more<sup><a href=\"#n9\">9</a></sup>.</p>"
                                          "<aside id=\"n1\" role=\"doc-footnote\">1. Aside note.</aside>");
  ASSERT_EQ(doc.document.notes.size(), 1u);
  EXPECT_EQ(text_of(doc, doc.document.notes[0].body), "Aside note.") << "a printed label is not part of the body";
  ASSERT_EQ(doc.document.note_refs.size(), 2u);
  EXPECT_EQ(doc.document.note_refs[1].label, "9") << "the footnotes plugin reports the missing note";
}

TEST(HtmlReader, TakesMetadataFromTitleMetaTimeAndLang) {
  model::LoadedDocument doc = read_string("r.html",
                                          "<html lang=\"de\"><head><title>Hafen &amp; Handel</title><meta name=\"author\" content=\"A. Writer\">"
                                          "</head><body><p>Published <time datetime=\"2024-05-06T08:00\">6 May</time>.</p></body></html>");
  EXPECT_EQ(doc.document.meta("title"), "Hafen & Handel");
  EXPECT_EQ(doc.document.meta("date"), "2024-05-06");
  EXPECT_EQ(doc.document.meta("language"), "de");
  EXPECT_EQ(doc.document.meta("author"), "A. Writer");
  model::LoadedDocument meta = read_string("r.html", "<meta name=\"dcterms.date\" content=\"2023-01-02\"><p>x <time datetime=\"2020-01-01\">t</time></p>");
  EXPECT_EQ(meta.document.meta("date"), "2023-01-02") << "<meta name=date> wins over <time>";
}

TEST(HtmlReader, IgnoresTheCharsetHintOfAUtf8File) {
  model::LoadedDocument doc = read_string("r.html", "<meta charset=\"iso-8859-1\"><p>Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D</p>");
  EXPECT_NE(doc.document.text.find("Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D"), std::string::npos) << doc.document.text;
}

TEST(HtmlReader, RecoversFromBrokenMarkupAndDeepNesting) {
  model::LoadedDocument broken = read_string("r.html", "<p>Open <b>bold <i>both</p><p>Next</div></span>para");
  EXPECT_NE(broken.document.text.find("Open bold both"), std::string::npos);
  EXPECT_NE(broken.document.text.find("Next"), std::string::npos);
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "deep text";
  model::LoadedDocument nested = read_string("deep.html", deep);
  EXPECT_EQ(nested.document.text, "deep text");
}

TEST(HtmlReader, DecodesTheCharsetTheDocumentDeclares) {
  // "Blöchlinger" in ISO-8859-1, declared the way Project Gutenberg's HTML does.
  std::string page = "<html><head><meta http-equiv=Content-Type content=\"text/html; charset=iso-8859-1\"></head>"
                     "<body><p>To Herr Bl\xF6" "chlinger.</p>\n<p>Second line.</p></body></html>";
  model::LoadedDocument doc = read_string("latin1.html", page);
  EXPECT_NE(doc.document.text.find("Bl\xC3\xB6" "chlinger"), std::string::npos) << doc.document.text;
  model::Position position = doc.source_map.position(static_cast<std::uint32_t>(doc.document.text.find("Second")));
  EXPECT_EQ(position.line, 2u);
  EXPECT_EQ(position.column, 4u);
}

TEST(HtmlReader, RefusesUndeclaredInvalidUtf8) {
  readers::ReadResult result = readers::read_bytes("x.html", "<p>Bl\xF6" "chlinger</p>", {});
  ASSERT_TRUE(result.error.has_value());
  EXPECT_EQ(result.error->code, "reader/invalid-utf8");
}

TEST(HtmlReader, QualifiesNoteLabelsWhereNumberingRestartsPerLetter) {
  model::LoadedDocument doc = read_string("letters.html",
      "<h2>Letter 1</h2><p>Text.<sup class=\"footref\"><a href=\"#footnote1\">[1]</a></sup></p><div class=\"footnote\" id=\"footnote1\"><p>Note one.</p></div>"
      "<h2>Letter 2</h2><p>More.<sup class=\"footref\"><a href=\"#footnote2\">[1]</a></sup></p><div class=\"footnote\" id=\"footnote2\"><p>Note two.</p></div>");
  ASSERT_EQ(doc.document.notes.size(), 2u);
  ASSERT_EQ(doc.document.note_refs.size(), 2u);
  EXPECT_NE(doc.document.notes[0].label, doc.document.notes[1].label);
  EXPECT_EQ(doc.document.note_refs[1].label, doc.document.notes[1].label);
  EXPECT_EQ(doc.document.meta("note-labels"), "qualified");
}

TEST(HtmlReader, ReadsOnlyTheMainRegionWhenThePageMarksIt) {
  model::LoadedDocument doc = read_string("page.html",
      "<body><header><p>Site banner text.</p></header><div id=\"cookie-notice\"><p>We use cookies.</p></div>"
      "<main><h1>Report</h1><p>The report itself.</p><aside><p>Related stories.</p></aside></main>"
      "<footer><p>Copyright footer.</p></footer></body>");
  const std::string& text = doc.document.text;
  EXPECT_NE(text.find("The report itself."), std::string::npos);
  for (const char* furniture : {"Site banner", "cookies", "Related stories", "Copyright footer"})
    EXPECT_EQ(text.find(furniture), std::string::npos) << furniture;
  EXPECT_EQ(doc.document.meta("content-region"), "main");
}

TEST(HtmlReader, PicksTheArticleHoldingMostOfTheText) {
  model::LoadedDocument doc = read_string("page.html",
      "<body><article><p>Teaser.</p></article><article><p>The long article, with many more words than the teaser beside it "
      "and enough of them to count as the page's content.</p></article></body>");
  EXPECT_EQ(doc.document.text.find("Teaser."), std::string::npos) << doc.document.text;
  EXPECT_NE(doc.document.meta("content-region").find("article"), std::string_view::npos);
}

TEST(HtmlReader, ReadsTheWholeBodyWhenNoRegionIsMarked) {
  model::LoadedDocument doc = read_string("page.html", "<body><header><p>Letters of 1815.</p></header><p>Text.</p></body>");
  EXPECT_NE(doc.document.text.find("Letters of 1815."), std::string::npos);
  EXPECT_EQ(doc.document.meta("content-region"), "body");
}

TEST(HtmlReader, RecordsInlineCodeKeyboardSampleAndVariablesAsCode) {
  model::LoadedDocument doc = read_string("r.html",
                                          "<html><body><p>Run <code>x = \"abc</code>, press <kbd>Ctrl</kbd>, see <samp>OK</samp>, "
                                          "<tt>old</tt> and <var>n</var>; <code>a <var>b</var></code>.</p><pre>\"listing\"</pre></body></html>");
  EXPECT_EQ(code_of(doc), (std::vector<std::string>{"x = \"abc", "Ctrl", "OK", "old", "n", "a b", "b"}));
  for (const sdk::Element& element : doc.document.elements) EXPECT_EQ(element.name, "code");
  EXPECT_EQ(doc.document.text.find("listing"), std::string::npos) << "<pre> is not text";
}

}  // namespace
}  // namespace marginalia::testing
