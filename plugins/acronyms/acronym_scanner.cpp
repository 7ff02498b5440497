// SPDX-License-Identifier: MIT
#include "acronym_scanner.hpp"

#include <unordered_set>

#include "capitals_context.hpp"

namespace marginalia::plugins::acronyms {
namespace {

bool is_word_character(char32_t c) { return sdk::is_letter(c) || sdk::is_ascii_digit(c); }

// True when the word sits in a URL, a path, an e-mail address or an identifier: its run of
// non-space characters holds "/", "@", "=", "_", "%" or "www.".
bool in_address(std::string_view text, sdk::Span span) {
  std::size_t begin = span.begin, end = span.end;
  while (begin > 0 && text[begin - 1] != ' ' && text[begin - 1] != '\n' && text[begin - 1] != '\t' && span.begin - begin < 200) --begin;
  while (end < text.size() && text[end] != ' ' && text[end] != '\n' && text[end] != '\t' && end - span.end < 200) ++end;
  std::string_view run = text.substr(begin, end - begin);
  return run.find_first_of("/@=_%") != std::string_view::npos || run.find("www.") != std::string_view::npos;
}

// A word of the text with what matters for the acronym test.
struct Word {
  sdk::Span span;
  std::size_t letters = 0, capitals = 0, lower = 0, digits = 0, length = 0;
  bool starts_with_letter = false;
  bool final_s = false;      // the last character is a lower-case "s"
  bool roman = true;         // only I, V, X
  bool newline_before = false;
  std::size_t line = 0;      // which line holds it
  std::size_t cell = 0;      // which line or table cell holds it
  bool marker_after = false; // a footnote marker follows at once ("SBOM" of "SBOM33")
};

bool all_capitals(const Word& word) { return word.letters > 0 && word.lower == 0; }

bool acronym_shaped(const Word& word) {
  std::size_t lower = word.lower - (word.final_s ? 1 : 0);
  // Longer capitals are words set in capitals ("INDEMNITY", "WASHINGTON"); an acronym of
  // eight letters or more (UNCITRAL) is rare enough to leave out.
  if (lower != 0 || word.capitals < 2 || word.letters > 7 || word.length > 12) return false;
  // G20, CO2, P2P yes; FY2026, IF12578 (years, report numbers) and hexadecimal ids no.
  if (!word.starts_with_letter || word.digits > 2) return false;
  if (word.final_s && word.capitals < 2) return false;
  return !(word.roman && word.letters == word.capitals && word.letters == word.length);
}

// Words that cannot begin a long form: "Office of Management and Budget (OMB)" starts at
// "Office", not at "of".
bool function_word_at(std::string_view text, std::size_t at) {
  std::size_t end = at;
  while (end < text.size() && text[end] >= 'a' && text[end] <= 'z') ++end;
  std::string_view word = text.substr(at, end - at);
  for (std::string_view function : {"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"})
    if (word == function) return true;
  return false;
}

// Schwartz-Hearst compare: letters and digits, case-insensitive, ASCII only.
char fold(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool alphanumeric(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

}  // namespace

std::vector<Token> find_tokens(const sdk::Document& document) {
  std::string_view text = document.text;
  std::vector<Word> words;
  std::size_t line = 0, cell = 0;
  std::size_t marker = 0;  // the next footnote marker: "SBOM33" is "SBOM" and marker 33
  bool newline = true;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t start = pos;
    char32_t c = sdk::next_code_point(text, pos);
    if (!is_word_character(c)) {
      if (c == '\n') newline = true, ++line;
      if (c == '\n' || c == '|' || c == '\t' || (c == ' ' && pos < text.size() && text[pos] == ' ')) ++cell;
      continue;
    }
    while (marker < document.note_refs.size() && document.note_refs[marker].span.begin <= start) ++marker;
    std::size_t marker_begin = marker < document.note_refs.size() ? document.note_refs[marker].span.begin : text.size();
    Word word;
    word.newline_before = newline;
    word.starts_with_letter = sdk::is_letter(c);
    word.line = line;
    word.cell = cell;
    newline = false;
    std::size_t end = pos;
    char32_t last = c;
    for (std::size_t at = start; at < text.size() && at < marker_begin;) {
      std::size_t before = at;
      char32_t d = sdk::next_code_point(text, at);
      if (d == '&' && sdk::is_upper(last) && at < text.size()) {
        // "R&D", "RDT&E", "AT&T": an ampersand between capitals belongs to the acronym.
        std::size_t peek = at;
        if (sdk::is_upper(sdk::next_code_point(text, peek))) {
          end = at;
          ++word.length;
          continue;
        }
      }
      if (!is_word_character(d)) {
        end = before;
        break;
      }
      end = at;
      last = d;
      ++word.length;
      if (sdk::is_letter(d)) ++word.letters;
      if (sdk::is_ascii_digit(d)) ++word.digits;
      if (sdk::is_upper(d)) ++word.capitals;
      else if (sdk::is_letter(d)) ++word.lower;
      if (d != 'I' && d != 'V' && d != 'X') word.roman = false;
    }
    word.final_s = last == 's' && word.length > 2;
    word.marker_after = end == marker_begin;
    word.span = {static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)};
    words.push_back(word);
    pos = end;
  }

