// SPDX-License-Identifier: MIT
// `marginalia check draft.docx --annotate OUT.docx` end to end: the sample and the real-dev
// Word files annotated with one comment per finding, several drafts into a folder, the usage
// errors, broken and password-protected drafts (an error, no file), and a real reader of Word
// files — LibreOffice, headless — finding each comment on its words.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <unistd.h>

#include <algorithm>
#include <sstream>

#include "readers/docx_archive.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_paths.hpp"

namespace marginalia::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string sample() { return source_dir() + "/samples/report-with-defects.docx"; }

// A part of a ZIP package (DOCX or ODT); empty when absent.
std::string part_of(const std::string& package, const std::string& name) {
  readers::docx::ArchiveError error;
  std::optional<readers::docx::DocxArchive> archive = readers::docx::DocxArchive::open(package, {}, error);
  if (!archive) return {};
  return archive->read(name, error).value_or(std::string());
}

// How many comments by marginalia word/comments.xml holds, and their texts.
std::vector<std::string> marginalia_comments(const std::string& docx) {
  std::vector<std::string> texts;
  std::string xml = part_of(docx, "word/comments.xml");
  pugi::xml_document document;
  if (!document.load_string(xml.c_str())) return texts;
  for (pugi::xml_node comment : document.document_element().children("w:comment")) {
    if (std::string(comment.attribute("w:author").value()) != "marginalia") continue;
    std::string text;
    for (pugi::xpath_node t : comment.select_nodes(".//w:t")) text += t.node().child_value();
    texts.push_back(text);
  }
  return texts;
}

ProcessResult check_in(const std::string& folder, std::vector<std::string> args) {
  args.insert(args.begin(), "check");
  for (const char* offline : {"--offline", "--no-cache"}) args.push_back(offline);
  return run_process(marginalia_binary(), args, 300, {"SOURCE_DATE_EPOCH=1726128000"}, folder);
}

std::string make_docx(const TempDir& temp, const std::string& name) {
  std::string out = temp.file(name + ".docx");
  ProcessResult made = run_process(python(), {source_dir() + "/tests/unit/readers/make_docx.py", name, out});
  EXPECT_EQ(made.exit_code, 0) << made.err;
  return out;
}

