// SPDX-License-Identifier: MIT
// The annotated copy against the OOXML parts themselves: word/comments.xml, the comment markers
// in word/document.xml, the relationship and the content type, and every other entry's
// compressed bytes. Inputs: samples/report-with-defects.docx (an editor's comment, a tracked
// insertion, a field, an image, footnotes) and the reader tests' generated report (no comments
// part yet). Findings are placed on words found in the text, as a plugin would report them.
#include <gtest/gtest.h>
#include <zip.h>

#include <map>
#include <pugixml.hpp>
#include <set>

#include "readers/reader_registry.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_paths.hpp"
#include "writers/docx_annotator.hpp"

namespace marginalia::testing {
namespace {

struct Entry {
  std::string name;
  std::string compressed;  // the entry's data as stored
  std::string content;     // inflated
};

std::vector<Entry> entries(const std::string& bytes) {
  std::vector<Entry> out;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) : nullptr;
  zip_error_fini(&error);
  if (!archive) {
    ADD_FAILURE() << "not a ZIP archive";
    if (source) zip_source_free(source);
    return out;
  }
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    zip_stat_t stat;
    zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat);
    Entry entry{stat.name, std::string(stat.comp_size, '\0'), std::string(stat.size, '\0')};
    for (auto [flags, target] : {std::pair{ZIP_FL_COMPRESSED, &entry.compressed}, {0u, &entry.content}}) {
      zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), flags);
      EXPECT_EQ(zip_fread(file, target->data(), target->size()), static_cast<zip_int64_t>(target->size())) << entry.name;
      zip_fclose(file);
    }
    out.push_back(std::move(entry));
  }
  zip_discard(archive);
  return out;
}

std::string part(const std::string& bytes, const std::string& name) {
  for (const Entry& entry : entries(bytes))
    if (entry.name == name) return entry.content;
  return {};
}

model::LoadedDocument read(const std::string& bytes) {
  readers::ReadResult result = readers::read_bytes("draft.docx", bytes, {});
  if (!result.document) {
    ADD_FAILURE() << (result.error ? result.error->message : "no document");
    return {};
  }
  return std::move(*result.document);
}

// A finding on the `nth` occurrence of `words` (an empty span just before it when `point`).
sdk::Finding on(const model::LoadedDocument& doc, const std::string& words, std::string code, std::string message,
                std::optional<std::string> replacement = std::nullopt, int nth = 1, bool point = false) {
  std::size_t at = std::string::npos;
  for (int i = 0; i < nth; ++i) at = doc.document.text.find(words, at == std::string::npos ? 0 : at + 1);
  EXPECT_NE(at, std::string::npos) << words;
  if (at == std::string::npos) at = 0;
  auto begin = static_cast<std::uint32_t>(at);
  return {std::move(code), sdk::Severity::warning, {begin, point ? begin : static_cast<std::uint32_t>(at + words.size())}, std::move(message), {},
          std::move(replacement)};
}

merge::DocumentReport report_of(model::LoadedDocument loaded, std::vector<sdk::Finding> findings) {
  merge::DocumentReport report;
  for (sdk::Finding& finding : findings) {
    merge::ReportedFinding reported;
    reported.plugin = finding.code.substr(0, finding.code.find('/'));
    reported.finding = std::move(finding);
    report.findings.push_back(std::move(reported));
  }
  merge::finalize_findings(loaded, report.findings);
  report.loaded = std::move(loaded);
  return report;
}

struct Comment {
  std::string author, initials, text;
};

// word/comments.xml by id; paragraphs joined with '\n'.
std::map<std::string, Comment> comments_of(const std::string& xml) {
  std::map<std::string, Comment> out;
  pugi::xml_document document;
  EXPECT_TRUE(document.load_string(xml.c_str())) << "word/comments.xml is well-formed";
  for (pugi::xml_node comment : document.document_element().children("w:comment")) {
    Comment& c = out[comment.attribute("w:id").value()];
    c.author = comment.attribute("w:author").value();
    c.initials = comment.attribute("w:initials").value();
    for (pugi::xml_node p : comment.children("w:p")) {
      if (!c.text.empty()) c.text += "\n";
      for (pugi::xpath_node t : p.select_nodes(".//w:t")) c.text += t.node().child_value();
    }
  }
  return out;
}

