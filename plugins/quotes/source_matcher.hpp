// SPDX-License-Identifier: MIT
// Checks that quoted words appear in a source text. Both sides are reduced to folded word
// tokens (so quote marks, dashes, apostrophes, white space and case do not matter); the quotation
// is split at elisions ("[…]", "...", "…"), which may skip any stretch of the source, and at
// bracketed insertions ("[the West]"), which stand for a few words; "[sic]" is dropped and
// "[T]he" read as "The". Each piece is found through the rarest of its words in an index of
// the source's word positions, so a check costs about the size of the quotation times the
// occurrences of its rarest word, never source × quotation. When the words are not there, the
// closest passage is found by voting on alignments and measured with a word-level edit distance.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace marginalia::plugins::quotes {

/// A folded word of a text and where it is.
struct MatchToken {
  std::uint64_t hash = 0;
  std::uint32_t begin = 0, end = 0;
};

/// The folded words of `text`, in order.
std::vector<MatchToken> match_tokens(std::string_view text);

/// The outcome of looking for a quotation in a source.
struct MatchResult {
  /// True when every piece of the quotation was found, in order.
  bool found = false;
  /// When not found: the closest passage of the source (may be empty when nothing is close).
  std::string closest;
  /// Words of the quotation that differ from the closest passage (substituted, missing or added).
  int differing_words = 0;
  /// Words in the quotation.
  int quote_words = 0;
};

/// A source text indexed for quotation look-ups. Build once per source, query per quotation.
class SourceIndex {
 public:
  explicit SourceIndex(std::string text);
  /// Looks for the quoted words (the text between the marks).
  MatchResult find(std::string_view quotation) const;
  /// Number of words in the source.
  std::size_t size() const { return tokens_.size(); }

 private:
  std::string text_;
  std::vector<MatchToken> tokens_;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> positions_;
};

}  // namespace marginalia::plugins::quotes
