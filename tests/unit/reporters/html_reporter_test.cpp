// SPDX-License-Identifier: MIT
// The HTML report: escaping, links, every finding in place whatever the overlaps, grouping,
// determinism and a page that names no outside resource. The page is read back with a small
// strict tag parser that fails on any element closed out of order, an <a> inside an <a> or a
// block inside inline markup, so "well nested" is checked, not assumed.
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <random>
#include <set>

#include "readers/reader_registry.hpp"
#include "reporters/html_escape.hpp"
#include "reporters/reporter.hpp"
#include "util/sha256.hpp"
#include "support/test_paths.hpp"

namespace marginalia::reporters {
namespace {

// ---- building reports --------------------------------------------------------------------------
struct PluginOutput {
  std::string plugin;
  std::vector<sdk::Finding> findings;
  std::vector<sdk::Mark> marks;
};

merge::FileReport file_report(const std::string& path, const std::string& text, std::vector<PluginOutput> outputs = {}) {
  readers::ReadResult read = readers::read_bytes(path, text, {});
  EXPECT_TRUE(read.document) << (read.error ? read.error->message : "");
  std::vector<host::PluginRunResult> runs;
  static std::vector<sdk::PluginInfo> infos;  // outlives the pointers merge_document keeps for the call
  infos.clear();
  infos.reserve(outputs.size());
  std::vector<const sdk::PluginInfo*> info_pointers;
  for (PluginOutput& output : outputs) {
    host::PluginRunResult run;
    run.plugin_id = output.plugin;
    run.findings = std::move(output.findings);
    run.marks = std::move(output.marks);
    runs.push_back(std::move(run));
    infos.push_back({output.plugin, "1.0.0", "Checks things.", "", {}, "{}", ""});
  }
  for (const sdk::PluginInfo& info : infos) info_pointers.push_back(&info);
  merge::FileReport file;
  file.path = path;
  file.report = merge::merge_document(std::move(*read.document), std::move(runs), info_pointers, {});
  return file;
}

RunReport run_of(std::vector<merge::FileReport> files) {
  RunReport run;
  run.tool_version = "0.1.0";
  run.files = std::move(files);
  return run;
}

sdk::Span span_of(const std::string& text, const std::string& needle, std::size_t from = 0) {
  std::size_t at = text.find(needle, from);
  EXPECT_NE(at, std::string::npos) << needle;
  return {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + needle.size())};
}

sdk::Finding finding(const std::string& code, sdk::Severity severity, sdk::Span span, const std::string& message) {
  sdk::Finding f;
  f.code = code;
  f.severity = severity;
  f.span = span;
  f.message = message;
  return f;
}

// ---- reading the page back ---------------------------------------------------------------------
struct Element {
  std::string name;
  std::map<std::string, std::string> attributes;
  bool has(const std::string& name_) const { return attributes.count(name_) > 0; }
  std::string get(const std::string& name_) const {
    auto it = attributes.find(name_);
    return it == attributes.end() ? "" : it->second;
  }
  bool has_class(const std::string& cls) const { return (" " + get("class") + " ").find(" " + cls + " ") != std::string::npos; }
};

struct Page {
  std::string error;                          // first structural problem, empty when none
  std::vector<std::string> doc_texts;         // text of each div.doc, without list numbers
  std::map<std::string, std::string> text_by_finding;  // data-f → text inside its pieces
  std::map<std::string, std::string> text_by_related;  // data-r → text inside
  std::map<std::string, int> ids;             // id → how many elements carry it
  std::vector<std::string> hrefs, srcs;
  std::vector<Element> elements;              // every start tag, in order
  std::vector<std::string> scripts, styles;   // inline contents
  std::size_t max_depth = 0;
};

std::string unescape(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') { out += text[i]; continue; }
    std::size_t end = text.find(';', i);
    std::string entity = text.substr(i, end - i + 1);
    if (entity == "&amp;") out += '&';
    else if (entity == "&lt;") out += '<';
    else if (entity == "&gt;") out += '>';
    else if (entity == "&quot;") out += '"';
    else if (entity == "&#39;") out += '\'';
    else { out += "[bad entity " + entity + "]"; }
    i = end;
  }
  return out;
}

