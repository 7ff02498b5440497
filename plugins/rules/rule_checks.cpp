// SPDX-License-Identifier: MIT
#include "rule_checks.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>

#include <marginalia/sdk/text.hpp>
#include <marginalia/sdk/unicode.hpp>

#include "scopes.hpp"
#include <marginalia/sdk/segment.hpp>

namespace marginalia::plugins::rules {
namespace {

using sdk::Span;
using Values = std::vector<std::pair<std::string, std::string>>;

Span span_of(std::size_t begin, std::size_t end) { return {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)}; }

// A literal phrase must not start or end inside a word ("cent" is not in "percentage"); its
// ends that are punctuation ("%") need no boundary.
bool on_word_boundaries(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t at = begin;
  char32_t first = sdk::next_code_point(text, at);
  if (sdk::is_word_character(first) && begin > 0) {
    std::size_t before = begin;
    if (sdk::is_word_character(sdk::previous_code_point(text, before))) return false;
  }
  at = end;
  char32_t last = sdk::previous_code_point(text, at);
  if (sdk::is_word_character(last) && end < text.size()) {
    std::size_t after = end;
    if (sdk::is_word_character(sdk::next_code_point(text, after))) return false;
  }
  return true;
}

// Calls `found(match, key)` for each match of `matcher` inside `within`; `key` is the first
// capture group when the pattern has one, else the whole match.
void for_each_match(const Matcher& matcher, std::string_view text, Span within,
                    const std::function<void(Span, std::string_view)>& found) {
  const re2::RE2& regex = *matcher.regex;
  int groups = std::min(regex.NumberOfCapturingGroups(), 1) + 1;
  re2::StringPiece submatch[2];
  // The scope alone is the subject, so '^' and '$' anchor at its ends (RE2 anchors them at the
  // ends of the whole subject, whatever startpos and endpos say).
  re2::StringPiece scope(text.data() + within.begin, within.size());
  std::size_t pos = within.begin;
  while (pos <= within.end) {
    if (!regex.Match(scope, pos - within.begin, within.size(), re2::RE2::UNANCHORED, submatch, groups)) break;
    std::size_t begin = static_cast<std::size_t>(submatch[0].data() - text.data());
    std::size_t end = begin + submatch[0].size();
    if (end == begin || (matcher.literal && !on_word_boundaries(text, begin, end))) {
      std::size_t next = begin;
      if (next >= within.end) break;
      sdk::next_code_point(text, next);  // retry one character further
      pos = next;
      continue;
    }
    std::string_view key = groups == 2 && submatch[1].data() ? std::string_view(submatch[1].data(), submatch[1].size())
                                                             : std::string_view(submatch[0].data(), submatch[0].size());
    found(span_of(begin, end), key);
    pos = end;
  }
}

std::string lower(std::string_view word) {
  std::string out(word);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// The replacement in the case of the text it replaces: "Utilise" → "Use".
std::string matching_case(std::string replacement, std::string_view replaced) {
  if (replaced.empty() || replacement.empty()) return replacement;
  std::size_t after_lead = 0, after_first = 0;
  char32_t lead = sdk::next_code_point(replaced, after_lead), first = sdk::next_code_point(replacement, after_first);
  if (!sdk::unicode::is_upper(lead) || !sdk::unicode::is_lower(first)) return replacement;
  std::string capitalised;
  sdk::append_utf8(capitalised, sdk::unicode::to_upper(first));  // "Łódź" from "łódź" as from ASCII
  return capitalised + replacement.substr(after_first);
}

sdk::Finding finding(const Rule& rule, Span span, const Values& values) {
  sdk::Finding made;
  made.code = rule.code;
  made.severity = rule.severity;
  made.span = span;
  made.message = expand_message(rule.message, values);
  return made;
}

void existence(const Rule& rule, const sdk::Document& document, std::vector<sdk::Finding>& out) {
  for (const Span& scope : scope_spans(document, rule.scope))
    for (const Matcher& matcher : rule.matchers)
      for_each_match(matcher, document.text, scope, [&](Span match, std::string_view) {
        out.push_back(finding(rule, match, {{"match", std::string(document.slice(match))}}));
      });
}

void substitution(const Rule& rule, const sdk::Document& document, std::vector<sdk::Finding>& out) {
  for (const Span& scope : scope_spans(document, rule.scope))
    for (const Swap& swap : rule.swaps)
      for_each_match(swap.from, document.text, scope, [&](Span match, std::string_view) {
        std::string_view written = document.slice(match);
        std::string replacement = matching_case(swap.to, written);
        if (written == replacement) return;
        sdk::Finding made = finding(rule, match, {{"match", std::string(written)}, {"replacement", replacement}});
        made.replacement = replacement;
        out.push_back(std::move(made));
      });
}

void occurrence(const Rule& rule, const sdk::Document& document, std::vector<sdk::Finding>& out) {
  for (const Span& scope : scope_spans(document, rule.scope)) {
    std::size_t count = rule.unit == Unit::word ? sdk::split_words(document.text, scope).size() : sentences(document, scope).size();
    if (count <= static_cast<std::size_t>(rule.max)) continue;
    const char* unit = rule.unit == Unit::word ? " words" : " sentences";
    out.push_back(finding(rule, scope, {{"count", std::to_string(count) + unit}, {"max", std::to_string(rule.max) + unit}}));
  }
}

bool all_digits(std::string_view word) {
  return std::all_of(word.begin(), word.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == ','; });
}

void repetition(const Rule& rule, const sdk::Document& document, std::vector<sdk::Finding>& out) {
  std::set<std::string> exceptions;
  for (const std::string& word : rule.exceptions) exceptions.insert(lower(word));
  for (const Span& scope : scope_spans(document, rule.scope)) {
    std::vector<Span> words = sdk::split_words(document.text, scope);
    for (std::size_t i = 1; i < words.size(); ++i) {
      std::string_view first = document.slice(words[i - 1]), second = document.slice(words[i]);
      std::string_view between = std::string_view(document.text).substr(words[i - 1].end, words[i].begin - words[i - 1].end);
      bool only_space = !between.empty() && std::all_of(between.begin(), between.end(), [](char c) { return c == ' ' || c == '\n' || c == '\t'; });
      if (!only_space || all_digits(first)) continue;
      bool same = rule.ignore_case ? lower(first) == lower(second) : first == second;
      if (!same || exceptions.count(lower(first))) continue;
      // "Bora Bora", "Walla Walla": a name that doubles itself is capitalised both times.
      std::size_t at = 0, other = 0;
      if (first == second && sdk::unicode::is_upper(sdk::next_code_point(first, at)) && sdk::unicode::is_upper(sdk::next_code_point(second, other))) continue;
      sdk::Finding made = finding(rule, {words[i - 1].begin, words[i].end}, {{"match", std::string(first)}});
      made.replacement = std::string(first);
      out.push_back(std::move(made));
      ++i;  // "the the the" is one mistake, reported once per pair
    }
  }
}

void consistency(const Rule& rule, const sdk::Document& document, std::vector<sdk::Finding>& out) {
  struct Use {
    Span span;
    std::size_t spelling;
  };
  std::vector<Use> uses;
  for (const Span& scope : scope_spans(document, rule.scope))
    for (std::size_t i = 0; i < rule.matchers.size(); ++i)
      for_each_match(rule.matchers[i], document.text, scope, [&](Span match, std::string_view) { uses.push_back({match, i}); });
  std::sort(uses.begin(), uses.end(), [](const Use& a, const Use& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
  });
  std::optional<Use> first;
  Span last{};
  for (const Use& use : uses) {
    if (first && use.span.overlaps(last)) continue;  // one spelling inside another's match
    last = use.span;
    if (!first) {
      first = use;
      continue;
    }
    if (use.spelling == first->spelling) continue;
    sdk::Finding made = finding(rule, use.span, {{"match", std::string(document.slice(use.span))}, {"first", std::string(document.slice(first->span))}});
    made.related.push_back({first->span, "first spelling used here"});
    out.push_back(std::move(made));
  }
}

bool has_lower(std::string_view word) {
  for (std::size_t at = 0; at < word.size();)
    if (sdk::unicode::is_lower(sdk::next_code_point(word, at))) return true;
  return false;
}
bool has_upper(std::string_view word) {
  for (std::size_t at = 0; at < word.size();)
    if (sdk::unicode::is_upper(sdk::next_code_point(word, at))) return true;
  return false;
}

const std::set<std::string> kTitleSmallWords = {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of",
                                                "off", "on", "or", "per", "so", "the", "to", "up", "via", "vs", "with", "yet"};

// The first word of a heading that breaks `style`, or nothing.
std::optional<Span> miscased_word(const Rule& rule, const sdk::Document& document, Span heading) {
  std::vector<Span> words = sdk::split_words(document.text, heading);
  bool first_word = true;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string_view word = document.slice(words[i]);
    std::size_t at = 0;
    char32_t lead = sdk::next_code_point(word, at);
    if (!sdk::unicode::is_letter(lead)) continue;  // section numbers, figures
    bool first = first_word;
    first_word = false;
    std::string_view stem = word;  // "Commission's" is excepted with "Commission"
    for (std::string_view possessive : {"'s", "\u2019s"})
      if (stem.size() > possessive.size() && stem.substr(stem.size() - possessive.size()) == possessive) stem.remove_suffix(possessive.size());
    if (std::find(rule.exceptions.begin(), rule.exceptions.end(), stem) != rule.exceptions.end()) continue;
    bool acronym = has_upper(word) && !has_lower(word) && word.size() > 1;
    switch (rule.case_style) {
      case CaseStyle::upper:
        if (has_lower(word)) return words[i];
        break;
      case CaseStyle::lower:
        if (has_upper(word)) return words[i];
        break;
      case CaseStyle::sentence:
        if (acronym) break;
        if (first ? sdk::unicode::is_lower(lead) : sdk::unicode::is_upper(lead)) return words[i];
        break;
      case CaseStyle::title: {
        if (acronym || !sdk::unicode::is_lower(lead)) break;
        bool last = i + 1 == words.size();
        if (first || last || !kTitleSmallWords.count(lower(word))) return words[i];
        break;
      }
    }
  }
  return std::nullopt;
}

