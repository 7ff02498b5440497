// SPDX-License-Identifier: MIT
#include "source_shape.hpp"

#include <initializer_list>
#include <string>
#include <string_view>

#include <marginalia/sdk/text.hpp>
#include <marginalia/sdk/unicode.hpp>

namespace marginalia::plugins::footnotes {
namespace {

using sdk::is_ascii_digit;

// Lower-cases ASCII only, so byte offsets stay those of the original text; the phrases looked
// for in it ("see note", "et al", "vol.") are ASCII.
std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool is_digit_at(std::string_view text, std::size_t at) { return at < text.size() && is_ascii_digit(static_cast<unsigned char>(text[at])); }

// Names and titles are capitalised in every script: "Émile Zola", "Łódź", "Šefčovič".
bool capital_at(std::string_view text, std::size_t at) {
  if (at >= text.size()) return false;
  return sdk::unicode::is_upper(sdk::next_code_point(text, at));
}

bool letter_before(std::string_view text, std::size_t at) {
  return at > 0 && sdk::unicode::is_letter(sdk::previous_code_point(text, at));
}

bool has_year(std::string_view text) {
  for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
    if (i > 0 && is_digit_at(text, i - 1)) continue;
    if (is_digit_at(text, i + 4)) continue;
    bool digits = true;
    for (std::size_t k = 0; k < 4; ++k) digits = digits && is_digit_at(text, i + k);
    if (!digits) continue;
    int year = std::stoi(std::string(text.substr(i, 4)));
    if (year >= 1500 && year <= 2099) return true;
  }
  return false;
}

bool has_quoted_title(std::string_view text) {
  std::size_t open = text.find("\xE2\x80\x9C");  // “
  if (open != std::string_view::npos && text.find("\xE2\x80\x9D", open) != std::string_view::npos) return true;
  std::size_t straight = text.find('"');
  return straight != std::string_view::npos && text.find('"', straight + 1) != std::string_view::npos;
}

// "R46909", "IF12780", "H.R. 1234", "S. 12": a document number.
bool has_document_number(std::string_view text) {
  for (std::size_t i = 0, next = 0; i + 1 < text.size(); i = next) {
    next = i;
    sdk::next_code_point(text, next);
    if (!capital_at(text, i) || letter_before(text, i)) continue;
    std::size_t j = i, capitals = 0;
    for (std::size_t after = j; capital_at(text, j); j = after, ++capitals) sdk::next_code_point(text, after);
    std::size_t digits = j;
    while (is_digit_at(text, digits)) ++digits;
    if (capitals <= 3 && digits - j >= 3) return true;
  }
  return false;
}

std::size_t count(std::string_view text, char c) {
  std::size_t n = 0;
  for (char x : text) n += x == c;
  return n;
}

// "Sharma, …", "Department of the Treasury, Illicit Finance…", "Brill and Hassett, Revenue…": a
// short run of capitalised words (an author or an agency), a comma, then a capitalised title.
bool author_then_title(std::string_view text) {
  std::size_t comma = text.find(',');
  if (comma == std::string_view::npos || comma == 0 || comma > 80) return false;
  std::size_t words = 0, start = 0;
  std::string_view head = text.substr(0, comma);
  while (start < head.size()) {
    std::size_t end = head.find(' ', start);
    if (end == std::string_view::npos) end = head.size();
    std::string_view word = head.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    ++words;
    bool connector = word == "and" || word == "of" || word == "the" || word == "for" || word == "&" || word == "et" || word == "al." ||
                     word == "on" || word == "de" || word == "van" || word == "von";
    if (!connector && !capital_at(word, 0)) return false;
  }
  if (words == 0 || words > 7) return false;
  std::size_t after = comma + 1;
  while (after < text.size() && text[after] == ' ') ++after;
  if (after >= text.size()) return false;
  return capital_at(text, after) || is_digit_at(text, after) || text[after] == '"' || text.compare(after, 3, "\xE2\x80\x9C") == 0;
}

bool contains_any(const std::string& lower, std::initializer_list<const char*> needles) {
  for (const char* needle : needles)
    if (lower.find(needle) != std::string::npos) return true;
  return false;
}

// `word` followed (after a space) by a digit: "art. 5(2)", "resolution 102", "p.l. 119-27".
bool word_then_number(const std::string& lower, std::string_view word) {
  for (std::size_t at = lower.find(word); at != std::string::npos; at = lower.find(word, at + 1)) {
    if (letter_before(lower, at)) continue;
    std::size_t next = at + word.size();
    while (next < lower.size() && lower[next] == ' ') ++next;
    if (is_digit_at(lower, next)) return true;
  }
  return false;
}

// Statutes, treaties and official documents: "44 U.S.C. 3501", "P.L. 119-27", "Art. 5(2)",
// "§ 4", "ITU Resolution 102", "WSIS-03/GENEVA/DOC/0005", "OJ L 119".
bool official_citation(const std::string& lower) {
  if (contains_any(lower, {"u.s.c.", "u. s. c.", "c.f.r.", " stat. ", "\xC2\xA7", "/doc/", "oj l ", "oj c ", "fed. reg."})) return true;
  for (std::string_view word : {"p.l.", "pub. l.", "public law", "art.", "article", "arts.", "resolution", "directive", "regulation",
                                "decision", "section", "sec.", "chapter", "title", "rule", "order no.", "no."})
    if (word_then_number(lower, word)) {
      if (word == "section" || word == "chapter" || word == "title" || word == "rule" || word == "no.") {
        // Only with an instrument named beside it: "section 5 of the Act", "Title 44".
        if (contains_any(lower, {" act", " code", "statute", "treaty", "convention", "constitution", "law", "regulation"})) return true;
        continue;
      }
      return true;
    }
  return false;
}

// "American Ornithologists' Union 1998.", "Carboneras 1992, p. 536": a short author-year
// reference, capitalised words then a year, nothing else.
bool author_year(std::string_view text) {
  std::size_t end = text.find_last_not_of(" .\n");
  if (end == std::string_view::npos || end < 4) return false;
  std::string_view trimmed = text.substr(0, end + 1);
  std::size_t comma = trimmed.find(',');
  std::string_view head = comma == std::string_view::npos ? trimmed : trimmed.substr(0, comma);
  std::size_t year = head.size() >= 4 ? head.size() - 4 : 0;
  if (year == 0 || !has_year(head.substr(year)) || head[year - 1] != ' ') return false;
  std::size_t words = 0;
  for (std::size_t at = 0; at < year;) {
    while (at < year && head[at] == ' ') ++at;
    if (at >= year) break;
    if (!capital_at(head, at) && head.compare(at, 3, "and") != 0 && head.compare(at, 2, "&") != 0) return false;
    ++words;
    while (at < year && head[at] != ' ') ++at;
  }
  return words >= 1 && words <= 6 && (comma == std::string_view::npos || trimmed.size() - comma < 24);
}

// A plain-text transcription marks titles in italics with underscores: "Sterling's _Essays_."
bool underscored_title(std::string_view text) {
  std::size_t open = text.find('_');
  if (open == std::string_view::npos || open + 2 >= text.size()) return false;
  std::size_t close = text.find('_', open + 1);
  return close != std::string_view::npos && close > open + 1 && capital_at(text, open + 1);
}

// "Vorrede zur Lucinde.", "Sterling's Essays.": a short note in title case is a short title.
bool short_title(std::string_view text) {
  std::size_t words = 0, capitalised = 0;
  for (std::size_t at = 0; at < text.size();) {
    while (at < text.size() && (text[at] == ' ' || text[at] == '\n')) ++at;
    if (at >= text.size()) break;
    ++words;
    capitalised += capital_at(text, at);
    while (at < text.size() && text[at] != ' ' && text[at] != '\n') ++at;
  }
  return words >= 2 && words <= 6 && capitalised * 2 > words && text.find(',') == std::string_view::npos;
}

}  // namespace

