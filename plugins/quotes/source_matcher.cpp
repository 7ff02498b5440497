// SPDX-License-Identifier: MIT
#include "source_matcher.hpp"

#include <algorithm>

#include <marginalia/sdk/text.hpp>

#include "letter_classes.hpp"

namespace marginalia::plugins::quotes {

namespace {

bool word_char(char32_t c) { return is_letter(c) || sdk::is_ascii_digit(c); }
// Characters dropped inside a word: apostrophes and hyphens ("Russia’s" = "Russia's",
// "EU-China" = "EU–China" = "EUChina").
bool joiner(char32_t c) {
  return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2012 ||
         c == 0x2013 || c == 0xAD;
}


constexpr std::uint64_t fnv_offset = 1469598103934665603ull, fnv_prime = 1099511628211ull;

// A quotation split at its elisions and insertions.
struct Piece {
  std::vector<std::uint64_t> words;
  bool insertion_before = false;  // else an elision (any gap) before it, or the start
};

std::vector<Piece> parse_quotation(std::string_view quote) {
  std::vector<Piece> pieces;
  std::string segment;
  bool insertion = false;
  auto flush = [&](bool next_is_insertion) {
    std::vector<MatchToken> tokens = match_tokens(segment);
    if (!tokens.empty()) {
      Piece piece;
      piece.insertion_before = insertion;
      for (const MatchToken& t : tokens) piece.words.push_back(t.hash);
      pieces.push_back(std::move(piece));
    }
    segment.clear();
    insertion = next_is_insertion;
  };
  auto is_ellipsis = [](std::string_view s) {
    std::string compact;
    for (char c : s) if (c != ' ') compact.push_back(c);
    return compact == "\xE2\x80\xA6" || compact == "..." || compact == "....";
  };
  std::size_t i = 0;
  while (i < quote.size()) {
    char c = quote[i];
    if (c == '[' || c == '(') {
      char close = c == '[' ? ']' : ')';
      std::size_t end = quote.find(close, i + 1);
      if (end != std::string_view::npos && end - i <= 80) {
        std::string_view inside = quote.substr(i + 1, end - i - 1);
        if (is_ellipsis(inside)) { flush(false); i = end + 1; continue; }
        if (c == '[') {
          std::string lowered;
          for (char d : inside) lowered.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(d))));
          if (lowered == "sic" || lowered == "sic!" || lowered == "emphasis added" || lowered == "emphasis in original") { i = end + 1; continue; }
          std::size_t lead_end = 0, after = end + 1, before = i;
          bool lead_letter = !inside.empty() && is_letter(sdk::next_code_point(inside, lead_end));
          bool letter_after = after < quote.size() && is_letter(sdk::next_code_point(quote, after));
          bool letter_before = is_letter(sdk::previous_code_point(quote, before));
          bool letter_fix = inside.size() <= 4 && lead_letter && (letter_after || letter_before);
          if (letter_fix && lead_end == inside.size()) { segment.append(inside); i = end + 1; continue; }  // "[T]he", "[Ł]ódź"
          flush(true);  // "[the West]": an insertion standing for a few words
          i = end + 1;
          continue;
        }
      }
    }
    if (quote.compare(i, 3, "\xE2\x80\xA6") == 0) { flush(false); i += 3; continue; }
    if (quote.compare(i, 3, "...") == 0) {
      flush(false);
      while (i < quote.size() && quote[i] == '.') ++i;
      continue;
    }
    segment.push_back(c);
    ++i;
  }
  flush(false);
  return pieces;
}

std::string excerpt(std::string_view text, std::size_t limit) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n' || c == '\t' || c == '\r' || c == ' ') { space = !out.empty(); continue; }
    if (space) { out.push_back(' '); space = false; }
    out.push_back(c);
  }
  if (out.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = out.substr(0, cut) + "\xE2\x80\xA6";
  }
  return out;
}

}  // namespace

std::vector<MatchToken> match_tokens(std::string_view text) {
  std::vector<MatchToken> out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t next = i;
    char32_t c = sdk::next_code_point(text, next);
    if (!word_char(c)) { i = next; continue; }
    MatchToken token;
    token.begin = static_cast<std::uint32_t>(i);
    std::uint64_t h = fnv_offset;
    std::size_t p = i;
    while (p < text.size()) {
      std::size_t q = p;
      char32_t d = sdk::next_code_point(text, q);
      if (word_char(d)) {
        char32_t f = sdk::unicode::to_lower(d);
        h = (h ^ static_cast<std::uint64_t>(f)) * fnv_prime;
        p = q;
        continue;
      }
      if (joiner(d) && q < text.size()) {
        std::size_t r = q;
        if (word_char(sdk::next_code_point(text, r))) { p = q; continue; }
      }
      break;
    }
    token.end = static_cast<std::uint32_t>(p);
    token.hash = h;
    out.push_back(token);
    i = p;
  }
  return out;
}

SourceIndex::SourceIndex(std::string text) : text_(std::move(text)), tokens_(match_tokens(text_)) {
  positions_.reserve(tokens_.size() / 4 + 16);
  for (std::uint32_t i = 0; i < tokens_.size(); ++i) positions_[tokens_[i].hash].push_back(i);
}

