#include "render_common.hpp"

#include "civil.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace annals {

namespace {

using std::int64_t;
constexpr int64_t day_seconds = 86400;

using civil::floor_div;

instant at(int64_t seconds) { return instant{std::chrono::seconds{seconds}}; }
int64_t secs(instant t) { return t.time_since_epoch().count(); }

bool midnight(instant t) { return floor_div(secs(t), day_seconds) * day_seconds == secs(t); }

// Moves a first-of-month instant by `months` calendar months.
instant add_months(instant t, int64_t months) {
  const civil_time c = to_civil(t);
  const int64_t index = c.year * 12 + (c.month - 1) + months;
  return from_civil(floor_div(index, 12), static_cast<unsigned>(index - floor_div(index, 12) * 12) + 1, 1);
}

std::int64_t months_between(const civil_time& a, const civil_time& b) {
  return (b.year - a.year) * 12 + (static_cast<int64_t>(b.month) - a.month);
}

std::string two(unsigned v) {
  char buf[4];
  std::snprintf(buf, sizeof buf, "%02u", v % 100);
  return buf;
}

std::string day_text(const civil_time& c) {
  return std::to_string(c.day) + ' ' + std::string(month_abbr(c.month)) + ' ' + year_label(c.year);
}
std::string month_text(const civil_time& c) { return std::string(month_abbr(c.month)) + ' ' + year_label(c.year); }
std::string time_text(const civil_time& c, bool seconds) {
  std::string s = day_text(c) + ' ' + two(c.hour) + ':' + two(c.minute);
  if (seconds) s += ':' + two(c.second);
  return s + " UTC";
}
std::string iso_day(const civil_time& c) { return format_bound(from_civil(c.year, c.month, c.day), precision::day); }

// A unit of a precision as a step; qualifiers widen a date by such steps (SPEC §3).
struct step {
  int64_t seconds = 0, months = 0;
};
step unit_of(precision p) {
  switch (p) {
    case precision::second: return {1, 0};
    case precision::minute: return {60, 0};
    case precision::hour: return {3600, 0};
    case precision::day: return {day_seconds, 0};
    case precision::week: return {7 * day_seconds, 0};
    case precision::month: return {0, 1};
    case precision::season: return {0, 3};
    case precision::year: return {0, 12};
    case precision::decade: return {0, 120};
    case precision::century: return {0, 1200};
    case precision::millennium: return {0, 12000};
  }
  return {};
}

instant move(instant t, step s, int64_t k) {
  if (s.months != 0) return add_months(t, s.months * k);
  return at(secs(t) + s.seconds * k);
}

std::string ordinal(int64_t n) {
  const int64_t r100 = n % 100, r10 = n % 10;
  const char* suffix = (r100 >= 11 && r100 <= 13) ? "th" : r10 == 1 ? "st" : r10 == 2 ? "nd" : r10 == 3 ? "rd" : "th";
  return std::to_string(n) + suffix;
}

// The label of the whole unit [a, e) when it is one (a day, a month, a season, ...).
std::optional<std::string> unit_label(instant a, instant e, precision p) {
  const civil_time A = to_civil(a), E = to_civil(e);
  const int64_t span = secs(e) - secs(a);
  if (!midnight(a) || !midnight(e)) {
    if (p == precision::second && span == 1) return time_text(A, true);
    if ((p == precision::minute && span == 60) || (p == precision::hour && span == 3600)) return time_text(A, false);
    return std::nullopt;
  }
  if (span == day_seconds) return day_text(A);
  if (p == precision::week && span == 7 * day_seconds) return "week of " + day_text(A);
  const bool month_aligned = A.day == 1 && E.day == 1;
  if (!month_aligned) {
    // early|mid|late + month: days 1-10, 11-20, 21-end (SPEC §3).
    const civil_time last = to_civil(at(secs(e) - day_seconds));
    if (last.year == A.year && last.month == A.month) {
      if (A.day == 1 && last.day == 10) return "early " + month_text(A);
      if (A.day == 11 && last.day == 20) return "mid-" + month_text(A);
    }
    if (A.day == 21 && E.day == 1 && months_between(A, E) == 1) return "late " + month_text(A);
    return std::nullopt;
  }
  const int64_t months = months_between(A, E);
  if (months == 1) return month_text(A);
  if (p == precision::season && months == 3 && A.month % 3 == 0) {
    static constexpr std::array<std::string_view, 4> seasons = {"winter", "spring", "summer", "autumn"};
    std::string name(seasons[(A.month % 12) / 3]);
    if (A.month == 12) return name + ' ' + year_label(A.year) + '/' + two(static_cast<unsigned>((A.year + 1) % 100 + 100));
    return name + ' ' + year_label(A.year);
  }
  // early|mid|late + year: Jan-Apr, May-Aug, Sep-Dec (SPEC §3).
  if (months == 4 && A.month == 1) return "early " + year_label(A.year);
  if (months == 4 && A.month == 5) return "mid-" + year_label(A.year);
  if (months == 4 && A.month == 9) return "late " + year_label(A.year);
  if (A.month != 1 || E.month != 1) return std::nullopt;
  if (months == 12) return year_label(A.year);
  if (A.year < 1) return std::nullopt;  // decades and centuries BC: written as a range
  if (months == 120 && A.year % 10 == 0) return std::to_string(A.year) + "s";
  const int64_t decade = A.year - A.year % 10;
  if (months == 48 && A.year % 10 == 0) return "early " + std::to_string(decade) + "s";
  if (months == 36 && A.year % 10 == 4) return "mid-" + std::to_string(decade) + "s";
  if (months == 36 && A.year % 10 == 7) return "late " + std::to_string(decade) + "s";
  if (months == 1200 && A.year % 100 == 1) return ordinal(A.year / 100 + 1) + " century";
  if (months == 12000 && A.year % 1000 == 1) return ordinal(A.year / 1000 + 1) + " millennium";
  return std::nullopt;
}

// The label of the unit that starts at `a`, at the coarsest unit `a` is aligned to.
std::string point_label(instant a) {
  const civil_time A = to_civil(a);
  if (!midnight(a)) return time_text(A, A.second != 0);
  if (A.day != 1) return day_text(A);
  if (A.month != 1) return month_text(A);
  return year_label(A.year);
}

}  // namespace

