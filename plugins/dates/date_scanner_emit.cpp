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

// A day part as the hours it covers (README, "TEI mapping"): morning 06-12, afternoon 12-18,
// evening 18-22, night 22-06 of the next day.
void day_part_bounds(int part, int y, int month, int day, std::string& from, std::string& to) {
  static const int starts[] = {0, 6, 12, 18, 22};
  static const int ends[] = {0, 11, 17, 21, 5};
  std::int64_t n = day_number(y, month, day);
  CivilDate last = civil_from_day_number(part == 4 ? n + 1 : n);
  from = iso_day(y, month, day) + "T" + two(starts[part]) + ":00:00";
  to = iso_day(last.year, last.month, last.day) + "T" + two(ends[part]) + ":59:59";
}

// The TEI dating attributes of one resolved point (not a range): `when` for a day, month or
// year, a clock time or a day part as a time of day, ISO weeks in `when-iso`, and the bounds
// of a part of a period in `notBefore`/`notAfter`.
std::vector<sdk::Attribute> point_tei(const DateScanner::Point& p, const Rendered& r) {
  const bool known_day = p.g == Granularity::day && p.year != unknown_year && p.month > 0 && is_valid_date(p.year, p.month, p.day);
  if (p.hour >= 0) {
    if (p.hour > 23) return {};
    std::string time = two(p.hour) + ":" + two(p.minute) + ":00" + (p.utc ? "Z" : "");
    if (known_day) return {{"when", iso_day(p.year, p.month, p.day) + "T" + time}};
    return p.month == 0 ? std::vector<sdk::Attribute>{{"when", time}} : std::vector<sdk::Attribute>{};
  }
  if (p.day_part >= 1 && p.day_part <= 4 && p.g == Granularity::day) {
    if (!known_day) return {};
    std::string from, to;
    day_part_bounds(p.day_part, p.year, p.month, p.day, from, to);
    return {{"notBefore", from}, {"notAfter", to}};
  }
  if (p.g == Granularity::week && p.year != unknown_year) {
    std::vector<sdk::Attribute> out;
    if (!p.weekend) out.push_back({"when-iso", iso_year(p.year) + "-W" + two(p.part)});
    out.push_back({"notBefore", r.not_before});
    out.push_back({"notAfter", r.not_after});
    return out;
  }
  if (!r.single.empty()) return {{"when", r.single}};
  if (!r.not_before.empty()) return {{"notBefore", r.not_before}, {"notAfter", r.not_after}};
  if (p.g == Granularity::month && p.year == unknown_year && p.month >= 1 && p.month <= 12) return {{"when", "--" + two(p.month)}};
  return {};
}

// The TEI form of a value the scanner keeps as a TimeML literal: a duration, a set, a
// reference to the present, past or future, or a fiscal year.
std::vector<sdk::Attribute> literal_tei(TimexType type, const std::string& value, const ScanSettings& settings) {
  std::string dct = settings.has_document_date ? iso_day(settings.document_date.year, settings.document_date.month, settings.document_date.day) : "";
  if (value == "PRESENT_REF") return {{"type", "present"}};
  if (value == "PAST_REF") {
    if (dct.empty()) return {{"type", "past"}};
    return {{"type", "past"}, {"notAfter", dct}};
  }
  if (value == "FUTURE_REF") {
    if (dct.empty()) return {{"type", "future"}};
    return {{"type", "future"}, {"notBefore", dct}};
  }
  if (value.size() == 6 && value.compare(0, 2, "FY") == 0) return {{"type", "fiscal"}, {"when", value.substr(2)}};
  if (type == TimexType::set) return {{"type", "set"}, {"dur-iso", value}};
  if (type == TimexType::duration && value.size() >= 3 && value[0] == 'P') {
    // "for years": a duration of an unstated number of units ("PXY") has no ISO form
    std::size_t x = value.find('X');
    if (x == std::string::npos) return {{"dur-iso", value}};
    static const std::pair<const char*, const char*> units[] = {{"PXY", "years"}, {"PXM", "months"}, {"PXW", "weeks"}, {"PXD", "days"},
                                                                {"PTXH", "hours"}, {"PTXM", "minutes"}, {"PXDE", "decades"}};
    for (const auto& [code, name] : units)
      if (value == code) return {{"type", "duration"}, {"subtype", name}};
  }
  return {};
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
    e.tei = literal_tei(m.type, m.literal, settings_);
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
  e.year_certain = p.explicit_year || p.year_certain;
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
  if (m.shape == Match::Shape::point) {
    if (p.ambiguous) {
      // both readings stay possible until the analysis settles the order
      int y = p.year;
      std::int64_t one = day_number(y, p.nb, p.na), other = day_number(y, p.na, p.nb);
      bool one_ok = is_valid_date(y, p.nb, p.na), other_ok = is_valid_date(y, p.na, p.nb);
      if (one_ok && other_ok) {
        CivilDate lo = civil_from_day_number(std::min(one, other)), hi = civil_from_day_number(std::max(one, other));
        e.tei = {{"notBefore", iso_day(lo.year, lo.month, lo.day)}, {"notAfter", iso_day(hi.year, hi.month, hi.day)}};
      }
    } else {
      e.tei = point_tei(p, a);
    }
  } else if (m.shape == Match::Shape::range) {
    Rendered b = render(m.q);
    std::string from = a.single.empty() ? a.not_before : a.single;
    std::string to = b.single.empty() ? b.not_after : b.single;
    if (!from.empty() && !to.empty()) e.tei = {{"from", from}, {"to", to}};
    e.range = true;
    if (a.bounded && b.bounded) { e.last_day = b.last; }
    else e.bounded = false;
    if (m.type == TimexType::duration) {
      e.value = "P" + std::to_string(m.q.year - p.year) + "Y";
      if (!e.tei.empty()) e.tei.push_back({"dur-iso", e.value});
    }
    if (m.second_end > m.second_begin && !a.value.empty() && !b.value.empty()) {
      e.endpoints.push_back({{t[m.first_begin].begin, t[m.first_end - 1].end}, a.value, point_tei(p, a)});
      e.endpoints.push_back({{t[m.second_begin].begin, t[m.second_end - 1].end}, b.value, point_tei(m.q, b)});
    }
  } else if (m.shape == Match::Shape::since) {
    std::string from = a.single.empty() ? a.not_before : a.single;
    if (!from.empty()) e.tei = {{"from", from}};
    e.range = true;
    // "since 2022": the interval holds the date as written, which TimeML tags without "since"
    if (!e.tei.empty() && m.timex_end > m.timex_begin && !a.value.empty())
      e.endpoints.push_back({e.timex, a.value, point_tei(p, a)});
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
  }
  if (p.year != unknown_year && !p.impossible && p.g == Granularity::day && p.month > 0 && m.shape == Match::Shape::point &&
      is_valid_date(p.year, p.month, p.day)) {
    has_last_day_ = true;
    last_day_ = {p.year, p.month, p.day};
    last_day_token_ = m.begin;
    last_day_block_ = block_index_;
  }
  note_written_year(m);
  out.push_back(std::move(e));
}
}  // namespace marginalia::plugins::dates