MatchResult SourceIndex::find(std::string_view quotation) const {
  MatchResult result;
  std::vector<Piece> pieces = parse_quotation(quotation);
  for (const Piece& p : pieces) result.quote_words += static_cast<int>(p.words.size());
  if (pieces.empty()) { result.found = true; return result; }
  const std::vector<std::uint32_t> none;
  auto postings = [&](std::uint64_t hash) -> const std::vector<std::uint32_t>& {
    auto it = positions_.find(hash);
    return it == positions_.end() ? none : it->second;
  };
  auto piece_at = [&](const Piece& piece, std::uint32_t start) {
    if (start + piece.words.size() > tokens_.size()) return false;
    for (std::size_t k = 0; k < piece.words.size(); ++k)
      if (tokens_[start + k].hash != piece.words[k]) return false;
    return true;
  };
  // The rarest word of each piece anchors its search.
  std::vector<std::size_t> anchor(pieces.size());
  bool all_words_present = true;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    std::size_t best = 0, best_count = SIZE_MAX;
    for (std::size_t k = 0; k < pieces[i].words.size(); ++k) {
      std::size_t count = postings(pieces[i].words[k]).size();
      if (count < best_count) { best = k; best_count = count; }
    }
    anchor[i] = best;
    if (best_count == 0) all_words_present = false;
  }
  std::size_t budget = 200000;  // verifications; keeps a pathological source linear
  // First occurrence of piece i starting in [from, to].
  auto next_occurrence = [&](std::size_t i, std::uint64_t from, std::uint64_t to) -> std::int64_t {
    const auto& list = postings(pieces[i].words[anchor[i]]);
    auto it = std::lower_bound(list.begin(), list.end(), static_cast<std::uint32_t>(std::min<std::uint64_t>(from + anchor[i], UINT32_MAX)));
    for (; it != list.end() && budget > 0; ++it, --budget) {
      std::uint64_t start = *it - anchor[i];
      if (start > to) break;
      if (piece_at(pieces[i], static_cast<std::uint32_t>(start))) return static_cast<std::int64_t>(start);
    }
    return -1;
  };
  if (all_words_present) {
    std::uint64_t from = 0;
    while (budget > 0) {
      std::int64_t first = next_occurrence(0, from, UINT32_MAX);
      if (first < 0) break;
      std::uint64_t end = static_cast<std::uint64_t>(first) + pieces[0].words.size();
      bool ok = true;
      for (std::size_t i = 1; i < pieces.size() && ok; ++i) {
        std::uint64_t limit = pieces[i].insertion_before ? end + 8 : UINT32_MAX;
        std::int64_t at = next_occurrence(i, end, limit);
        if (at < 0) ok = false;
        else end = static_cast<std::uint64_t>(at) + pieces[i].words.size();
      }
      if (ok) { result.found = true; return result; }
      from = static_cast<std::uint64_t>(first) + 1;
    }
  }
  // Not found: vote for the alignment most quotation words agree on, then measure the distance.
  std::vector<std::uint64_t> words;
  std::vector<bool> gap_before;
  for (std::size_t i = 0; i < pieces.size(); ++i)
    for (std::size_t k = 0; k < pieces[i].words.size(); ++k) {
      if (words.size() >= 400) break;
      words.push_back(pieces[i].words[k]);
      gap_before.push_back(i > 0 && k == 0);
    }
  std::unordered_map<std::int64_t, int> votes;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto& list = postings(words[i]);
    if (list.size() > 2000) continue;  // "the", "of": no information about where
    for (std::uint32_t p : list) ++votes[(static_cast<std::int64_t>(p) - static_cast<std::int64_t>(i)) >> 4];
  }
  if (votes.empty()) return result;
  std::int64_t best_bucket = 0;
  int best_votes = -1;
  for (const auto& [bucket, count] : votes)
    if (count > best_votes || (count == best_votes && bucket < best_bucket)) { best_bucket = bucket; best_votes = count; }
  const std::size_t m = words.size();
  std::size_t start = static_cast<std::size_t>(std::max<std::int64_t>(0, best_bucket * 16 - 16));
  std::size_t n = std::min(tokens_.size() - std::min(start, tokens_.size()), 2 * m + 64);
  // Semi-global word alignment: free source words before and after, and at each elision.
  std::vector<int> cost(n + 1, 0), next(n + 1);
  std::vector<std::size_t> from(n + 1), next_from(n + 1);
  for (std::size_t j = 0; j <= n; ++j) from[j] = j;
  for (std::size_t i = 0; i < m; ++i) {
    if (gap_before[i])
      for (std::size_t j = 1; j <= n; ++j)
        if (cost[j - 1] < cost[j]) { cost[j] = cost[j - 1]; from[j] = from[j - 1]; }
    next[0] = cost[0] + 1;
    next_from[0] = from[0];
    for (std::size_t j = 1; j <= n; ++j) {
      int substitute = cost[j - 1] + (tokens_[start + j - 1].hash == words[i] ? 0 : 1);
      int skip_quote = cost[j] + 1;
      int skip_source = next[j - 1] + 1;
      if (substitute <= skip_quote && substitute <= skip_source) { next[j] = substitute; next_from[j] = from[j - 1]; }
      else if (skip_quote <= skip_source) { next[j] = skip_quote; next_from[j] = from[j]; }
      else { next[j] = skip_source; next_from[j] = next_from[j - 1]; }
    }
    cost.swap(next);
    from.swap(next_from);
  }
  std::size_t best_end = 0;
  for (std::size_t j = 1; j <= n; ++j)
    if (cost[j] < cost[best_end]) best_end = j;
  result.differing_words = cost[best_end];
  std::size_t first = from[best_end];
  if (best_end > first && result.differing_words < static_cast<int>(m)) {
    std::uint32_t b = tokens_[start + first].begin, e = tokens_[start + best_end - 1].end;
    result.closest = excerpt(std::string_view(text_).substr(b, e - b), 240);
  }
  return result;
}

}  // namespace marginalia::plugins::quotes