civil_time to_civil(instant t) {
  const int64_t s = secs(t);
  const int64_t days = floor_div(s, day_seconds);
  const int64_t sod = s - days * day_seconds;  // [0, 86399]
  const civil::ymd d = civil::civil_from_days(days);
  civil_time c;
  c.year = d.y;
  c.month = d.m;
  c.day = d.d;
  c.hour = static_cast<unsigned>(sod / 3600);
  c.minute = static_cast<unsigned>(sod / 60 % 60);
  c.second = static_cast<unsigned>(sod % 60);
  return c;
}

instant from_civil(int64_t year, unsigned month, unsigned day) {
  return at(civil::days_from_civil(year, month, day) * day_seconds);
}

std::string_view month_abbr(unsigned month) {
  static constexpr std::array<std::string_view, 12> names = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return names[(month + 11) % 12];
}

std::string year_label(int64_t year) {
  if (year <= 0) return std::to_string(1 - year) + " BC";  // astronomical 0 is 1 BC
  if (year < 1000) return "AD " + std::to_string(year);
  return std::to_string(year);
}

std::string range_label(instant first, instant last) {
  if (first == open_start && last == open_end) return "undated";
  if (first == open_start) return "before " + point_label(at(secs(last) + 1));
  if (last == open_end) return "from " + point_label(first);
  const instant e = at(secs(last) + 1);
  const civil_time A = to_civil(first), E = to_civil(e);
  if (!midnight(first) || !midnight(e)) {
    return time_text(A, A.second != 0) + " – " + time_text(to_civil(last), to_civil(last).second != 0);
  }
  if (A.day == 1 && E.day == 1) {
    const civil_time L = to_civil(add_months(e, -1));
    if (A.month == 1 && E.month == 1) {
      return L.year == A.year ? year_label(A.year) : year_label(A.year) + " – " + year_label(L.year);
    }
    return months_between(A, E) == 1 ? month_text(A) : month_text(A) + " – " + month_text(L);
  }
  const civil_time L = to_civil(last);
  if (secs(e) - secs(first) == day_seconds) return day_text(A);
  return iso_day(A) + " – " + iso_day(L);
}

std::pair<instant, instant> written_span(const temporal_value& date) {
  if (!date.ok() || !date.bounded_start() || !date.bounded_end()) return {date.earliest, date.latest};
  instant a = date.earliest;
  instant e = at(secs(date.latest) + 1);
  // EDTF qualifiers widened the date by a unit on each side (two for '%'); undo that.
  if (date.approximate || date.uncertain) {
    const int64_t k = (date.approximate && date.uncertain) ? 2 : 1;
    const step s = unit_of(date.prec);
    const bool aligned = s.months == 0 || (to_civil(a).day == 1 && to_civil(e).day == 1 && midnight(a) && midnight(e));
    if (aligned) {
      const instant a2 = move(a, s, k), e2 = move(e, s, -k);
      if (a2 < e2) a = a2, e = e2;
    }
  }
  return {a, at(secs(e) - 1)};
}

