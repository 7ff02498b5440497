// SPDX-License-Identifier: MIT
// Names in a token sequence: runs of capitalised words ("US Secretary of State Antony Blinken",
// "European Commission President Ursula von der Leyen", "Mr. Bennet", "the European Council"),
// split into the role before the name and the name itself, and typed as a person, an
// organisation or place, or unknown (a lone capitalised word).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "quotation.hpp"
#include "vocabulary.hpp"
#include "word_lexer.hpp"

namespace marginalia::plugins::quotes {

/// One name found in tokens.
struct NameRun {
  /// Token range of the name itself (honorific included, role excluded), inclusive.
  std::size_t first = 0, last = 0;
  /// First token of the whole run, role included.
  std::size_t run_first = 0;
  /// person, organisation, or none for a lone capitalised word that may be either.
  SpeakerType type = SpeakerType::none;
  /// 'm', 'f' from an honorific, else 0.
  char gender = 0;
  /// True when a role word ("President", "minister") precedes the name.
  bool role = false;
  /// The name as written, possessive dropped, white space normalised.
  std::string name;
  /// The name's text span.
  sdk::Span span;
};

/// Finds names in tokens.
class NameFinder {
 public:
  NameFinder(const Vocabulary& vocabulary, std::string_view text) : vocabulary_(vocabulary), text_(text) {}

  /// Appends the names in tokens[from, to) to `out`, in order.
  void find(const std::vector<Token>& tokens, std::size_t from, std::size_t to, std::vector<NameRun>& out) const;

  /// The folded text of a word token.
  std::string folded(const Token& token) const { return fold(stem(text_, token)); }

 private:
  bool name_word(const Token& token, unsigned flags) const;
  bool compound(std::string_view word) const;
  std::string join(const std::vector<Token>& tokens, std::size_t first, std::size_t last) const;

  const Vocabulary& vocabulary_;
  std::string_view text_;
};

}  // namespace marginalia::plugins::quotes