TEST(AnnotateDocx, WritesOneCommentPerFindingOfTheSample) {
  TempDir temp;
  ProcessResult result = check_in(temp.path(), {sample(), "--annotate", "annotated.docx", "--format", "json"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  json report = json::parse(result.out, nullptr, false);
  ASSERT_FALSE(report.is_discarded()) << result.out.substr(0, 200);
  std::string annotated = read_file(temp.file("annotated.docx"));
  ASSERT_FALSE(annotated.empty()) << result.err;
  std::vector<std::string> comments = marginalia_comments(annotated);
  EXPECT_EQ(comments.size(), report["findings"].size());
  std::size_t with_code = 0;
  for (const json& finding : report["findings"])
    for (const std::string& comment : comments)
      if (comment.find("[" + finding["code"].get<std::string>() + "]") != std::string::npos &&
          comment.find(finding["message"].get<std::string>()) != std::string::npos) {
        ++with_code;
        break;
      }
  EXPECT_EQ(with_code, report["findings"].size()) << "each comment says severity, message and code";
  EXPECT_NE(result.err.find("annotated copy (5 comments, 2 in notes) written to annotated.docx"), std::string::npos) << result.err;
  // The annotated copy reads as the same document: the same findings at the same places.
  ProcessResult again = check_in(temp.path(), {"annotated.docx", "--format", "json"});
  json reread = json::parse(again.out, nullptr, false);
  ASSERT_FALSE(reread.is_discarded());
  ASSERT_EQ(reread["findings"].size(), report["findings"].size());
  for (std::size_t i = 0; i < report["findings"].size(); ++i)
    for (const char* key : {"code", "line", "column", "message"}) EXPECT_EQ(reread["findings"][i][key], report["findings"][i][key]) << i << key;
}

TEST(AnnotateDocx, IsAUsageErrorForOtherFormats) {
  TempDir temp;
  ProcessResult result = check_in(temp.path(), {source_dir() + "/samples/report-with-footnote-defects.md", "--annotate", "out.docx"});
  EXPECT_EQ(result.exit_code, 2);
  for (const char* said : {"DOCX", "read as markdown", "--format html", "language server", "marginalia --help"})
    EXPECT_NE(result.err.find(said), std::string::npos) << said << " in: " << result.err;
  EXPECT_FALSE(fs::exists(temp.file("out.docx")));
  result = check_in(temp.path(), {sample(), "--annotate-fixes"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("--annotate-fixes needs --annotate"), std::string::npos) << result.err;
}

TEST(AnnotateDocx, WritesSeveralDraftsIntoAFolderKeepingTheirRelativePaths) {
  TempDir temp;
  std::string bytes = read_file(sample());
  temp.write("drafts/2024/harbour.docx", bytes);
  temp.write("second.docx", bytes);
  ProcessResult result = check_in(temp.path(), {"drafts/2024/harbour.docx", "second.docx", "--annotate", "annotated", "--annotate-fixes"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  for (const char* copy : {"annotated/drafts/2024/harbour.docx", "annotated/second.docx"}) {
    std::string annotated = read_file(temp.file(copy));
    EXPECT_EQ(marginalia_comments(annotated).size(), 5u) << copy;
    EXPECT_NE(part_of(annotated, "word/document.xml").find("w:author=\"marginalia\""), std::string::npos) << copy << ": a tracked change";
  }
  EXPECT_NE(result.err.find("1 tracked change"), std::string::npos) << result.err;
  EXPECT_EQ(read_file(temp.file("second.docx")), bytes) << "the draft itself is never touched";
}

TEST(AnnotateDocx, GivesBrokenAndPasswordProtectedDraftsAClearErrorAndNoFile) {
  if (python().empty()) GTEST_SKIP() << "python3 is needed to make the DOCX files";
  TempDir temp;
  std::map<std::string, std::string> expected = {{"malformed-document", "not well-formed XML"},
                                                 {"ole-encrypted", "password-protected"},
                                                 {"truncated-central-directory", "central directory"},
                                                 {"encrypted", "encrypted"}};
  for (const auto& [name, said] : expected) {
    std::string draft = make_docx(temp, name);
    ProcessResult result = check_in(temp.path(), {draft, "--annotate", name + "-annotated.docx"});
    EXPECT_EQ(result.exit_code, 2) << name;
    EXPECT_NE(result.err.find("no annotated copy of " + draft), std::string::npos) << name << ": " << result.err;
    EXPECT_NE(result.err.find(said), std::string::npos) << name << ": " << result.err;
    EXPECT_FALSE(fs::exists(temp.file(name + "-annotated.docx"))) << name;
  }
  ProcessResult itself = check_in(temp.path(), {sample(), "--annotate", sample()});
  EXPECT_EQ(itself.exit_code, 2);
  EXPECT_NE(itself.err.find("is the draft itself"), std::string::npos) << itself.err;
}

TEST(AnnotateDocx, AnnotatesTheRealWordFilesWithoutChangingWhatTheySay) {
  std::string folder = shared_dir().empty() ? std::string() : shared_dir() + "/eval/real-dev/docs";
  std::vector<std::string> names;
  std::error_code error;
  if (!folder.empty())
    for (const fs::directory_entry& entry : fs::directory_iterator(folder, error))
      if (std::string name = entry.path().filename().string(); name.rfind("D0", 0) == 0 && entry.path().extension() == ".docx")
        names.push_back(name);
  if (names.empty()) GTEST_SKIP() << "../shared/eval/real-dev/docs/D0*.docx are not present";
  std::sort(names.begin(), names.end());
  TempDir temp;
  for (const std::string& name : names) temp.write("in/" + name, read_file(folder + "/" + name));  // copies only
  std::vector<std::string> args;
  for (const std::string& name : names) args.push_back("in/" + name);
  std::vector<std::string> first = args, second;
  for (const char* extra : {"--annotate", "out", "--format", "json", "-j", "2"}) first.push_back(extra);
  ProcessResult result = check_in(temp.path(), first);
  ASSERT_NE(result.exit_code, 2) << result.err;
  json report = json::parse(result.out, nullptr, false);
  ASSERT_FALSE(report.is_discarded());
  for (const std::string& name : names) second.push_back("out/in/" + name);
  for (const char* extra : {"--format", "json", "-j", "2"}) second.push_back(extra);
  ProcessResult again = check_in(temp.path(), second);
  json reread = json::parse(again.out, nullptr, false);
  ASSERT_FALSE(reread.is_discarded());
  std::map<std::string, std::vector<std::string>> before, after;
  for (const json& f : report["findings"])
    before[fs::path(f["file"].get<std::string>()).filename().string()].push_back(f["code"].get<std::string>() + " " + f["line"].dump() + ":" +
                                                                                 f["column"].dump());
  for (const json& f : reread["findings"])
    after[fs::path(f["file"].get<std::string>()).filename().string()].push_back(f["code"].get<std::string>() + " " + f["line"].dump() + ":" +
                                                                                f["column"].dump());
  for (const std::string& name : names) {
    std::string annotated = read_file(temp.file("out/in/" + name));
    ASSERT_FALSE(annotated.empty()) << name;
    EXPECT_EQ(marginalia_comments(annotated).size(), before[name].size()) << name << ": one comment per finding";
    EXPECT_EQ(after[name], before[name]) << name << ": the annotated copy reads as the same document";
  }
}

// LibreOffice's rendering of the annotated sample (ODT content.xml): each comment by marginalia
// with the words its range covers. Note bodies and tracked deletions are not running text.
struct Rendered {
  std::map<std::string, std::string> words_by_comment;  // comment text → covered words
  std::string deleted_by_marginalia;
};

std::string all_text(const pugi::xml_node& node) {
  std::string text;
  for (pugi::xpath_node t : node.select_nodes(".//text()")) text += t.node().value();
  return text;
}

void collect(const pugi::xml_node& node, std::map<std::string, std::string>& open, Rendered& out, std::map<std::string, std::string>& names) {
  std::string name = node.name();
  if (node.type() == pugi::node_pcdata) {
    for (auto& [id, words] : open) words += node.value();
    return;
  }
  if (name == "office:annotation") {
    if (std::string(node.child_value("dc:creator")) == "marginalia") {
      std::string text;
      for (pugi::xml_node p : node.children("text:p")) text += (text.empty() ? "" : "\n") + all_text(p);
      names[node.attribute("office:name").value()] = text;
      open[node.attribute("office:name").value()];
    }
    return;
  }
  if (name == "office:annotation-end") {
    auto found = open.find(node.attribute("office:name").value());
    if (found != open.end()) {
      out.words_by_comment[names[found->first]] = found->second;
      open.erase(found);
    }
    return;
  }
  if (name == "text:tracked-changes") {
    for (pugi::xpath_node deletion : node.select_nodes(".//text:changed-region[text:deletion/office:change-info/dc:creator='marginalia']"))
      for (pugi::xpath_node p : deletion.node().select_nodes(".//text:p")) out.deleted_by_marginalia += all_text(p.node());
    return;
  }
  if (name == "text:note-body") return;
  if (name == "text:s") for (auto& [id, words] : open) words += " ";
  for (pugi::xml_node child : node.children()) collect(child, open, out, names);
}

std::string find_program(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::stringstream folders(path ? path : "");
  for (std::string folder; std::getline(folders, folder, ':');)
    if (!folder.empty() && ::access((folder + "/" + name).c_str(), X_OK) == 0) return folder + "/" + name;
  return {};
}

// content.xml of `temp`/NAME.docx converted by LibreOffice to ODT; empty (with a failure) when it
// cannot open the file. One conversion, with a private profile so it neither needs nor touches a
// user's.
std::string odt_content(const std::string& soffice, const TempDir& temp, const std::string& name) {
  ProcessResult converted = run_process(soffice, {"-env:UserInstallation=file://" + temp.file("profile"), "--headless", "--convert-to", "odt", "--outdir",
                                                  temp.path(), temp.file(name + ".docx")},
                                        240, {"HOME=" + temp.path()});
  EXPECT_FALSE(converted.timed_out) << "LibreOffice did not finish in 240 s";
  std::string odt = read_file(temp.file(name + ".odt"));
  EXPECT_FALSE(odt.empty()) << "LibreOffice could not open " << name << ".docx: " << converted.out << converted.err;
  return odt.empty() ? std::string() : part_of(odt, "content.xml");
}

// The annotated copy as LibreOffice opened it: content.xml, parsed, and what it shows of
// marginalia's comments and tracked deletions.
struct LibreOfficeView {
  std::string content;
  pugi::xml_document document;
  Rendered rendered;
};

bool open_in_libreoffice(const std::string& soffice, const TempDir& temp, const std::string& name, LibreOfficeView& view) {
  view.content = odt_content(soffice, temp, name);
  if (view.content.empty()) return false;
  if (!view.document.load_string(view.content.c_str(), pugi::parse_default | pugi::parse_ws_pcdata)) return false;
  std::map<std::string, std::string> open, names;
  collect(view.document.document_element(), open, view.rendered, names);
  return true;
}

TEST(AnnotateDocx, LibreOfficeShowsEachCommentOnItsWordsAndTheFixAsATrackedChange) {
  std::string soffice = find_program("soffice");
  if (soffice.empty()) GTEST_SKIP() << "LibreOffice (soffice, Debian's libreoffice-writer-nogui) is not installed: the real-reader test is skipped";
  TempDir temp;
  ProcessResult result = check_in(temp.path(), {sample(), "--annotate", "annotated.docx", "--annotate-fixes", "-q"});
  ASSERT_EQ(result.exit_code, 1) << result.err;
  LibreOfficeView view;
  ASSERT_TRUE(open_in_libreoffice(soffice, temp, "annotated", view));
  const Rendered& rendered = view.rendered;

  std::map<std::string, std::string> expected = {
      {"Wednesday", "warning: 'Monday' does not match 24 April 2024, which is a Wednesday [dates/weekday-mismatch]"},
      {"“quick to load but slow to clear”", "[quotes/missing-speaker]"},
      {"3 October 2024", "[dates/date-after-document]"},
      {"3", "in footnote 3: warning: note 3 cites no source"},
      {"4", "in footnote 4: error: note 4 is empty [footnotes/empty-note]"},
  };
  EXPECT_EQ(rendered.words_by_comment.size(), expected.size());
  for (const auto& [comment, words] : rendered.words_by_comment) {
    auto wanted = expected.find(words);
    ASSERT_NE(wanted, expected.end()) << "a comment on unexpected words '" << words << "': " << comment;
    EXPECT_NE(comment.find(wanted->second), std::string::npos) << comment;
  }
  EXPECT_EQ(rendered.deleted_by_marginalia, "Monday") << "the wrong weekday is a tracked deletion by marginalia";
  EXPECT_NE(view.content.find("<dc:creator>R. Editor</dc:creator>"), std::string::npos) << "the editor's comment is still there";
  // Every footnote still holds its own text.
  std::map<std::string, std::string> notes;
  for (pugi::xpath_node note : view.document.select_nodes("//text:note"))
    notes[note.node().child_value("text:note-citation")] = all_text(note.node().child("text:note-body"));
  EXPECT_NE(notes["1"].find("Half-year traffic figures"), std::string::npos) << notes["1"];
  EXPECT_NE(notes["2"].find("Annual throughput report 2023"), std::string::npos) << notes["2"];
  EXPECT_NE(notes["3"].find("This was widely reported."), std::string::npos) << notes["3"];
}

// Issue 15: a draft back from review (tracked deletions and an insertion beside the findings, a
// reviewer's comment, its comments part already registered) once crashed the annotator with a
// double free. Its annotated copy opens in LibreOffice with every comment, the reviewer's too.
TEST(AnnotateDocx, AnnotatesADraftBackFromReviewThatLibreOfficeOpens) {
  if (python().empty()) GTEST_SKIP() << "python3 is needed to make the DOCX file";
  TempDir temp;
  std::string draft = make_docx(temp, "reviewed-draft");
  ProcessResult result = check_in(temp.path(), {draft, "--annotate", "annotated.docx", "--annotate-fixes", "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << "two warnings, no error: " << result.err;
  json report = json::parse(result.out, nullptr, false);
  ASSERT_FALSE(report.is_discarded()) << result.out.substr(0, 200);
  std::vector<std::string> codes;
  for (const json& finding : report["findings"]) codes.push_back(finding["code"].get<std::string>() + " " + finding["line"].dump());
  EXPECT_EQ(codes, (std::vector<std::string>{"dates/weekday-mismatch 1", "dates/weekday-mismatch 2"}));
  std::string annotated = read_file(temp.file("annotated.docx"));
  ASSERT_FALSE(annotated.empty()) << result.err;
  EXPECT_EQ(marginalia_comments(annotated).size(), 2u);
  std::string soffice = find_program("soffice");
  if (soffice.empty()) GTEST_SKIP() << "LibreOffice (soffice) is not installed: the annotated copy was not opened";
  LibreOfficeView view;
  ASSERT_TRUE(open_in_libreoffice(soffice, temp, "annotated", view));
  const Rendered& rendered = view.rendered;
  EXPECT_EQ(rendered.words_by_comment.size(), 2u);
  for (const auto& [comment, words] : rendered.words_by_comment)
    EXPECT_TRUE(words == "Wednesday" || words == "Thursday") << "a comment on unexpected words '" << words << "': " << comment;
  EXPECT_EQ(rendered.deleted_by_marginalia, "Monday") << "the wrong weekday is a tracked deletion by marginalia";
  EXPECT_NE(view.content.find("Which operator?"), std::string::npos) << "the reviewer's comment is still there";
}

}  // namespace
}  // namespace marginalia::testing
