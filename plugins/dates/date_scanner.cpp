// SPDX-License-Identifier: MIT
// Patterns are tried at each token in a fixed order (longest forms first); a match consumes its
// tokens. Values follow TimeML (TempEval-3) conventions so the scanner can be scored against
// gold annotations; TEI attributes are derived from the same resolved point. This file holds
// the token helpers, year resolution, the dispatcher and the scan loop.
#include "date_scanner.hpp"

#include <algorithm>
#include <cstdlib>
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

// ---------------------------------------------------------------------------------------------
// The year the text is in

constexpr std::size_t sentence_reach = 60;  // tokens searched for a sentence boundary: keeps the scan linear

bool DateScanner::same_sentence(std::size_t earlier, std::size_t later) const {
  if (later < earlier || later - earlier > sentence_reach) return false;
  for (std::size_t k = earlier; k < later; ++k)
    if (ends_sentence(text_, *tokens_, k)) return false;
  return true;
}

// "In November, 1897, we sailed", "On 3 May 1898 the ship…": the date is the first thing its
// sentence says (after at most a preposition or two), so it sets the scene.
bool DateScanner::opens_sentence(std::size_t first) const {
  static const WordSet lead({"in", "on", "by", "during", "early", "late", "at", "the", "of", "and", "then", "but", "from"});
  const std::vector<Token>& t = *tokens_;
  std::size_t k = first;
  while (k > 0 && first - k < 3 && t[k - 1].kind == TokenKind::word && lead.contains(word_text(k - 1))) --k;
  return k == 0 || ends_sentence(text_, t, k - 1) || (t[k - 1].kind == TokenKind::punct && (t[k - 1].value == '(' || t[k - 1].value == 0x201C));
}

// "Years later, in 1920, he would return": a flash-forward, which does not move the narrative.
bool DateScanner::looks_ahead(std::size_t first, std::size_t end) const {
  static const WordSet cues({"would", "later", "afterwards", "afterward", "eventually", "subsequently", "thereafter"});
  const std::vector<Token>& t = *tokens_;
  for (std::size_t k = first; k > 0 && first - k < sentence_reach && !ends_sentence(text_, t, k - 1); --k)
    if (cues.contains(word_text(k - 1))) return true;
  for (std::size_t k = end; k < t.size() && k - end < sentence_reach && !ends_sentence(text_, t, k); ++k)
    if (cues.contains(word_text(k))) return true;
  return false;
}

// A date written with its year: the year of its block, of the narrative when it opens a
// sentence or a heading, and of the text so far.
void DateScanner::note_written_year(const Match& m) {
  const Point& p = m.p;
  if (!p.explicit_year || p.impossible || p.year == unknown_year || m.shape != Match::Shape::point) return;
  bool full = p.g == Granularity::day || p.g == Granularity::month;
  // A bare year anchors only as an adverbial ("in 1897"), not as a modifier ("the 2019 outlook").
  bool adverbial = p.g == Granularity::year && m.begin > 0 &&
                   (word_is(m.begin - 1, "in") || word_is(m.begin - 1, "during") || word_is(m.begin - 1, "by"));
  if (!full && !adverbial && !(heading_ && p.g == Granularity::year)) return;
  if (full) {  // a background year in a news sentence ("since its launch in 2003") is no anchor
    block_year_ = p.year;
    block_year_token_ = m.begin;
    last_year_ = p.year;
  }
  if (settings_.has_document_date && std::abs(p.year - settings_.document_date.year) >= 2) far_year_seen_ = true;
  if ((heading_ || opens_sentence(m.begin)) && !looks_ahead(m.begin, m.end)) scene_year_ = p.year;
}

// The day a date earlier in the sentence of token `i` names ("flew Tuesday … at 18:00 UTC").
bool DateScanner::day_of_sentence(std::size_t i, CivilDate& out) const {
  if (!has_last_day_ || last_day_block_ != block_index_ || !same_sentence(last_day_token_, i)) return false;
  out = last_day_;
  return true;
}

