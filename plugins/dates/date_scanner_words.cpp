// SPDX-License-Identifier: MIT
// Word-led patterns: month names, weekdays, "today", modifiers ("last year"), parts ("mid-2023"),
// ordinal periods ("the first quarter"), ranges ("between 2022 and 2024") and fiscal years.
#include "date_scanner.hpp"

#include "date_scanner_parts.hpp"

namespace marginalia::plugins::dates {

using namespace scanner_detail;

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
  // "In November, 1897," (a comma before the year, as older prose writes it): a year only when
  // punctuation or the block's end follows, unlike "In November, 1500 workers left".
  if (y == j && punct(j, ',') && year_at(j + 1, year, true) && (j + 2 >= t.size() || t[j + 2].kind == TokenKind::punct)) y = j + 1;
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
      if (x.word.value == 1) {  // "soon", "very soon"; "as soon as" is a conjunction
        if ((i > 0 && word_is(i - 1, "as")) || word_is(i + 1, "as") || word_is(i + 1, "after") || word_is(i + 1, "afterwards")) return false;
        if (i > 0 && word_is(i - 1, "very")) m.begin = i - 1;
        m.literal = "FUTURE_REF";
      }
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
  if (match_record_period(j, m, i)) return true;  // "a fourth week in a row"
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
  // "the recent crisis": a reference to the past, as TimeML tags the adjective alone
  if (mod == Modifier::recent_years && word_is(i, "recent") && !t[i].upper && !is(j, WordClass::unit)) {
    m.begin = i;
    m.end = i + 1;
    m.shape = Match::Shape::literal;
    m.literal = "PAST_REF";
    return true;
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
  if (t[i].word.value == 3) {
    // "by that time", "on that date": the date the text last gave, at its precision
    if (!has_reference_ || !(word_is(j, "time") || word_is(j, "date")) || (j + 1 < t.size() && glued(j + 1) && t[j + 1].kind != TokenKind::punct))
      return false;
    m.begin = i;
    m.end = j + 1;
    m.p.g = reference_granularity_;
    m.p.year = reference_.year;
    m.p.month = reference_.month;
    m.p.day = reference_.day;
    m.p.anchored = true;
    return reference_granularity_ == Granularity::year || reference_granularity_ == Granularity::month || reference_granularity_ == Granularity::day;
  }
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
  // "for the day", "to end the day": the day the story is about, the last day the text dated
  // or else the document's; not "the day after", "the day of the vote", "the day he left"
  if (word_is(j, "day") && (has_last_day_ || settings_.has_document_date)) {
    static const WordSet follows({"at", "in", "to", "and", "but", "with", "as", "for", "from", "by", "while", "on", "down", "up",
                                  "higher", "lower"});
    // "the day after falling" is that day; "the day after the vote" and "the day before" are others
    bool verb_after = (word_is(j + 1, "after") || word_is(j + 1, "before")) && word_text(j + 2).size() > 4 &&
                      word_text(j + 2).substr(word_text(j + 2).size() - 3) == "ing";
    bool alone = j + 1 >= t.size() || (t[j + 1].kind == TokenKind::punct && !(glued(j + 1) && dash(j + 1))) ||
                 (t[j + 1].kind == TokenKind::word && (follows.contains(word_text(j + 1)) || verb_after) && !word_is(j + 2, "which"));
    if (alone) {
      CivilDate d = has_last_day_ ? last_day_ : settings_.document_date;
      m.begin = i;
      m.end = j + 1;
      m.p.g = Granularity::day;
      m.p.year = d.year; m.p.month = d.month; m.p.day = d.day;
      m.p.anchored = true;
      return true;
    }
  }
  // "over the weekend": the weekend before the document date in a past clause, else the next one
  if (word_is(j, "weekend") && settings_.has_document_date && !(j + 1 < t.size() && glued(j + 1) && t[j + 1].kind != TokenKind::punct)) {
    const CivilDate& dct = settings_.document_date;
    std::int64_t today = day_number(dct.year, dct.month, dct.day);
    int weekday = weekday_of(today);  // 0 = Monday
    std::int64_t saturday = today - weekday + 5;
    if (weekday < 5 && tense_around(i, j + 1) == Tense::past) saturday -= 7;
    int wy = 0, wk = 0;
    iso_week_of(saturday, wy, wk);
    m.begin = i;
    m.end = j + 1;
    m.p.g = Granularity::week;
    m.p.year = wy;
    m.p.part = wk;
    m.p.weekend = true;
    m.p.anchored = true;
    return true;
  }
  // "in the near term", "over the long term": the future; "for the time being": the present
  if ((word_is(j, "near") || word_is(j, "long") || word_is(j, "short") || word_is(j, "medium")) && word_is(j + 1, "term") &&
      !(j + 2 < t.size() && t[j + 2].kind == TokenKind::word && t[j + 2].word.cls == WordClass::none && !word_is(j + 2, "and"))) {
    m.begin = i;
    m.end = j + 2;
    m.shape = Match::Shape::literal;
    m.literal = "FUTURE_REF";
    return true;
  }
  if (word_is(j, "time") && word_is(j + 1, "being")) {
    m.begin = i;
    m.end = j + 2;
    m.shape = Match::Shape::literal;
    m.literal = "PRESENT_REF";
    return true;
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
}  // namespace marginalia::plugins::dates