// What each comment range of word/document.xml covers: the text of w:t (not w:delText) in
// document order, note references as "[note N]"; and which ids have a w:commentReference.
struct Ranges {
  std::map<std::string, std::string> words;
  std::set<std::string> references;
  std::set<std::string> unclosed;
};

Ranges ranges_of(const std::string& xml) {
  Ranges out;
  pugi::xml_document document;
  EXPECT_TRUE(document.load_string(xml.c_str(), pugi::parse_default | pugi::parse_ws_pcdata)) << "word/document.xml is well-formed";
  std::set<std::string> open;
  std::vector<pugi::xml_node> stack{document.document_element()};
  while (!stack.empty()) {
    pugi::xml_node node = stack.back();
    stack.pop_back();
    std::string name = node.name(), id = node.attribute("w:id").value();
    std::string text;
    if (name == "w:commentRangeStart") open.insert(id), out.words[id];
    else if (name == "w:commentRangeEnd") open.erase(id);
    else if (name == "w:commentReference") out.references.insert(id);
    else if (name == "w:t") text = node.child_value();
    else if (name == "w:footnoteReference") text = "[note " + id + "]";
    for (const std::string& o : open) out.words[o] += text;
    for (pugi::xml_node child = node.last_child(); child; child = child.previous_sibling()) stack.push_back(child);
  }
  out.unclosed = open;
  return out;
}

class DocxAnnotator : public ::testing::Test {
 protected:
  std::string sample_ = read_file(source_dir() + "/samples/report-with-defects.docx");
  writers::AnnotateOptions options_;
  void SetUp() override {
    ASSERT_FALSE(sample_.empty()) << "samples/report-with-defects.docx";
    options_.date = "2024-09-12T08:00:00Z";
  }
  std::string annotate(const std::string& bytes, const merge::DocumentReport& report) {
    writers::AnnotateResult result = writers::annotate_docx(bytes, report, options_);
    EXPECT_TRUE(result.bytes) << result.code << ": " << result.message;
    return result.bytes.value_or(std::string());
  }
  // The bytes of a DOCX file of `kind` made by tests/unit/readers/make_docx.py; empty (with a
  // failure) when it could not be made.
  std::string made_docx(const std::string& kind) {
    std::string path = made_.file(kind + ".docx");
    ProcessResult made = run_process(python(), {source_dir() + "/tests/unit/readers/make_docx.py", kind, path});
    EXPECT_EQ(made.exit_code, 0) << made.err;
    return read_file(path);
  }
  TempDir made_;
};

