// SPDX-License-Identifier: MIT
// The English words attribution relies on: reporting verbs and nouns, roles and honorifics,
// document nouns, pronouns, and the capitalised words that are not people's names (places,
// institutions, months, sentence-initial function words). All lookups take folded words
// (see `fold`): ASCII lower case, ’ as '.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace marginalia::plugins::quotes {

/// Word lists; `extra_verbs` adds reporting verbs from the plugin's options.
class Vocabulary {
 public:
  /// Categories a word may belong to (one look-up answers all of them).
  enum Flag : unsigned {
    verb = 1u << 0, cue = 1u << 1, document = 1u << 2, role_word = 1u << 3, particle_word = 1u << 4, function = 1u << 5,
    institution = 1u << 6, place_word = 1u << 7, not_name = 1u << 8, title = 1u << 9, male = 1u << 10, female = 1u << 11,
    neutral = 1u << 12, honorific_word = male | female | neutral,
  };
  explicit Vocabulary(const std::vector<std::string>& extra_verbs = {});

  /// Every category of `folded`, as `Flag` bits.
  unsigned flags(std::string_view folded) const;

  /// "said", "warned", "urged", "replied"…
  bool reporting_verb(std::string_view folded) const;
  /// Nouns that carry what someone said: "warning", "assessment", "remarks", "view"…
  bool cue_noun(std::string_view folded) const;
  /// Nouns naming a document that can be quoted: "statement", "outlook", "report", "article"…
  bool document_noun(std::string_view folded) const;
  /// Roles written before a name: "president", "minister", "secretary", "envoy"…
  bool role(std::string_view folded) const;
  /// Honorifics kept with a name ("Mr.", "Mrs.", "Sir"): 'm', 'f', 'n' (neutral) or 0.
  char honorific(std::string_view folded) const;
  /// Lower-case name particles ("von", "der", "de", "bin").
  bool particle(std::string_view folded) const;
  /// Capitalised words that never start a name ("The", "However", "In", "As").
  bool function_word(std::string_view folded) const;
  /// Words that make a capitalised phrase an institution ("Commission", "Council", "Ministry").
  bool institution_word(std::string_view folded) const;
  /// Places, regions and demonyms ("Beijing", "Russia", "European", "South").
  bool place(std::string_view folded) const;
  /// Other capitalised words that are not names (months, weekdays, "Chapter").
  bool not_a_name(std::string_view folded) const;
  /// Personal pronouns that can stand for a speaker: 'm' he, 'f' she, 'p' they, 'n' it, 'i' I/we; 0 otherwise.
  char pronoun(std::string_view folded) const;
  /// Words before a quotation that make it a title ("entitled", "titled", "headlined").
  bool title_cue(std::string_view folded) const;

 private:
  std::vector<std::string> extra_;
};

}  // namespace marginalia::plugins::quotes
