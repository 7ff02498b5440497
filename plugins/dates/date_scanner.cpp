// SPDX-License-Identifier: MIT
// Patterns are tried at each token in a fixed order (longest forms first); a match consumes its
// tokens. Values follow TimeML (TempEval-3) conventions so the scanner can be scored against
// gold annotations; TEI attributes are derived from the same resolved point. This file holds
// the token helpers, year resolution, the dispatcher and the scan loop.
#include "date_scanner.hpp"

#include <algorithm>
#include <cstring>

#include "tense.hpp"
#include "date_scanner_parts.hpp"

namespace marginalia::plugins::dates {

using namespace scanner_detail;

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
  // Without a document date, the last full date the text wrote stands in for it ("Washington,
  // 2nd March 1864 … your dispatch of February 11th"). With one, news practice wins: a single
  // historical date must not drag the report's "on 24 April" back to its year.
  if (!settings_.has_document_date) {
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