TEST_F(DocxAnnotator, WritesEachFindingAsACommentOnItsWordsBesideTheEditorsComment) {
  model::LoadedDocument doc = read(sample_);
  std::vector<sdk::Finding> findings = {
      on(doc, "3 October 2024", "dates/date-after-document", "'3 October 2024' is after the document's date"),
      on(doc, "Monday", "dates/weekday-mismatch", "'Monday' does not match 24 April 2024, which is a Wednesday", "Wednesday"),
      on(doc, "northern terminal rose", "test/overlap", "overlaps the editor's comment"),
  };
  findings[0].severity = sdk::Severity::error;
  std::string annotated = annotate(sample_, report_of(read(sample_), findings));

  std::map<std::string, Comment> comments = comments_of(part(annotated, "word/comments.xml"));
  ASSERT_EQ(comments.size(), 4u);
  EXPECT_EQ(comments["0"].author, "R. Editor") << "the editor's comment is kept with its id";
  EXPECT_EQ(comments["0"].text, "Name the terminal as the port does.");
  Ranges ranges = ranges_of(part(annotated, "word/document.xml"));
  EXPECT_EQ(ranges.words["0"], "northern terminal");
  EXPECT_TRUE(ranges.unclosed.empty());
  std::map<std::string, std::string> by_words;
  for (const auto& [id, comment] : comments) {
    if (id == "0") continue;
    EXPECT_GT(std::stoi(id), 4) << "fresh ids: 0 (comment), 1 (tracked insertion and footnote) … 4 (footnote) are taken";
    EXPECT_EQ(comment.author, "marginalia");
    EXPECT_EQ(comment.initials, "m");
    EXPECT_TRUE(ranges.references.count(id)) << "comment " << id << " has its reference mark";
    by_words[ranges.words[id]] = comment.text;
  }
  EXPECT_EQ(by_words["3 October 2024"], "error: '3 October 2024' is after the document's date [dates/date-after-document]");
  EXPECT_EQ(by_words["Monday"],
            "warning: 'Monday' does not match 24 April 2024, which is a Wednesday [dates/weekday-mismatch]\n"
            "fix: replace \u201CMonday\u201D with \u201CWednesday\u201D")
      << "the span crosses two runs (\"Mon\" bold, \"day\" plain)";
  EXPECT_EQ(by_words["northern terminal rose"], "warning: overlaps the editor's comment [test/overlap]");

  // The runs were split where the spans begin and end, each part keeping its properties.
  pugi::xml_document document;
  std::string xml = part(annotated, "word/document.xml");
  ASSERT_TRUE(document.load_string(xml.c_str()));
  pugi::xpath_node mon = document.select_node("//w:r[w:t='Mon']");
  ASSERT_TRUE(mon);
  EXPECT_TRUE(mon.node().child("w:rPr").child("w:b")) << "\"Mon\" stays bold";
  EXPECT_TRUE(document.select_node("//w:r[w:t='3 October 2024']")) << "the date has a run of its own";
  // Nothing else changed: the annotated file reads as the same text.
  EXPECT_EQ(read(annotated).document.text, doc.document.text);
}

TEST_F(DocxAnnotator, CopiesEveryUntouchedEntryByteForByte) {
  model::LoadedDocument doc = read(sample_);
  std::string annotated = annotate(sample_, report_of(read(sample_), {on(doc, "Monday", "dates/weekday-mismatch", "wrong weekday")}));
  std::vector<Entry> before = entries(sample_), after = entries(annotated);
  ASSERT_EQ(before.size(), after.size()) << "the sample already has a comments part: no entry is added";
  for (std::size_t i = 0; i < before.size(); ++i) {
    EXPECT_EQ(after[i].name, before[i].name) << "entries keep their order";
    if (before[i].name == "word/document.xml" || before[i].name == "word/comments.xml") {
      EXPECT_NE(after[i].content, before[i].content) << before[i].name;
      continue;
    }
    // libzip copies an unchanged entry's stored (compressed) bytes without inflating them.
    EXPECT_EQ(after[i].compressed, before[i].compressed) << before[i].name << ": same compressed bytes";
    EXPECT_EQ(after[i].content, before[i].content) << before[i].name;
  }
  // Existing markup survives the rewrite of document.xml: the tracked insertion, the field, the image.
  std::string xml = part(annotated, "word/document.xml");
  for (const char* kept : {"<w:ins w:id=\"1\" w:author=\"R. Editor\"", "HYPERLINK \"https://example.org/harbour-statistics\"",
                           "r:embed=\"rId5\"", "<w:commentReference w:id=\"0\"/>", "<w:sectPr>"})
    EXPECT_NE(xml.find(kept), std::string::npos) << kept;
  // The same findings give the same bytes.
  EXPECT_EQ(annotate(sample_, report_of(read(sample_), {on(doc, "Monday", "dates/weekday-mismatch", "wrong weekday")})), annotated);
}

