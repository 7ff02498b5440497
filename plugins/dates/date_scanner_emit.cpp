// SPDX-License-Identifier: MIT
// Turns a resolved match into a DateExpression: its TimeML value, its TEI attributes
// (when, from/to, notBefore/notAfter) and the day interval the checks compare.
#include "date_scanner.hpp"

#include <algorithm>

#include "date_scanner_parts.hpp"

namespace marginalia::plugins::dates {

using namespace scanner_detail;

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
}  // namespace marginalia::plugins::dates
