// SPDX-License-Identifier: MIT
#include "timeml_from_tei.hpp"

#include "calendar.hpp"

namespace marginalia::plugins::dates {
namespace {

std::string attribute(const std::vector<sdk::Attribute>& attributes, std::string_view name) {
  for (const sdk::Attribute& a : attributes)
    if (a.name == name) return a.value;
  return {};
}

std::string two(int v) { return std::string(1, static_cast<char>('0' + v / 10)) + static_cast<char>('0' + v % 10); }

// The first or last day a W3C date ("2013", "2013-03", "2013-03-23") covers; false otherwise.
bool day_bound(std::string_view v, bool last, std::int64_t& out) {
  CivilDate d;
  if (!parse_iso(v.substr(0, v.find('T')), d) || d.year == 0) return false;
  if (d.month == 0) d.month = last ? 12 : 1;
  if (d.day == 0) d.day = last ? days_in_month(d.year, d.month) : 1;
  out = day_number(d.year, d.month, d.day);
  return true;
}

// "hh:mm" and the zone of a W3C time or date-time ("2013-03-23T15:00:00Z" → "15:00Z").
std::string clock(std::string_view v) {
  std::size_t t = v.find('T');
  std::string_view time = t == std::string_view::npos ? v : v.substr(t + 1);
  if (time.size() < 5) return {};
  std::string out(time.substr(0, 5));
  if (!time.empty() && time.back() == 'Z') out += 'Z';
  return out;
}

// The TimeML value of the smallest calendar unit holding the days [first, last]: a day, an
// ISO weekend, a month, a quarter, half or season when the bounds are exactly one, a year, a
// decade or a century. Parts of a period ("early December") read as their period, as TIMEX3
// puts the part in @mod and keeps the period's value.
std::string period_value(std::int64_t first, std::int64_t last) {
  CivilDate a = civil_from_day_number(first), b = civil_from_day_number(last);
  if (first == last) return iso_day(a.year, a.month, a.day);
  if (last == first + 1 && weekday_of(first) == 5) {
    int wy = 0, wk = 0;
    iso_week_of(first, wy, wk);
    return iso_year(wy) + "-W" + two(wk) + "-WE";
  }
  if (last == first + 6 && weekday_of(first) == 0) {
    int wy = 0, wk = 0;
    iso_week_of(first, wy, wk);
    return iso_year(wy) + "-W" + two(wk);
  }
  if (a.year == b.year && a.month == b.month) return iso_month(a.year, a.month);
  bool whole_months = a.day == 1 && b.day == days_in_month(b.year, b.month);
  int months = (b.year - a.year) * 12 + b.month - a.month + 1;
  if (whole_months && months == 3) {
    static const char* seasons[] = {"", "", "", "SP", "", "", "SU", "", "", "FA", "", "", "WI"};
    if ((a.month - 1) % 3 == 0) return iso_year(a.year) + "-Q" + std::to_string((a.month - 1) / 3 + 1);
    if (a.month % 3 == 0) return iso_year(a.year) + "-" + seasons[a.month];
  }
  if (whole_months && months == 6 && (a.month == 1 || a.month == 7)) return iso_year(a.year) + "-H" + (a.month == 1 ? "1" : "2");
  if (a.year == b.year) return iso_year(a.year);
  if (a.year / 10 == b.year / 10) return std::to_string(a.year / 10);
  if (a.year / 100 == b.year / 100) return two(a.year / 100);
  return iso_year(a.year);
}

}  // namespace

bool timeml_from_tei(std::string_view name, const std::vector<sdk::Attribute>& attributes, TimexReading& out) {
  out = TimexReading{};
  const std::string type = attribute(attributes, "type");
  const std::string when = attribute(attributes, "when"), when_iso = attribute(attributes, "when-iso");
  const std::string dur = attribute(attributes, "dur-iso");
  const std::string not_before = attribute(attributes, "notBefore"), not_after = attribute(attributes, "notAfter");
  const std::string from = attribute(attributes, "from");
  if (type == "present" || type == "past" || type == "future") {
    out.value = type == "present" ? "PRESENT_REF" : type == "past" ? "PAST_REF" : "FUTURE_REF";
    return true;
  }
  if (type == "set") {
    out.type = TimexType::set;
    out.value = dur;
    return !dur.empty();
  }
  if (type == "fiscal") {
    out.value = "FY" + when;
    return !when.empty();
  }
  if (type == "duration") {
    static const std::pair<const char*, const char*> units[] = {{"years", "PXY"}, {"months", "PXM"}, {"weeks", "PXW"}, {"days", "PXD"},
                                                                {"hours", "PTXH"}, {"minutes", "PTXM"}, {"decades", "PXDE"}};
    out.type = TimexType::duration;
    for (const auto& [unit, value] : units)
      if (attribute(attributes, "subtype") == unit) out.value = value;
    if (out.value.empty()) out.value = dur;
    return !out.value.empty();
  }
  if (!dur.empty()) {  // a duration, or a range read as its length ("from 2009 to 2011", P2Y)
    out.type = TimexType::duration;
    out.value = dur;
    return true;
  }
  if (name == "time") {
    out.type = TimexType::time;
    if (!when.empty()) {
      std::size_t t = when.find('T');
      std::string day = t == std::string::npos ? (when.find(':') == std::string::npos ? when : "XXXX-XX-XX") : when.substr(0, t);
      out.value = day + "T" + clock(when);
      return true;
    }
    if (not_before.size() > 11 && not_before[10] == 'T') {
      int hour = (not_before[11] - '0') * 10 + (not_before[12] - '0');
      const char* part = hour < 12 ? "MO" : hour < 18 ? "AF" : hour < 22 ? "EV" : "NI";
      out.value = not_before.substr(0, 10) + "T" + part;
      return true;
    }
    return false;
  }
  if (!when_iso.empty()) { out.value = when_iso; return true; }
  if (!when.empty()) {
    if (when.compare(0, 2, "--") == 0) out.value = "XXXX-" + when.substr(2);
    else out.value = when;
    return true;
  }
  std::int64_t first = 0, last = 0;
  if (!not_before.empty() && !not_after.empty() && day_bound(not_before, false, first) && day_bound(not_after, true, last) && first <= last) {
    out.value = period_value(first, last);
    return true;
  }
  if (!from.empty()) {  // a range read as its start, as TimeML tags "since 2022" by its date
    if (from.compare(0, 2, "--") == 0) out.value = "XXXX-" + from.substr(2);
    else out.value = from;
    return true;
  }
  return false;
}

}  // namespace marginalia::plugins::dates
