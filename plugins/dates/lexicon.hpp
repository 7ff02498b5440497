// SPDX-License-Identifier: MIT
// The English words a date expression is built from (months, weekdays, units, number words,
// modifiers, signals), looked up case-insensitively in a fixed hash table.
#pragma once

#include <cstdint>
#include <cstddef>
#include <initializer_list>
#include <string_view>

namespace marginalia::plugins::dates {

/// What a word can contribute to a date expression.
enum class WordClass : std::uint8_t {
  none,
  month,          ///< value 1-12; abbreviated forms set `abbreviation`
  weekday,        ///< value 0 (Monday) - 6
  day_word,       ///< today 0, yesterday -1, tomorrow 1, tonight 2
  unit,           ///< value is a `Unit`
  number_word,    ///< one … ninety (value), "several"/"few"/"many" (value -1)
  ordinal,        ///< first 1 … twelfth 12, "final"/"last" handled as modifiers
  modifier,       ///< value is a `Modifier`
  part,           ///< value is a `Part`
  season,         ///< spring 1, summer 2, autumn/fall 3, winter 4
  present_ref,    ///< now, currently, nowadays (value 0); soon (value 1, the near future)
  past_ref,       ///< recently, formerly
  signal,         ///< value is a `Signal`
  ago,            ///< "ago"
  relative_shift, ///< earlier -1, later 1 (also "before" -1, "after" 1 as signals)
  article,        ///< the 1, a 2, an 2, that 3 ("that time")
  set_word,       ///< value is a `Unit` (annual → year, weekly → week)
  day_part,       ///< morning 1, afternoon 2, evening 3, night 4, noon 5, midnight 6
  meridiem,       ///< am 1, pm 2
  time_zone,      ///< UTC, GMT and other common abbreviations
  fiscal,         ///< fy, fiscal
};

enum class Unit : std::int8_t { day = 1, week, weekend, fortnight, month, quarter, half, year, decade, century, hour, minute };
enum class Modifier : std::int8_t { last = 1, next, this_, past, previous, coming, following, same, current, recent_years };
enum class Part : std::int8_t { early = 1, mid, late, end, beginning };
enum class Signal : std::int8_t { since = 1, between, from, until, through, by, in, on, during, before, after, of, and_, to, at, as, around };

/// A looked-up word.
struct Word {
  WordClass cls = WordClass::none;
  std::int8_t value = 0;
  bool abbreviation = false;  ///< "Apr", "Wed", "Sept"
  bool plural = false;        ///< "years", "weeks"
};

/// Looks up a word (ASCII letters only, any case); `WordClass::none` when it is not in the lexicon.
Word lookup_word(std::string_view word);

/// A fixed set of lower-case ASCII words with case-insensitive, allocation-free membership tests
/// (the cue and stop-word lists of the checks). Build once, as a function-local static.
class WordSet {
 public:
  WordSet(std::initializer_list<const char*> words);
  /// True when `word` (any case) is in the set.
  bool contains(std::string_view word) const;

 private:
  static constexpr std::size_t size_ = 256;
  std::string_view slots_[size_];
};

}  // namespace marginalia::plugins::dates