TEST_F(DocxAnnotator, AddsACommentsPartWithItsRelationshipAndContentType) {
  if (python().empty()) GTEST_SKIP() << "python3 is needed to make the DOCX file";
  std::string original = made_docx("report");
  ASSERT_FALSE(original.empty());
  model::LoadedDocument doc = read(original);
  std::string annotated = annotate(original, report_of(read(original), {on(doc, "Exports rose", "test/one", "first"),
                                                                         on(doc, "Cell text", "test/two", "second")}));
  std::string rels = part(annotated, "word/_rels/document.xml.rels");
  EXPECT_NE(rels.find("Id=\"rId10\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments\" Target=\"comments.xml\""),
            std::string::npos)
      << "a fresh id after rId9: " << rels;
  EXPECT_NE(rels.find("Id=\"rId9\""), std::string::npos) << "the hyperlink's relationship is kept";
  std::string types = part(annotated, "[Content_Types].xml");
  EXPECT_NE(types.find("<Override PartName=\"/word/comments.xml\" "
                       "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/>"),
            std::string::npos)
      << types;
  std::map<std::string, Comment> comments = comments_of(part(annotated, "word/comments.xml"));
  ASSERT_EQ(comments.size(), 2u);
  Ranges ranges = ranges_of(part(annotated, "word/document.xml"));
  std::set<std::string> words;
  for (const auto& [id, comment] : comments) words.insert(ranges.words[id]);
  EXPECT_EQ(words, (std::set<std::string>{"Exports rose", "Cell text"})) << "a table cell's paragraph takes a comment too";
  EXPECT_EQ(read(annotated).document.text, doc.document.text);
}

TEST_F(DocxAnnotator, PutsFindingsInNotesOnTheNotesMarkerAndLeavesTheNotesPartAlone) {
  model::LoadedDocument doc = read(sample_);
  std::uint32_t empty_note = doc.document.notes.back().body.begin;
  std::vector<sdk::Finding> findings = {on(doc, "This was widely reported.", "footnotes/note-without-source", "note 3 cites no source"),
                                        {"footnotes/empty-note", sdk::Severity::error, {empty_note, empty_note}, "note 4 is empty", {}, std::nullopt}};
  writers::AnnotateResult result = writers::annotate_docx(sample_, report_of(read(sample_), findings), options_);
  ASSERT_TRUE(result.bytes);
  EXPECT_EQ(result.summary.comments, 2u);
  EXPECT_EQ(result.summary.in_notes, 2u);
  std::map<std::string, Comment> comments = comments_of(part(*result.bytes, "word/comments.xml"));
  Ranges ranges = ranges_of(part(*result.bytes, "word/document.xml"));
  std::map<std::string, std::string> by_words;
  for (const auto& [id, comment] : comments)
    if (comment.author == "marginalia") by_words[ranges.words[id]] = comment.text;
  EXPECT_EQ(by_words["[note 3]"], "in footnote 3: warning: note 3 cites no source [footnotes/note-without-source]");
  EXPECT_EQ(by_words["[note 4]"], "in footnote 4: error: note 4 is empty [footnotes/empty-note]");
  EXPECT_EQ(part(*result.bytes, "word/footnotes.xml"), part(sample_, "word/footnotes.xml"));
}