bool is_void(const std::string& name) { return name == "meta" || name == "input" || name == "br" || name == "img" || name == "link"; }
bool is_block(const std::string& name) {
  return name == "p" || name == "div" || name == "blockquote" || name == "section" || name == "ul" || name == "li" || name == "nav" ||
         (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6');
}
bool is_inline(const std::string& name) { return name == "span" || name == "mark" || name == "a" || name == "q" || name == "code"; }

Page parse(const std::string& html) {
  Page page;
  std::vector<Element> stack;
  auto fail = [&](const std::string& why, std::size_t at) {
    if (page.error.empty()) page.error = why + " at byte " + std::to_string(at) + ": " + html.substr(at > 80 ? at - 80 : 0, 160);
  };
  auto text = [&](const std::string& raw) {
    std::string chunk = unescape(raw);
    bool in_doc = false, in_num = false;
    for (const Element& e : stack) {
      if (e.name == "div" && e.has_class("doc")) in_doc = true;
      if (e.has_class("num")) in_num = true;
    }
    if (in_doc && !in_num) page.doc_texts.back() += chunk;
    std::set<std::string> seen_f, seen_r;  // a finding counts once however deep its pieces nest
    for (const Element& e : stack) {
      if (e.has("data-f") && e.name == "mark" && seen_f.insert(e.get("data-f")).second) page.text_by_finding[e.get("data-f")] += chunk;
      if (e.has("data-r") && seen_r.insert(e.get("data-r")).second) page.text_by_related[e.get("data-r")] += chunk;
    }
  };
  std::size_t pos = 0;
  while (pos < html.size()) {
    std::size_t lt = html.find('<', pos);
    if (lt == std::string::npos) lt = html.size();
    if (lt > pos) text(html.substr(pos, lt - pos));
    if (lt >= html.size()) break;
    if (html.compare(lt, 9, "<!DOCTYPE") == 0) { pos = html.find('>', lt) + 1; continue; }
    if (html.compare(lt, 4, "<!--") == 0) { fail("comment", lt); pos = html.find("-->", lt) + 3; continue; }
    std::size_t gt = html.find('>', lt);
    if (gt == std::string::npos) { fail("unterminated tag", lt); break; }
    if (html[lt + 1] == '/') {
      std::string name = html.substr(lt + 2, gt - lt - 2);
      if (stack.empty() || stack.back().name != name) fail("</" + name + "> closes <" + (stack.empty() ? "nothing" : stack.back().name) + ">", lt);
      if (!stack.empty()) stack.pop_back();
      pos = gt + 1;
      continue;
    }
    // A start tag: name, then name="value" pairs or bare names; values never hold '"' or '>'.
    Element element;
    std::size_t i = lt + 1;
    while (i < gt && html[i] != ' ') element.name += html[i++];
    while (i < gt) {
      while (i < gt && html[i] == ' ') ++i;
      std::string name;
      while (i < gt && html[i] != '=' && html[i] != ' ') name += html[i++];
      std::string value;
      if (i < gt && html[i] == '=') {
        if (html[i + 1] != '"') fail("unquoted attribute " + name, i);
        std::size_t close = html.find('"', i + 2);
        value = unescape(html.substr(i + 2, close - i - 2));
        i = close + 1;
        if (close > gt) gt = html.find('>', close);  // '>' can't be in a value, but stay safe
      }
      if (!name.empty()) {
        if (name.rfind("on", 0) == 0) fail("event handler attribute " + name, lt);
        if (element.attributes.count(name)) fail("duplicate attribute " + name, lt);
        element.attributes[name] = value;
      }
    }
    page.elements.push_back(element);
    if (element.has("id")) ++page.ids[element.get("id")];
    if (element.has("href")) page.hrefs.push_back(element.get("href"));
    if (element.has("src")) page.srcs.push_back(element.get("src"));
    for (const Element& open : stack) {
      if (open.name == "a" && element.name == "a") fail("<a> inside <a>", lt);
      if ((is_inline(open.name) || open.name == "p" || (open.name.size() == 2 && open.name[0] == 'h')) && is_block(element.name))
        fail("<" + element.name + "> inside <" + open.name + ">", lt);
    }
    pos = gt + 1;
    if (element.name == "script" || element.name == "style") {
      std::string end = "</" + element.name + ">";
      std::size_t close = html.find(end, pos);
      (element.name == "script" ? page.scripts : page.styles).push_back(html.substr(pos, close - pos));
      pos = close + end.size();
      continue;
    }
    if (is_void(element.name)) continue;
    if (element.name == "div" && element.has_class("doc")) page.doc_texts.emplace_back();
    stack.push_back(element);
    page.max_depth = std::max(page.max_depth, stack.size());
  }
  if (!stack.empty()) fail("<" + stack.back().name + "> never closed", html.size());
  return page;
}

std::string anchor(const merge::FileReport& file, std::size_t index, std::size_t file_index = 0) {
  return "d" + std::to_string(file_index) + "-" + file.report->findings[index].id;
}

// Every finding: one passage id, one list entry, pieces that together hold exactly its text.
void expect_every_finding_in_place(const Page& page, const RunReport& run) {
  for (std::size_t k = 0; k < run.files.size(); ++k) {
    const merge::FileReport& file = run.files[k];
    if (!file.report) continue;
    const sdk::Document& document = file.report->loaded.document;
    for (std::size_t i = 0; i < file.report->findings.size(); ++i) {
      const merge::ReportedFinding& f = file.report->findings[i];
      std::string id = anchor(file, i, k);
      EXPECT_EQ(page.ids.count(id) ? page.ids.at(id) : 0, 1) << id;
      EXPECT_EQ(page.ids.count("l-" + id) ? page.ids.at("l-" + id) : 0, 1) << id;
      std::string expected(document.slice(f.finding.span));
      EXPECT_EQ(page.text_by_finding.count(id) ? page.text_by_finding.at(id) : "", expected) << id << " " << f.finding.code;
    }
  }
}

// ---- tests -------------------------------------------------------------------------------------
TEST(HtmlEscape, EscapesMarkupAndReplacesWhatAPageCannotHold) {
  EXPECT_EQ(html::escaped("<script>alert('x')</script> & \"y\""), "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;");
  EXPECT_EQ(html::escaped(std::string("a\0b\x1B[31mc\r\n\td\x7F", 14)), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD[31mc\xEF\xBF\xBD\n\td\xEF\xBF\xBD");
  EXPECT_EQ(html::escaped("caf\xE9 \xC0\xAF \xED\xA0\x80 \xEF\xBF\xBE ok \xE2\x80\x99"),
            "caf\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD ok \xE2\x80\x99");
}

TEST(HtmlEscape, OnlyHttpAndHttpsAddressesMayBeLinks) {
  EXPECT_TRUE(html::is_web_url("https://example.org/a?b=c&d"));
  EXPECT_TRUE(html::is_web_url("HTTP://EXAMPLE.ORG"));
  for (const char* target : {"javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
                             "data:text/html,<script>alert(1)</script>", "vbscript:x", "file:///etc/passwd", "//evil.example/x",
                             "/relative", "#top", "http:/x", "https://", "https://exa mple.org", "https://example.org/\n", "mailto:a@b.c"})
    EXPECT_FALSE(html::is_web_url(target)) << target;
}

TEST(HtmlReporter, ReportTextStaysTextScriptsAndHandlersIncluded) {
  std::string text =
      "<script>alert(1)</script> title\n\n"
      "A paragraph with <img src=x onerror=alert(2)> and \"quotes\" & 'apostrophes' \xE2\x80\x94 done.\n";
  sdk::Finding f = finding("alpha/x", sdk::Severity::error, span_of(text, "<img src=x onerror=alert(2)>"),
                           "found <b onmouseover=\"alert(3)\">bold</b> & more");
  f.replacement = "</mark><script>alert(4)</script>";
  f.related.push_back({span_of(text, "<script>"), "the <i>first</i> tag"});
  RunReport run = run_of({file_report("<evil>.txt", text, {{"alpha", {f}, {}}})});
  std::string page_html = render_html(run);
  Page page = parse(page_html);
  ASSERT_EQ(page.error, "");
  ASSERT_EQ(page.scripts.size(), 1u);  // ours, and only ours
  EXPECT_EQ(page.scripts[0].find("alert("), std::string::npos);
  for (const Element& e : page.elements) {
    EXPECT_NE(e.name, "img");
    EXPECT_NE(e.name, "b");
    EXPECT_NE(e.name, "i");
  }
  ASSERT_EQ(page.doc_texts.size(), 1u);
  EXPECT_EQ(page.doc_texts[0], text);
  EXPECT_NE(page_html.find("found &lt;b onmouseover=&quot;alert(3)&quot;&gt;bold&lt;/b&gt; &amp; more"), std::string::npos);
  EXPECT_NE(page_html.find("&lt;/mark&gt;&lt;script&gt;alert(4)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(page_html.find("&lt;evil&gt;.txt"), std::string::npos);
  expect_every_finding_in_place(page, run);
}

TEST(HtmlReporter, JavascriptAndOtherNonWebUrlsStayText) {
  std::string text = "Title\n\nSee javascript:alert(1) and data:text/html,x and https://example.org/ok and HTTPS://EXAMPLE.ORG/UP.\n";
  std::vector<sdk::Mark> marks = {
      {sdk::MarkKind::url, span_of(text, "javascript:alert(1)"), {{"target", "javascript:alert(1)"}, {"status", "blocked-scheme"}}},
      {sdk::MarkKind::url, span_of(text, "data:text/html,x"), {{"target", "data:text/html,x"}, {"status", "blocked-scheme"}}},
      {sdk::MarkKind::url, span_of(text, "https://example.org/ok"), {{"target", "https://example.org/ok"}, {"status", "ok"}}},
      {sdk::MarkKind::url, span_of(text, "HTTPS://EXAMPLE.ORG/UP"), {{"target", "HTTPS://EXAMPLE.ORG/UP"}, {"status", "broken"}}},
  };
  // A Markdown link whose target is a script: the reader keeps it, the page must not follow it.
  std::string markdown = "# Title\n\n[click me](javascript:alert(5)) and [fine](https://example.org/fine).\n";
  RunReport run = run_of({file_report("a.txt", text, {{"urls", {}, marks}}), file_report("b.md", markdown)});
  std::string page_html = render_html(run);
  Page page = parse(page_html);
  ASSERT_EQ(page.error, "");
  std::set<std::string> hrefs(page.hrefs.begin(), page.hrefs.end());
  EXPECT_TRUE(hrefs.count("https://example.org/ok"));
  EXPECT_TRUE(hrefs.count("HTTPS://EXAMPLE.ORG/UP"));
  EXPECT_TRUE(hrefs.count("https://example.org/fine"));
  for (const std::string& href : page.hrefs) {
    EXPECT_TRUE(href[0] == '#' || html::is_web_url(href)) << href;
    EXPECT_EQ(href.find("javascript"), std::string::npos) << href;
  }
  EXPECT_NE(page_html.find("javascript:alert(1) (not a link: only http and https addresses are)"), std::string::npos);
  EXPECT_NE(page_html.find("status: broken"), std::string::npos);
  EXPECT_EQ(page.doc_texts[0], text);
  EXPECT_NE(page.doc_texts[1].find("click me"), std::string::npos);
}

TEST(HtmlReporter, NamesNoOutsideResourceAndAllowsOnlyItsOwnStyleAndScript) {
  std::string text = "Title\n\nA link https://example.org/x.\n";
  std::vector<sdk::Mark> marks = {{sdk::MarkKind::url, span_of(text, "https://example.org/x"), {{"target", "https://example.org/x"}, {"status", "ok"}}}};
  std::string page_html = render_html(run_of({file_report("a.txt", text, {{"urls", {}, marks}})}));
  Page page = parse(page_html);
  ASSERT_EQ(page.error, "");
  EXPECT_TRUE(page.srcs.empty());
  for (const std::string& href : page.hrefs) EXPECT_TRUE(href[0] == '#' || href == "https://example.org/x") << href;
  for (const Element& e : page.elements) {
    EXPECT_NE(e.name, "link");
    EXPECT_NE(e.name, "iframe");
    EXPECT_NE(e.name, "img");
    EXPECT_FALSE(e.has("style")) << e.name;  // the policy would block it anyway
  }
  ASSERT_EQ(page.scripts.size(), 1u);
  ASSERT_EQ(page.styles.size(), 1u);
  for (const std::string& asset : {page.scripts[0], page.styles[0]}) {
    EXPECT_EQ(asset.find("http:"), std::string::npos);
    EXPECT_EQ(asset.find("https:"), std::string::npos);
    EXPECT_EQ(asset.find("url("), std::string::npos);
    EXPECT_EQ(asset.find("@import"), std::string::npos);
    EXPECT_EQ(asset.find("innerHTML"), std::string::npos);
    EXPECT_EQ(asset.find("eval("), std::string::npos);
  }
  std::string policy;
  for (const Element& e : page.elements)
    if (e.get("http-equiv") == "Content-Security-Policy") policy = e.get("content");
  EXPECT_EQ(policy, "default-src 'none'; style-src " + util::csp_hash_source(page.styles[0]) + "; script-src " + util::csp_hash_source(page.scripts[0]) +
                        "; base-uri 'none'; form-action 'none'");
  // The policy comes before anything it governs.
  EXPECT_LT(page_html.find("Content-Security-Policy"), page_html.find("<style>"));
}

TEST(HtmlReporter, OverlappingFindingsQuotesAndLinksStayWellNested) {
  std::string text =
      "Title\n\n"
      "On Monday, 24 April 2024 the operator warned that \xE2\x80\x9C" "a second incident would leave us without a ship until autumn\xE2\x80\x9D.1 "
      "See https://example.org/report for more.\n\n"
      "A second paragraph that a long finding reaches into.\n\n"
      "Notes\n\n"
      "1. Operator, press conference, 24 April 2024.\n";
  sdk::Span quote = span_of(text, "\xE2\x80\x9C" "a second");
  quote.end = span_of(text, "autumn\xE2\x80\x9D").end;
  std::vector<sdk::Mark> marks = {
      {sdk::MarkKind::date, span_of(text, "Monday, 24 April 2024"), {{"when", "2024-04-24"}}},
      {sdk::MarkKind::quote, quote, {{"kind", "direct"}, {"speaker", "the operator"}, {"cite", "1"}}},
      {sdk::MarkKind::date, span_of(text, "autumn"), {{"notBefore", "2024-09"}, {"notAfter", "2024-11"}}},
      {sdk::MarkKind::person, span_of(text, "the operator"), {{"name", "the operator"}}},
      {sdk::MarkKind::url, span_of(text, "https://example.org/report"), {{"target", "https://example.org/report"}, {"status", "ok"}}},
  };
  sdk::Span crossing = span_of(text, "2024 the operator");  // crosses the first date and the person
  sdk::Span across = span_of(text, "for more.");
  across.end = span_of(text, "A second paragraph").end;  // crosses a paragraph boundary
  sdk::Span in_link = span_of(text, "example.org");
  sdk::Span empty_at_end{span_of(text, "for more.").end, span_of(text, "for more.").end};
  sdk::Finding weekday = finding("dates/weekday-mismatch", sdk::Severity::warning, span_of(text, "Monday"), "'Monday' does not match");
  weekday.replacement = "Wednesday";
  weekday.related.push_back({span_of(text, "Monday, 24 April 2024"), "the date"});
  RunReport run = run_of({file_report(
      "r.txt", text,
      {{"dates", {weekday, finding("dates/a", sdk::Severity::note, span_of(text, "Monday"), "same span, another finding"),
                  finding("dates/b", sdk::Severity::error, crossing, "crossing")}, marks},
       {"quotes", {finding("quotes/c", sdk::Severity::warning, span_of(text, "autumn"), "inside a date inside a quote"),
                   finding("quotes/d", sdk::Severity::warning, quote, "the whole quote")}, {}},
       {"urls", {finding("urls/e", sdk::Severity::error, in_link, "inside a link"),
                 finding("urls/f", sdk::Severity::warning, across, "across two paragraphs"),
                 finding("urls/g", sdk::Severity::note, empty_at_end, "a position")}, {}}})});
  std::string page_html = render_html(run);
  Page page = parse(page_html);
  ASSERT_EQ(page.error, "");
  ASSERT_EQ(page.doc_texts.size(), 1u);
  EXPECT_EQ(page.doc_texts[0], text);
  ASSERT_EQ(run.files[0].report->findings.size(), 8u);
  expect_every_finding_in_place(page, run);
  // Hover texts: the date, the quotation with its speaker and source, the URL with its status.
  EXPECT_NE(page_html.find("data-tip=\"date: 2024-04-24\""), std::string::npos);
  EXPECT_NE(page_html.find("data-tip=\"date: between 2024-09 and 2024-11\""), std::string::npos);
  EXPECT_NE(page_html.find("quotation \xC2\xB7 speaker: the operator \xC2\xB7 source: note 1"), std::string::npos);
  EXPECT_NE(page_html.find("URL: https://example.org/report \xC2\xB7 status: ok"), std::string::npos);
  EXPECT_NE(page_html.find("person: the operator"), std::string::npos);
  // The fix and the related place are in the finding's details, the related place has its anchor.
  const merge::ReportedFinding* found = nullptr;
  std::size_t index = 0;
  for (std::size_t i = 0; i < run.files[0].report->findings.size(); ++i)
    if (run.files[0].report->findings[i].finding.code == "dates/weekday-mismatch") found = &run.files[0].report->findings[index = i];
  ASSERT_TRUE(found);
  std::string id = anchor(run.files[0], index);
  EXPECT_NE(page_html.find("suggested fix: replace <del>Monday</del> with <ins>Wednesday</ins>"), std::string::npos);
  EXPECT_NE(page_html.find("<a class=\"rl\" href=\"#" + id + "-r0\">"), std::string::npos);
  EXPECT_EQ(page.ids[id + "-r0"], 1);
  EXPECT_EQ(page.text_by_related[id], "Monday, 24 April 2024");
}

TEST(HtmlReporter, RandomOverlapsKeepTheTextAndEveryFinding) {
  std::string text = "Heading\n\n";
  for (int p = 0; p < 6; ++p) {
    for (int w = 0; w < 40; ++w) text += "w\xC3\xA9rd" + std::to_string(p * 40 + w) + (w % 9 == 8 ? ".2 " : " ");
    text += "end.\n\n";
  }
  text += "Notes\n\n2. A source, 2020, https://example.org/s.\n";
  std::mt19937 random(12345);
  auto offset = [&] {
    std::uint32_t at = random() % (text.size() + 1);
    while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
    return at;
  };
  // Mostly a few words, some a position, one in ten across paragraphs: overlaps of every kind
  // at a realistic density (the depth cap for pathological piles has its own test).
  auto random_span = [&] {
    std::uint32_t a = offset();
    std::uint32_t length = random() % 4 == 0 ? 0 : random() % 10 == 0 ? random() % 900 : random() % 60;
    std::uint32_t b = std::min<std::uint32_t>(static_cast<std::uint32_t>(text.size()), a + length);
    while (b > a && b < text.size() && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
    return sdk::Span{a, b};
  };
  std::vector<sdk::Finding> findings;
  std::vector<sdk::Mark> marks;
  const sdk::Severity severities[] = {sdk::Severity::note, sdk::Severity::warning, sdk::Severity::error};
  for (int i = 0; i < 300; ++i) {
    sdk::Finding f = finding("alpha/r" + std::to_string(i % 7), severities[i % 3], random_span(), "random " + std::to_string(i));
    if (i % 5 == 0) f.related.push_back({random_span(), "elsewhere"});
    findings.push_back(f);
  }
  for (int i = 0; i < 120; ++i) {
    sdk::MarkKind kinds[] = {sdk::MarkKind::date, sdk::MarkKind::quote, sdk::MarkKind::url, sdk::MarkKind::person};
    marks.push_back({kinds[i % 4], random_span(), {{"target", "https://example.org/" + std::to_string(i)}, {"when", "2020"}}});
  }
  RunReport run = run_of({file_report("random.txt", text, {{"alpha", findings, marks}})});
  Page page = parse(render_html(run));
  ASSERT_EQ(page.error, "");
  EXPECT_EQ(page.doc_texts[0], text);
  expect_every_finding_in_place(page, run);
  EXPECT_LT(page.max_depth, 80u);
}

TEST(HtmlReporter, HundredsOfFindingsOnOneSpanKeepEveryIdWithoutDeepNesting) {
  std::string text = "Title\n\nOne word here.\n";
  std::vector<sdk::Finding> findings;
  for (int i = 0; i < 400; ++i) findings.push_back(finding("alpha/same", sdk::Severity::warning, span_of(text, "word"), "number " + std::to_string(i)));
  RunReport run = run_of({file_report("same.txt", text, {{"alpha", findings, {}}})});
  Page page = parse(render_html(run));
  ASSERT_EQ(page.error, "");
  EXPECT_EQ(page.doc_texts[0], text);
  EXPECT_LT(page.max_depth, 80u);  // browsers re-parent past 512
  for (std::size_t i = 0; i < run.files[0].report->findings.size(); ++i) {
    std::string id = anchor(run.files[0], i);
    EXPECT_EQ(page.ids[id], 1) << id;
    EXPECT_EQ(page.ids["l-" + id], 1) << id;
  }
}

TEST(HtmlReporter, FootnoteMarkersLinkToTheirNotes) {
  std::string text = "Title\n\nA claim.1 Another.2\n\nNotes\n\n1. Source, \"Title\", 2020, https://example.org/a.\n";
  RunReport run = run_of({file_report("n.txt", text)});
  const sdk::Document& document = run.files[0].report->loaded.document;
  ASSERT_EQ(document.note_refs.size(), 2u);
  ASSERT_EQ(document.notes.size(), 1u);
  std::string page_html = render_html(run);
  Page page = parse(page_html);
  ASSERT_EQ(page.error, "");
  EXPECT_EQ(page.ids["d0-n0"], 1);
  EXPECT_NE(page_html.find("<a class=\"nr\" href=\"#d0-n0\" data-tip=\"footnote 1: Source, &quot;Title&quot;, 2020"), std::string::npos) << page_html;
  EXPECT_NE(page_html.find("<span class=\"nr\" data-tip=\"footnote 2: no note with this label\">2</span>"), std::string::npos);
}

TEST(HtmlReporter, GroupsFindingsByPluginThenSeverity) {
  std::string text = "Title\n\none two three four five six\n";
  RunReport run = run_of({file_report(
      "g.txt", text,
      {{"zeta", {finding("zeta/a", sdk::Severity::note, span_of(text, "one"), "z note"), finding("zeta/b", sdk::Severity::error, span_of(text, "two"), "z error")}, {}},
       {"alpha", {finding("alpha/a", sdk::Severity::warning, span_of(text, "three"), "a warning"),
                  finding("alpha/b", sdk::Severity::error, span_of(text, "four"), "a error"),
                  finding("alpha/c", sdk::Severity::warning, span_of(text, "five"), "a warning 2"),
                  finding("alpha/d", sdk::Severity::note, span_of(text, "six"), "a note")}, {}}})});
  Page page = parse(render_html(run));
  ASSERT_EQ(page.error, "");
  std::vector<std::string> order;  // "plugin:severity" of each list entry, in page order
  std::vector<std::string> groups;
  for (const Element& e : page.elements) {
    if (e.name == "details" && e.has_class("grp")) groups.push_back(e.get("data-pl"));
    if (e.name == "li" && e.has_class("fi")) order.push_back(e.get("data-pl") + ":" + e.get("data-sev"));
  }
  EXPECT_EQ(groups, (std::vector<std::string>{"0", "1"}));  // alpha, zeta
  EXPECT_EQ(order, (std::vector<std::string>{"0:error", "0:warning", "0:warning", "0:note", "1:error", "1:note"}));
  // The filters: one box per severity and one per plugin that reported.
  std::vector<std::string> boxes;
  for (const Element& e : page.elements)
    if (e.name == "input" && e.get("type") == "checkbox") boxes.push_back(e.has("data-sev") ? e.get("data-sev") : "p" + e.get("data-pl"));
  EXPECT_EQ(boxes, (std::vector<std::string>{"error", "warning", "note", "p0", "p1"}));
}

TEST(HtmlReporter, SeveralFilesShareOnePageWithDistinctIds) {
  std::string text = "Title\n\nSame text, same finding.\n";
  auto make = [&](const std::string& path) {
    return file_report(path, text, {{"alpha", {finding("alpha/x", sdk::Severity::warning, span_of(text, "same"), "again")}, {}}});
  };
  merge::FileReport unreadable;
  unreadable.path = "missing.md";
  unreadable.error = readers::ReadError{"missing.md", 0, 0, std::nullopt, "reader/not-found", "no such <file>"};
  RunReport run = run_of({make("one.txt"), make("two.txt"), unreadable});
  std::string page_html = render_html(run);
  Page page = parse(page_html);
  ASSERT_EQ(page.error, "");
  EXPECT_EQ(page.doc_texts.size(), 2u);
  expect_every_finding_in_place(page, run);
  EXPECT_EQ(run.files[0].report->findings[0].id, run.files[1].report->findings[0].id);  // same content, same id…
  EXPECT_EQ(page.ids["d0-" + run.files[0].report->findings[0].id], 1);                  // …kept apart by file
  EXPECT_EQ(page.ids["d1-" + run.files[1].report->findings[0].id], 1);
  int options = 0;
  for (const Element& e : page.elements) options += e.name == "option";
  EXPECT_EQ(options, 3);
  EXPECT_NE(page_html.find("no such &lt;file&gt; <code>reader/not-found</code>"), std::string::npos);
}

TEST(HtmlReporter, SameRunSameBytes) {
  std::string text = "Title\n\nOn Monday, 24 April 2024 it rained.1\n\nNotes\n\n1. Source, 2020.\n";
  auto make = [&] {
    return run_of({file_report("d.txt", text,
                               {{"dates", {finding("dates/x", sdk::Severity::warning, span_of(text, "Monday"), "m")},
                                 {{sdk::MarkKind::date, span_of(text, "24 April 2024"), {{"when", "2024-04-24"}}}}}})});
  };
  std::string first = render_html(make()), second = render_html(make());
  EXPECT_EQ(first, second);
  EXPECT_EQ(first.find("20" "26-"), std::string::npos);  // no generation date
}

TEST(HtmlReporter, TheSeedReportRendersCompletely) {
  std::string seed = testing::seed_report();
  if (seed.empty()) GTEST_SKIP() << "../shared/seeds is not beside the checkout";
  std::string text = testing::read_file(seed);
  RunReport run = run_of({file_report(seed, text)});
  Page page = parse(render_html(run));
  ASSERT_EQ(page.error, "");
  EXPECT_GT(page.doc_texts[0].size(), 20000u);
  EXPECT_EQ(page.doc_texts[0], run.files[0].report->loaded.document.text);
}

}  // namespace
}  // namespace marginalia::reporters