NoteShape classify_note(std::string_view text) {
  std::string lower = lower_ascii(text);
  std::size_t start = lower.find_first_not_of(" \t\n*_");
  if (start == std::string::npos) return NoteShape::no_source;
  std::string_view head = std::string_view(lower).substr(start);
  for (const char* back : {"ibid", "id.", "op. cit", "loc. cit", "cf. note", "cf. glossary", "cf. above", "cf. below", "see note", "see footnote", "see endnote", "see above", "see below",
                           "see supra", "supra note", "see the section", "see section", "see appendix", "see figure", "see table",
                           "see chapter", "see part "})
    if (head.rfind(back, 0) == 0) return NoteShape::back_reference;
  // "… are discussed further in the paper. Please refer to those sections": a cross-reference.
  if (contains_any(lower, {"discussed further in", "refer to those sections", "refer to the section", "see the section on",
                           "described in section", "discussed in section", "discussed in chapter"}))
    return NoteShape::back_reference;
  // "See Paragraph 75 and Footnote 12.", "See Box 3.", "– see Section III.A.3": a pointer into the
  // document itself.
  for (std::size_t see = lower.find("see "); see != std::string::npos; see = lower.find("see ", see + 4)) {
    if (letter_before(lower, see)) continue;
    std::string_view rest = std::string_view(lower).substr(see + 4);
    if (rest.rfind("the ", 0) == 0) rest.remove_prefix(4);
    if (rest.rfind("fuller discussion in ", 0) == 0) rest.remove_prefix(21);
    for (const char* place : {"paragraph", "section", "box ", "glossary", "annex", "appendix", "chapter", "figure", "table ", "part ",
                              "note ", "notes ", "footnote", "endnote", "above", "below"})
      if (rest.rfind(place, 0) == 0) return NoteShape::back_reference;
  }
  if (contains_any(lower, {"http://", "https://", "www.", "doi:", "doi.org/", "isbn"})) return NoteShape::source;
  // "Vide the Lord's Prayer in a hundred Languages.", "Cf. Mill, On Liberty": a pointer to a named work.
  for (std::string_view pointer : {"vide ", "cf. ", "see "}) {
    if (head.rfind(pointer, 0) != 0) continue;
    std::string_view rest = text.substr(start + pointer.size());
    if (rest.rfind("the ", 0) == 0) rest.remove_prefix(4);
    if (capital_at(rest, 0)) return NoteShape::source;
  }
  if (official_citation(lower)) return NoteShape::source;
  // "Source: …", "Sources: …" say what the note rests on; "pag. 6" is a page in older German.
  if (head.rfind("source:", 0) == 0 || head.rfind("sources:", 0) == 0 || word_then_number(lower, "pag.") || word_then_number(lower, "s.") || word_then_number(lower, "ss."))
    return NoteShape::source;
  std::string_view original = text.substr(start);
  bool signals = has_quoted_title(text) || contains_any(lower, {"et al", "vol.", " pp.", " p. ", "(p. ", "press", "journal",
                                                                 "crs report", "crs in focus", "crs insight", "docket", "report no",
                                                                 "working paper", "testimony", " cong.,", " sess.,", "s. doc.",
                                                                 "h. doc.", "(ser. "}) ||
                 (has_document_number(text) && count(text, ',') >= 1) || author_then_title(original) || author_year(original) ||
                 underscored_title(original) || short_title(original) || word_then_number(lower, "chapter") || contains_any(lower, {"chapter i", "chapter v", "chapter x",
                                                                                                            "ch. ", "book i", "book v"});
  if (signals) return NoteShape::source;
  return has_year(text) && count(text, ',') >= 1 ? NoteShape::dated_remark : NoteShape::no_source;
}

}  // namespace marginalia::plugins::footnotes
