// SPDX-License-Identifier: MIT
#include "acronym_checks.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

#include <marginalia/sdk/code_spans.hpp>

#include "acronym_scanner.hpp"
#include "definition_finder.hpp"

namespace marginalia::plugins::acronyms {

const sdk::CodeTable code_table{
    {"acronyms/used-before-definition", sdk::Severity::warning, "An acronym appears before the place that spells it out."},
    {"acronyms/undefined", sdk::Severity::warning, "An acronym is used and never spelled out."},
    {"acronyms/conflicting-definitions", sdk::Severity::warning, "An acronym is spelled out twice, differently."},
    {"acronyms/unused-definition", sdk::Severity::note, "An acronym is defined and then never used."},
};

namespace {

// A long form's words for comparing: lower case, "&" as "and", "-" and "/" between words, no
// plural ending, no function word, in sorted order ("public-private partnerships" and
// "private-public partnerships" are one long form, as are "Department of Defense" and
// "Defense Department").
std::vector<std::string> long_form_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  auto end_word = [&] {
    if (word.size() > 4 && word.compare(word.size() - 3, 3, "ies") == 0) word.replace(word.size() - 3, 3, "y");
    else if (word.size() > 3 && word.back() == 's') word.pop_back();
    bool function = false;
    for (std::string_view skip : {"a", "an", "and", "for", "in", "of", "on", "the", "to"}) function = function || word == skip;
    if (!word.empty() && !function) words.push_back(word);
    word.clear();
  };
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '-' || c == '/') end_word();
    else if (c == '&') end_word(), word = "and", end_word();
    else word += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  end_word();
  std::sort(words.begin(), words.end());
  return words;
}

// Two long forms name one thing when their words match one for one, a word also matching its
// own longer form ("intergovernmental organization" and "intergovernmental organizational").
bool same_long_form(std::string_view a, std::string_view b) {
  std::vector<std::string> left = long_form_words(a), right = long_form_words(b);
  if (left.size() != right.size()) return false;
  for (std::size_t i = 0; i < left.size(); ++i) {
    const std::string& shorter = left[i].size() < right[i].size() ? left[i] : right[i];
    const std::string& longer = left[i].size() < right[i].size() ? right[i] : left[i];
    if (shorter != longer && (shorter.size() < 5 || longer.compare(0, shorter.size(), shorter) != 0)) return false;
  }
  return true;
}

// A long form as messages show it: on one line, single spaces.
std::string quoted(std::string_view text) {
  std::string out = "'";
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t') {
      space = true;
      continue;
    }
    if (space && out.size() > 1) out += ' ';
    space = false;
    out += c;
  }
  return out + "'";
}

// Which tokens sit inside one of `spans`.
std::vector<bool> inside(std::vector<sdk::Span> spans, const std::vector<Token>& tokens) {
  std::sort(spans.begin(), spans.end());
  std::vector<bool> result(tokens.size(), false);
  std::size_t first = 0;
  sdk::Span reach{0, 0};  // the union of spans seen so far that may still cover a token
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    while (first < spans.size() && spans[first].begin <= tokens[i].span.begin) {
      if (spans[first].end > reach.end) reach = spans[first];
      ++first;
    }
    result[i] = reach.contains(tokens[i].span);
  }
  return result;
}

// Which tokens sit inside a footnote or endnote.
std::vector<bool> inside_notes(const sdk::Document& document, const std::vector<Token>& tokens) {
  std::vector<sdk::Span> notes;
  for (const sdk::Block& block : document.blocks)
    if (block.kind == sdk::BlockKind::note) notes.push_back(block.span);
  for (const sdk::Note& note : document.notes) notes.push_back(note.span);
  return inside(std::move(notes), tokens);
}

// Which tokens sit inside a heading or the title: "#### Require SBOM" may name what the
// section's first sentence spells out.
std::vector<bool> inside_headings(const sdk::Document& document, const std::vector<Token>& tokens) {
  std::vector<sdk::Span> headings;
  for (const sdk::Block& block : document.blocks)
    if (block.kind == sdk::BlockKind::heading || block.kind == sdk::BlockKind::title) headings.push_back(block.span);
  return inside(std::move(headings), tokens);
}

// True when the acronym is explained where it is used: "the Foundation's EIN or federal tax
// identification number", an "or" and at least two lower-case words.
bool glossed(std::string_view text, sdk::Span span) {
  if (text.substr(span.end, 4) != " or ") return false;
  std::size_t at = span.end + 4, words = 0;
  while (words < 2 && at < text.size() && text[at] >= 'a' && text[at] <= 'z') {
    while (at < text.size() && text[at] >= 'a' && text[at] <= 'z') ++at;
    ++words;
    if (at < text.size() && text[at] == ' ') ++at;
  }
  return words == 2;
}