void capitalisation(const Rule& rule, const sdk::Document& document, std::vector<sdk::Finding>& out) {
  static const char* names[] = {"sentence", "title", "upper", "lower"};
  for (const Span& scope : scope_spans(document, rule.scope))
    if (std::optional<Span> word = miscased_word(rule, document, scope))
      out.push_back(finding(rule, *word, {{"match", std::string(document.slice(*word))}, {"case", names[static_cast<int>(rule.case_style)]}}));
}

void conditional(const Rule& rule, const sdk::Document& document, std::vector<sdk::Finding>& out) {
  std::set<std::string> defined;
  std::vector<Span> definitions;
  Span whole = span_of(0, document.text.size());
  for_each_match(rule.definition, document.text, whole, [&](Span match, std::string_view key) {
    defined.insert(std::string(key));
    definitions.push_back(match);
  });
  std::set<std::string> reported;
  for (const Span& scope : scope_spans(document, rule.scope))
    for_each_match(rule.term, document.text, scope, [&](Span match, std::string_view key) {
      std::string term(key);
      if (defined.count(term) || reported.count(term)) return;
      if (std::find(rule.exceptions.begin(), rule.exceptions.end(), term) != rule.exceptions.end()) return;
      for (const Span& definition : definitions)
        if (definition.overlaps(match)) return;
      reported.insert(term);
      out.push_back(finding(rule, match, {{"match", std::string(document.slice(match))}, {"term", term}}));
    });
}

}  // namespace

