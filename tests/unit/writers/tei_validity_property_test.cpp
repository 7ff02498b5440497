// SPDX-License-Identifier: MIT
// Property: whatever structure a reader builds and whatever marks plugins place, the TEI written
// validates against tei_all.rng. Documents are generated from a fixed seed (random nesting of
// headings, lists, notes, quotations, tables, letters, drama and verse, links with odd targets,
// inline code around marks and links, control characters, deep nesting) in every text input
// format, given random marks, written, and validated by one jing run.
#include <gtest/gtest.h>

#include <fstream>
#include <random>

#include "readers/reader_registry.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_paths.hpp"
#include "writers/tei_writer.hpp"

namespace marginalia::writers {
namespace {

using Random = std::mt19937;

int pick(Random& random, int n) { return std::uniform_int_distribution<int>(0, n - 1)(random); }

template <class T, std::size_t N>
const T& one_of(Random& random, const T (&items)[N]) { return items[pick(random, static_cast<int>(N))]; }

const char* const kTargets[] = {
    "https://example.org/a", "www.[agency].gov/report", "https://example.org/a\\_b", "http://[::1]:8080/x",
    "https://e.org/?q=\"x\"&y=<z>", ":x", "#a#b", "%", "%zz", "C:\\path\\file", "ja va:x", "mailto:a@b.org",
    "https://ex ample.org/", "https://\xC3\xA9.org/\xC3\xBC", "//host/only", "?only=query", "", "https://a.org/\x01", "[x]",
    "doi:10.1000/xyz", "https://a.org/#frag[1]", "http://user@[agency]:99x/"};

const char* const kWords[] = {
    "report", "note", "\xE2\x80\x9Cquoted words\xE2\x80\x9D", "\"straight\"", "24 April 2024", "Monday, 3 May 1897",
    "& <amp>", "]]>", "\xC2\xA0nbsp", "\x01", "\x0B", "\x7F", "\xE2\x80\xAE" "rtl", "e\xCC\x81", "\xF0\x9F\x98\x80",
    "\xEF\xBF\xBF", "Ibid.", "P.L. 119-27", "said Mr. Smith", "West1.", "[12]", "*", "\xE2\x80\xA0", "\\_", "`code`",
    "`x = \"a`", "<code>a <a href=\"https://e.org\">l</a> \"b</code>", "<kbd>24 April 2024</kbd>"};

std::string words(Random& random, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += std::string(i ? " " : "") + one_of(random, kWords);
  return out;
}

std::string markdown(Random& random) {
  std::string out = pick(random, 2) ? "---\ntitle: \"Odd " + words(random, 1) + "\"\ndate: 2024-02-30\n---\n\n" : "";
  int notes = 0;
  for (int b = 0, n = 6 + pick(random, 20); b < n; ++b) {
    switch (pick(random, 10)) {
      case 0: out += std::string(1 + pick(random, 6), '#') + " " + words(random, 2) + "\n\n"; break;
      case 1: {
        for (int i = 0, depth = pick(random, 8); i < 3; ++i)
          out += std::string(2 * ((depth + i) % 8), ' ') + (pick(random, 2) ? "- " : "1. ") + words(random, 2) + "\n";
        out += "\n";
        break;
      }
      case 2: out += std::string(1 + pick(random, 12), '>') + " " + words(random, 3) + "\n\n"; break;
      case 3: out += "| " + words(random, 1) + " | [^" + std::to_string(++notes) + "] |\n|---|---|\n| a | " + words(random, 1) + " |\n\n"; break;
      case 4: out += "[^" + std::to_string(pick(random, 2) ? ++notes : 1) + "]: " + words(random, 2) + " [l](" + one_of(random, kTargets) + ")\n\n"; break;
      case 5: out += words(random, 2) + " [link " + words(random, 1) + "](" + one_of(random, kTargets) + ") <" + one_of(random, kTargets) + ">\n\n"; break;
      case 6: out += "<div class=\"footnotes\"><ol><li id=\"fn:" + std::to_string(pick(random, 5)) + "\">" + words(random, 2) + "</li></ol></div>\n\n"; break;
      case 7: out += words(random, 2) + "^[inline " + words(random, 2) + "] {: .note }\n\n"; break;
      case 8: out += "```\n" + words(random, 3) + "\n```\n\n"; break;
      default: out += words(random, 4) + "[^" + std::to_string(1 + pick(random, 9)) + "]\n" + words(random, 1) + "  \n" + words(random, 2) + "\n\n";
    }
  }
  return out;
}

std::string html_block(Random& random, int depth, int& budget) {
  static const char* const containers[] = {"div", "section", "article", "aside", "nav", "main", "blockquote", "ol", "ul", "li", "table", "tr", "td", "header", "footer", "p", "sup", "dl", "dd"};
  if (depth > 60 || --budget <= 0 || pick(random, 4) == 0) {
    switch (pick(random, 6)) {
      case 0: return "<h" + std::to_string(1 + pick(random, 6)) + ">" + words(random, 2) + "</h" + std::to_string(1 + pick(random, 6)) + ">";
      case 1: return "<p>" + words(random, 3) + "<sup><a href=\"#cite_note-" + std::to_string(pick(random, 4)) + "\">[" + std::to_string(pick(random, 4)) + "]</a></sup></p>";
      case 2: return "<li id=\"cite_note-" + std::to_string(pick(random, 4)) + "\"><span class=\"reference-text\">" + words(random, 2) + "</span></li>";
      case 3: return "<a href=\"" + std::string(one_of(random, kTargets)) + "\">" + words(random, 1) + "</a>";
      case 4: return "<p>" + words(random, 2) + "<br>" + words(random, 2);  // unclosed
      default: return words(random, 3);
    }
  }
  const char* name = one_of(random, containers);
  std::string out = std::string("<") + name + ">";
  for (int i = 0, n = 1 + pick(random, 3); i < n; ++i) out += html_block(random, depth + 1, budget);
  return out + (pick(random, 8) ? std::string("</") + name + ">" : "");
}

std::string html(Random& random) {
  int budget = 150;  // nodes per document: nesting may go deep, the tree stays small
  return "<!DOCTYPE html><html><head><title>" + words(random, 2) + "</title></head><body>" + html_block(random, 0, budget) + html_block(random, 0, budget) +
         "</body></html>";
}

std::string text(Random& random) {
  static const char* const lines[] = {"NOTES", "Notes", "Endnotes", "1. ", "[1] ", "[Footnote 3: ", "* ", "\xE2\x80\xA0 ", "CHAPTER IV.", "Dear Sir,",
                                      "Yours faithfully,", "Vienna, 3 May 1897", "1913     274,650", "1.E.8.", "    ", "\t"};
  std::string out = words(random, 3) + "\r\n\r\n";
  for (int i = 0, n = 10 + pick(random, 30); i < n; ++i)
    out += std::string(one_of(random, lines)) + words(random, 1 + pick(random, 4)) + (pick(random, 3) ? "\n" : "\n\n");
  return out;
}

std::string tei_node(Random& random, int depth, int& budget) {
  static const char* const names[] = {"div", "p", "head", "lg", "l", "sp", "speaker", "stage", "opener", "closer", "dateline", "salute", "signed",
                                      "note", "quote", "q", "list", "item", "table", "row", "cell", "front", "titlePage", "docTitle", "titlePart",
                                      "castList", "castItem", "floatingText", "body", "hi", "ref", "date", "epigraph", "byline", "postscript"};
  if (depth > 40 || --budget <= 0 || pick(random, 3) == 0) return words(random, 2);
  std::string name = one_of(random, names);
  std::string attributes = name == "note" ? " place=\"foot\" n=\"" + std::to_string(pick(random, 5)) + "\"" : name == "ref" ? " target=\"" + std::string(one_of(random, kTargets)) + "\"" : name == "date" ? " when=\"1897-05-0" + std::to_string(pick(random, 9)) + "\"" : "";
  // Attribute values are XML: escape what the targets may hold.
  std::string escaped;
  for (char c : attributes) escaped += c == '&' ? "&amp;" : c == '<' ? "&lt;" : std::string(1, c);
  std::string out = "<" + name + escaped + ">";
  for (int i = 0, n = 1 + pick(random, 3); i < n; ++i) out += tei_node(random, depth + 1, budget);
  return out + "</" + name + ">";
}

std::string tei(Random& random) {
  std::string body;
  int budget = 150;
  for (int i = 0; i < 4; ++i) body += tei_node(random, 0, budget);
  std::string clean;
  for (char c : body) if (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t') clean += c;  // XML 1.0 forbids the rest
  for (std::size_t at; (at = clean.find("]]>")) != std::string::npos;) clean.replace(at, 3, "]]&gt;");
  return "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>"
         "<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader><text><body>" +
         clean + "</body></text></TEI>";
}

// Letters, drama, verse and title pages as real TEI holds them, in random order and with the
// odd cases the writer must still place validly: a speech of only a speaker, an opener after
// running text, text after a closer, a paragraph inside a stanza, a title page in the body.
std::string tei_structured(Random& random) {
  auto piece = [&]() -> std::string {
    switch (pick(random, 9)) {
      case 0: return "<opener><seg>" + words(random, 2) + "</seg><dateline>" + words(random, 2) + "</dateline><salute>" + words(random, 1) + "</salute></opener>";
      case 1: return "<closer>" + words(random, 1) + " <lb/><salute>" + words(random, 1) + "</salute><signed>" + words(random, 1) + "</signed></closer>";
      case 2: return "<sp><speaker>" + words(random, 1) + "</speaker>" + (pick(random, 3) ? "<l>" + words(random, 2) + "</l><stage>" + words(random, 1) + "</stage>" : "") + "</sp>";
      case 3: return "<sp><speaker>" + words(random, 1) + "</speaker><p>" + words(random, 3) + "</p><lg><l>" + words(random, 2) + "</l></lg><speaker>" + words(random, 1) + "</speaker></sp>";
      case 4: return "<lg><l>" + words(random, 2) + "</l>" + (pick(random, 2) ? "<p>" + words(random, 2) + "</p>" : "") + "<l>" + words(random, 2) + "</l></lg>";
      case 5: return "<stage>" + words(random, 2) + "</stage><l>" + words(random, 2) + "</l>";
      case 6: return "<titlePage><docTitle><titlePart>" + words(random, 2) + "</titlePart></docTitle><byline>by <docAuthor>" + words(random, 1) + "</docAuthor></byline></titlePage>";
      case 7: return "<head>" + words(random, 2) + "</head>";
      default: return "<p>" + words(random, 3) + "</p>";
    }
  };
  auto div = [&]() {
    std::string out = "<div>";
    for (int i = 0, n = 1 + pick(random, 6); i < n; ++i) out += piece();
    return out + "</div>";
  };
  std::string front = pick(random, 2) ? "<front>" + std::string(pick(random, 2) ? div() : "") + "<titlePage><docTitle><titlePart>" + words(random, 2) +
                                            "</titlePart></docTitle><docImprint>" + words(random, 2) + "</docImprint></titlePage>" + (pick(random, 2) ? div() : "") + "</front>"
                                      : "";
  std::string body;
  for (int i = 0, n = 1 + pick(random, 4); i < n; ++i) body += div();
  std::string clean;
  for (char c : front + "<body>" + body + "</body>") if (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t') clean += c;
  for (std::size_t at; (at = clean.find("]]>")) != std::string::npos;) clean.replace(at, 3, "]]&gt;");
  for (std::size_t at = 0; (at = clean.find("& ", at)) != std::string::npos; at += 5) clean.replace(at, 2, "&amp; ");
  for (std::size_t at = 0; (at = clean.find("<amp>", at)) != std::string::npos;) clean.replace(at, 5, "&lt;amp&gt;");
  return "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>"
         "<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader><text>" +
         clean + "</text></TEI>";
}

// Marks a plugin might place: on random spans (UTF-8 boundaries), crossing each other or not,
// with odd attribute values.
std::vector<sdk::Mark> random_marks(Random& random, const std::string& text) {
  std::vector<sdk::Mark> marks;
  auto boundary = [&](std::uint32_t at) {
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
    return std::min<std::uint32_t>(at, static_cast<std::uint32_t>(text.size()));
  };
  if (text.empty()) return marks;
  static const char* const whens[] = {"2024-02-30", "1897-05-03", "--05-03", "2024", "x", ""};
  static const char* const speakers[] = {"A. Person", "", "\xE2\x80\x9C<&>\xE2\x80\x9D", "World Bank", "the report"};
  static const char* const types[] = {"person", "organisation", "document", ""};
  static const char* const kinds[] = {"direct", "scare", "title", "block"};
  for (int i = 0, n = pick(random, 12); i < n; ++i) {
    std::uint32_t begin = boundary(static_cast<std::uint32_t>(pick(random, static_cast<int>(text.size()))));
    std::uint32_t end = boundary(begin + static_cast<std::uint32_t>(pick(random, 60)));
    sdk::Mark mark{static_cast<sdk::MarkKind>(pick(random, 5)), {begin, end}, {}};
    mark.attributes = {{"when", one_of(random, whens)}, {"from", one_of(random, whens)}, {"speaker", one_of(random, speakers)},
                       {"speaker-type", one_of(random, types)}, {"kind", one_of(random, kinds)}, {"cite", std::to_string(pick(random, 5))},
                       {"name", one_of(random, speakers)}, {"target", one_of(random, kTargets)}, {"status", pick(random, 2) ? "404" : "ok 200/x"}};
    marks.push_back(mark);
  }
  std::sort(marks.begin(), marks.end(), [](const sdk::Mark& a, const sdk::Mark& b) { return a.span.begin < b.span.begin; });
  return marks;
}

TEST(TeiValidityProperty, EveryGeneratedStructureWritesValidTei) {
  if (testing::jing().empty() || testing::tei_schema().empty()) GTEST_SKIP() << "jing or ../shared/tei/tei_all.rng is not available";
  Random random(20240611);
  testing::TempDir dir;
  std::vector<std::string> files;
  const int cases_per_format = 20;
  for (int n = 0; n < cases_per_format * 5; ++n) {
    static const char* const extensions[] = {".md", ".html", ".txt", ".xml", ".tei.xml"};
    std::string name = "case" + std::to_string(n) + extensions[n % 5];
    std::string input = n % 5 == 0 ? markdown(random) : n % 5 == 1 ? html(random) : n % 5 == 2 ? text(random) : n % 5 == 3 ? tei(random) : tei_structured(random);
    readers::ReadResult read = readers::read_bytes(name, input, {});
    if (!read.document) continue;  // a refused input writes no TEI
    std::string document_text = read.document->document.text;
    host::PluginRunResult run;
    run.plugin_id = "alpha";
    run.marks = random_marks(random, document_text);
    std::uint32_t size = static_cast<std::uint32_t>(document_text.size());
    run.findings.push_back({"alpha/x", sdk::Severity::warning, {size / 3, size / 2}, "odd \x01 <message> & more", {{{0, size}, "related"}}, std::string("fix")});
    sdk::PluginInfo info{"alpha", "1.0.0", "Checks.", "", {}, "{}", ""};
    merge::DocumentReport report = merge::merge_document(std::move(*read.document), {run}, {&info}, {});
    files.push_back(dir.write(name + ".tei.xml", write_tei(report, {"0.1.0"})));
    std::ofstream(dir.file(name)) << input;  // kept beside its TEI for a failing case
  }
  ASSERT_GE(files.size(), static_cast<std::size_t>(cases_per_format * 4));
  std::vector<std::string> args = {testing::tei_schema()};
  args.insert(args.end(), files.begin(), files.end());
  testing::ProcessResult valid = testing::run_process(testing::jing(), args, 300);
  EXPECT_EQ(valid.exit_code, 0) << valid.out.substr(0, 6000);
}

}  // namespace
}  // namespace marginalia::writers
