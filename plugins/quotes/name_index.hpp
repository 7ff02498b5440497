// SPDX-License-Identifier: MIT
// The people and organisations a document names, in reading order, so that a later surname
// ("Blinken", "President Xi") resolves to the full name given earlier ("Antony Blinken",
// "Xi Jinping") and a pronoun ("he", "she") to the person last named before it. Names inside
// quotations are not mentions (a name spoken is not a speaker).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "name_finder.hpp"

namespace marginalia::plugins::quotes {

/// A person or organisation named in the document.
struct Entity {
  std::string name;                 ///< the fullest form seen ("Xi Jinping")
  std::vector<std::string> tokens;  ///< folded name words, honorifics left out
  SpeakerType type = SpeakerType::person;
  char gender = 0;                  ///< 'm', 'f' or 0
};

/// Where an entity is named.
struct Mention {
  sdk::Span span;
  int entity = -1;
};

/// Entities and their mentions in reading order. Build once per document, then query.
class NameIndex {
 public:
  NameIndex(const Vocabulary& vocabulary, std::string_view text) : vocabulary_(vocabulary), text_(text) {}

  /// Records the names of tokens[from, to) (call in reading order). Lone capitalised words
  /// count only when they repeat a known person's name or stand next to a reporting verb.
  void add(const std::vector<Token>& tokens, std::size_t from, std::size_t to, const NameFinder& finder);

  /// The entity a name refers to, adding it if new; -1 for an empty name.
  int resolve(const NameRun& run, std::uint32_t position);

  /// The entity mentioned exactly at `span` (recorded by `add`), or -1.
  int entity_at(sdk::Span span) const;

  /// The person named last before `position` whose gender fits ('m', 'f' or 0 for any); -1 if none.
  int last_person_before(std::uint32_t position, char gender) const;

  const Entity& entity(int id) const { return entities_[static_cast<std::size_t>(id)]; }
  const std::vector<Mention>& mentions() const { return mentions_; }

 private:
  std::vector<std::string> name_tokens(const NameRun& run) const;

  const Vocabulary& vocabulary_;
  std::string_view text_;
  std::string key(const std::vector<std::string>& tokens, SpeakerType type) const;
  void index(int id);

  std::vector<Entity> entities_;
  std::vector<std::uint32_t> last_seen_;  // per entity: the latest mention's offset
  std::unordered_map<std::string, int> by_key_;                 // all words + type → entity
  std::unordered_map<std::string, std::vector<int>> by_word_;   // one word → persons containing it
  std::vector<Mention> mentions_;
  std::vector<NameRun> scratch_;
};

}  // namespace marginalia::plugins::quotes