TEST_F(DocxAnnotator, ProposesCertainFixesAsTrackedChangesOnlyWhenAsked) {
  model::LoadedDocument doc = read(sample_);
  auto findings = [&] {
    return std::vector<sdk::Finding>{on(doc, "Monday", "dates/weekday-mismatch", "wrong weekday", "Wednesday"),
                                     on(doc, "harbour statistics", "urls/redirected", "moved", "harbour figures"),
                                     on(doc, "Dwell", "test/insert", "a word is missing", "Average ", 1, true)};
  };
  std::string plain = annotate(sample_, report_of(read(sample_), findings()));
  EXPECT_EQ(plain.find("marginalia\"><w:r"), std::string::npos);
  EXPECT_EQ(part(plain, "word/document.xml").find("w:del "), std::string::npos) << "no tracked change without tracked_fixes";

  options_.tracked_fixes = true;
  writers::AnnotateResult result = writers::annotate_docx(sample_, report_of(read(sample_), findings()), options_);
  ASSERT_TRUE(result.bytes);
  EXPECT_EQ(result.summary.tracked_changes, 2u) << "the field result is left alone: a deletion would tear the field apart";
  pugi::xml_document document;
  std::string xml = part(*result.bytes, "word/document.xml");
  ASSERT_TRUE(document.load_string(xml.c_str()));
  std::string deleted;
  for (pugi::xpath_node del : document.select_nodes("//w:del[@w:author='marginalia']")) {
    EXPECT_STREQ(del.node().attribute("w:date").value(), "2024-09-12T08:00:00Z");
    for (pugi::xpath_node text : del.node().select_nodes(".//w:delText")) deleted += text.node().child_value();
  }
  EXPECT_EQ(deleted, "Monday");
  EXPECT_TRUE(document.select_node("//w:del[@w:author='marginalia']/w:r[w:delText='Mon']/w:rPr/w:b")) << "the deleted run keeps its bold";
  pugi::xpath_node_set inserted = document.select_nodes("//w:ins[@w:author='marginalia']");
  ASSERT_EQ(inserted.size(), 2u);
  // Accepting nothing yet, a reader that shows insertions and hides deletions reads the fixed text.
  const std::string& text = read(*result.bytes).document.text;
  EXPECT_NE(text.find("opened on Wednesday, 24 April 2024"), std::string::npos);
  EXPECT_NE(text.find("Average Dwell times"), std::string::npos);
  EXPECT_NE(text.find("in the harbour statistics."), std::string::npos);
  std::map<std::string, Comment> comments = comments_of(part(*result.bytes, "word/comments.xml"));
  int proposed = 0;
  for (const auto& [id, comment] : comments) proposed += comment.text.find("(proposed as a tracked change)") != std::string::npos;
  EXPECT_EQ(proposed, 2);
}

TEST_F(DocxAnnotator, AnchorsSpansAcrossParagraphsAndEmptySpans) {
  model::LoadedDocument doc = read(sample_);
  std::size_t from = doc.document.text.find("Dwell times");
  std::size_t to = doc.document.text.find("Figure 1 shows") + 6;
  std::vector<sdk::Finding> findings = {
      {"test/across", sdk::Severity::note, {static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(to)}, "two paragraphs", {}, std::nullopt},
      on(doc, "Dwell", "test/point", "between two words", std::nullopt, 1, true)};
  std::string annotated = annotate(sample_, report_of(read(sample_), findings));
  Ranges ranges = ranges_of(part(annotated, "word/document.xml"));
  std::map<std::string, Comment> comments = comments_of(part(annotated, "word/comments.xml"));
  std::map<std::string, std::string> by_text;
  for (const auto& [id, comment] : comments) by_text[comment.text] = ranges.words[id];
  EXPECT_EQ(by_text["note: two paragraphs [test/across]"], "Dwell times averaged 4.2 days.[note 3]Figure");
  EXPECT_EQ(by_text["warning: between two words [test/point]"], "");
  EXPECT_TRUE(ranges.unclosed.empty());
  EXPECT_EQ(read(annotated).document.text, doc.document.text);
}