  // A run of three or more all-capital words on one line is a shouted heading, not acronyms.
  // Words of fewer than two letters ("A", "P.L.", "2024") neither count nor break a run.
  std::vector<bool> shouted(words.size(), false);
  std::vector<std::size_t> run;
  auto close_run = [&] {
    if (run.size() >= 3)
      for (std::size_t k : run) shouted[k] = true;
    run.clear();
  };
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i].newline_before) close_run();
    if (words[i].letters < 2) continue;
    if (all_capitals(words[i])) run.push_back(i);
    else close_run();
  }
  close_run();

  // A line or table cell with no lower-case word is a label: a heading in capitals ("CHAPTER
  // I."), a signature, a table cell ("SC"), a letter's salutation ("DEAR SIR,--").
  std::unordered_set<std::size_t> mixed_cells;
  // Words the document also writes in lower case are words set in capitals ("CHAPTER" and
  // "chapter", "SHALL" and "shall", "BEETHOVEN" and "Beethoven"), not acronyms.
  std::unordered_set<std::string> lower_case_words;
  for (const Word& word : words) {
    if (word.letters < 2 || all_capitals(word)) continue;
    mixed_cells.insert(word.cell);
    if (word.lower > (word.final_s ? 1u : 0u) && !in_address(text, word.span))
      lower_case_words.insert(folded(document.slice(word.span)));
  }

  std::vector<bool> contents = contents_lines(text);
  std::vector<Token> tokens;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (shouted[i] || !acronym_shaped(words[i]) || in_address(text, words[i].span)) continue;
    sdk::Span span = words[i].span;
    std::uint32_t key_end = words[i].final_s ? span.end - 1 : span.end;
    std::string key(text.substr(span.begin, key_end - span.begin));
    if (lower_case_words.count(folded(key)) || requirement_word(key)) continue;
    if (span.begin > 0 && text[span.begin - 1] == '.') continue;  // ".NET", "cs.LG": a name's or a file's part
    if (abbreviated_word(text, span)) continue;
    bool label = !mixed_cells.count(words[i].cell) || contents[words[i].line];
    bool use = !label && (words[i].marker_after || !code_or_unit(text, span));
    tokens.push_back({std::move(key), span, use});
  }
  return tokens;
}

std::size_t long_form_start(std::string_view acronym, std::string_view words) {
  // Keep only the last min(n + 5, 2n) words before the parenthesis.
  std::size_t letters = 0;
  for (char c : acronym)
    if (alphanumeric(c)) ++letters;
  if (letters < 2) return std::string_view::npos;
  std::size_t budget = std::min(letters + 5, letters * 2);
  std::size_t end = words.size();
  while (end > 0 && (words[end - 1] == ' ' || words[end - 1] == '\n' || words[end - 1] == '\t')) --end;
  std::size_t window = end, counted = 0;
  while (window > 0 && counted < budget) {
    while (window > 0 && (words[window - 1] == ' ' || words[window - 1] == '\n' || words[window - 1] == '\t')) --window;
    if (window == 0) break;
    while (window > 0 && words[window - 1] != ' ' && words[window - 1] != '\n' && words[window - 1] != '\t') --window;
    ++counted;
  }
  std::string_view text = words.substr(window, end - window);

  // Schwartz and Hearst, figure 2: walk both strings from the end.
  long s = static_cast<long>(acronym.size()) - 1;
  long l = static_cast<long>(text.size()) - 1;
  while (s >= 0) {
    char c = fold(acronym[static_cast<std::size_t>(s)]);
    if (!alphanumeric(c)) {
      --s;
      continue;
    }
    while (l >= 0 && (fold(text[static_cast<std::size_t>(l)]) != c ||
                      (s == 0 && l > 0 && (alphanumeric(text[static_cast<std::size_t>(l) - 1]) || text[static_cast<std::size_t>(l) - 1] == '-')) ||
                      (s == 0 && function_word_at(text, static_cast<std::size_t>(l)))))
      --l;
    if (l < 0) return std::string_view::npos;
    --l;
    --s;
  }
  std::size_t start = static_cast<std::size_t>(l + 1);
  return window + start;
}

}  // namespace marginalia::plugins::acronyms
