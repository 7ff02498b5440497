// SPDX-License-Identifier: MIT
#include "name_index.hpp"

#include <algorithm>

namespace marginalia::plugins::quotes {

std::vector<std::string> NameIndex::name_tokens(const NameRun& run) const {
  std::vector<std::string> out;
  std::size_t start = 0;
  std::string_view name = run.name;
  while (start < name.size()) {
    std::size_t space = name.find(' ', start);
    if (space == std::string_view::npos) space = name.size();
    std::string word = fold(name.substr(start, space - start));
    if (!vocabulary_.honorific(word) && !vocabulary_.particle(word)) out.push_back(word);
    start = space + 1;
  }
  return out;
}

std::string NameIndex::key(const std::vector<std::string>& tokens, SpeakerType type) const {
  std::string k(1, static_cast<char>('0' + static_cast<int>(type)));
  for (const std::string& t : tokens) { k.push_back(' '); k += t; }
  return k;
}

void NameIndex::index(int id) {
  const Entity& e = entities_[static_cast<std::size_t>(id)];
  by_key_[key(e.tokens, e.type)] = id;
  if (e.type != SpeakerType::person) return;
  for (const std::string& word : e.tokens) {
    std::vector<int>& ids = by_word_[word];
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
}

int NameIndex::resolve(const NameRun& run, std::uint32_t position) {
  std::vector<std::string> tokens = name_tokens(run);
  if (tokens.empty()) return -1;
  const SpeakerType type = run.type == SpeakerType::none ? SpeakerType::person : run.type;
  auto compatible = [&](int id) {
    const Entity& e = entities_[static_cast<std::size_t>(id)];
    return !(run.gender && e.gender && run.gender != e.gender);
  };
  // The same words, or (for a lone surname) the person last named whose name contains it.
  int found = -1;
  auto exact = by_key_.find(key(tokens, type));
  if (exact != by_key_.end() && compatible(exact->second)) found = exact->second;
  if (type == SpeakerType::person && tokens.size() == 1) {
    auto words = by_word_.find(tokens[0]);
    if (words != by_word_.end())
      for (int id : words->second)
        if (compatible(id) && (found < 0 || last_seen_[static_cast<std::size_t>(id)] > last_seen_[static_cast<std::size_t>(found)]))
          found = id;
  }
  if (found < 0 && type == SpeakerType::person && tokens.size() > 1) {
    // "Xi" first, "Xi Jinping" later: the fuller form names the same person.
    for (const std::string& word : tokens) {
      auto single = by_key_.find(key({word}, type));
      if (single == by_key_.end() || !compatible(single->second)) continue;
      found = single->second;
      Entity& e = entities_[static_cast<std::size_t>(found)];
      by_key_.erase(single);
      e.name = run.name;
      e.tokens = tokens;
      index(found);
      break;
    }
  }
  if (found < 0) {
    Entity e;
    e.name = run.name;
    e.tokens = std::move(tokens);
    e.type = type;
    e.gender = run.gender;
    entities_.push_back(std::move(e));
    last_seen_.push_back(0);
    found = static_cast<int>(entities_.size() - 1);
    index(found);
  } else if (run.gender && !entities_[static_cast<std::size_t>(found)].gender) {
    entities_[static_cast<std::size_t>(found)].gender = run.gender;
  }
  std::uint32_t& seen = last_seen_[static_cast<std::size_t>(found)];
  seen = std::max(seen, position);
  Mention m{run.span, found};
  if (mentions_.empty() || mentions_.back().span.begin <= m.span.begin) mentions_.push_back(m);
  else
    mentions_.insert(std::upper_bound(mentions_.begin(), mentions_.end(), m,
                                      [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; }),
                     m);
  return found;
}

void NameIndex::add(const std::vector<Token>& tokens, std::size_t from, std::size_t to, const NameFinder& finder) {
  scratch_.clear();
  finder.find(tokens, from, to, scratch_);
  for (const NameRun& run : scratch_) {
    if (run.type == SpeakerType::none) {
      // A lone capitalised word: a person if it repeats a known name or sits by a reporting verb.
      bool by_verb = (run.last + 1 < to && tokens[run.last + 1].kind == TokenKind::word &&
                      vocabulary_.reporting_verb(finder.folded(tokens[run.last + 1]))) ||
                     (run.first > from && tokens[run.first - 1].kind == TokenKind::word &&
                      vocabulary_.reporting_verb(finder.folded(tokens[run.first - 1])));
      if (!by_verb && by_word_.find(fold(run.name)) == by_word_.end()) continue;
    }
    resolve(run, run.span.begin);
  }
}

int NameIndex::entity_at(sdk::Span span) const {
  auto it = std::lower_bound(mentions_.begin(), mentions_.end(), span.begin,
                             [](const Mention& m, std::uint32_t value) { return m.span.begin < value; });
  for (; it != mentions_.end() && it->span.begin == span.begin; ++it)
    if (it->span.end == span.end) return it->entity;
  return -1;
}

int NameIndex::last_person_before(std::uint32_t position, char gender) const {
  auto it = std::lower_bound(mentions_.begin(), mentions_.end(), position,
                             [](const Mention& m, std::uint32_t value) { return m.span.begin < value; });
  for (int steps = 0; it != mentions_.begin() && steps < 64; ++steps) {
    --it;
    const Entity& e = entities_[static_cast<std::size_t>(it->entity)];
    if (e.type != SpeakerType::person) continue;
    if (gender && e.gender && e.gender != gender) continue;
    return it->entity;
  }
  return -1;
}

}  // namespace marginalia::plugins::quotes