std::string date_label(const temporal_value& date) {
  if (!date.ok()) return "undated";
  if (!date.bounded_start() || !date.bounded_end()) return range_label(date.earliest, date.latest);
  const auto [a, last] = written_span(date);
  std::string label;
  if (auto unit = unit_label(a, at(secs(last) + 1), date.prec)) {
    label = *unit;
  } else {
    label = range_label(a, last);
  }
  // The qualifier says how sure the date is.
  if (date.approximate) label = "c. " + label;
  if (date.uncertain) label += '?';
  return label;
}

std::string_view calendar_title(calendar c) {
  switch (c) {
    case calendar::gregorian: return "Gregorian calendar";
    case calendar::julian: return "Julian calendar";
    case calendar::solar_hijri: return "Solar Hijri calendar";
    case calendar::islamic: return "Islamic calendar";
  }
  return "";
}

std::string heading_of(const temporal_value& date) {
  const auto [first, last] = written_span(date);
  if (first == open_start && last == open_end) return "Undated";
  if (first == open_start) return year_label(to_civil(last).year);
  if (last == open_end) return year_label(to_civil(first).year);
  const std::int64_t year = to_civil(first).year;
  if (to_civil(last).year == year) return year_label(year);
  temporal_value unqualified = date;
  unqualified.approximate = unqualified.uncertain = false;
  unqualified.earliest = first;
  unqualified.latest = last;
  return date_label(unqualified);
}

shown_bounds bounds_of(const timeline& tl, const chronology& chron, std::size_t i) {
  const event& e = tl.events[i];
  shown_bounds b{e.date.earliest, e.date.latest};
  if (i < chron.narrowed.size() && chron.narrowed[i] && i < chron.bounds.size()) {
    b.inferred = true;
    b.inferred_earliest = chron.bounds[i].start_min;
    b.inferred_latest = chron.bounds[i].end_max;
  }
  return b;
}

std::string_view link_phrase(link_kind k) {
  switch (k) {
    case link_kind::causes: return "causes";
    case link_kind::caused_by: return "caused by";
    case link_kind::enables: return "enables";
    case link_kind::enabled_by: return "enabled by";
    case link_kind::responds_to: return "responds to";
    case link_kind::part_of: return "part of";
    case link_kind::after: return "after";
    case link_kind::before: return "before";
  }
  return "";
}

bool link_points_back(link_kind k) {
  return k == link_kind::caused_by || k == link_kind::enabled_by || k == link_kind::responds_to ||
         k == link_kind::after || k == link_kind::part_of;
}

std::string actor_name(const timeline& tl, symbol id) {
  for (const actor& a : tl.actors) {
    if (a.id == id && !a.name.empty()) return a.name;
  }
  return std::string(tl.names.name(id));
}

std::string place_name(const timeline& tl, symbol id) {
  for (const place& p : tl.places) {
    if (p.id == id && !p.name.empty()) return p.name;
  }
  return std::string(tl.names.name(id));
}

const source* find_source(const timeline& tl, symbol id) {
  for (const source& s : tl.sources) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

std::size_t display_width(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::vector<std::string> wrap(std::string_view text, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t pos = 0;
  width = std::max<std::size_t>(width, 1);
  while (pos < text.size()) {
    const std::size_t space = text.find(' ', pos);
    const std::string_view word = text.substr(pos, space == std::string_view::npos ? std::string_view::npos : space - pos);
    pos = space == std::string_view::npos ? text.size() : space + 1;
    if (word.empty()) continue;
    if (!line.empty() && display_width(line) + 1 + display_width(word) > width) {
      lines.push_back(std::move(line));
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
  }
  if (!line.empty() || lines.empty()) lines.push_back(std::move(line));
  return lines;
}

std::int64_t unit_seconds(precision p) {
  switch (p) {
    case precision::second: return 1;
    case precision::minute: return 60;
    case precision::hour: return 3600;
    case precision::day: return 86400;
    case precision::week: return 7 * 86400;
    case precision::month: return 31 * 86400;
    case precision::season: return 92 * 86400;
    case precision::year: return 366 * 86400;
    case precision::decade: return 3653LL * 86400;
    case precision::century: return 36525LL * 86400;
    case precision::millennium: return 365250LL * 86400;
  }
  return 86400;
}

}  // namespace annals