// Acronyms an HTML page spells out in markup: <abbr title="Organization for …">OSCE</abbr>.
std::set<std::string> spelled_out_in_markup(const sdk::Document& document, const std::vector<Token>& tokens) {
  std::set<std::string> keys;
  for (const sdk::Element& element : document.elements) {
    if (element.name != "abbr") continue;
    bool titled = std::any_of(element.attributes.begin(), element.attributes.end(),
                              [](const sdk::Attribute& a) { return a.name == "title" && a.value.find(' ') != std::string::npos; });
    if (!titled) continue;
    auto token = std::lower_bound(tokens.begin(), tokens.end(), element.span.begin,
                                  [](const Token& t, std::uint32_t offset) { return t.span.begin < offset; });
    for (; token != tokens.end() && token->span.end <= element.span.end; ++token) keys.insert(token->key);
  }
  return keys;
}

// Everything the document says about one acronym.
struct Acronym {
  std::vector<std::size_t> uses;               // token indices, not definitions
  std::vector<const Definition*> definitions;  // in text order
};

}  // namespace

std::vector<sdk::Finding> check_acronyms(const sdk::Document& document, const CheckOptions& options) {
  std::vector<Token> tokens = find_tokens(document);
  std::vector<Definition> definitions = find_definitions(document, tokens);
  // Inline code is literal (`NASA_KEY`, `SELECT … FROM`): neither a use nor a definition there.
  const sdk::CodeSpans code(document);
  definitions.erase(std::remove_if(definitions.begin(), definitions.end(),
                                   [&](const Definition& d) { return code.overlaps(tokens[d.token].span); }),
                    definitions.end());
  std::vector<bool> in_note = inside_notes(document, tokens);
  std::vector<bool> in_heading = inside_headings(document, tokens);
  std::vector<bool> defining(tokens.size(), false);
  std::map<std::string, Acronym> acronyms;
  for (const Definition& definition : definitions) {
    defining[definition.token] = true;
    acronyms[definition.key].definitions.push_back(&definition);
  }
  for (std::size_t i = 0; i < tokens.size(); ++i)
    if (!defining[i] && tokens[i].use && (options.check_notes || !in_note[i]) && !code.overlaps(tokens[i].span))
      acronyms[tokens[i].key].uses.push_back(i);

  std::set<std::string> in_markup = spelled_out_in_markup(document, tokens);
  std::vector<sdk::Finding> findings;
  std::unordered_set<std::string> names;  // initials_of_names, read once an acronym needs them
  bool names_read = false;
  for (const auto& [key, acronym] : acronyms) {
    if (options.known.count(key)) continue;
    const std::vector<std::size_t>& uses = acronym.uses;

    if (acronym.definitions.empty()) {
      if (!options.report_undefined) continue;
      if (!names_read) names = initials_of_names(document.text), names_read = true;
      bool explained = names.count(key) || in_markup.count(key) ||
                       std::any_of(uses.begin(), uses.end(), [&](std::size_t use) { return glossed(document.text, tokens[use].span); });
      if (explained) continue;
      sdk::Finding f = code_table.finding("acronyms/undefined", tokens[uses.front()].span,
                                          "acronym " + quoted(key) + (uses.size() == 1 ? " is used" : " is used " + std::to_string(uses.size()) + " times") +
                                              " and never defined");
      for (std::size_t i = 1; i < uses.size() && i <= 3; ++i) f.related.push_back({tokens[uses[i]].span, "also used here"});
      findings.push_back(std::move(f));
      continue;
    }

    const Definition& first = *acronym.definitions.front();

    for (std::size_t d = 1; d < acronym.definitions.size(); ++d) {
      const Definition& again = *acronym.definitions[d];
      if (same_long_form(document.slice(again.long_form), document.slice(first.long_form))) continue;
      sdk::Finding f = code_table.finding("acronyms/conflicting-definitions", tokens[again.token].span,
                                          "acronym " + quoted(key) + " is defined as " + quoted(document.slice(again.long_form)) + ", but first as " +
                                              quoted(document.slice(first.long_form)));
      f.related.push_back({tokens[first.token].span, "first defined here"});
      findings.push_back(std::move(f));
      break;  // one finding per acronym is enough to send the editor there
    }

    // A glossary or a note defines for the whole document (a note's text sits at the end,
    // whatever place it annotates); a definition in running text from there on.
    bool glossary = std::any_of(acronym.definitions.begin(), acronym.definitions.end(),
                                [&](const Definition* d) { return d->kind == DefinitionKind::glossary || in_note[d->token]; });
    auto early = std::find_if(uses.begin(), uses.end(), [&](std::size_t use) { return !in_heading[use]; });
    if (!glossary && early != uses.end() && *early < first.token) {
      sdk::Finding f = code_table.finding("acronyms/used-before-definition", tokens[*early].span,
                                          "acronym " + quoted(key) + " is used before it is defined as " + quoted(document.slice(first.long_form)));
      f.related.push_back({tokens[first.token].span, "defined here"});
      findings.push_back(std::move(f));
    }

    if (uses.empty() && (first.kind == DefinitionKind::glossary || options.report_single_use)) {
      const char* where = first.kind == DefinitionKind::glossary ? " is listed in the abbreviations but never used"
                                                                 : " is defined but never used again";
      findings.push_back(code_table.finding("acronyms/unused-definition", tokens[first.token].span,
                                            "acronym " + quoted(key) + where));
    }
  }
  std::sort(findings.begin(), findings.end(), [](const sdk::Finding& a, const sdk::Finding& b) { return a.span < b.span; });
  return findings;
}

}  // namespace marginalia::plugins::acronyms
