// SPDX-License-Identifier: MIT
#include "definition_finder.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <utility>

namespace marginalia::plugins::acronyms {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// Words a name's initials skip: "Organization for Security and Co-operation in Europe" is OSCE.
bool function_word(std::string_view word) {
  for (std::string_view function : {"a", "an", "and", "at", "by", "de", "for", "in", "of", "on", "or", "the", "to", "with", "&"})
    if (word == function) return true;
  return false;
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// The span of the block that contains `offset`, or the whole text when no block does.
sdk::Span block_around(const sdk::Document& document, std::uint32_t offset) {
  for (const sdk::Block& block : document.blocks)
    if (block.span.begin <= offset && offset < block.span.end) return block.span;
  return {0, static_cast<std::uint32_t>(document.text.size())};
}

// A long form is words: more than one, longer than the acronym, without the acronym itself
// ("docx4j's XSLT is simple (Java XSLT …)" spells nothing out) or a parenthesis.
bool plausible_long_form(std::string_view long_form, std::string_view acronym) {
  if (long_form.size() <= acronym.size() || long_form.find(' ') == std::string_view::npos) return false;
  if (long_form.find_first_of("()") != std::string_view::npos) return false;  // "Adam Howard (acting) (HO)"
  for (std::size_t at = long_form.find(acronym); at != std::string_view::npos; at = long_form.find(acronym, at + 1)) {
    std::size_t end = at + acronym.size();
    bool starts = at == 0 || !std::isalnum(static_cast<unsigned char>(long_form[at - 1]));
    bool ends = end == long_form.size() || !std::isalnum(static_cast<unsigned char>(long_form[end]));
    if (starts && ends) return false;
  }
  return true;
}

// "Long Form (ACR)": the acronym in parentheses right after the long form, alone, as the
// alternative after "or" or in a short name: "(SCO)", "(SCO; founded 2001)", "(“the
// Foundation” or PGLAF)", "(the WGIG Report)". The long form may run across a line break.
bool before_parenthesis(const sdk::Document& document, const Token& token, Definition& definition) {
  std::string_view text = document.text;
  std::size_t open = token.span.begin;
  while (open > 0 && token.span.begin - open < 40 && text[open - 1] != '(' && text[open - 1] != ')') --open;
  if (open == 0 || text[open - 1] != '(') return false;
  // Words around the acronym inside the parenthesis only as an alternative or a short name:
  // "(… or ACR)", "(the ACR Report)".
  std::string_view lead = text.substr(open, token.span.begin - open);
  bool named = lead == "the " || lead == "The ";
  if (!lead.empty() && !named && !(lead.size() >= 4 && lead.substr(lead.size() - 4) == " or ")) return false;
  std::size_t close = token.span.end;
  while (close < text.size() && text[close] == ' ') ++close;
  if (named && close > token.span.end && close < text.size() && text[close] >= 'A' && text[close] <= 'Z')
    while (close < text.size() && std::isalpha(static_cast<unsigned char>(text[close]))) ++close;
  if (close >= text.size() || (text[close] != ')' && text[close] != ';' && text[close] != ',')) return false;
  std::size_t words_end = open - 1;
  sdk::Span block = block_around(document, token.span.begin);
  std::size_t words_begin = std::max<std::size_t>(block.begin, words_end > 400 ? words_end - 400 : 0);
  std::string_view words = text.substr(words_begin, words_end - words_begin);
  std::size_t start = long_form_start(token.key, words);
  if (start == std::string_view::npos) return false;
  std::size_t end = words.size();
  while (end > start && is_blank(words[end - 1])) --end;
  if (!plausible_long_form(words.substr(start, end - start), token.key)) return false;
  definition.long_form = {static_cast<std::uint32_t>(words_begin + start), static_cast<std::uint32_t>(words_begin + end)};
  definition.kind = DefinitionKind::parenthetical;
  return true;
}

// "the OSCE¹" with the note "¹ Organization for Security and Co-operation in Europe." (or
// "OSCE: Organization for …"): the note on the acronym spells it out in its first words.
bool in_its_note(const sdk::Document& document, const Token& token, Definition& definition) {
  std::string_view text = document.text;
  for (const sdk::NoteRef& ref : document.note_refs) {
    if (ref.span.begin < token.span.end || ref.span.begin > token.span.end + 2) continue;
    if (text.substr(token.span.end, ref.span.begin - token.span.end).find_first_not_of(".,;:)") != std::string_view::npos) return false;
    for (const sdk::Note& note : document.notes) {
      if (note.label != ref.label || note.body.empty()) continue;
      std::string_view body = document.slice(note.body);
      std::size_t at = 0;
      auto skip_blanks = [&] { while (at < body.size() && (is_blank(body[at]) || body[at] == '\t')) ++at; };
      skip_blanks();
      if (body.substr(at, token.key.size()) == token.key) {
        at += token.key.size();
        skip_blanks();
        for (std::string_view separator : {"\xE2\x80\x93", "\xE2\x80\x94", "-", ":", "="})
          if (body.substr(at, separator.size()) == separator) at += separator.size();
        skip_blanks();
      }
      std::size_t end = body.find_first_of(".;,(\n", at);
      if (end == std::string_view::npos) end = body.size();
      std::string_view clause = body.substr(at, end - at);
      std::size_t start = long_form_start(token.key, clause);
      if (start == std::string_view::npos || !plausible_long_form(clause.substr(start), token.key)) return false;
      std::string_view lead = clause.substr(0, start);
      if (lead != "" && lead != "the " && lead != "The ") return false;
      definition.long_form = {static_cast<std::uint32_t>(note.body.begin + at + start), static_cast<std::uint32_t>(note.body.begin + end)};
      definition.kind = DefinitionKind::parenthetical;
      return true;
    }
    return false;
  }
  return false;
}

// "ACR (Long Form)": the long form inside parentheses right after the acronym.
bool inside_parenthesis(const sdk::Document& document, const Token& token, Definition& definition) {
  std::string_view text = document.text;
  std::size_t open = token.span.end;
  while (open < text.size() && text[open] == ' ') ++open;
  if (open >= text.size() || text[open] != '(') return false;
  std::size_t close = text.find(')', open + 1);
  if (close == std::string_view::npos || close - open > 300) return false;
  std::string_view inside = text.substr(open + 1, close - open - 1);
  if (inside.find('\n') != std::string_view::npos) return false;
  std::size_t start = long_form_start(token.key, inside);
  // The whole parenthesis must be the long form, from its first word.
  std::size_t first = 0;
  while (first < inside.size() && is_blank(inside[first])) ++first;
  if (start != first || !plausible_long_form(inside.substr(first), token.key)) return false;
  definition.long_form = {static_cast<std::uint32_t>(open + 1 + first), static_cast<std::uint32_t>(close)};
  definition.kind = DefinitionKind::parenthetical;
  return true;
}

bool is_glossary_heading(std::string_view text) {
  if (text.size() > 60) return false;
  std::string lower = lower_ascii(text);
  for (const char* word : {"abbreviation", "acronym", "glossary"})
    if (lower.find(word) != std::string::npos) return true;
  return false;
}

// The long form after a glossary entry's acronym: "OSCE – Organization …", "OSCE: …",
// "OSCE = …", "OSCE\tOrganization …" or "OSCE Organization …".
bool glossary_entry(std::string_view text, const Token& token, std::uint32_t line_end, Definition& definition) {
  std::size_t at = token.span.end;
  auto skip = [&](std::string_view separator) {
    if (text.substr(at, separator.size()) == separator) at += separator.size();
  };
  while (at < line_end && (text[at] == ' ' || text[at] == '\t')) ++at;
  for (std::string_view separator : {"\xE2\x80\x93", "\xE2\x80\x94", "-", ":", "=", ","}) skip(separator);
  while (at < line_end && (text[at] == ' ' || text[at] == '\t')) ++at;
  std::size_t end = line_end;
  while (end > at && (is_blank(text[end - 1]) || text[end - 1] == '.' || text[end - 1] == ';')) --end;
  if (end <= at) return false;
  definition.long_form = {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(end)};
  definition.kind = DefinitionKind::glossary;
  return true;
}

}  // namespace

std::vector<Definition> find_definitions(const sdk::Document& document, const std::vector<Token>& tokens) {
  std::vector<Definition> definitions;
  std::string_view text = document.text;

  // Glossary sections: from a heading (or a short paragraph) naming abbreviations to the next
  // heading, as long as the blocks hold entries (one per line, or a table of two columns).
  std::vector<bool> in_glossary(tokens.size(), false);
  bool open = false;
  for (std::size_t b = 0; b < document.blocks.size(); ++b) {
    const sdk::Block& block = document.blocks[b];
    std::string_view block_text = document.slice(block.span);
    bool names_glossary = is_glossary_heading(block_text) &&
                          (block.kind == sdk::BlockKind::heading || block.kind == sdk::BlockKind::paragraph);
    if (names_glossary) {
      open = true;
      continue;
    }
    if (block.kind == sdk::BlockKind::heading || block.kind == sdk::BlockKind::title) open = false;
    if (!open) continue;
    bool any_entry = false;
    // One entry per line: the line must begin with an acronym. Tokens are in text order, so
    // the block's tokens are found by binary search.
    auto first = std::lower_bound(tokens.begin(), tokens.end(), block.span.begin,
                                  [](const Token& token, std::uint32_t offset) { return token.span.begin < offset; });
    // A table of two columns: the acronym alone in one cell, the long form in the next.
    std::size_t at = static_cast<std::size_t>(first - tokens.begin());
    if (at < tokens.size() && tokens[at].span == block.span && b + 1 < document.blocks.size() &&
        document.blocks[b + 1].kind != sdk::BlockKind::heading && !document.blocks[b + 1].span.empty()) {
      Definition definition{tokens[at].key, at, document.blocks[b + 1].span, DefinitionKind::glossary};
      definitions.push_back(definition);
      in_glossary[at] = true;
      ++b;
      continue;
    }
    for (std::size_t i = static_cast<std::size_t>(first - tokens.begin()); i < tokens.size() && tokens[i].span.end <= block.span.end; ++i) {
      const Token& token = tokens[i];
      std::size_t line_begin = text.rfind('\n', token.span.begin == 0 ? 0 : token.span.begin - 1);
      line_begin = line_begin == std::string_view::npos || line_begin < block.span.begin ? block.span.begin : line_begin + 1;
      std::size_t lead = line_begin;
      while (lead < token.span.begin && (text[lead] == ' ' || text[lead] == '\t' || text[lead] == '-' || text[lead] == '*')) ++lead;
      if (lead != token.span.begin) continue;
      std::size_t line_end = text.find('\n', token.span.end);
      if (line_end == std::string_view::npos || line_end > block.span.end) line_end = block.span.end;
      Definition definition;
      if (!glossary_entry(text, token, static_cast<std::uint32_t>(line_end), definition)) continue;
      definition.key = token.key;
      definition.token = i;
      definitions.push_back(definition);
      in_glossary[i] = true;
      any_entry = true;
    }
    // Prose ends the list; a short block without an entry (a table's header cell) does not.
    if (!any_entry && block_text.size() > 30) open = false;
  }

  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (in_glossary[i]) continue;
    Definition definition;
    if (before_parenthesis(document, tokens[i], definition) || inside_parenthesis(document, tokens[i], definition) ||
        in_its_note(document, tokens[i], definition)) {
      definition.key = tokens[i].key;
      definition.token = i;
      definitions.push_back(definition);
    }
  }
  std::sort(definitions.begin(), definitions.end(), [&](const Definition& a, const Definition& b) { return a.token < b.token; });
  return definitions;
}

}  // namespace marginalia::plugins::acronyms

