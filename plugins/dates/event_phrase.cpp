// SPDX-License-Identifier: MIT
#include "event_phrase.hpp"

#include <cstring>

namespace marginalia::plugins::dates {
namespace {

std::string lower(std::string_view word) {
  std::string out(word);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool in_list(const std::string& word, std::initializer_list<const char*> list) {
  for (const char* candidate : list)
    if (word == candidate) return true;
  return false;
}

bool determiner(const std::string& w) {
  return in_list(w, {"the", "their", "its", "his", "her", "our", "your", "a", "an", "this", "that", "these", "those"});
}

// Words that end a noun phrase: verbs, auxiliaries, conjunctions, pronouns, prepositions.
bool stop_word(const std::string& w) {
  return in_list(w, {"is", "was", "were", "are", "be", "been", "has", "had", "have", "will", "would", "could", "should",
                     "may", "might", "must", "can", "did", "does", "do", "said", "says", "and", "or", "but", "of", "on",
                     "in", "at", "by", "for", "to", "with", "from", "as", "that", "which", "who", "whom", "whose", "where",
                     "when", "while", "it", "they", "he", "she", "we", "there", "than", "then", "also", "not", "no", "after",
                     "before", "since", "until", "between", "about", "into", "over", "under", "again", "only", "both"});
}

// One phrase word: a word, or a hyphenated compound ("China-Russia") read as one.
struct PhraseWord {
  std::string text;
  std::size_t first, last;
};

}  // namespace

std::string event_phrase(std::string_view text, const std::vector<Token>& tokens, std::size_t first, std::size_t end) {
  auto word = [&](std::size_t i) { return lower(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin)); };
  auto key = [](const std::vector<std::string>& words) {
    if (words.size() < 2) return std::string();
    return words[words.size() - 2] + " " + words[words.size() - 1];
  };
  // "the joint statement of 4 February 2022": walk back from "of" to a determiner.
  if (first >= 2 && tokens[first - 1].kind == TokenKind::word && in_list(word(first - 1), {"of", "dated"})) {
    std::vector<std::string> words;
    std::size_t i = first - 1;
    bool opened = false;
    while (i > 0 && words.size() < 5) {
      --i;
      const Token& t = tokens[i];
      if (t.kind == TokenKind::punct && is_dash(t.value) && !t.space_before && i > 0) continue;  // China-Russia
      if (t.kind != TokenKind::word || t.word.cls == WordClass::month || t.word.cls == WordClass::weekday) break;
      std::string w = word(i);
      if (determiner(w)) { opened = true; break; }
      if (stop_word(w)) break;
      words.insert(words.begin(), w);
    }
    if (opened) return key(words);
    return {};
  }
  // "the 5 February 2022 joint statement": a determiner before, nouns after.
  if (first >= 1 && tokens[first - 1].kind == TokenKind::word && determiner(word(first - 1))) {
    std::vector<std::string> words;
    for (std::size_t i = end; i < tokens.size() && words.size() < 4; ++i) {
      const Token& t = tokens[i];
      if (t.kind == TokenKind::punct && is_dash(t.value) && !t.space_before) continue;
      if (t.kind != TokenKind::word) break;
      std::string w = word(i);
      if (stop_word(w) || determiner(w)) break;
      words.push_back(w);
    }
    return key(words);
  }
  return {};
}

}  // namespace marginalia::plugins::dates
