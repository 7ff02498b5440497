// SPDX-License-Identifier: MIT
#include "lexicon.hpp"

#include <array>
#include <cstring>

namespace marginalia::plugins::dates {
namespace {

struct Entry {
  const char* text;
  Word word;
};

constexpr Word w(WordClass c, int v, bool abbreviation = false, bool plural = false) {
  return Word{c, static_cast<std::int8_t>(v), abbreviation, plural};
}
constexpr int u(Unit x) { return static_cast<int>(x); }
constexpr int m(Modifier x) { return static_cast<int>(x); }
constexpr int p(Part x) { return static_cast<int>(x); }
constexpr int s(Signal x) { return static_cast<int>(x); }

const Entry entries[] = {
    {"january", w(WordClass::month, 1)}, {"february", w(WordClass::month, 2)}, {"march", w(WordClass::month, 3)},
    {"april", w(WordClass::month, 4)}, {"may", w(WordClass::month, 5)}, {"june", w(WordClass::month, 6)},
    {"july", w(WordClass::month, 7)}, {"august", w(WordClass::month, 8)}, {"september", w(WordClass::month, 9)},
    {"october", w(WordClass::month, 10)}, {"november", w(WordClass::month, 11)}, {"december", w(WordClass::month, 12)},
    {"jan", w(WordClass::month, 1, true)}, {"feb", w(WordClass::month, 2, true)}, {"mar", w(WordClass::month, 3, true)},
    {"apr", w(WordClass::month, 4, true)}, {"jun", w(WordClass::month, 6, true)}, {"jul", w(WordClass::month, 7, true)},
    {"aug", w(WordClass::month, 8, true)}, {"sep", w(WordClass::month, 9, true)}, {"sept", w(WordClass::month, 9, true)},
    {"oct", w(WordClass::month, 10, true)}, {"nov", w(WordClass::month, 11, true)}, {"dec", w(WordClass::month, 12, true)},
    {"monday", w(WordClass::weekday, 0)}, {"tuesday", w(WordClass::weekday, 1)}, {"wednesday", w(WordClass::weekday, 2)},
    {"thursday", w(WordClass::weekday, 3)}, {"friday", w(WordClass::weekday, 4)}, {"saturday", w(WordClass::weekday, 5)},
    {"sunday", w(WordClass::weekday, 6)},
    {"mon", w(WordClass::weekday, 0, true)}, {"tue", w(WordClass::weekday, 1, true)}, {"tues", w(WordClass::weekday, 1, true)},
    {"wed", w(WordClass::weekday, 2, true)}, {"thu", w(WordClass::weekday, 3, true)}, {"thur", w(WordClass::weekday, 3, true)},
    {"thurs", w(WordClass::weekday, 3, true)}, {"fri", w(WordClass::weekday, 4, true)}, {"sat", w(WordClass::weekday, 5, true)},
    {"sun", w(WordClass::weekday, 6, true)},
    {"today", w(WordClass::day_word, 0)}, {"yesterday", w(WordClass::day_word, -1)}, {"tomorrow", w(WordClass::day_word, 1)},
    {"tonight", w(WordClass::day_word, 2)},
    {"day", w(WordClass::unit, u(Unit::day))}, {"days", w(WordClass::unit, u(Unit::day), false, true)},
    {"week", w(WordClass::unit, u(Unit::week))}, {"weeks", w(WordClass::unit, u(Unit::week), false, true)},
    {"weekend", w(WordClass::unit, u(Unit::weekend))}, {"weekends", w(WordClass::unit, u(Unit::weekend), false, true)},
    {"fortnight", w(WordClass::unit, u(Unit::fortnight))},
    {"month", w(WordClass::unit, u(Unit::month))}, {"months", w(WordClass::unit, u(Unit::month), false, true)},
    {"quarter", w(WordClass::unit, u(Unit::quarter))}, {"quarters", w(WordClass::unit, u(Unit::quarter), false, true)},
    {"half", w(WordClass::unit, u(Unit::half))},
    {"year", w(WordClass::unit, u(Unit::year))}, {"years", w(WordClass::unit, u(Unit::year), false, true)},
    {"decade", w(WordClass::unit, u(Unit::decade))}, {"decades", w(WordClass::unit, u(Unit::decade), false, true)},
    {"century", w(WordClass::unit, u(Unit::century))}, {"centuries", w(WordClass::unit, u(Unit::century), false, true)},
    {"hour", w(WordClass::unit, u(Unit::hour))}, {"hours", w(WordClass::unit, u(Unit::hour), false, true)},
    {"minute", w(WordClass::unit, u(Unit::minute))}, {"minutes", w(WordClass::unit, u(Unit::minute), false, true)},
    {"one", w(WordClass::number_word, 1)}, {"two", w(WordClass::number_word, 2)}, {"three", w(WordClass::number_word, 3)},
    {"four", w(WordClass::number_word, 4)}, {"five", w(WordClass::number_word, 5)}, {"six", w(WordClass::number_word, 6)},
    {"seven", w(WordClass::number_word, 7)}, {"eight", w(WordClass::number_word, 8)}, {"nine", w(WordClass::number_word, 9)},
    {"ten", w(WordClass::number_word, 10)}, {"eleven", w(WordClass::number_word, 11)}, {"twelve", w(WordClass::number_word, 12)},
    {"thirteen", w(WordClass::number_word, 13)}, {"fourteen", w(WordClass::number_word, 14)}, {"fifteen", w(WordClass::number_word, 15)},
    {"sixteen", w(WordClass::number_word, 16)}, {"seventeen", w(WordClass::number_word, 17)}, {"eighteen", w(WordClass::number_word, 18)},
    {"nineteen", w(WordClass::number_word, 19)}, {"twenty", w(WordClass::number_word, 20)}, {"thirty", w(WordClass::number_word, 30)},
    {"forty", w(WordClass::number_word, 40)}, {"fifty", w(WordClass::number_word, 50)}, {"sixty", w(WordClass::number_word, 60)},
    {"seventy", w(WordClass::number_word, 70)}, {"eighty", w(WordClass::number_word, 80)}, {"ninety", w(WordClass::number_word, 90)},
    {"hundred", w(WordClass::number_word, 100)},
    {"several", w(WordClass::number_word, -1)}, {"few", w(WordClass::number_word, -1)}, {"many", w(WordClass::number_word, -1)},
    {"first", w(WordClass::ordinal, 1)}, {"second", w(WordClass::ordinal, 2)}, {"third", w(WordClass::ordinal, 3)},
    {"fourth", w(WordClass::ordinal, 4)}, {"fifth", w(WordClass::ordinal, 5)}, {"sixth", w(WordClass::ordinal, 6)},
    {"seventh", w(WordClass::ordinal, 7)}, {"eighth", w(WordClass::ordinal, 8)}, {"ninth", w(WordClass::ordinal, 9)},
    {"tenth", w(WordClass::ordinal, 10)}, {"eleventh", w(WordClass::ordinal, 11)}, {"twelfth", w(WordClass::ordinal, 12)},
    {"last", w(WordClass::modifier, m(Modifier::last))}, {"next", w(WordClass::modifier, m(Modifier::next))},
    {"this", w(WordClass::modifier, m(Modifier::this_))}, {"past", w(WordClass::modifier, m(Modifier::past))},
    {"previous", w(WordClass::modifier, m(Modifier::previous))}, {"prior", w(WordClass::modifier, m(Modifier::previous))},
    {"coming", w(WordClass::modifier, m(Modifier::coming))}, {"upcoming", w(WordClass::modifier, m(Modifier::coming))},
    {"following", w(WordClass::modifier, m(Modifier::following))}, {"same", w(WordClass::modifier, m(Modifier::same))},
    {"current", w(WordClass::modifier, m(Modifier::current))}, {"recent", w(WordClass::modifier, m(Modifier::recent_years))},
    {"final", w(WordClass::modifier, m(Modifier::last))},
    {"early", w(WordClass::part, p(Part::early))}, {"mid", w(WordClass::part, p(Part::mid))},
    {"middle", w(WordClass::part, p(Part::mid))}, {"late", w(WordClass::part, p(Part::late))},
    {"end", w(WordClass::part, p(Part::end))}, {"beginning", w(WordClass::part, p(Part::beginning))},
    {"start", w(WordClass::part, p(Part::beginning))},
    {"spring", w(WordClass::season, 1)}, {"summer", w(WordClass::season, 2)}, {"autumn", w(WordClass::season, 3)},
    {"fall", w(WordClass::season, 3)}, {"winter", w(WordClass::season, 4)},
    {"now", w(WordClass::present_ref, 0)}, {"currently", w(WordClass::present_ref, 0)}, {"nowadays", w(WordClass::present_ref, 0)},
    {"recently", w(WordClass::past_ref, 0)}, {"soon", w(WordClass::present_ref, 1)},
    {"since", w(WordClass::signal, s(Signal::since))}, {"between", w(WordClass::signal, s(Signal::between))},
    {"from", w(WordClass::signal, s(Signal::from))}, {"until", w(WordClass::signal, s(Signal::until))},
    {"till", w(WordClass::signal, s(Signal::until))}, {"through", w(WordClass::signal, s(Signal::through))},
    {"by", w(WordClass::signal, s(Signal::by))}, {"in", w(WordClass::signal, s(Signal::in))},
    {"on", w(WordClass::signal, s(Signal::on))}, {"during", w(WordClass::signal, s(Signal::during))},
    {"before", w(WordClass::signal, s(Signal::before))}, {"after", w(WordClass::signal, s(Signal::after))},
    {"of", w(WordClass::signal, s(Signal::of))}, {"and", w(WordClass::signal, s(Signal::and_))},
    {"to", w(WordClass::signal, s(Signal::to))}, {"at", w(WordClass::signal, s(Signal::at))},
    {"as", w(WordClass::signal, s(Signal::as))}, {"around", w(WordClass::signal, s(Signal::around))},
    {"ago", w(WordClass::ago, 0)}, {"earlier", w(WordClass::relative_shift, -1)}, {"later", w(WordClass::relative_shift, 1)},
    {"the", w(WordClass::article, 1)}, {"a", w(WordClass::article, 2)}, {"an", w(WordClass::article, 2)},
    {"that", w(WordClass::article, 3)},
    {"annual", w(WordClass::set_word, u(Unit::year))}, {"annually", w(WordClass::set_word, u(Unit::year))},
    {"yearly", w(WordClass::set_word, u(Unit::year))}, {"weekly", w(WordClass::set_word, u(Unit::week))},
    {"daily", w(WordClass::set_word, u(Unit::day))}, {"monthly", w(WordClass::set_word, u(Unit::month))},
    {"quarterly", w(WordClass::set_word, u(Unit::quarter))},
    {"morning", w(WordClass::day_part, 1)}, {"afternoon", w(WordClass::day_part, 2)}, {"evening", w(WordClass::day_part, 3)},
    {"night", w(WordClass::day_part, 4)}, {"noon", w(WordClass::day_part, 5)}, {"midnight", w(WordClass::day_part, 6)},
    {"am", w(WordClass::meridiem, 1)}, {"pm", w(WordClass::meridiem, 2)},
    {"utc", w(WordClass::time_zone, 0)}, {"gmt", w(WordClass::time_zone, 0)}, {"est", w(WordClass::time_zone, -5)},
    {"edt", w(WordClass::time_zone, -4)}, {"pst", w(WordClass::time_zone, -8)}, {"pdt", w(WordClass::time_zone, -7)},
    {"cet", w(WordClass::time_zone, 1)}, {"cest", w(WordClass::time_zone, 2)}, {"bst", w(WordClass::time_zone, 1)},
    {"fy", w(WordClass::fiscal, 0)}, {"fiscal", w(WordClass::fiscal, 1)},
};

constexpr std::size_t table_size = 1024;  // power of two, well above twice the entries

std::uint32_t hash(const char* s, std::size_t n) {
  std::uint32_t h = 2166136261u;
  for (std::size_t i = 0; i < n; ++i) h = (h ^ static_cast<unsigned char>(s[i])) * 16777619u;
  return h;
}

struct Table {
  std::array<const Entry*, table_size> slots{};
  std::array<std::uint8_t, table_size> lengths{};
  std::uint32_t first_letters = 0;  // bit per letter that starts some entry: a cheap early reject
  Table() {
    for (const Entry& e : entries) {
      std::size_t n = std::strlen(e.text);
      std::size_t i = hash(e.text, n) & (table_size - 1);
      while (slots[i]) i = (i + 1) & (table_size - 1);
      slots[i] = &e;
      lengths[i] = static_cast<std::uint8_t>(n);
      first_letters |= 1u << (e.text[0] - 'a');
    }
  }
};

const Table& table() {
  static const Table t;
  return t;
}

}  // namespace

Word lookup_word(std::string_view word) {
  if (word.empty() || word.size() > 10) return {};
  char lower[12];
  for (std::size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    else if (c < 'a' || c > 'z') return {};
    lower[i] = c;
  }
  const Table& t = table();
  if (!(t.first_letters & (1u << (lower[0] - 'a')))) return {};
  std::size_t i = hash(lower, word.size()) & (table_size - 1);
  while (const Entry* e = t.slots[i]) {
    if (t.lengths[i] == word.size() && std::memcmp(e->text, lower, word.size()) == 0) return e->word;
    i = (i + 1) & (table_size - 1);
  }
  return {};
}

WordSet::WordSet(std::initializer_list<const char*> words) {
  for (const char* w : words) {
    std::size_t n = std::strlen(w);
    std::size_t i = hash(w, n) & (size_ - 1);
    while (!slots_[i].empty()) i = (i + 1) & (size_ - 1);
    slots_[i] = std::string_view(w, n);
  }
}

bool WordSet::contains(std::string_view word) const {
  if (word.empty() || word.size() > 15) return false;
  char lower[16];
  for (std::size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    lower[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  std::size_t i = hash(lower, word.size()) & (size_ - 1);
  while (!slots_[i].empty()) {
    if (slots_[i].size() == word.size() && std::memcmp(slots_[i].data(), lower, word.size()) == 0) return true;
    i = (i + 1) & (size_ - 1);
  }
  return false;
}

}  // namespace marginalia::plugins::dates