namespace marginalia::plugins::acronyms {

std::unordered_set<std::string> initials_of_names(std::string_view text) {
  std::unordered_set<std::string> found;
  std::vector<std::string> initials;  // of the current run of capitalised words
  auto close_run = [&] {
    for (std::size_t first = 0; first < initials.size(); ++first) {
      std::string key = initials[first];
      for (std::size_t last = first + 1; last < initials.size() && last < first + 12; ++last) {
        key += initials[last];
        if (last > first + 1) found.insert(key);  // three letters or more
      }
    }
    initials.clear();
  };
  bool joined = false;  // the word follows a hyphen: "Co-operation" is one word
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t start = pos;
    char32_t c = sdk::next_code_point(text, pos);
    if (!sdk::is_letter(c)) {
      joined = c == '-' && start > 0 && pos < text.size();
      // A run goes on over spaces and hyphens, not over other punctuation.
      if (c != ' ' && c != '-' && c != '\n') close_run();
      continue;
    }
    bool lower = false;
    std::size_t end = pos;
    for (std::size_t at = start; at < text.size();) {
      char32_t d = sdk::next_code_point(text, at);
      if (!sdk::is_letter(d)) break;
      lower = lower || sdk::is_lower(d);
      end = at;
    }
    std::string_view word = text.substr(start, end - start);
    pos = end;
    if (std::exchange(joined, false)) continue;
    if (function_word(word) || (word == "The" && initials.empty())) continue;
    if (sdk::is_upper(c) && lower) initials.emplace_back(text.substr(start, sdk::utf8_length(c)));
    else close_run();
  }
  close_run();
  return found;
}

}  // namespace marginalia::plugins::acronyms
