// SPDX-License-Identifier: MIT
#include "name_finder.hpp"

#include <marginalia/sdk/text.hpp>

#include "letter_classes.hpp"

namespace marginalia::plugins::quotes {
namespace {

}  // namespace

// "EU-China", "Russo-Chinese", "Asia-Pacific" join places or acronyms; "Jean-Noël" is a name.
bool NameFinder::compound(std::string_view word) const {
  if (word.find('-') == std::string_view::npos) return false;
  std::size_t start = 0;
  while (start <= word.size()) {
    std::size_t dash = word.find('-', start);
    if (dash == std::string_view::npos) dash = word.size();
    std::string_view part = word.substr(start, dash - start);
    std::size_t capitals = 0, at = 0;
    while (at < part.size() && is_upper(sdk::next_code_point(part, at))) ++capitals;
    bool caps = capitals >= 2 && at == part.size();  // "UE-SNG", "ŁKS-BIS": every letter a capital
    if (caps || vocabulary_.place(fold(part)) || vocabulary_.institution_word(fold(part))) return true;
    start = dash + 1;
  }
  return false;
}

bool NameFinder::name_word(const Token& token, unsigned flags) const {
  if (token.kind != TokenKind::word || !token.capitalized || token.all_caps) return false;
  constexpr unsigned never = Vocabulary::role_word | Vocabulary::institution | Vocabulary::place_word | Vocabulary::not_name |
                             Vocabulary::function | Vocabulary::honorific_word;
  if (flags & never) return false;
  return !compound(stem(text_, token));
}

std::string NameFinder::join(const std::vector<Token>& tokens, std::size_t first, std::size_t last) const {
  std::string out;
  for (std::size_t i = first; i <= last; ++i) {
    if (i > first) out.push_back(' ');
    out.append(i == last ? stem(text_, tokens[i]) : text_.substr(tokens[i].span.begin, tokens[i].span.size()));
  }
  return out;
}

void NameFinder::find(const std::vector<Token>& tokens, std::size_t from, std::size_t to, std::vector<NameRun>& out) const {
  std::size_t i = from;
  std::vector<std::string> folds;
  std::vector<unsigned> flags;
  while (i < to) {
    const Token& t = tokens[i];
    if (t.kind != TokenKind::word) { ++i; continue; }
    // Most words are lower case and far from a capital: decide that before any look-up.
    bool starts = t.capitalized || t.all_caps;
    if (!starts) {
      bool capital_near = (i + 1 < to && tokens[i + 1].kind == TokenKind::word && tokens[i + 1].capitalized) ||
                          (i + 2 < to && tokens[i + 2].kind == TokenKind::word && tokens[i + 2].capitalized);
      if (!capital_near) { ++i; continue; }
      starts = vocabulary_.role(folded(t)) && i + 1 < to && tokens[i + 1].kind == TokenKind::word &&
               (tokens[i + 1].capitalized || vocabulary_.role(folded(tokens[i + 1])));
    }
    if (!starts) { ++i; continue; }
    // The run: capitalised words, role words, and lower-case particles between capitalised words.
    // Each word is looked up once; `flags` holds its categories.
    std::size_t a = i, b = i;
    folds.clear();
    flags.clear();
    folds.push_back(folded(t));
    flags.push_back(vocabulary_.flags(folds.back()));
    while (!tokens[b].possessive && b + 1 < to && tokens[b + 1].kind == TokenKind::word) {
      const Token& n = tokens[b + 1];
      std::string nf = folded(n);
      unsigned nflags = vocabulary_.flags(nf);
      bool joins = n.capitalized || n.all_caps || (nflags & Vocabulary::role_word);
      if (!joins && (nflags & Vocabulary::particle_word) && b + 2 < to && tokens[b + 2].kind == TokenKind::word &&
          (tokens[b + 2].capitalized || vocabulary_.particle(folded(tokens[b + 2]))))
        joins = true;
      if (!joins) break;
      ++b;
      folds.push_back(std::move(nf));
      flags.push_back(nflags);
    }
    i = b + 1;
    // Sentence-initial function words are capitalised but not part of a name ("However", "As").
    std::size_t skip = 0;
    while (a + skip <= b && (flags[skip] & Vocabulary::function) && !tokens[a + skip].all_caps) ++skip;
    if (a + skip > b) continue;
    a += skip;
    folds.erase(folds.begin(), folds.begin() + static_cast<std::ptrdiff_t>(skip));
    flags.erase(flags.begin(), flags.begin() + static_cast<std::ptrdiff_t>(skip));
    // The name: the longest tail of name words (particles allowed inside).
    std::size_t n = b + 1;
    while (n > a) {
      unsigned nf = flags[n - 1 - a];
      bool ok = name_word(tokens[n - 1], nf) || ((nf & Vocabulary::particle_word) && !tokens[n - 1].capitalized && n - 1 > a && n <= b);
      if (!ok) break;
      --n;
    }
    while (n <= b && (flags[n - a] & Vocabulary::particle_word) && !tokens[n].capitalized) ++n;
    NameRun run;
    run.run_first = a;
    bool any_role = false, institution = false, place = false, acronym = false;
    for (std::size_t k = a; k < n; ++k) {
      unsigned kf = flags[k - a];
      any_role |= (kf & Vocabulary::role_word) != 0;
      institution |= (kf & Vocabulary::institution) != 0;
      place |= (kf & Vocabulary::place_word) != 0;
      acronym |= tokens[k].all_caps;
    }
    if (n <= b) {
      // A person's name, perhaps after an honorific ("Mr. Bennet") or a role ("President Xi").
      std::size_t first = n;
      if (first > a) {
        unsigned hf = flags[first - 1 - a];
        if (char g = hf & Vocabulary::male ? 'm' : hf & Vocabulary::female ? 'f' : hf & Vocabulary::neutral ? 'n' : 0) {
          run.gender = g == 'n' ? 0 : g;
          --first;
        }
      }
      run.first = first;
      run.last = b;
      run.role = any_role && !(institution && !(flags[n - 1 - a] & Vocabulary::role_word));
      std::size_t words = 0;
      for (std::size_t k = n; k <= b; ++k) words += tokens[k].capitalized ? 1 : 0;
      bool honorific = first < n;
      if (honorific || run.role || words >= 2) run.type = SpeakerType::person;
      else run.type = SpeakerType::none;
      // A role that belongs to an institution ("Commission President") still names a person.
      if (!honorific && !any_role && words >= 2 && (institution || acronym)) run.type = SpeakerType::organisation;
      run.name = join(tokens, first, b);
      run.span = {tokens[first].span.begin, tokens[b].stem_end};
      out.push_back(std::move(run));
      continue;
    }
    // No name word: an institution or place ("the European Council", "Beijing", "NATO").
    if (institution || place || acronym) {
      run.first = a;
      run.last = b;
      run.type = SpeakerType::organisation;
      run.name = join(tokens, a, b);
      if (a > from && tokens[a - 1].kind == TokenKind::word && fold(stem(text_, tokens[a - 1])) == "the" && institution)
        run.name = "the " + run.name;
      run.span = {tokens[a].span.begin, tokens[b].stem_end};
      out.push_back(std::move(run));
    }
  }
}

}  // namespace marginalia::plugins::quotes