// "its best week since November", "gains for a fourth week in a row": the news idiom for the
// period the story is in (the last day the text dated, else the document's).
bool DateScanner::match_record_period(std::size_t u, Match& m, std::size_t span_begin) {
  const std::vector<Token>& t = *tokens_;
  if (!word_is(u + 1, "since") && !(word_is(u + 1, "in") && word_is(u + 2, "a") && word_is(u + 3, "row"))) return false;
  if (!has_last_day_ && !settings_.has_document_date) return false;
  CivilDate d = has_last_day_ ? last_day_ : settings_.document_date;
  Point p;
  p.anchored = true;
  p.year = d.year;
  switch (static_cast<Unit>(t[u].word.value)) {
    case Unit::day: p.g = Granularity::day; p.month = d.month; p.day = d.day; break;
    case Unit::week: {
      int wy = 0, wk = 0;
      iso_week_of(day_number(d.year, d.month, d.day), wy, wk);
      p.g = Granularity::week; p.year = wy; p.part = wk;
      break;
    }
    case Unit::month: p.g = Granularity::month; p.month = d.month; break;
    case Unit::year: p.g = Granularity::year; break;
    default: return false;
  }
  m.begin = span_begin;
  m.end = u + 1;
  m.p = p;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Resolution against the text and the document date

void DateScanner::resolve(Point& p, std::size_t first, std::size_t end) {
  const bool has_dct = settings_.has_document_date;
  const CivilDate dct = settings_.document_date;
  // A year other than the document's that the text is in: a full date written earlier in the
  // same sentence (certain), else one earlier in the paragraph or the scene-setting year, when
  // it is two or more years from the document date (a news article's "in 2012 … in August"
  // keeps reading August from its own date); without a document date, the last full date.
  auto far = [&](int year) { return !has_dct || std::abs(year - dct.year) >= 2; };
  int anchor = 0;
  bool certain = false;
  if (block_year_ && same_sentence(block_year_token_, first)) { anchor = block_year_; certain = true; }
  else if (block_year_ && far(block_year_)) anchor = block_year_;
  else if (scene_year_ && far(scene_year_)) anchor = scene_year_;
  else if (!has_dct) anchor = last_year_;
  if (p.weekday_only) {
    // "on Monday" counts from the document date, unless the narrative is in another year
    if (!has_dct || (scene_year_ && far(scene_year_))) return;
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
  int year = anchor;
  if (!anchor) {
    if (!has_dct) return;
    // News practice: the month before or after the document date the clause's tense points
    // to; a past tense never gives a month still to come.
    int position = 0, now = 0;
    if (p.g == Granularity::quarter) { position = (p.part - 1) * 3 + 1; now = (dct.month - 1) / 3 * 3 + 1; }
    else if (p.g == Granularity::half) { position = (p.part - 1) * 6 + 1; now = dct.month <= 6 ? 1 : 7; }
    else if (p.g == Granularity::season) { position = p.part * 3; now = dct.month; }
    else { position = p.month; now = dct.month; }
    Tense tense = tense_around(first, end);
    if (word_is(first, "since") || (first > 0 && word_is(first - 1, "since"))) tense = Tense::past;  // a start already reached
    int diff = position - now;
    year = dct.year;
    if (tense == Tense::past) { if (diff > 0) year -= 1; }
    else if (tense == Tense::future) { if (diff < 0) year += 1; }
    else if (diff > 6) year -= 1;
    else if (diff < -6) year += 1;
    // Near the document date, and with no other period in view, the year is beyond doubt.
    if (p.g == Granularity::day && is_valid_date(year, p.month, p.day) && !far_year_seen_) {
      std::int64_t distance = day_number(year, p.month, p.day) - day_number(dct.year, dct.month, dct.day);
      certain = distance >= -183 && distance <= 183;
    }
  }
  // "Friday, June 6" names its year through the weekday when the year is in doubt: a reader
  // takes the neighbouring year in which June 6 is a Friday.
  if (!certain && p.g == Granularity::day && p.stated_weekday >= 0 && is_valid_date(year, p.month, p.day) &&
      weekday_of(day_number(year, p.month, p.day)) != p.stated_weekday) {
    for (int candidate : {year - 1, year + 1})
      if (is_valid_date(candidate, p.month, p.day) && weekday_of(day_number(candidate, p.month, p.day)) == p.stated_weekday) {
        year = candidate;
        break;
      }
  }
  p.year = year;
  p.year_certain = certain;
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
      if (!tok.word.plural) {
        static const WordSet records({"best", "worst", "biggest", "largest", "strongest", "weakest", "busiest", "deadliest"});
        return i > 0 && records.contains(word_text(i - 1)) && match_record_period(i, m, i);
      }
      // "for years", "in minutes", "over the years", "within weeks": an unspecified duration
      if (i == 0) return false;
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

void DateScanner::scan(const std::vector<Token>& tokens, std::vector<DateExpression>& out, bool heading) {
  tokens_ = &tokens;
  heading_ = heading;
  block_year_ = 0;
  ++block_index_;
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
  DateScanner alone(text_, settings_);  // no reference date or narrative year from the document
  std::vector<DateExpression> out;
  alone.scan(tokens, out);
  return out;
}
}  // namespace marginalia::plugins::dates
