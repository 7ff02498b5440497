// SPDX-License-Identifier: MIT
// Number-led patterns: numeric dates, clock times, day-month dates, years, decades, year
// ranges, durations and "two weeks ago".
#include "date_scanner.hpp"

#include "date_scanner_parts.hpp"

namespace marginalia::plugins::dates {

using namespace scanner_detail;

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
  bool day_word = false;
  if (is(j, WordClass::day_word) && t[j].word.value != 2) {
    p.day = t[j].word.value;  // offset from the document date, applied below
    day_word = true;
    end = j + 1;
  } else if (is(j, WordClass::weekday) && t[j].upper && !t[j].word.abbreviation) {
    p.weekday_only = true;
    p.stated_weekday = t[j].word.value;
    end = j + 1;
  }
  // "at 16:15 UTC, June 1st": the date that follows names the day (and stays its own expression)
  Match next_date;
  std::size_t after = punct(end, ',') ? end + 1 : word_is(end, "on") ? end + 1 : end;
  CivilDate sentence_day;
  if (!p.weekday_only && !day_word && match_full_date(after, next_date) && next_date.p.g == Granularity::day) {
    Point d = next_date.p;
    if (d.needs_year || d.weekday_only) resolve(d, after, next_date.end);
    if (d.year != unknown_year && d.month > 0 && is_valid_date(d.year, d.month, d.day)) {
      p.year = d.year; p.month = d.month; p.day = d.day;
      p.anchored = true;
    }
  } else if (!p.weekday_only && !day_word && day_of_sentence(i, sentence_day)) {
    p.year = sentence_day.year; p.month = sentence_day.month; p.day = sentence_day.day;  // "flew Tuesday … at 18:00 UTC"
    p.anchored = true;
  }
  if (p.month > 0) {
    // dated above
  } else if (!p.weekday_only) {
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
      (word_is(j, "st") || word_is(j, "nd") || word_is(j, "rd") || word_is(j, "th"))) {
    ++j;
  }
  bool ordinal = j > i + 1 && t[j - 1].kind == TokenKind::word;
  bool of_form = false;
  if (word_is(j, "of") && is(j + 1, WordClass::month)) { ++j; of_form = true; }
  // "your letter of the 9th November": the spoken form of a letter, like "the 11th of July"
  if (ordinal && i > 0 && word_is(i - 1, "the")) of_form = true;
  if (!is(j, WordClass::month) || !t[j].upper) return false;
  int month = t[j].word.value;
  std::size_t k = skip_abbreviation_dot(j + 1);
  Point p;
  p.g = Granularity::day;
  p.month = month;
  p.day = day;
  // "the 11th of July", "the 11th July" are spoken forms used beside "July 11": not a house style
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
}  // namespace marginalia::plugins::dates
