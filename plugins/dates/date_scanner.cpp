// SPDX-License-Identifier: MIT
// Patterns are tried at each token in a fixed order (longest forms first); a match consumes its
// tokens. Values follow TimeML (TempEval-3) conventions so the scanner can be scored against
// gold annotations; TEI attributes are derived from the same resolved point.
#include "date_scanner.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "tense.hpp"

namespace marginalia::plugins::dates {

struct DateScanner::Point {
  Granularity g = Granularity::none;
  int year = -1;  // -1: not written and not yet resolved
  int month = 0, day = 0;
  int part = 0;   // quarter 1-4, half 1-2, season 1-4, ISO week, decade (199), century (19)
  int mod = 0;    // a Part value: early, mid, late, end, beginning
  bool explicit_year = false;
  bool needs_year = false;    // a month, day or quarter written without its year
  bool weekday_only = false;  // "on Monday": the day comes from the tense
  bool weekend = false;
  bool anchored = false;
  bool impossible = false;
  DateStyle style = DateStyle::none;
  int stated_weekday = -1;
  sdk::Span weekday_span;
  bool ambiguous = false;
  int na = 0, nb = 0;
  char separator = 0;
  int hour = -1, minute = -1, day_part = 0;
  bool utc = false;
};

struct DateScanner::Match {
  std::size_t begin = 0, end = 0;              // tokens of the marked span
  std::size_t timex_begin = 0, timex_end = 0;  // TimeML extent when it differs (both 0 otherwise)
  std::size_t first_begin = 0, first_end = 0, second_begin = 0, second_end = 0;  // range ends
  TimexType type = TimexType::date;
  enum class Shape { point, range, since, literal } shape = Shape::point;
  Point p, q;
  std::string literal;
};

namespace {

constexpr int unknown_year = -1;

int digits_value(const Token& t) { return static_cast<int>(t.value); }

const char* unit_letter(Unit u) {
  switch (u) {
    case Unit::day: return "D";
    case Unit::week: return "W";
    case Unit::weekend: return "WE";
    case Unit::fortnight: return "W";
    case Unit::month: return "M";
    case Unit::quarter: return "Q";
    case Unit::half: return "H";
    case Unit::year: return "Y";
    case Unit::decade: return "Y";
    case Unit::century: return "Y";
    case Unit::hour: return "H";
    case Unit::minute: return "M";
  }
  return "";
}

// A TimeML duration value: "P75Y", "PT30M", "PXY" (count < 0 means unspecified).
std::string duration_value(Unit unit, int count) {
  int n = count;
  if (unit == Unit::decade && n > 0) n *= 10;
  if (unit == Unit::century && n > 0) n *= 100;
  if (unit == Unit::fortnight && n > 0) n *= 2;
  std::string out = (unit == Unit::hour || unit == Unit::minute) ? "PT" : "P";
  out += n < 0 ? "X" : std::to_string(n);
  out += unit == Unit::decade && n < 0 ? "DE" : unit_letter(unit);
  return out;
}

std::string two(int v) {
  char b[8];
  std::snprintf(b, sizeof b, "%02d", v);
  return b;
}

std::string year_text(int year) { return year == unknown_year ? std::string("XXXX") : iso_year(year); }

bool is_weekday_exception(std::string_view previous) {
  static const WordSet names({"black", "good", "super", "cyber", "ash", "holy", "easter", "palm", "bloody", "maundy", "blue", "giving"});
  return names.contains(previous);
}

}  // namespace

DateScanner::DateScanner(std::string_view text, ScanSettings settings) : text_(text), settings_(settings) {}

// ---------------------------------------------------------------------------------------------
// Token helpers

std::string_view DateScanner::word_text(std::size_t i) const {
  const std::vector<Token>& t = *tokens_;
  if (i >= t.size() || t[i].kind != TokenKind::word) return {};
  return text_.substr(t[i].begin, t[i].end - t[i].begin);
}

bool DateScanner::word_equals(std::size_t i, const char* lower, std::size_t n) const {
  const std::vector<Token>& t = *tokens_;
  if (i >= t.size() || t[i].kind != TokenKind::word || t[i].end - t[i].begin != n) return false;
  const char* w = text_.data() + t[i].begin;
  for (std::size_t k = 0; k < n; ++k)
    if ((w[k] | 0x20) != lower[k]) return false;
  return true;
}

bool DateScanner::is(std::size_t i, WordClass cls) const {
  const std::vector<Token>& t = *tokens_;
  return i < t.size() && t[i].kind == TokenKind::word && t[i].word.cls == cls;
}

bool DateScanner::punct(std::size_t i, char32_t c) const {
  const std::vector<Token>& t = *tokens_;
  return i < t.size() && t[i].kind == TokenKind::punct && t[i].value == c;
}

bool DateScanner::dash(std::size_t i) const {
  const std::vector<Token>& t = *tokens_;
  return i < t.size() && t[i].kind == TokenKind::punct && is_dash(t[i].value);
}

bool DateScanner::glued(std::size_t i) const {
  const std::vector<Token>& t = *tokens_;
  return i < t.size() && !t[i].space_before;
}

std::size_t DateScanner::skip_abbreviation_dot(std::size_t i) const {
  const std::vector<Token>& t = *tokens_;
  if (i > 0 && i - 1 < t.size() && t[i - 1].word.abbreviation && punct(i, '.') && glued(i)) return i + 1;
  return i;
}

// A written year in a strong context ("April 2024", "24 April 2024"): four digits, not part of
// a longer number or code.
bool DateScanner::year_at(std::size_t i, int& year, bool strong_context) const {
  const std::vector<Token>& t = *tokens_;
  if (i >= t.size() || t[i].kind != TokenKind::number || t[i].digits != 4) return false;
  int v = digits_value(t[i]);
  if (v < 1000 || v > 2199) return false;
  if (i + 1 < t.size() && glued(i + 1)) {
    const Token& next = t[i + 1];
    if (next.kind == TokenKind::number || next.kind == TokenKind::word) return false;
    // After a month or "since" nobody writes a decimal: "June 2023.5" is a year and a footnote
    // marker the reader did not claim. Elsewhere "2023.5" is a number.
    bool marker_after_stop = strong_context && next.value == '.';
    if (next.kind == TokenKind::punct && (next.value == '.' || next.value == ',' || next.value == ':' || next.value == '/') &&
        i + 2 < t.size() && glued(i + 2) && t[i + 2].kind == TokenKind::number && !marker_after_stop)
      return false;
  }
  year = v;
  return true;
}

// A bare four-digit number read as a year only when nothing around it says it is a count,
// an amount, a code or a section number.
bool DateScanner::bare_year_ok(std::size_t i) const {
  const std::vector<Token>& t = *tokens_;
  int year = 0;
  if (!year_at(i, year)) return false;
  bool preceded_by_signal = i > 0 && t[i - 1].kind == TokenKind::word &&
                            (t[i - 1].word.cls == WordClass::signal || t[i - 1].word.cls == WordClass::part);
  if ((year < 1900 || year > 2099) && !preceded_by_signal) return false;
  if (i > 0) {
    const Token& prev = t[i - 1];
    if (glued(i)) {
      if (prev.kind == TokenKind::word || prev.kind == TokenKind::number) return false;
      if (prev.kind == TokenKind::punct) {
        char32_t c = prev.value;
        if (c == '$' || c == 0x20AC || c == 0xA3 || c == 0xA5 || c == '#' || c == 0xA7 || c == '+' || c == '=' || c == '@') return false;
        if ((c == '.' || c == ',' || c == '/' || c == ':' || is_dash(c)) && i >= 2 && glued(i - 1) &&
            (t[i - 2].kind == TokenKind::number || t[i - 2].kind == TokenKind::word))
          return false;
      }
    } else if (prev.kind == TokenKind::punct && (prev.value == '$' || prev.value == 0xA7 || prev.value == '#' || prev.value == 0x20AC || prev.value == 0xA3)) {
      return false;
    }
    if (prev.kind == TokenKind::punct && prev.value == '.' && i >= 2 && t[i - 2].kind == TokenKind::word &&
        t[i - 2].end - t[i - 2].begin == 1 && t[i - 2].upper)
      return false;  // "H.R. 2019", "S. 2019": bill numbers
    if (prev.kind == TokenKind::word) {
      static const WordSet codes({"no", "nos", "number", "page", "pages", "p", "pp", "section", "sec", "article", "art",
                                    "rule", "resolution", "res", "room", "flight", "model", "form", "route", "chapter",
                                    "paragraph", "para", "item", "annex", "code", "regulation", "directive", "version",
                                    "vol", "volume", "issue", "isbn", "issn", "tel", "fax", "box", "suite", "unit", "line",
                                    "exhibit", "table", "figure", "fig", "appendix", "docket", "case", "bill", "order", "decree",
                                    "canon", "iso", "din", "en", "windows", "office", "boeing", "airbus", "opus", "op", "hr",
                                    "commodity", "hs", "sic", "naics", "cfr", "usc", "stat", "nr", "ref"});
      if (codes.contains(word_text(i - 1))) return false;
      static const WordSet approximations({"about", "around", "approximately", "nearly", "almost", "roughly", "some",
                                           "over", "under", "than", "least", "total", "only", "just", "exactly"});
      bool approximate = approximations.contains(word_text(i - 1));
      if (approximate && i + 1 < t.size() && t[i + 1].kind == TokenKind::word && !t[i + 1].upper &&
          t[i + 1].word.cls == WordClass::none)
        return false;  // "over 2000 jobs"
    }
  }
  if (i > 0 && i + 1 < t.size() && t[i - 1].kind == TokenKind::word && t[i - 1].upper && t[i - 1].word.cls == WordClass::none &&
      t[i + 1].kind == TokenKind::word && t[i + 1].upper && t[i + 1].word.cls == WordClass::none && !t[i - 1].newline_before)
    return false;  // a name around the number: "Russell 2000 Index", "Windows 2000 Server"
  if (i + 1 < t.size()) {
    const Token& next = t[i + 1];
    if (next.kind == TokenKind::punct && (next.value == '%' || next.value == 0x2030)) return false;
    if (next.kind == TokenKind::word && !next.upper) {
      static const WordSet quantities({"percent", "per", "pc", "million", "billion", "trillion", "thousand", "hundred",
                                         "mn", "bn", "km", "kg", "mw", "gw", "kw", "kwh", "mwh", "twh", "tonnes", "tons",
                                         "barrels", "bpd", "people", "persons", "workers", "jobs", "employees", "staff",
                                         "units", "cars", "vehicles", "aircraft", "planes", "passengers", "troops",
                                         "soldiers", "points", "shares", "dollars", "euros", "pounds", "yuan", "rubles",
                                         "feet", "ft", "metres", "meters", "miles", "acres", "hectares", "times", "votes",
                                         "members", "students", "pages", "words", "copies", "items", "households",
                                         "hours", "minutes", "seconds", "km2", "m", "cc", "hp", "rpm", "lbs", "kilograms",
                                         "square", "cubic", "deaths", "cases", "calories", "mg", "ml", "bytes", "pixels",
                                         "ships", "vessels", "containers", "teu", "tanks", "missiles", "drones", "rounds"});
      if (quantities.contains(word_text(i + 1))) return false;
    }
  }
  return true;
}

// A count: digits (1-3) or English number words ("twenty-five"); -2 for "several", "few", "many".
int DateScanner::number_at(std::size_t i, std::size_t& end) const {
  const std::vector<Token>& t = *tokens_;
  if (i >= t.size()) return -1;
  if (t[i].kind == TokenKind::number) {
    if (t[i].digits > 3) return -1;
    if (i > 0 && glued(i) && (t[i - 1].kind == TokenKind::number || t[i - 1].kind == TokenKind::word ||
                              (t[i - 1].kind == TokenKind::punct && (t[i - 1].value == '.' || t[i - 1].value == ',' || t[i - 1].value == '$'))))
      return -1;
    if (i + 2 < t.size() && glued(i + 1) && (punct(i + 1, '.') || punct(i + 1, ',')) && glued(i + 2) && t[i + 2].kind == TokenKind::number)
      return -1;  // 2.5, 1,500
    end = i + 1;
    return digits_value(t[i]);
  }
  if (t[i].kind != TokenKind::word || t[i].word.cls != WordClass::number_word) return -1;
  int v = t[i].word.value;
  if (v < 0) { end = i + 1; return -2; }
  end = i + 1;
  if (v >= 20 && v % 10 == 0 && v < 100) {
    std::size_t j = i + 1;
    if (dash(j) && glued(j) && glued(j + 1)) ++j;
    if (is(j, WordClass::number_word) && t[j].word.value > 0 && t[j].word.value < 10) { v += t[j].word.value; end = j + 1; }
  }
  return v;
}

Tense DateScanner::tense_around(std::size_t first, std::size_t end) const {
  return tense_cues(text_, *tokens_, first, end).tense;
}

// ---------------------------------------------------------------------------------------------
// Resolution against the document date

void DateScanner::resolve(Point& p, std::size_t first, std::size_t end) {
  if (!settings_.has_document_date && (narrative_year_ == 0 || p.weekday_only)) return;
  // With no document date, a narrative year stands in for it (its 1 July, to compare months).
  const CivilDate dct = settings_.has_document_date ? settings_.document_date : CivilDate{narrative_year_, 7, 1};
  if (p.weekday_only) {
    std::int64_t today = day_number(dct.year, dct.month, dct.day);
    int delta = p.stated_weekday - weekday_of(today);
    Tense tense = tense_around(first, end);
    if (tense == Tense::future) { if (delta < 0) delta += 7; }
    else if (delta > 0) delta -= 7;
    CivilDate d = civil_from_day_number(today + delta);
    p.year = d.year; p.month = d.month; p.day = d.day;
    p.weekday_only = false;
    p.anchored = true;
    p.stated_weekday = -1;  // the weekday is the date here, not a claim about one
    return;
  }
  if (!p.needs_year) return;
  int position = 0, now = 0;  // months since year 0, compared with the document date's
  if (p.g == Granularity::quarter) { position = (p.part - 1) * 3 + 1; now = (dct.month - 1) / 3 * 3 + 1; }
  else if (p.g == Granularity::half) { position = (p.part - 1) * 6 + 1; now = dct.month <= 6 ? 1 : 7; }
  else if (p.g == Granularity::season) { position = p.part * 3; now = dct.month; }
  else { position = p.month; now = dct.month; }
  Tense tense = tense_around(first, end);
  int diff = position - now;
  int year = dct.year;
  // A text that narrates another period ("Washington, 2nd March 1864 … your dispatch of
  // February 11th") dates its year-less days by the last full date it gave, not by the
  // document's own date.
  if (narrative_year_ > 0 && (!settings_.has_document_date || narrative_year_ < dct.year - 1 || narrative_year_ > dct.year + 1)) {
    year = narrative_year_;
    tense = Tense::unknown;
    diff = 0;
  }
  if (tense == Tense::past) { if (diff > 0) year -= 1; }
  else if (tense == Tense::future) { if (diff < 0) year += 1; }
  else if (diff > 6) year -= 1;
  else if (diff < -6) year += 1;
  // "Friday, June 6" names its year through the weekday: a reader takes the nearby year (near
  // the document date, or near the last full date the text gave) in which June 6 is a Friday,
  // so the year-less date is only wrong when no such year is near.
  if (p.g == Granularity::day && p.stated_weekday >= 0 && is_valid_date(year, p.month, p.day) &&
      weekday_of(day_number(year, p.month, p.day)) != p.stated_weekday) {
    int told = narrative_year_ > 0 ? narrative_year_ : year;  // the year the text last wrote out in full
    for (int candidate : {year - 1, year + 1, told, told - 1, told + 1})
      if (is_valid_date(candidate, p.month, p.day) && weekday_of(day_number(candidate, p.month, p.day)) == p.stated_weekday) {
        year = candidate;
        break;
      }
  }
  p.year = year;
  p.needs_year = false;
  p.anchored = true;
}

// ---------------------------------------------------------------------------------------------
// Number-led patterns

bool DateScanner::match_numeric_date(std::size_t i, Match& m) {
  const std::vector<Token>& t = *tokens_;
  if (i + 4 >= t.size()) return false;
  const Token& a = t[i];
  if (a.kind != TokenKind::number || !(a.digits <= 2 || a.digits == 4)) return false;
  if (t[i + 1].kind != TokenKind::punct || !glued(i + 1)) return false;
  char32_t sep = t[i + 1].value;
  bool dashed = is_dash(sep);
  if (sep != '.' && sep != '/' && !(dashed && sep == '-')) return false;
  if (t[i + 2].kind != TokenKind::number || !glued(i + 2) || t[i + 2].digits > 2) return false;
  if (t[i + 3].kind != TokenKind::punct || t[i + 3].value != sep || !glued(i + 3)) return false;
  if (t[i + 4].kind != TokenKind::number || !glued(i + 4)) return false;
  if (i > 0 && glued(i)) {
    const Token& prev = t[i - 1];
    if (prev.kind == TokenKind::word || prev.kind == TokenKind::number) return false;
    if (prev.kind == TokenKind::punct && (prev.value == '.' || prev.value == '/' || prev.value == ',' || prev.value == ':' || is_dash(prev.value)))
      return false;
  }
  if (i + 5 < t.size() && glued(i + 5)) {
    const Token& next = t[i + 5];
    if (next.kind == TokenKind::word || next.kind == TokenKind::number) return false;
    if (next.kind == TokenKind::punct && (next.value == sep || next.value == '.' || next.value == '/' || next.value == ':' || is_dash(next.value)) &&
        i + 6 < t.size() && glued(i + 6) && t[i + 6].kind == TokenKind::number)
      return false;
  }
  int x = digits_value(a), y = digits_value(t[i + 2]), z = digits_value(t[i + 4]);
  Point p;
  p.g = Granularity::day;
  p.explicit_year = true;
  p.separator = static_cast<char>(sep);
  if (a.digits == 4) {
    if (sep == '.' || t[i + 4].digits > 2) return false;
    if (x < 1000 || x > 2199 || y < 1 || y > 12 || z < 1 || z > 31) return false;
    p.year = x; p.month = y; p.day = z;
    p.style = DateStyle::iso;
  } else {
    int year = z;
    if (t[i + 4].digits == 2) {
      if (sep != '/') return false;
      int pivot = settings_.has_document_date ? settings_.document_date.year % 100 + 10 : 30;
      year = z <= pivot ? 2000 + z : 1900 + z;
    } else if (t[i + 4].digits != 4 || z < 1000 || z > 2199) {
      return false;
    }
    if (x < 1 || y < 1 || x > 31 || y > 31) return false;
    p.year = year;
    if (sep == '.') {
      if (y > 12) return false;
      p.day = x; p.month = y;
      p.style = DateStyle::dotted;
    } else if (x > 12 && y > 12) {
      return false;
    } else if (x > 12) {
      p.day = x; p.month = y; p.style = DateStyle::slash_day_first;
    } else if (y > 12) {
      p.month = x; p.day = y; p.style = DateStyle::slash_month_first;
    } else if (x == y) {
      p.day = x; p.month = y;
    } else {
      bool day_first = settings_.order != NumericOrder::month_first;
      p.day = day_first ? x : y;
      p.month = day_first ? y : x;
      p.style = day_first ? DateStyle::slash_day_first : DateStyle::slash_month_first;
      if (settings_.order == NumericOrder::automatic) {
        p.ambiguous = true;
        p.style = DateStyle::none;
      }
      p.na = x; p.nb = y;
    }
  }
  if (!is_valid_date(p.year, p.month, p.day)) {
    p.impossible = true;
    p.style = DateStyle::none;
  }
  m.begin = i;
  m.end = i + 5;
  m.p = p;
  return true;
}

bool DateScanner::match_time(std::size_t i, Match& m) {
  const std::vector<Token>& t = *tokens_;
  const Token& a = t[i];
  if (a.kind != TokenKind::number) return false;
  if (i > 0 && glued(i) && (t[i - 1].kind == TokenKind::number || t[i - 1].kind == TokenKind::word ||
                            (t[i - 1].kind == TokenKind::punct && (t[i - 1].value == ':' || t[i - 1].value == '.' || t[i - 1].value == ','))))
    return false;
  int hour = -1, minute = 0;
  std::size_t j = i + 1;
  bool clock = false;
  if (a.digits <= 2 && punct(i + 1, ':') && glued(i + 1) && i + 2 < t.size() && t[i + 2].kind == TokenKind::number &&
      glued(i + 2) && t[i + 2].digits == 2) {
    hour = digits_value(a);
    minute = digits_value(t[i + 2]);
    if (hour > 24 || minute > 59) return false;
    j = i + 3;
    if (punct(j, ':') && glued(j) && j + 1 < t.size() && t[j + 1].kind == TokenKind::number && t[j + 1].digits == 2) j += 2;
    if (j < t.size() && glued(j) && (t[j].kind == TokenKind::number || (punct(j, '.') && j + 1 < t.size() && glued(j + 1) && t[j + 1].kind == TokenKind::number)))
      return false;
    clock = true;
  } else if (a.digits <= 2) {
    hour = digits_value(a);
    if (hour < 1 || hour > 12) return false;
  } else if (a.digits == 4) {
    hour = digits_value(a) / 100;
    minute = digits_value(a) % 100;
    if (hour > 23 || minute > 59) return false;
  } else {
    return false;
  }
  // a.m. / p.m. / am / pm
  int meridiem = 0;
  if (is(j, WordClass::meridiem)) { meridiem = t[j].word.value; ++j; if (punct(j, '.') && glued(j)) ++j; }
  else if ((word_is(j, "a") || word_is(j, "p")) && punct(j + 1, '.') && glued(j + 1) && word_is(j + 2, "m") && glued(j + 2)) {
    meridiem = word_is(j, "a") ? 1 : 2;
    j += 3;
    if (punct(j, '.') && glued(j)) ++j;
  }
  bool zone = false, utc = false;
  if (is(j, WordClass::time_zone) && t[j].upper) { zone = true; utc = t[j].word.value == 0; ++j; }
  if (!clock && !meridiem && !(a.digits == 4 && zone)) return false;
  if (!clock && a.digits <= 2 && !meridiem) return false;
  if (meridiem == 2 && hour < 12) hour += 12;
  if (meridiem == 1 && hour == 12) hour = 0;
  Point p;
  p.g = Granularity::day;
  p.hour = hour;
  p.minute = minute;
  p.utc = utc;
  std::size_t end = j;
  if (is(j, WordClass::day_word) && t[j].word.value != 2) {
    p.day = t[j].word.value;  // offset from the document date, applied below
    end = j + 1;
  } else if (is(j, WordClass::weekday) && t[j].upper && !t[j].word.abbreviation) {
    p.weekday_only = true;
    p.stated_weekday = t[j].word.value;
    end = j + 1;
  }
  if (!p.weekday_only) {
    int offset = p.day;
    p.day = 0;
    if (settings_.has_document_date) {
      const CivilDate& dct = settings_.document_date;
      CivilDate d = civil_from_day_number(day_number(dct.year, dct.month, dct.day) + offset);
      p.year = d.year; p.month = d.month; p.day = d.day;
      p.anchored = true;
    }
  } else {
    resolve(p, i, end);
  }
  m.begin = i;
  m.end = end;
  m.type = TimexType::time;
  m.p = p;
  return true;
}

bool DateScanner::match_day_month(std::size_t i, Match& m, bool allow_range) {
  const std::vector<Token>& t = *tokens_;
  const Token& a = t[i];
  if (a.kind != TokenKind::number || a.digits > 2) return false;
  if (i > 0 && glued(i) && (t[i - 1].kind == TokenKind::number || t[i - 1].kind == TokenKind::word ||
                            (t[i - 1].kind == TokenKind::punct && (t[i - 1].value == '.' || t[i - 1].value == ',' || t[i - 1].value == '$'))))
    return false;
  int day = digits_value(a);
  if (day < 1 || day > 39) return false;
  std::size_t j = i + 1;
  int range_end_day = 0;
  if (allow_range && dash(j) && j + 1 < t.size() && t[j + 1].kind == TokenKind::number && t[j + 1].digits <= 2) {
    range_end_day = digits_value(t[j + 1]);
    if (range_end_day <= day || range_end_day > 31) return false;
    j += 2;
  }
  if (j < t.size() && glued(j) && t[j].kind == TokenKind::word && t[j].word.cls == WordClass::none &&
      (word_is(j, "st") || word_is(j, "nd") || word_is(j, "rd") || word_is(j, "th")))
    ++j;
  bool of_form = false;
  if (word_is(j, "of") && is(j + 1, WordClass::month)) { ++j; of_form = true; }
  if (!is(j, WordClass::month) || !t[j].upper) return false;
  int month = t[j].word.value;
  std::size_t k = skip_abbreviation_dot(j + 1);
  Point p;
  p.g = Granularity::day;
  p.month = month;
  p.day = day;
  // "the 11th of July" is a spoken form used beside "July 11" everywhere: not a house style
  p.style = of_form ? DateStyle::none : DateStyle::day_month;
  std::size_t after = k;
  if (punct(after, ',')) ++after;
  int year = 0;
  std::size_t end = k;
  if (year_at(after, year, true)) {
    p.year = year;
    p.explicit_year = true;
    end = after + 1;
  } else if (punct(k, ',') || true) {
    p.needs_year = true;
  }
  // "30 April – 2 May 2024": a second day-month after a dash carries the year.
  Match second;
  bool cross = false;
  if (allow_range && !range_end_day && !p.explicit_year && dash(k) && match_day_month(k + 1, second, false) && second.p.explicit_year) {
    cross = true;
    p.year = second.p.year;
    p.explicit_year = true;
    p.needs_year = false;
  }
  if (day > 31 || (p.year != unknown_year && !is_valid_date(p.year, month, day)) || day > days_in_month(2024, month)) {
    if (p.year == unknown_year && day > days_in_month(2024, month) && day > 31) return false;
    if (p.year == unknown_year && day <= days_in_month(2024, month)) {
      // 29 February without a year: a leap day of some year, not an error
    } else {
      p.impossible = true;
      p.style = DateStyle::none;
    }
  }
  m.begin = i;
  m.end = end;
  m.p = p;
  if (range_end_day) {
    m.shape = Match::Shape::range;
    m.q = p;
    m.q.day = range_end_day;
    m.q.stated_weekday = -1;
    if (p.year != unknown_year && !is_valid_date(p.year, month, range_end_day)) { m.q.impossible = true; m.p.impossible = true; }
  } else if (cross) {
    m.shape = Match::Shape::range;
    m.q = second.p;
    m.end = second.end;
  }
  return true;
}

bool DateScanner::match_year_forms(std::size_t i, Match& m) {
  const std::vector<Token>& t = *tokens_;
  // '82 and '90s
  if (t[i].kind == TokenKind::punct && is_apostrophe(t[i].value)) {
    if (i + 1 >= t.size() || !glued(i + 1) || t[i + 1].kind != TokenKind::number || t[i + 1].digits != 2) return false;
    if (i > 0 && glued(i) && t[i - 1].kind == TokenKind::word) return false;
    // "iLife '11", "Windows '95": a product's version, not a year
    if (i > 0 && t[i - 1].kind == TokenKind::word && t[i - 1].word.cls == WordClass::none) return false;
    int yy = digits_value(t[i + 1]);
    int current = settings_.has_document_date ? settings_.document_date.year % 100 : 30;
    int century = yy <= current + 10 ? 20 : 19;  // '11 in 2010 is 2011
    if (word_is(i + 2, "s") && glued(i + 2)) {
      if (yy % 10) return false;
      m.begin = i; m.end = i + 3;
      m.p.g = Granularity::decade;
      m.p.part = (yy <= current ? 20 : 19) * 10 + yy / 10;
      return true;
    }
    if (i + 2 < t.size() && glued(i + 2) && (t[i + 2].kind == TokenKind::word || t[i + 2].kind == TokenKind::number)) return false;
    m.begin = i; m.end = i + 2;
    m.p.g = Granularity::year;
    m.p.year = century * 100 + yy;
    m.p.explicit_year = true;
    return true;
  }
  if (t[i].kind != TokenKind::number) return false;
  // 80s, 1990s, 1990's
  if (t[i].digits == 4 || t[i].digits == 2) {
    std::size_t s = i + 1;
    if (i + 2 < t.size() && punct(i + 1, '\'') && glued(i + 1)) s = i + 2;
    if (word_is(s, "s") && glued(s) && digits_value(t[i]) % 10 == 0 && !(i > 0 && glued(i) && t[i - 1].kind == TokenKind::word)) {
      int v = digits_value(t[i]);
      if (t[i].digits == 4 && (v < 1000 || v > 2190)) return false;
      int current = settings_.has_document_date ? settings_.document_date.year % 100 : 30;
      m.begin = i; m.end = s + 1;
      m.p.g = Granularity::decade;
      m.p.part = t[i].digits == 4 ? v / 10 : (v <= current ? 200 : 190) + v / 10;
      return true;
    }
  }
  int year = 0;
  if (!bare_year_ok(i)) return false;
  year_at(i, year);
  // 2019–2020, 2019-20, 2019/20, 2019 to 2021; 2024-07 (ISO month)
  std::size_t j = i + 1;
  bool joiner = (dash(j) || (punct(j, '/') && glued(j) && glued(j + 1))) || (word_is(j, "to") && i > 0 && !is(i - 1, WordClass::signal));
  if (joiner && j + 1 < t.size() && t[j + 1].kind == TokenKind::number) {
    int second = 0;
    if (t[j + 1].digits == 4 && year_at(j + 1, second) && second > year && second <= year + 100) {
      m.begin = i; m.end = j + 2;
      m.first_begin = i; m.first_end = i + 1; m.second_begin = j + 1; m.second_end = j + 2;
      m.shape = Match::Shape::range;
      m.p.g = m.q.g = Granularity::year;
      m.p.year = year; m.q.year = second;
      m.p.explicit_year = m.q.explicit_year = true;
      return true;
    }
    if (t[j + 1].digits == 2 && glued(j) && glued(j + 1) && !(j + 2 < t.size() && glued(j + 2) && t[j + 2].kind != TokenKind::punct)) {
      int yy = digits_value(t[j + 1]);
      if (yy > year % 100 && yy <= year % 100 + 20) {
        m.begin = i; m.end = j + 2;
        m.shape = Match::Shape::range;
        m.p.g = m.q.g = Granularity::year;
        m.p.year = year; m.q.year = year - year % 100 + yy;
        m.p.explicit_year = m.q.explicit_year = true;
        return true;
      }
      if (dash(j) && t[j].value == '-' && t[j + 1].begin + 2 == t[j + 1].end && text_[t[j + 1].begin] == '0' && yy >= 1 && yy <= 12) {
        m.begin = i; m.end = j + 2;
        m.p.g = Granularity::month;
        m.p.year = year; m.p.month = yy;
        m.p.explicit_year = true;
        return true;
      }
      return false;
    }
  }
  m.begin = i;
  m.end = i + 1;
  m.p.g = Granularity::year;
  m.p.year = year;
  m.p.explicit_year = true;
  return true;
}

// Durations ("75 years", "12-year", "six straight days"), and "two weeks ago", "a year earlier".
bool DateScanner::match_amount(std::size_t i, Match& m) {
  const std::vector<Token>& t = *tokens_;
  std::size_t j = i;
  int count = -1;
  if (is(i, WordClass::article) && t[i].word.value == 2) {  // a / an
    j = i + 1;
    if (word_is(j, "few") || word_is(j, "couple")) {
      count = -2;
      j += word_is(j, "couple") && word_is(j + 1, "of") ? 2 : 1;
    } else {
      count = 1;
    }
  } else {
    count = number_at(i, j);
    if (count == -1) return false;
    if (count == 0 || count > 999) return false;
  }
  bool hyphenated = false;
  if (dash(j) && glued(j) && glued(j + 1) && count > 0) { hyphenated = true; ++j; }
  else
    while (j < t.size() && t[j].kind == TokenKind::word &&
           (word_is(j, "straight") || word_is(j, "consecutive") || word_is(j, "successive") || word_is(j, "trading") ||
            word_is(j, "full") || word_is(j, "more") || word_is(j, "additional") || word_is(j, "further") ||
            word_is(j, "working") || word_is(j, "business") || word_is(j, "calendar") || word_is(j, "whole")) && j < i + 4)
      ++j;
  if (!is(j, WordClass::unit)) return false;
  Unit unit = static_cast<Unit>(t[j].word.value);
  bool plural = t[j].word.plural;
  if (unit == Unit::half) return false;
  if (unit == Unit::quarter && j == i + 1 && word_is(j + 1, "of")) return false;  // "a quarter of its dealers"
  // "a four day rally": a singular unit after a count > 1 is a compound adjective
  bool compound = !hyphenated && count > 1 && !plural && j + 1 < t.size() && t[j + 1].kind == TokenKind::word &&
                  !t[j + 1].upper && t[j + 1].word.cls == WordClass::none;
  if (compound) hyphenated = true;
  else if (hyphenated ? plural : (count == 1 ? plural : !plural)) return false;
  std::size_t end = j + 1;
  if (hyphenated && dash(end) && glued(end) && word_is(end + 1, "old")) end += 2;
  m.begin = i;
  m.end = end;
  m.type = TimexType::duration;
  m.shape = Match::Shape::literal;
  m.literal = duration_value(unit, count < 0 ? -1 : count);
  if (hyphenated || count < 0) return true;
  // "two weeks ago", "a year earlier", "three days later"
  int sign = 0;
  bool from_reference = false;
  if (is(end, WordClass::ago)) sign = -1;
  else if (is(end, WordClass::relative_shift) && !word_is(end + 1, "than")) { sign = t[end].word.value; from_reference = true; }
  if (!sign) return true;
  m.end = end + 1;
  m.type = TimexType::date;
  if (unit == Unit::hour || unit == Unit::minute) { m.type = TimexType::time; m.literal = "XXXX-XX-XXTXX:XX"; return true; }
  CivilDate base;
  Granularity base_g = Granularity::day;
  if (from_reference && has_reference_) { base = reference_; base_g = reference_granularity_; }
  else if (settings_.has_document_date) base = settings_.document_date;
  else { m.literal = "XXXX-XX-XX"; return true; }
  if (base.month == 0) base.month = 1;
  if (base.day == 0) base.day = 1;
  Point p;
  p.anchored = true;
  int n = count * sign;
  switch (unit) {
    case Unit::day: case Unit::week: case Unit::fortnight: case Unit::weekend: {
      int days = unit == Unit::day ? n : unit == Unit::fortnight ? 14 * n : 7 * n;
      CivilDate d = civil_from_day_number(day_number(base.year, base.month, base.day) + days);
      p.g = Granularity::day; p.year = d.year; p.month = d.month; p.day = d.day;
      break;
    }
    case Unit::month: {
      CivilDate d = add_months(base, n);
      p.g = Granularity::month; p.year = d.year; p.month = d.month;
      break;
    }
    case Unit::quarter: {
      CivilDate d = add_months(base, 3 * n);
      p.g = Granularity::quarter; p.year = d.year; p.part = (d.month - 1) / 3 + 1;
      break;
    }
    case Unit::year: case Unit::decade: case Unit::century: {
      int years = unit == Unit::year ? n : unit == Unit::decade ? 10 * n : 100 * n;
      p.year = base.year + years;
      p.g = Granularity::year;
      // "the same period a year earlier" keeps the reference's month
      if (from_reference && (base_g == Granularity::month) && unit == Unit::year) { p.g = Granularity::month; p.month = base.month; }
      break;
    }
    default: return true;
  }
  m.shape = Match::Shape::point;
  m.p = p;
  return true;
}

bool DateScanner::match_number(std::size_t i, Match& m) {
  if (match_numeric_date(i, m)) return true;
  m = Match{};
  if (match_time(i, m)) return true;
  m = Match{};
  if (match_day_month(i, m, true)) return true;
  m = Match{};
  if (match_year_forms(i, m)) return true;
  m = Match{};
  return match_amount(i, m);
}

// ---------------------------------------------------------------------------------------------
// Word-led patterns

bool DateScanner::match_month_led(std::size_t i, Match& m, bool need_context, bool allow_range) {
  const std::vector<Token>& t = *tokens_;
  if (!is(i, WordClass::month) || !t[i].upper) return false;
  if (t[i].end - t[i].begin > 3 && t[i].word.abbreviation == false) {
    // all-caps words ("MAY") are accepted; mixed case other than Capitalised is not a month
  }
  int month = t[i].word.value;
  bool abbreviation = t[i].word.abbreviation;
  std::size_t j = skip_abbreviation_dot(i + 1);
  Point p;
  p.month = month;
  int year = 0;
  // Month D[, YYYY], Month D–D, YYYY
  if (j < t.size() && t[j].kind == TokenKind::number && t[j].digits <= 2 && !(j + 1 < t.size() && glued(j + 1) && (punct(j + 1, ':') || punct(j + 1, '%') || t[j + 1].kind == TokenKind::number))) {
    int day = digits_value(t[j]);
    if (day < 1 || day > 39) return false;
    std::size_t k = j + 1;
    int range_end_day = 0;
    if (allow_range && dash(k) && k + 1 < t.size() && t[k + 1].kind == TokenKind::number && t[k + 1].digits <= 2) {
      range_end_day = digits_value(t[k + 1]);
      if (range_end_day <= day || range_end_day > 31) range_end_day = 0;
      else k += 2;
    }
    if (k < t.size() && glued(k) && (word_is(k, "st") || word_is(k, "nd") || word_is(k, "rd") || word_is(k, "th"))) ++k;
    if (k < t.size() && glued(k) && (t[k].kind == TokenKind::word || t[k].kind == TokenKind::number)) return false;
    p.g = Granularity::day;
    p.day = day;
    p.style = DateStyle::month_day;
    std::size_t end = k;
    std::size_t after = punct(k, ',') ? k + 1 : k;
    if (year_at(after, year, true)) {
      p.year = year;
      p.explicit_year = true;
      end = after + 1;
    } else {
      if (day > 31) return false;
      p.needs_year = true;
    }
    if (p.year != unknown_year ? !is_valid_date(p.year, month, day) : day > days_in_month(2024, month)) {
      p.impossible = true;
      p.style = DateStyle::none;
    }
    m.begin = i;
    m.end = end;
    m.p = p;
    if (range_end_day) {
      m.shape = Match::Shape::range;
      m.q = p;
      m.q.day = range_end_day;
    }
    return true;
  }
  // Month YYYY, Month of YYYY, Month of next year, Month–Month YYYY
  std::size_t y = word_is(j, "of") ? j + 1 : j;
  if (y > j && (is(y, WordClass::modifier) || word_is(y, "the"))) {
    Point anchor;
    std::size_t anchor_end = 0;
    if (match_period_anchor(y, anchor, anchor_end) && anchor.g == Granularity::year) {
      p.g = Granularity::month;
      p.year = anchor.year;
      p.anchored = true;
      m.begin = i;
      m.end = anchor_end;
      m.p = p;
      return true;
    }
  }
  if (year_at(y, year, true)) {
    p.g = Granularity::month;
    p.year = year;
    p.explicit_year = true;
    m.begin = i;
    m.end = y + 1;
    m.p = p;
    return true;
  }
  if (abbreviation) return false;
  if (allow_range && dash(j) && is(j + 1, WordClass::month) && t[j + 1].upper && !t[j + 1].word.abbreviation && year_at(j + 2, year)) {
    p.g = Granularity::month;
    p.year = year;
    p.explicit_year = true;
    m.begin = i;
    m.end = j + 3;
    m.shape = Match::Shape::range;
    m.p = p;
    m.q = p;
    m.q.month = t[j + 1].word.value;
    if (m.q.month < m.p.month) m.p.year = year - 1;
    return true;
  }
  if (need_context) {
    if (i == 0) return false;
    bool ok = false;
    const Token& prev = t[i - 1];
    if (prev.kind == TokenKind::word && prev.word.cls == WordClass::signal) {
      Signal s = static_cast<Signal>(prev.word.value);
      ok = s == Signal::in || s == Signal::since || s == Signal::by || s == Signal::until || s == Signal::during ||
           s == Signal::before || s == Signal::after || s == Signal::through || s == Signal::from || s == Signal::around;
      if ((s == Signal::and_ || s == Signal::to) && i >= 2 && is(i - 2, WordClass::month)) ok = true;
      if (s == Signal::of && i >= 2 && word_is(i - 2, "as")) ok = true;  // "as of February"
    }
    // "their January sales", "the March meeting"
    static const WordSet determiners({"the", "their", "its", "his", "her", "our", "whose"});
    if (determiners.contains(word_text(i - 1)) && !t[i - 1].upper) ok = true;
    if (word_is(i - 1, "or") && i >= 2 && is(i - 2, WordClass::month)) ok = true;
    if (!ok) return false;
    if (month == 5 && (is(i + 1, WordClass::none) && !t[i + 1].upper && t[i + 1].kind == TokenKind::word)) return false;  // "in May be"
  }
  p.g = Granularity::month;
  p.needs_year = true;
  m.begin = i;
  m.end = j;
  m.p = p;
  return true;
}

bool DateScanner::match_full_date(std::size_t i, Match& m) {
  m = Match{};
  if (i >= tokens_->size()) return false;
  if (match_numeric_date(i, m) && m.p.g == Granularity::day) return true;
  m = Match{};
  if (match_day_month(i, m, false) && m.p.g == Granularity::day) return true;
  m = Match{};
  if (match_month_led(i, m, false, false) && m.p.g == Granularity::day) return true;
  m = Match{};
  return false;
}

bool DateScanner::match_weekday(std::size_t i, Match& m) {
  const std::vector<Token>& t = *tokens_;
  if (!is(i, WordClass::weekday) || !t[i].upper) return false;
  bool abbreviation = t[i].word.abbreviation;
  std::size_t j = skip_abbreviation_dot(i + 1);
  std::size_t k = j;
  if (punct(k, ',')) ++k;
  if (word_is(k, "the")) ++k;
  Match date;
  if (match_full_date(k, date)) {
    m = date;
    m.begin = i;
    m.p.stated_weekday = t[i].word.value;
    m.p.weekday_span = {t[i].begin, t[i].end};
    return true;
  }
  if (abbreviation) return false;
  if (i > 0 && t[i - 1].kind == TokenKind::word && t[i - 1].upper && is_weekday_exception(word_text(i - 1))) return false;
  if (i + 1 < t.size() && glued(i + 1) && (t[i + 1].kind == TokenKind::word || t[i + 1].kind == TokenKind::number)) return false;
  Point p;
  p.g = Granularity::day;
  p.weekday_only = true;
  p.stated_weekday = t[i].word.value;
  m.begin = i;
  m.end = j;
  if (is(j, WordClass::day_part) && t[j].word.value <= 4) {
    p.day_part = t[j].word.value;
    m.end = j + 1;
    m.type = TimexType::time;
  }
  resolve(p, i, m.end);
  m.p = p;
  return true;
}

bool DateScanner::match_relative_word(std::size_t i, Match& m) {
  const std::vector<Token>& t = *tokens_;
  const Token& w = t[i];
  std::size_t start = i;
  if (w.word.cls == WordClass::relative_shift) {
    if (!(is(i + 1, WordClass::day_word) && t[i + 1].word.value == 0)) return false;
    ++i;  // "earlier today"
  }
  const Token& x = t[i];
  m.begin = start;
  m.end = i + 1;
  switch (x.word.cls) {
    case WordClass::day_word: {
      if (i + 1 < t.size() && glued(i + 1) && dash(i + 1)) return false;
      int offset = x.word.value == 2 ? 0 : x.word.value;
      bool today = x.word.value == 0;
      if (today && start == i) {
        // "is today criticized", "today's economy": the present, not the document's day
        bool generic = false;
        static const WordSet auxiliaries({"is", "are", "was", "were", "has", "have"});
        if (i > 0 && auxiliaries.contains(word_text(i - 1))) generic = true;
        if (i + 1 < t.size() && t[i + 1].kind == TokenKind::punct && is_apostrophe(t[i + 1].value) && word_is(i + 2, "s")) generic = true;
        if (generic) { m.shape = Match::Shape::literal; m.literal = "PRESENT_REF"; return true; }
      }
      Point p;
      p.g = Granularity::day;
      if (x.word.value == 2) { p.day_part = 4; m.type = TimexType::time; }
      else if (is(i + 1, WordClass::day_part) && t[i + 1].word.value <= 4) { p.day_part = t[i + 1].word.value; m.type = TimexType::time; m.end = i + 2; }
      if (settings_.has_document_date) {
        const CivilDate& dct = settings_.document_date;
        CivilDate d = civil_from_day_number(day_number(dct.year, dct.month, dct.day) + offset);
        p.year = d.year; p.month = d.month; p.day = d.day;
        p.anchored = true;
      }
      m.p = p;
      return true;
    }
    case WordClass::present_ref:
      if (i + 1 < t.size() && glued(i + 1) && dash(i + 1)) return false;  // "now-cancelled"
      m.shape = Match::Shape::literal;
      m.literal = "PRESENT_REF";
      return true;
    case WordClass::past_ref:
      m.shape = Match::Shape::literal;
      m.literal = "PAST_REF";
      return true;
    case WordClass::set_word: {
      if (i + 1 < t.size() && glued(i + 1) && dash(i + 1)) return false;
      m.shape = Match::Shape::literal;
      m.type = TimexType::set;
      m.literal = duration_value(static_cast<Unit>(x.word.value), 1);
      return true;
    }
    default: return false;
  }
}

// A period a modifier or part can attach to: "2023", "June [2024]", "this/last/next year".
bool DateScanner::match_period_anchor(std::size_t i, Point& p, std::size_t& end) {
  const std::vector<Token>& t = *tokens_;
  Match inner;
  int year = 0;
  if (year_at(i, year)) {
    p = Point{};
    p.g = Granularity::year;
    p.year = year;
    p.explicit_year = true;
    end = i + 1;
    return true;
  }
  if (is(i, WordClass::month) && t[i].upper && match_month_led(i, inner, false, false) && inner.p.g == Granularity::month) {
    p = inner.p;
    end = inner.end;
    return true;
  }
  std::size_t k = word_is(i, "the") ? i + 1 : i;
  if (is(k, WordClass::modifier) || (k > i && is(k, WordClass::unit))) {
    Match relative;
    if (k > i && is(k, WordClass::unit) && !t[k].word.plural && settings_.has_document_date) {
      // "the end of the year": the document's year (month, week)
      Unit unit = static_cast<Unit>(t[k].word.value);
      const CivilDate& dct = settings_.document_date;
      p = Point{};
      p.anchored = true;
      p.year = dct.year;
      if (unit == Unit::year) p.g = Granularity::year;
      else if (unit == Unit::month) { p.g = Granularity::month; p.month = dct.month; }
      else return false;
      end = k + 1;
      return true;
    }
    if (is(k, WordClass::modifier) && match_modifier(k, relative, i) && relative.shape == Match::Shape::point &&
        (relative.p.g == Granularity::year || relative.p.g == Granularity::month)) {
      p = relative.p;
      end = relative.end;
      return true;
    }
  }
  return false;
}

bool DateScanner::match_part(std::size_t i, Match& m, std::size_t span_begin) {
  const std::vector<Token>& t = *tokens_;
  Part part = static_cast<Part>(t[i].word.value);
  int mod = static_cast<int>(part == Part::beginning ? Part::early : part == Part::end ? Part::late : part);
  std::size_t j = i + 1;
  if (part == Part::end || part == Part::beginning || (part == Part::mid && word_is(i, "middle"))) {
    if (dash(j) && glued(j) && part == Part::end) ++j;  // end-2022
    else if (word_is(j, "of")) ++j;
    else return false;
  } else if (dash(j) && glued(j) && glued(j + 1)) {
    ++j;  // mid-2023
  } else if (!t[i].upper && i > span_begin) {
    // "the late 1990s" is handled by the decade; nothing else follows an article here
  }
  Point p;
  std::size_t end = 0;
  if (j < t.size() && t[j].kind == TokenKind::number && t[j].digits == 4) {
    Match decade;
    if (match_year_forms(j, decade) && decade.p.g == Granularity::decade) {
      m = decade;
      m.begin = span_begin;
      m.p.mod = mod;
      return true;
    }
  }
  if (!match_period_anchor(j, p, end)) return false;
  if (p.needs_year) resolve(p, span_begin, end);
  p.mod = mod;
  m.begin = span_begin;
  m.end = end;
  m.p = p;
  return true;
}

bool DateScanner::match_ordinal_period(std::size_t i, Match& m, std::size_t span_begin) {
  const std::vector<Token>& t = *tokens_;
  int n = 0;
  std::size_t j = i;
  if (is(i, WordClass::ordinal)) { n = t[i].word.value; j = i + 1; }
  else if (is(i, WordClass::modifier) && (t[i].word.value == static_cast<int>(Modifier::last))) return false;
  else return false;
  if (dash(j) && glued(j) && glued(j + 1)) ++j;
  if (!is(j, WordClass::unit) || t[j].word.plural) return false;
  Unit unit = static_cast<Unit>(t[j].word.value);
  Point p;
  if (unit == Unit::quarter && n >= 1 && n <= 4) p.g = Granularity::quarter;
  else if (unit == Unit::half && n >= 1 && n <= 2) p.g = Granularity::half;
  else return false;
  p.part = n;
  std::size_t end = j + 1;
  int year = 0;
  Point anchor;
  std::size_t anchor_end = 0;
  if (word_is(end, "of") && match_period_anchor(end + 1, anchor, anchor_end) && anchor.g == Granularity::year) {
    p.year = anchor.year;
    p.explicit_year = anchor.explicit_year;
    p.anchored = anchor.anchored;
    end = anchor_end;
  } else if (year_at(end, year)) {
    p.year = year;
    p.explicit_year = true;
    end = end + 1;
  } else if (is(end, WordClass::modifier) && (word_is(end, "last") || word_is(end, "this") || word_is(end, "next")) &&
             word_is(end + 1, "year") && match_period_anchor(end, anchor, anchor_end)) {
    p.year = anchor.year;  // "the first quarter last year"
    p.anchored = true;
    end = anchor_end;
  } else {
    p.needs_year = true;
    resolve(p, span_begin, end);
  }
  m.begin = span_begin;
  m.end = end;
  m.p = p;
  return true;
}

bool DateScanner::match_modifier(std::size_t i, Match& m, std::size_t span_begin) {
  const std::vector<Token>& t = *tokens_;
  Modifier mod = static_cast<Modifier>(t[i].word.value);
  std::size_t j = i + 1;
  bool has_dct = settings_.has_document_date;
  const CivilDate dct = settings_.document_date;
  // "the past nine days", "the next four years", "the last two quarters"
  if (mod == Modifier::past || mod == Modifier::last || mod == Modifier::next || mod == Modifier::coming ||
      mod == Modifier::previous || mod == Modifier::following) {
    Match amount;
    std::size_t probe = 0;
    if ((number_at(j, probe) != -1 || is(j, WordClass::number_word)) && match_amount(j, amount) && amount.type == TimexType::duration) {
      m = amount;
      m.begin = span_begin;
      return true;
    }
  }
  if (is(j, WordClass::ordinal)) {
    if (mod != Modifier::same && match_ordinal_period(j, m, span_begin)) return true;
    return false;
  }
  // "the same month a year ago", "the same period last year": the reference a year back
  if (mod == Modifier::same && (is(j, WordClass::unit) || word_is(j, "period")) && !t[j].word.plural) {
    std::size_t k = word_is(j + 1, "of") ? j + 2 : j + 1;
    std::size_t shift_end = 0;
    if ((word_is(k, "a") || word_is(k, "one")) && word_is(k + 1, "year") && (is(k + 2, WordClass::ago) || word_is(k + 2, "earlier") || word_is(k + 2, "before")))
      shift_end = k + 3;
    else if (word_is(k, "last") && word_is(k + 1, "year")) shift_end = k + 2;
    else if (word_is(k, "the") && (word_is(k + 1, "previous") || word_is(k + 1, "prior")) && word_is(k + 2, "year")) shift_end = k + 3;
    if (shift_end && (has_reference_ || has_dct)) {
      CivilDate base = has_reference_ ? reference_ : dct;
      Granularity g = has_reference_ ? reference_granularity_ : Granularity::month;
      Unit unit = word_is(j, "period") ? Unit::year : static_cast<Unit>(t[j].word.value);
      if (unit == Unit::month && g == Granularity::day) g = Granularity::month;
      if (unit == Unit::year) g = word_is(j, "period") ? g : Granularity::year;
      if (unit == Unit::quarter) g = Granularity::quarter;
      Point p;
      p.anchored = true;
      p.year = base.year - 1;
      p.month = base.month ? base.month : 1;
      p.day = base.day ? base.day : 1;
      if (g == Granularity::quarter) p.part = (p.month - 1) / 3 + 1;
      if (g == Granularity::day && !is_valid_date(p.year, p.month, p.day)) p.day = days_in_month(p.year, p.month);
      p.g = g == Granularity::day || g == Granularity::month || g == Granularity::quarter ? g : Granularity::year;
      m.begin = span_begin;
      m.end = shift_end;
      m.p = p;
      return true;
    }
  }
  // "the final quarter of 2009", "the last half of 2024"
  if ((mod == Modifier::last) && is(j, WordClass::unit) && word_is(j + 1, "of")) {
    Unit unit = static_cast<Unit>(t[j].word.value);
    Point anchor;
    std::size_t anchor_end = 0;
    if ((unit == Unit::quarter || unit == Unit::half) && match_period_anchor(j + 2, anchor, anchor_end) && anchor.g == Granularity::year) {
      Point p = anchor;
      p.g = unit == Unit::quarter ? Granularity::quarter : Granularity::half;
      p.part = unit == Unit::quarter ? 4 : 2;
      m.begin = span_begin;
      m.end = anchor_end;
      m.p = p;
      return true;
    }
  }
  if (is(j, WordClass::unit)) {
    Unit unit = static_cast<Unit>(t[j].word.value);
    bool plural = t[j].word.plural;
    m.begin = span_begin;
    m.end = j + 1;
    if (plural) {
      if (mod == Modifier::recent_years || mod == Modifier::past || mod == Modifier::last) {
        m.shape = Match::Shape::literal;
        m.literal = "PAST_REF";
        return unit == Unit::year || unit == Unit::month || unit == Unit::week || unit == Unit::day || unit == Unit::decade;
      }
      if (mod == Modifier::coming || mod == Modifier::next) {
        m.shape = Match::Shape::literal;
        m.literal = "FUTURE_REF";
        return unit == Unit::year || unit == Unit::month || unit == Unit::week || unit == Unit::day;
      }
      return false;
    }
    if (mod == Modifier::recent_years) return false;
    if (mod == Modifier::past || (mod == Modifier::last && unit == Unit::decade)) {
      m.type = TimexType::duration;
      m.shape = Match::Shape::literal;
      m.literal = duration_value(unit, 1);
      return unit != Unit::half;
    }
    // previous / following / same are read from the last explicit date when there is one
    bool from_reference = (mod == Modifier::previous || mod == Modifier::following || mod == Modifier::same) && has_reference_;
    if (!from_reference && !has_dct) {
      m.shape = Match::Shape::literal;
      m.literal = "XXXX";
      return unit != Unit::half && unit != Unit::hour && unit != Unit::minute;
    }
    CivilDate base = from_reference ? reference_ : dct;
    if (base.month == 0) base.month = 1;
    if (base.day == 0) base.day = 1;
    int step = 0;
    switch (mod) {
      case Modifier::last: case Modifier::previous: step = -1; break;
      case Modifier::next: case Modifier::coming: case Modifier::following: step = 1; break;
      default: step = 0;
    }
    if (mod == Modifier::same && !from_reference) return false;
    Point p;
    p.anchored = true;
    switch (unit) {
      case Unit::year: p.g = Granularity::year; p.year = base.year + step; break;
      case Unit::month: {
        if (from_reference && reference_granularity_ < Granularity::month) return false;
        CivilDate d = add_months(base, step);
        p.g = Granularity::month; p.year = d.year; p.month = d.month;
        break;
      }
      case Unit::quarter: {
        CivilDate d = add_months(base, 3 * step);
        p.g = Granularity::quarter; p.year = d.year; p.part = (d.month - 1) / 3 + 1;
        break;
      }
      case Unit::week: case Unit::weekend: {
        if (from_reference && reference_granularity_ < Granularity::day) return false;
        std::int64_t days = day_number(base.year, base.month, base.day) + 7 * step;
        int wy = 0, wk = 0;
        iso_week_of(days, wy, wk);
        p.g = Granularity::week; p.year = wy; p.part = wk; p.weekend = unit == Unit::weekend;
        break;
      }
      case Unit::day: {
        if (mod == Modifier::this_ || mod == Modifier::current || mod == Modifier::past) return false;
        if (from_reference && reference_granularity_ < Granularity::day) return false;
        CivilDate d = civil_from_day_number(day_number(base.year, base.month, base.day) + step);
        p.g = Granularity::day; p.year = d.year; p.month = d.month; p.day = d.day;
        break;
      }
      case Unit::decade: p.g = Granularity::decade; p.part = base.year / 10 + step; break;
      case Unit::century: p.g = Granularity::century; p.part = base.year / 100 + step; break;
      default: return false;
    }
    m.p = p;
    return true;
  }
  if (!has_dct) return false;
  if (mod != Modifier::last && mod != Modifier::next && mod != Modifier::this_ && mod != Modifier::past) return false;
  if (is(j, WordClass::month) && t[j].upper && !t[j].word.abbreviation) {
    if (mod == Modifier::past) return false;
    int month = t[j].word.value;
    Point p;
    p.g = Granularity::month;
    p.month = month;
    p.year = dct.year;
    if (mod == Modifier::last && month >= dct.month) p.year -= 1;
    if (mod == Modifier::next && month <= dct.month) p.year += 1;
    p.anchored = true;
    m.begin = span_begin;
    m.end = j + 1;
    m.p = p;
    return true;
  }
  if (is(j, WordClass::weekday) && t[j].upper && !t[j].word.abbreviation) {
    if (mod == Modifier::past) return false;
    Point p;
    p.g = Granularity::day;
    std::int64_t today = day_number(dct.year, dct.month, dct.day);
    int delta = t[j].word.value - weekday_of(today);
    if (mod == Modifier::last) { if (delta >= 0) delta -= 7; }
    else if (mod == Modifier::next) { if (delta <= 0) delta += 7; }
    else {
      p.weekday_only = true;
      p.stated_weekday = t[j].word.value;
      resolve(p, span_begin, j + 1);
      delta = 0;
    }
    if (!p.weekday_only && p.year == unknown_year) {
      CivilDate d = civil_from_day_number(today + delta);
      p.year = d.year; p.month = d.month; p.day = d.day;
    }
    p.anchored = true;
    m.begin = span_begin;
    m.end = j + 1;
    m.p = p;
    return true;
  }
  if (is(j, WordClass::season)) {
    if (mod == Modifier::past) return false;
    Point p;
    p.g = Granularity::season;
    p.part = t[j].word.value;
    p.year = dct.year + (mod == Modifier::last ? -1 : mod == Modifier::next ? 1 : 0);
    p.anchored = true;
    m.begin = span_begin;
    m.end = j + 1;
    m.p = p;
    return true;
  }
  if (is(j, WordClass::day_part) && t[j].word.value <= 4 && (mod == Modifier::this_ || (mod == Modifier::last && t[j].word.value == 4))) {
    Point p;
    p.g = Granularity::day;
    p.day_part = t[j].word.value;
    CivilDate d = civil_from_day_number(day_number(dct.year, dct.month, dct.day) + (mod == Modifier::last ? -1 : 0));
    p.year = d.year; p.month = d.month; p.day = d.day;
    p.anchored = true;
    m.begin = span_begin;
    m.end = j + 1;
    m.type = TimexType::time;
    m.p = p;
    return true;
  }
  return false;
}

bool DateScanner::match_article(std::size_t i, Match& m) {
  const std::vector<Token>& t = *tokens_;
  if (t[i].word.value == 2) return match_amount(i, m);  // a year ago, a decade
  std::size_t j = i + 1;
  if (j >= t.size() || t[j].kind != TokenKind::word) {
    // "the 19th century", "the 21st century"
    if (j < t.size() && t[j].kind == TokenKind::number && t[j].digits <= 2 && glued(j + 1) &&
        (word_is(j + 1, "st") || word_is(j + 1, "nd") || word_is(j + 1, "rd") || word_is(j + 1, "th")) && word_is(j + 2, "century")) {
      m.begin = i;
      m.end = j + 3;
      m.p.g = Granularity::century;
      m.p.part = digits_value(t[j]) - 1;
      return m.p.part > 0;
    }
    return false;
  }
  switch (t[j].word.cls) {
    case WordClass::part: return match_part(j, m, i);
    case WordClass::ordinal: return match_ordinal_period(j, m, i);
    case WordClass::modifier:
      if (word_is(j, "past") && !is(j + 1, WordClass::unit) && !is(j + 1, WordClass::number_word) &&
          !(j + 1 < t.size() && t[j + 1].kind == TokenKind::number) && !(j + 1 < t.size() && t[j + 1].kind == TokenKind::word && t[j + 1].word.cls == WordClass::none)) {
        m.begin = i;
        m.end = j + 1;
        m.shape = Match::Shape::literal;
        m.literal = "PAST_REF";
        return true;
      }
      return match_modifier(j, m, i);
    default: break;
  }
  std::size_t k = j;
  if (word_is(k, "near") || word_is(k, "distant") || word_is(k, "foreseeable")) ++k;
  if (word_is(k, "future") && !(k + 1 < t.size() && t[k + 1].kind == TokenKind::word && (t[k + 1].upper || t[k + 1].word.cls == WordClass::none))) {
    m.begin = i;
    m.end = k + 1;
    m.shape = Match::Shape::literal;
    m.literal = "FUTURE_REF";
    return true;
  }
  return false;
}

// A point that can open or close a range: a date, a month, a year, "last year".
bool DateScanner::match_inner_point(std::size_t i, Match& m) {
  const std::vector<Token>& t = *tokens_;
  m = Match{};
  if (i >= t.size()) return false;
  bool ok = false;
  if (t[i].kind == TokenKind::number) {
    ok = match_numeric_date(i, m);
    if (!ok) { m = Match{}; ok = match_day_month(i, m, true); }
    if (!ok) {
      m = Match{};
      int year = 0;
      if (year_at(i, year, true) && !(i + 1 < t.size() && t[i + 1].kind == TokenKind::punct && (t[i + 1].value == '%'))) {
        m.begin = i; m.end = i + 1;
        m.p.g = Granularity::year; m.p.year = year; m.p.explicit_year = true;
        ok = true;
        Match range;  // "2019-20" inside "since 2019-20" stays a range
        if (dash(i + 1) && match_year_forms(i, range) && range.shape == Match::Shape::range) { m = range; }
      }
    }
  } else if (is(i, WordClass::month)) {
    ok = match_month_led(i, m, false, true);
  } else if (is(i, WordClass::modifier)) {
    ok = match_modifier(i, m, i) && m.shape == Match::Shape::point;
  } else if (is(i, WordClass::part)) {
    ok = match_part(i, m, i);
  } else if (word_is(i, "the") && (is(i + 1, WordClass::part) || is(i + 1, WordClass::ordinal))) {
    ok = match_article(i, m) && m.shape == Match::Shape::point;
  } else if (is(i, WordClass::weekday)) {
    ok = match_weekday(i, m) && m.shape == Match::Shape::point;
  }
  return ok && m.type == TimexType::date;
}

bool DateScanner::match_signal(std::size_t i, Match& m) {
  const std::vector<Token>& t = *tokens_;
  Signal s = static_cast<Signal>(t[i].word.value);
  if (s != Signal::since && s != Signal::between && s != Signal::from) return false;
  Match first;
  if (!match_inner_point(i + 1, first) || first.shape == Match::Shape::literal) return false;
  if (s == Signal::since) {
    if (first.shape == Match::Shape::range) return false;
    m = first;
    m.shape = Match::Shape::since;
    m.timex_begin = first.begin;
    m.timex_end = first.end;
    m.begin = i;
    return true;
  }
  if (first.shape != Match::Shape::point) return false;
  std::size_t j = first.end;
  bool joined = s == Signal::between ? word_is(j, "and") : (word_is(j, "to") || word_is(j, "until") || word_is(j, "till") || word_is(j, "through") || dash(j));
  if (!joined) return false;
  Match second;
  if (!match_inner_point(j + 1, second) || second.shape != Match::Shape::point) return false;
  if (first.p.g != second.p.g && !(first.p.g == Granularity::month && second.p.g == Granularity::day) &&
      !(first.p.g == Granularity::day && second.p.g == Granularity::month))
    return false;
  // "from May to June 2024", "between 24 April and 2 May 2024": the year is written once
  if (first.p.year == unknown_year && second.p.year != unknown_year) {
    first.p.year = second.p.year;
    if (first.p.month > second.p.month) first.p.year -= 1;
    first.p.needs_year = false;
    first.p.explicit_year = second.p.explicit_year;
  }
  m = first;
  m.shape = Match::Shape::range;
  m.q = second.p;
  m.begin = i;
  m.end = second.end;
  m.first_begin = first.begin; m.first_end = first.end;
  m.second_begin = second.begin; m.second_end = second.end;
  if (m.p.g == Granularity::year && m.q.g == Granularity::year && m.q.year > m.p.year) {
    m.type = TimexType::duration;  // TimeML tags "between 2014 and 2016" as one duration
  }
  return true;
}

bool DateScanner::match_fiscal(std::size_t i, Match& m) {
  const std::vector<Token>& t = *tokens_;
  std::size_t j = i + 1;
  if (word_is(i, "fiscal") && word_is(j, "year")) ++j;
  else if (word_is(i, "fy") && t[i].upper) {}
  else if (!word_is(i, "fiscal")) return false;
  if (j >= t.size() || t[j].kind != TokenKind::number) return false;
  if (word_is(i, "fy") && !glued(j) && t[j].digits != 4) return false;
  int year = 0;
  if (t[j].digits == 4) { if (!year_at(j, year)) return false; }
  else if (t[j].digits == 2 && glued(j)) year = 2000 + digits_value(t[j]);
  else return false;
  if (j + 1 < t.size() && glued(j + 1) && t[j + 1].kind == TokenKind::word) return false;
  m.begin = i;
  m.end = j + 1;
  m.shape = Match::Shape::literal;
  m.literal = "FY" + iso_year(year);
  return true;
}

bool DateScanner::match_at(std::size_t i, Match& m) {
  const std::vector<Token>& t = *tokens_;
  const Token& tok = t[i];
  m = Match{};
  switch (tok.kind) {
    case TokenKind::note_ref: return false;
    case TokenKind::number: return match_number(i, m);
    case TokenKind::punct: return is_apostrophe(tok.value) && match_year_forms(i, m);
    case TokenKind::word: break;
  }
  switch (tok.word.cls) {
    case WordClass::month: return match_month_led(i, m, true, true);
    case WordClass::weekday: return match_weekday(i, m);
    case WordClass::day_word: case WordClass::present_ref: case WordClass::past_ref: case WordClass::set_word:
    case WordClass::relative_shift:
      return match_relative_word(i, m);
    case WordClass::modifier: return match_modifier(i, m, i);
    case WordClass::part:
      if (!tok.upper && i > 0 && word_is(i - 1, "the")) return false;
      return match_part(i, m, i);
    case WordClass::ordinal: return match_ordinal_period(i, m, i);
    case WordClass::article: return match_article(i, m);
    case WordClass::signal: return match_signal(i, m);
    case WordClass::number_word: return match_amount(i, m);
    case WordClass::fiscal: return match_fiscal(i, m);
    case WordClass::season: {
      // "spring 2009", "the summer of 2024", "in the autumn", "their Autumn meetings"
      int year = 0;
      std::size_t y = word_is(i + 1, "of") ? i + 2 : i + 1;
      m.begin = i;
      m.p.g = Granularity::season;
      m.p.part = tok.word.value;
      if (year_at(y, year)) {
        m.end = y + 1;
        m.p.year = year;
        m.p.explicit_year = true;
        return true;
      }
      if (word_is(i, "fall") || i == 0 || word_is(i + 1, "of")) return false;
      bool context = false;
      static const WordSet before({"in", "during", "by", "since", "until", "through", "the", "their", "its", "our"});
      if (before.contains(word_text(i - 1)) && !t[i - 1].upper) context = true;
      if (!context || (i + 1 < t.size() && glued(i + 1) && t[i + 1].kind != TokenKind::punct)) return false;
      m.end = i + 1;
      m.p.needs_year = true;
      return true;
    }
    case WordClass::unit: {
      // "for years", "in minutes", "over the years", "within weeks": an unspecified duration
      if (!tok.word.plural || i == 0) return false;
      Unit unit = static_cast<Unit>(tok.word.value);
      if (unit == Unit::quarter || unit == Unit::half || unit == Unit::weekend || unit == Unit::century) return false;
      bool context = word_is(i - 1, "for") || word_is(i - 1, "within") || word_is(i - 1, "just") ||
                     (word_is(i - 1, "the") && i >= 2 && word_is(i - 2, "over")) ||
                     (word_is(i - 1, "in") && (i + 1 >= t.size() || t[i + 1].kind == TokenKind::punct));
      if (!context) return false;
      m.begin = word_is(i - 1, "the") ? i - 1 : i;
      m.end = i + 1;
      m.type = TimexType::duration;
      m.shape = Match::Shape::literal;
      m.literal = duration_value(unit, -1);
      return true;
    }
    case WordClass::none: {
      // Q1 2024, H2 2023
      if ((word_is(i, "q") || word_is(i, "h")) && tok.upper && i + 1 < t.size() && glued(i + 1) && t[i + 1].kind == TokenKind::number && t[i + 1].digits == 1) {
        bool quarter = word_is(i, "q");
        int n = digits_value(t[i + 1]);
        if (n < 1 || n > (quarter ? 4 : 2)) return false;
        if (i + 2 < t.size() && glued(i + 2) && t[i + 2].kind != TokenKind::punct) return false;
        Point p;
        p.g = quarter ? Granularity::quarter : Granularity::half;
        p.part = n;
        std::size_t end = i + 2;
        int year = 0;
        std::size_t y = punct(end, '/') ? end + 1 : end;
        if (year_at(y, year)) { p.year = year; p.explicit_year = true; end = y + 1; }
        else { p.needs_year = true; resolve(p, i, end); }
        m.begin = i; m.end = end; m.p = p;
        return true;
      }
      return false;
    }
    default: return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Rendering

namespace {

struct Rendered {
  std::string value;
  std::string single;  // one W3C value for when/from/to, empty when none
  std::string not_before, not_after;
  bool bounded = false;
  std::int64_t first = 0, last = 0;
};

void set_months(Rendered& r, int year, int first_month, int last_month) {
  r.not_before = iso_month(year, first_month);
  r.not_after = iso_month(year, last_month);
  r.bounded = true;
  r.first = day_number(year, first_month, 1);
  r.last = day_number(year, last_month, days_in_month(year, last_month));
}

Rendered render(const DateScanner::Point& p) {
  Rendered r;
  const int y = p.year;
  const bool known = y != unknown_year;
  switch (p.g) {
    case Granularity::none: break;
    case Granularity::day: {
      if (p.month == 0) { r.value = "XXXX-XX-XX"; break; }
      if (!known) {
        r.value = "XXXX-" + two(p.month) + "-" + two(p.day);
        if (p.day >= 1 && p.day <= days_in_month(2024, p.month)) r.single = iso_day(-1, p.month, p.day);
        break;
      }
      if (!is_valid_date(y, p.month, p.day)) break;
      r.value = iso_day(y, p.month, p.day);
      r.single = r.value;
      r.bounded = true;
      r.first = r.last = day_number(y, p.month, p.day);
      break;
    }
    case Granularity::month: {
      r.value = year_text(y) + "-" + two(p.month);
      if (!known) break;
      int last = days_in_month(y, p.month);
      int from = 1, to = last;
      if (p.mod == static_cast<int>(Part::early)) to = 10;
      else if (p.mod == static_cast<int>(Part::mid)) { from = 11; to = 20; }
      else if (p.mod == static_cast<int>(Part::late)) from = 21;
      r.bounded = true;
      r.first = day_number(y, p.month, from);
      r.last = day_number(y, p.month, to);
      if (p.mod) { r.not_before = iso_day(y, p.month, from); r.not_after = iso_day(y, p.month, to); }
      else r.single = iso_month(y, p.month);
      break;
    }
    case Granularity::year: {
      r.value = year_text(y);
      if (!known) break;
      if (p.mod == static_cast<int>(Part::early)) set_months(r, y, 1, 4);
      else if (p.mod == static_cast<int>(Part::mid)) set_months(r, y, 5, 8);
      else if (p.mod == static_cast<int>(Part::late)) set_months(r, y, 9, 12);
      else {
        r.single = iso_year(y);
        r.bounded = true;
        r.first = day_number(y, 1, 1);
        r.last = day_number(y, 12, 31);
      }
      break;
    }
    case Granularity::quarter:
      r.value = year_text(y) + "-Q" + std::to_string(p.part);
      if (known) set_months(r, y, 3 * p.part - 2, 3 * p.part);
      break;
    case Granularity::half:
      r.value = year_text(y) + "-H" + std::to_string(p.part);
      if (known) set_months(r, y, 6 * p.part - 5, 6 * p.part);
      break;
    case Granularity::season: {
      static const char* codes[] = {"", "SP", "SU", "FA", "WI"};
      r.value = year_text(y) + "-" + codes[p.part];
      if (!known) break;
      if (p.part < 4) set_months(r, y, 3 * p.part, 3 * p.part + 2);
      else {
        r.not_before = iso_month(y, 12);
        r.not_after = iso_month(y + 1, 2);
        r.bounded = true;
        r.first = day_number(y, 12, 1);
        r.last = day_number(y + 1, 2, days_in_month(y + 1, 2));
      }
      break;
    }
    case Granularity::week: {
      r.value = year_text(y) + "-W" + two(p.part) + (p.weekend ? "-WE" : "");
      if (!known) break;
      std::int64_t monday = monday_of_iso_week(y, p.part);
      r.bounded = true;
      r.first = p.weekend ? monday + 5 : monday;
      r.last = monday + 6;
      CivilDate a = civil_from_day_number(r.first), b = civil_from_day_number(r.last);
      r.not_before = iso_day(a.year, a.month, a.day);
      r.not_after = iso_day(b.year, b.month, b.day);
      break;
    }
    case Granularity::decade: {
      r.value = std::to_string(p.part);
      int first = p.part * 10, last = first + 9;
      if (p.mod == static_cast<int>(Part::early)) last = first + 3;
      else if (p.mod == static_cast<int>(Part::mid)) { first += 3; last = first + 3; }
      else if (p.mod == static_cast<int>(Part::late)) first += 7;
      r.not_before = iso_year(first);
      r.not_after = iso_year(last);
      r.bounded = true;
      r.first = day_number(first, 1, 1);
      r.last = day_number(last, 12, 31);
      break;
    }
    case Granularity::century:
      r.value = two(p.part);
      r.not_before = iso_year(p.part * 100);
      r.not_after = iso_year(p.part * 100 + 99);
      r.bounded = true;
      r.first = day_number(p.part * 100, 1, 1);
      r.last = day_number(p.part * 100 + 99, 12, 31);
      break;
  }
  if (p.g == Granularity::day && !r.value.empty() && (p.hour >= 0 || p.day_part)) {
    static const char* parts[] = {"", "MO", "AF", "EV", "NI"};
    r.value += "T";
    r.value += p.hour >= 0 ? two(p.hour) + ":" + two(p.minute) : std::string(parts[p.day_part]);
    if (p.utc) r.value += "Z";
  }
  return r;
}

}  // namespace

void DateScanner::emit(Match& m, std::vector<DateExpression>& out) {
  const std::vector<Token>& t = *tokens_;
  DateExpression e;
  e.span = {t[m.begin].begin, t[m.end - 1].end};
  e.timex = m.timex_end > m.timex_begin ? sdk::Span{t[m.timex_begin].begin, t[m.timex_end - 1].end} : e.span;
  e.type = m.type;
  e.first_token = static_cast<std::uint32_t>(m.begin);
  e.end_token = static_cast<std::uint32_t>(m.end);
  if (m.shape == Match::Shape::literal) {
    e.value = m.literal;
    out.push_back(std::move(e));
    return;
  }
  Point& p = m.p;
  if (p.needs_year || p.weekday_only) resolve(p, m.begin, m.end);
  if (m.shape == Match::Shape::range && m.q.year == unknown_year && p.year != unknown_year) {
    m.q.year = p.year + (m.q.month && m.q.month < p.month ? 1 : 0);
    m.q.needs_year = false;
  }
  e.granularity = p.g;
  e.explicit_year = p.explicit_year;
  e.anchored = p.anchored;
  e.style = p.style;
  if (p.impossible) {
    e.impossible = true;
    e.impossible_day = p.day;
    e.impossible_month = p.month;
    e.impossible_year = p.year;
    out.push_back(std::move(e));
    return;
  }
  Rendered a = render(p);
  e.value = a.value;
  e.bounded = a.bounded;
  e.first_day = a.first;
  e.last_day = a.last;
  bool clock_time = p.hour >= 0;
  if (m.shape == Match::Shape::point) {
    if (clock_time) {
      // a bare clock time is not a date: no TEI <date> for it
    } else if (p.ambiguous) {
      // both readings stay possible until the analysis settles the order
      int y = p.year;
      std::int64_t one = day_number(y, p.nb, p.na), other = day_number(y, p.na, p.nb);
      bool one_ok = is_valid_date(y, p.nb, p.na), other_ok = is_valid_date(y, p.na, p.nb);
      if (one_ok && other_ok) {
        CivilDate lo = civil_from_day_number(std::min(one, other)), hi = civil_from_day_number(std::max(one, other));
        e.tei = {{"notBefore", iso_day(lo.year, lo.month, lo.day)}, {"notAfter", iso_day(hi.year, hi.month, hi.day)}};
      }
    } else if (!a.single.empty()) {
      e.tei = {{"when", a.single}};
    } else if (!a.not_before.empty()) {
      e.tei = {{"notBefore", a.not_before}, {"notAfter", a.not_after}};
    }
  } else if (m.shape == Match::Shape::range) {
    Rendered b = render(m.q);
    std::string from = a.single.empty() ? a.not_before : a.single;
    std::string to = b.single.empty() ? b.not_after : b.single;
    if (!from.empty() && !to.empty()) e.tei = {{"from", from}, {"to", to}};
    e.range = true;
    if (a.bounded && b.bounded) { e.last_day = b.last; }
    else e.bounded = false;
    if (m.type == TimexType::duration) e.value = "P" + std::to_string(m.q.year - p.year) + "Y";
    if (m.second_end > m.second_begin && !a.value.empty() && !b.value.empty()) {
      e.endpoints.push_back({{t[m.first_begin].begin, t[m.first_end - 1].end}, a.value});
      e.endpoints.push_back({{t[m.second_begin].begin, t[m.second_end - 1].end}, b.value});
    }
  } else if (m.shape == Match::Shape::since) {
    std::string from = a.single.empty() ? a.not_before : a.single;
    if (!from.empty()) e.tei = {{"from", from}};
    e.range = true;
  }
  if (p.stated_weekday >= 0 && p.g == Granularity::day && p.year != unknown_year && is_valid_date(p.year, p.month, p.day)) {
    e.stated_weekday = p.stated_weekday;
    e.weekday_span = p.weekday_span;
    e.actual_weekday = weekday_of(day_number(p.year, p.month, p.day));
  }
  if (p.ambiguous) {
    e.ambiguous = true;
    e.numeric_first = p.na;
    e.numeric_second = p.nb;
    e.numeric_year = p.year;
    e.numeric_separator = p.separator;
  }
  if (p.year != unknown_year && !p.impossible && m.shape == Match::Shape::point &&
      (p.g == Granularity::year || p.g == Granularity::month || p.g == Granularity::day)) {
    has_reference_ = true;
    reference_ = {p.year, p.g == Granularity::year ? 0 : p.month, p.g == Granularity::day ? p.day : 0};
    reference_granularity_ = p.g;
    if (p.explicit_year && p.g != Granularity::year) narrative_year_ = p.year;
  }
  out.push_back(std::move(e));
}

void DateScanner::scan(const std::vector<Token>& tokens, std::vector<DateExpression>& out) {
  tokens_ = &tokens;
  std::size_t i = 0;
  Match m;
  while (i < tokens.size()) {
    // Most tokens cannot open an expression; test that before building a match.
    const Token& tok = tokens[i];
    bool candidate = false;
    if (tok.kind == TokenKind::number) candidate = true;
    else if (tok.kind == TokenKind::punct) candidate = is_apostrophe(tok.value);
    else if (tok.kind == TokenKind::word) {
      WordClass cls = tok.word.cls;
      if (cls == WordClass::signal) {
        Signal signal = static_cast<Signal>(tok.word.value);
        candidate = signal == Signal::since || signal == Signal::between || signal == Signal::from;
      } else {
        candidate = cls != WordClass::none || (tok.upper && tok.end - tok.begin == 1);
      }
    }
    if (!candidate || !match_at(i, m) || m.end <= i) { ++i; continue; }
    std::size_t next = m.end;
    // "24 April 2024 (Monday)": the weekday in brackets is a claim about the date before it
    if (m.shape == Match::Shape::point && m.p.g == Granularity::day && m.p.stated_weekday < 0 && m.p.hour < 0 &&
        punct(m.end, '(') && is(m.end + 1, WordClass::weekday) && tokens[m.end + 1].upper && punct(m.end + 2, ')')) {
      m.p.stated_weekday = tokens[m.end + 1].word.value;
      m.p.weekday_span = {tokens[m.end + 1].begin, tokens[m.end + 1].end};
      next = m.end + 3;
    }
    emit(m, out);
    i = next;
  }
  tokens_ = nullptr;
}

std::vector<DateExpression> DateScanner::scan_text(sdk::Span range) {
  std::vector<Token> tokens;
  tokenize(text_, range, {}, tokens);
  bool had = has_reference_;
  CivilDate reference = reference_;
  Granularity granularity = reference_granularity_;
  has_reference_ = false;
  std::vector<DateExpression> out;
  scan(tokens, out);
  has_reference_ = had;
  reference_ = reference;
  reference_granularity_ = granularity;
  return out;
}

}  // namespace marginalia::plugins::dates