// Issue 15 (D04): a draft back from review keeps its comments part and content types, so the
// package's first entries are unchanged and libzip rewrites the archive in place behind them —
// which once freed the caller's bytes and crashed. Findings sit beside tracked deletions, inside
// a tracked insertion and over a reviewer's comment.
TEST_F(DocxAnnotator, AnnotatesADraftBackFromReviewBesideItsTrackedChangesAndComments) {
  if (python().empty()) GTEST_SKIP() << "python3 is needed to make the DOCX file";
  std::string original = made_docx("reviewed-draft");
  ASSERT_FALSE(original.empty());
  model::LoadedDocument doc = read(original);
  ASSERT_NE(doc.document.text.find("On Monday, 24 April 2024 the regional operator warned of delays."), std::string::npos)
      << "the reader reads the final text: deletions out, insertions in";
  auto findings = [&] {
    return std::vector<sdk::Finding>{on(doc, "Monday", "dates/weekday-mismatch", "wrong weekday", "Wednesday"),
                                     on(doc, "Thursday", "dates/weekday-mismatch", "wrong weekday", "Tuesday"),
                                     on(doc, "operator warned", "test/overlap", "across the reviewer's comment and a deletion")};
  };
  for (bool tracked : {false, true}) {
    options_.tracked_fixes = tracked;
    writers::AnnotateResult result = writers::annotate_docx(original, report_of(read(original), findings()), options_);
    ASSERT_TRUE(result.bytes) << result.code << ": " << result.message;
    EXPECT_EQ(result.summary.comments, 3u);
    EXPECT_EQ(result.summary.tracked_changes, tracked ? 1u : 0u) << "the fix inside the reviewer's insertion is left to the comment";
    std::vector<Entry> before = entries(original), after = entries(*result.bytes);
    ASSERT_EQ(after.size(), before.size());
    for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(after[i].compressed, before[i].compressed) << before[i].name << " is copied as it was";
    std::map<std::string, Comment> comments = comments_of(part(*result.bytes, "word/comments.xml"));
    ASSERT_EQ(comments.size(), 4u);
    EXPECT_EQ(comments["0"].text, "Which operator?") << "the reviewer's comment is kept";
    Ranges ranges = ranges_of(part(*result.bytes, "word/document.xml"));
    EXPECT_EQ(ranges.words["0"], "regional operator");
    EXPECT_TRUE(ranges.unclosed.empty());
    std::map<std::string, std::string> by_words;
    for (const auto& [id, comment] : comments)
      if (comment.author == "marginalia") by_words[ranges.words[id]] = comment.text;
    EXPECT_NE(by_words[tracked ? "Wednesday" : "Monday"].find("[dates/weekday-mismatch]"), std::string::npos);
    EXPECT_NE(by_words["Thursday"].find("[dates/weekday-mismatch]"), std::string::npos);
    EXPECT_NE(by_words["operator warned"].find("[test/overlap]"), std::string::npos);
    std::string xml = part(*result.bytes, "word/document.xml");
    for (const char* kept : {"<w:delText xml:space=\"preserve\">Sunday or </w:delText>", "<w:delText xml:space=\"preserve\"> quietly</w:delText>",
                             "<w:ins w:id=\"3\" w:author=\"a\">", "<w:delText xml:space=\"preserve\">Friday, </w:delText>"})
      EXPECT_NE(xml.find(kept), std::string::npos) << kept << " in " << xml;
    std::string text = read(*result.bytes).document.text;
    if (tracked) {
      EXPECT_NE(text.find("On Wednesday, 24 April 2024 the regional operator warned of delays."), std::string::npos) << text;
      EXPECT_NE(text.find("The board met on Thursday, 2 April 2024."), std::string::npos) << text;
    } else {
      EXPECT_EQ(text, doc.document.text);
    }
  }
}

TEST_F(DocxAnnotator, RefusesAFileChangedSinceItWasCheckedAndDocumentsOfOtherFormats) {
  model::LoadedDocument doc = read(sample_);
  std::string changed = sample_;
  changed[changed.size() - 30] ^= 1;
  writers::AnnotateResult result = writers::annotate_docx(changed, report_of(read(sample_), {}), options_);
  EXPECT_FALSE(result.bytes);
  EXPECT_EQ(result.code, "annotate/changed-input");
  readers::ReadResult markdown = readers::read_bytes("r.md", "# Title\n\nText.\n", {});
  ASSERT_TRUE(markdown.document);
  result = writers::annotate_docx("# Title\n\nText.\n", report_of(std::move(*markdown.document), {}), options_);
  EXPECT_EQ(result.code, "annotate/not-docx");
}

}  // namespace
}  // namespace marginalia::testing
