// SPDX-License-Identifier: MIT
#include "tense.hpp"

#include <algorithm>
#include <cstring>

#include <marginalia/sdk/segment.hpp>

namespace marginalia::plugins::dates {
namespace {

constexpr std::size_t max_reach = 40;  // tokens searched on each side: keeps the scan linear

bool lower_equals(std::string_view word, const char* lower) {
  std::size_t n = std::strlen(lower);
  if (word.size() != n) return false;
  for (std::size_t i = 0; i < n; ++i) {
    char c = word[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

const WordSet& future_words() {
  static const WordSet set({"will", "shall", "ll", "would", "could", "might", "should", "scheduled", "expected", "plans", "planned",
      "planning", "plan", "intends", "intended", "intend", "due", "upcoming", "forthcoming", "slated", "next",
      "aims", "proposed", "anticipated", "deadline", "until", "soon", "expects", "hopes", "wants"});
  return set;
}

const WordSet& to_be_forms() {
  static const WordSet set({"is", "are", "was", "were"});
  return set;
}

const WordSet& past_words() {
  static const WordSet set({"was", "were", "had", "did", "ago", "said", "met", "took", "made", "came", "went", "gave", "saw", "began",
      "rose", "fell", "sold", "bought", "held", "won", "lost", "paid", "left", "sent", "spoke", "wrote", "told",
      "became", "brought", "found", "got", "kept", "led", "ran", "struck", "thought", "knew", "grew", "drew",
      "threw", "flew", "spent", "fought", "caught", "sought", "chose", "broke", "stood", "withdrew", "overtook",
      "undertook", "hit", "slid", "sank", "shrank", "swung", "forecast", "cut", "quit", "closed"});
  return set;
}

const WordSet& present_words() {
  static const WordSet set({"is", "are", "am", "has", "have"});
  return set;
}

const WordSet& not_participles() {
  static const WordSet set({"indeed", "proceed", "exceed", "succeed", "hundred", "kindred", "sacred", "naked", "wicked", "rugged",
      "ragged", "crooked", "beloved", "based", "related", "limited", "united", "detailed", "advanced", "speed",
      "breed", "greed", "embed", "need", "feed", "seed", "tweed", "seven", "eleven", "often", "children", "citizen",
      "women", "kitchen", "garden", "golden", "sudden", "screen"});
  return set;
}

const WordSet& non_finite_before() {
  static const WordSet set({"is", "are", "be", "being", "been", "to", "the", "a", "an", "its", "their", "his", "her", "our"});
  return set;
}

const WordSet& clause_openers() {
  static const WordSet set({"that", "which", "who", "whom", "because", "but", "while", "although", "whereas", "if", "unless"});
  return set;
}

enum class Cue { none, past, future, present };

Cue classify(std::string_view word, std::string_view previous, std::string_view next, bool opens_phrase) {
  if (future_words().contains(word)) {
    // "plans to sell" speaks of the future; "turnaround plans announced in January" is a noun
    if ((lower_equals(word, "plans") || lower_equals(word, "plan")) && !lower_equals(next, "to")) return Cue::none;
    return Cue::future;
  }
  if ((lower_equals(word, "going") || lower_equals(word, "set")) && lower_equals(next, "to")) return Cue::future;
  if (lower_equals(word, "to") && to_be_forms().contains(previous)) return Cue::future;
  if (lower_equals(word, "may") && !(word[0] >= 'A' && word[0] <= 'Z')) return Cue::future;
  if (past_words().contains(word))
    return Cue::past;
  if (present_words().contains(word)) {
    // "has denied", "have been": the present perfect speaks of the past
    if ((lower_equals(word, "has") || lower_equals(word, "have")) &&
        (lower_equals(next, "been") || past_words().contains(next) ||
         (next.size() >= 5 && next[next.size() - 2] == 'e' && next[next.size() - 1] == 'n' && !not_participles().contains(next)) ||  // fallen, risen
         (next.size() >= 4 && next[next.size() - 2] == 'e' && next[next.size() - 1] == 'd' && !not_participles().contains(next))))
      return Cue::past;
    return Cue::present;
  }
  if (word.size() >= 5 && word[word.size() - 2] == 'e' && word[word.size() - 1] == 'd' && word[0] >= 'a' && word[0] <= 'z') {
    if (not_participles().contains(word))
      return Cue::none;
    // "(adjusted for inflation after 2027)": a participle opening a phrase, with no subject
    if (opens_phrase) return Cue::none;
    if (non_finite_before().contains(previous))
      return Cue::none;
    return Cue::past;
  }
  return Cue::none;
}

}  // namespace

bool ends_sentence(std::string_view text, const std::vector<Token>& tokens, std::size_t i) {
  const Token& t = tokens[i];
  if (t.kind != TokenKind::punct) return false;
  // A semicolon closes a clause with its own tense ("sales fell; next year they will rise").
  if (t.value == ';') return true;
  sdk::Span block{tokens.front().begin, tokens.back().end};
  return sdk::ends_sentence(text, block, t.begin);
}

TenseCues tense_cues(std::string_view text, const std::vector<Token>& tokens, std::size_t first, std::size_t end) {
  std::size_t lo = first, hi = end;
  // A subordinate clause has its own tense: "announced Friday that it will give" is past, and
  // "said that it will meet on Monday" is future. The scan stops at the clause word.
  auto opens_clause = [&](std::size_t i) {
    if (tokens[i].kind != TokenKind::word) return false;
    std::string_view w = text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    return clause_openers().contains(w);
  };
  while (lo > 0 && first - lo < max_reach && !ends_sentence(text, tokens, lo - 1) && !opens_clause(lo - 1)) --lo;
  while (hi < tokens.size() && hi - end < max_reach && !ends_sentence(text, tokens, hi) && !opens_clause(hi)) ++hi;
  TenseCues out;
  int best_past = -1, best_future = -1, best_present = -1;
  auto word_at = [&](std::size_t i) -> std::string_view {
    if (i >= tokens.size() || tokens[i].kind != TokenKind::word) return {};
    return text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
  };
  for (std::size_t i = lo; i < hi; ++i) {
    if (i >= first && i < end) continue;
    std::string_view word = word_at(i);
    if (word.empty()) continue;
    bool opens_phrase = i == 0 || (tokens[i - 1].kind == TokenKind::punct && !is_dash(tokens[i - 1].value));
    // "is officially reported": the auxiliary before an adverb decides whether a participle is finite
    std::size_t before = i;
    while (before > lo && before + 2 > i && word_at(before - 1).size() > 3 && word_at(before - 1).substr(word_at(before - 1).size() - 2) == "ly") --before;
    Cue cue = classify(word, before > 0 ? word_at(before - 1) : std::string_view{}, word_at(i + 1), opens_phrase);
    if (cue == Cue::none) continue;
    int distance = static_cast<int>(i < first ? first - i : i - end + 1);
    int* slot = cue == Cue::past ? &best_past : cue == Cue::future ? &best_future : &best_present;
    if (*slot < 0 || distance < *slot) *slot = distance;
  }
  out.future_cue = best_future >= 0;
  out.past_distance = best_past;
  // The nearest cue decides; a future cue wins a near tie, because "will" often sits two words
  // further from the date than the participle it governs ("will be held on …").
  if (best_future >= 0 && (best_past < 0 || best_future <= best_past + 2)) out.tense = Tense::future;
  else if (best_past >= 0 && (best_present < 0 || best_past <= best_present + 1)) out.tense = Tense::past;
  else if (best_present >= 0) out.tense = Tense::present;
  return out;
}

}  // namespace marginalia::plugins::dates
