// SPDX-License-Identifier: MIT
// One MEANTIME article (NewsReader CAT XML) rebuilt as the protocol in ../shared/eval/README.md
// asks: tokens joined by single spaces, one line per sentence, with its gold TIMEX3 spans.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace marginalia::bench::meantime {

/// A time expression, gold or predicted, as a span of the rebuilt text.
struct Timex {
  std::uint32_t begin = 0, end = 0;
  std::string type, value, text;
};

/// An article: its text, where each sentence starts, its gold and its creation time.
struct Article {
  std::string name;
  std::string text;                                  ///< sentences separated by a blank line
  std::vector<std::uint32_t> sentence_begins;        ///< offset of sentence k (0 = title, 1 = dateline)
  std::vector<Timex> gold;                           ///< TIMEX3 with tokens, creation time left out
  std::string dct;                                   ///< the CREATION_TIME value, empty when absent
  std::vector<std::pair<std::uint32_t, std::uint32_t>> dct_spans;  ///< tokens of the creation time
  /// The sentence holding offset `at`.
  int sentence_of(std::uint32_t at) const;
};

/// Reads `path`; false (with `error`) when it is not a MEANTIME document.
bool load_article(const std::string& path, Article& out, std::string& error);

}  // namespace marginalia::bench::meantime