std::string expand_message(const std::string& message, const Values& values) {
  std::string out;
  for (std::size_t i = 0; i < message.size(); ++i) {
    if (message[i] == '{') {
      std::size_t close = message.find('}', i);
      if (close != std::string::npos) {
        std::string name = message.substr(i + 1, close - i - 1);
        auto value = std::find_if(values.begin(), values.end(), [&](const auto& entry) { return entry.first == name; });
        if (value != values.end()) {
          out += value->second;
          i = close;
          continue;
        }
      }
    }
    out += message[i];
  }
  return out;
}

std::vector<sdk::Finding> run_rule(const Rule& rule, const sdk::Document& document) {
  std::vector<sdk::Finding> found;
  switch (rule.kind) {
    case RuleKind::existence: existence(rule, document, found); break;
    case RuleKind::substitution: substitution(rule, document, found); break;
    case RuleKind::occurrence: occurrence(rule, document, found); break;
    case RuleKind::repetition: repetition(rule, document, found); break;
    case RuleKind::consistency: consistency(rule, document, found); break;
    case RuleKind::capitalisation: capitalisation(rule, document, found); break;
    case RuleKind::conditional: conditional(rule, document, found); break;
  }
  std::stable_sort(found.begin(), found.end(), [](const sdk::Finding& a, const sdk::Finding& b) { return a.span < b.span; });
  found.erase(std::unique(found.begin(), found.end(), [](const sdk::Finding& a, const sdk::Finding& b) { return a.span == b.span; }), found.end());
  return found;
}

}  // namespace marginalia::plugins::rules
