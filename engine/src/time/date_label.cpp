#include "time/date_label.hpp"

#include <optional>

#include "time/calendars.hpp"
#include "time/civil.hpp"
#include "time/date_words.hpp"
#include "time/spans.hpp"
#include "time/zones.hpp"

namespace annals {

namespace {

using std::int64_t;

int64_t secs(instant t) { return t.time_since_epoch().count(); }

std::string ordinal(int64_t n) {
  const int64_t r100 = n % 100, r10 = n % 10;
  const char* suffix = (r100 >= 11 && r100 <= 13) ? "th" : r10 == 1 ? "st" : r10 == 2 ? "nd" : r10 == 3 ? "rd" : "th";
  return std::to_string(n) + suffix;
}

// 12,000 reads better than 12000; four digits stay as they are.
std::string grouped(int64_t n) {
  const std::string digits = std::to_string(n);
  if (n < 10000) return digits;
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string two(unsigned v) { return {static_cast<char>('0' + v / 10 % 10), static_cast<char>('0' + v % 10)}; }

// How instants become wall time: the writer's zone, or the UTC offset they wrote.
struct wall_clock {
  zone tz = nullptr;
  bool fixed = false;
  int64_t offset = 0;  // seconds east of UTC, when fixed

  int64_t local(instant t) const { return fixed ? secs(t) + offset : detail::local_seconds(tz, t); }
  int64_t day(instant t) const { return civil::floor_div(local(t), civil::seconds_per_day); }
  std::string abbreviation(instant t) const {
    if (!fixed) return detail::abbreviation(tz, t);
    if (offset == 0) return "UTC";
    // The writer's zone at the offset written (`9:37AM PST` in a Los Angeles file): its name.
    if (tz && detail::utc_offset(tz, t) == offset) return detail::abbreviation(tz, t);
    const int64_t m = (offset < 0 ? -offset : offset) / 60;
    return std::string(offset < 0 ? "-" : "+") + two(static_cast<unsigned>(m / 60)) + ':' + two(static_cast<unsigned>(m % 60));
  }
};

wall_clock clock_of(const temporal_value& v) { return {v.tz, v.has_offset, v.offset}; }

// The clocks a label reads: days on the writer's, times of day on the shown zone's.
struct clocks {
  wall_clock day, time;
};

clocks clocks_of(const temporal_value& v, shown_zone shown) {
  const wall_clock writer = clock_of(v);
  return {writer, shown.tz ? wall_clock{*shown.tz} : writer};
}

std::string day_text(calendar c, int64_t day) {
  const civil::ymd d = detail::from_days(c, day);
  return std::to_string(d.d) + ' ' + std::string(month_abbr(d.m, c, d.y)) + ' ' + year_label(d.y, c);
}

std::string month_text(calendar c, const civil::ymd& d) {
  return std::string(month_abbr(d.m, c, d.y)) + ' ' + year_label(d.y, c);
}

// Month indexes (calendars.hpp): the months that exist, in time order, in any calendar.
int64_t index_of(calendar c, const civil::ymd& d) { return detail::month_index(c, d.y, d.m).value_or(0); }
bool year_start(calendar c, const civil::ymd& d) { return index_of(c, d) == detail::first_month_index(c, d.y); }
bool year_end(calendar c, const civil::ymd& d) { return index_of(c, d) == detail::first_month_index(c, d.y + 1) - 1; }

// "21:49", "21:49:30".
std::string clock_text(int64_t local, bool seconds) {
  const civil::date_time t = civil::to_date_time(local);
  std::string s = two(t.hour) + ':' + two(t.minute);
  if (seconds) s += ':' + two(t.second);
  return s;
}

// Days [first, last] (a to b) of calendar `c` as the season they are, by the calendar's
// own seasons (Gregorian: winter December to February, "winter 2015/16"; Solar Hijri:
// spring Farvardin to Khordad, "spring 1394"), when the season reads back as those days;
// nullopt in a lunar calendar or one whose year is not twelve months.
std::optional<std::string> season_label(calendar c, int64_t first, int64_t last, const civil::ymd& a, const civil::ymd& b) {
  const detail::calendar_row& row = detail::row_of(c);
  if (row.lunar || detail::months_in_year(c, a.y) != 12) return std::nullopt;
  const int64_t from_spring = civil::floor_mod(static_cast<int64_t>(a.m) - row.spring, 12);
  if (from_spring % 3 != 0) return std::nullopt;
  const int season = static_cast<int>(from_spring / 3) + 1;  // 1 spring .. 4 winter
  const int64_t year = a.y;  // a winter is named by its first month's year
  const auto span = detail::season_span(c, year, season);
  if (!span || civil::day_of(span->earliest) != first || civil::day_of(span->latest) != last) return std::nullopt;
  std::string label = std::string(detail::season_names[season]) + ' ' + year_label(year, c);
  if (b.y != a.y) label += '/' + two(static_cast<unsigned>(civil::floor_mod(b.y, 100)));  // winter 2015/16
  return label;
}

// The label of days [first, last] (local day numbers, inclusive) of calendar `c` when
// they are exactly one unit of a precision no finer than a day, else nullopt.
std::optional<std::string> unit_label(calendar c, int64_t first, int64_t last, precision p) {
  if (first == last) return day_text(c, first);
  if (p == precision::week && last - first == 6) return "week of " + day_text(c, first);
  const civil::ymd a = detail::from_days(c, first), b = detail::from_days(c, last);
  const bool month_start = a.d == 1, month_end = b.d == detail::days_in_month(c, b.y, b.m);
  if (a.y == b.y && a.m == b.m) {
    if (month_start && month_end) return month_text(c, a);
    // early|mid|late + month: days 1-10, 11-20, 21-end (SPEC §3).
    if (a.d == 1 && b.d == 10) return "early " + month_text(c, a);
    if (a.d == 11 && b.d == 20) return "mid-" + month_text(c, a);
    if (a.d == 21 && month_end) return "late " + month_text(c, a);
    return std::nullopt;
  }
  if (!month_start || !month_end) return std::nullopt;
  const int64_t months = index_of(c, b) - index_of(c, a) + 1;
  const bool gregorian_like = c == calendar::gregorian || c == calendar::julian;
  if (p == precision::season && months == 3) {
    if (auto season = season_label(c, first, last, a, b)) return season;
  }
  // early|mid|late + year: Jan-Apr, May-Aug, Sep-Dec (SPEC §3).
  for (int part = 0; part < 3 && a.y == b.y && p == precision::month; ++part) {
    if (detail::year_part(c, a.y, part) == std::pair{index_of(c, a), index_of(c, b)})
      return (part == 0 ? "early " : part == 1 ? "mid-" : "late ") + year_label(a.y, c);
  }
  if (!year_start(c, a) || !year_end(c, b)) return std::nullopt;
  const int64_t years = b.y - a.y + 1;
  if (years == 1) return year_label(a.y, c);
  if (!gregorian_like) return std::nullopt;
  if (a.y >= 1) {
    const int64_t decade = a.y - a.y % 10;
    if (years == 10 && a.y % 10 == 0) return std::to_string(a.y) + "s";
    // early|mid|late + decade: years 0-3, 4-6, 7-9 (SPEC §3).
    if (years == 4 && a.y % 10 == 0) return "early " + std::to_string(decade) + "s";
    if (years == 3 && a.y % 10 == 4) return "mid-" + std::to_string(decade) + "s";
    if (years == 3 && a.y % 10 == 7) return "late " + std::to_string(decade) + "s";
    if (years == 100 && a.y % 100 == 1) return ordinal(a.y / 100 + 1) + " century";
    if (years == 100 && a.y % 100 == 0) return std::to_string(a.y) + "s";  // the 1800s: 1800-1899
    if (years == 1000 && a.y % 1000 == 1) return ordinal(a.y / 1000 + 1) + " millennium";
  } else if (b.y <= 0) {
    // Years before AD 1 count down: the 50s BC are 59..50 BC, the 5th century BC 500..401 BC.
    const int64_t from = 1 - a.y, to = 1 - b.y;  // BC years, from > to
    if (years == 10 && to % 10 == 0) return std::to_string(to) + "s BC";
    if (years == 100 && to % 100 == 1) return ordinal(from / 100) + " century BC";
    if (years == 1000 && to % 1000 == 1) return ordinal(from / 1000) + " millennium BC";
  }
  return std::nullopt;
}

// Days [first, last] of calendar `c` that are not one unit: the shortest range that says them.
std::string day_range(calendar c, int64_t first, int64_t last) {
  const civil::ymd a = detail::from_days(c, first), b = detail::from_days(c, last);
  if (a.d == 1 && b.d == detail::days_in_month(c, b.y, b.m)) {  // whole months
    if (year_start(c, a) && year_end(c, b)) return year_label(a.y, c) + " – " + year_label(b.y, c);
    if (a.y == b.y) return std::string(month_abbr(a.m, c)) + " – " + month_text(c, b);
    return month_text(c, a) + " – " + month_text(c, b);
  }
  if (a.y == b.y && a.m == b.m) return std::to_string(a.d) + "–" + std::to_string(b.d) + ' ' + month_text(c, a);
  if (a.y == b.y) return std::to_string(a.d) + ' ' + std::string(month_abbr(a.m, c)) + " – " + day_text(c, last);
  return day_text(c, first) + " – " + day_text(c, last);
}

std::string days_label(calendar c, int64_t first, int64_t last, precision p) {
  if (auto u = unit_label(c, first, last, p)) return *u;
  return day_range(c, first, last);
}

// A time of day with its date and zone: "20 Apr 2010 21:49 CDT".
std::string time_label(calendar c, const wall_clock& w, instant t, precision p) {
  const int64_t local = w.local(t);
  return day_text(c, civil::floor_div(local, civil::seconds_per_day)) + ' ' +
         clock_text(local, p == precision::second) + ' ' + w.abbreviation(t);
}

// The instants [first, last] at a precision finer than a day: one time, or a range of times.
std::string times_label(calendar c, const wall_clock& w, instant first, instant last, precision p) {
  if (secs(last) - secs(first) < info(p).seconds) return time_label(c, w, first, p);
  // The last unit's start: "21:49 – 22:10" names the minutes, not their last seconds.
  const instant last_unit = last - std::chrono::seconds{info(p).seconds - 1};
  if (w.day(first) == w.day(last_unit) && w.abbreviation(first) == w.abbreviation(last_unit)) {
    const int64_t a = w.local(first), b = w.local(last_unit);
    return day_text(c, w.day(first)) + ' ' + clock_text(a, p == precision::second) + " – " +
           clock_text(b, p == precision::second) + ' ' + w.abbreviation(first);
  }
  return time_label(c, w, first, p) + " – " + time_label(c, w, last_unit, p);
}

// The label of one unit of precision `p` that begins at day `day` (or, `backward`,
// ends on it) in calendar `c`; the day alone when the unit does not align there.
std::string unit_at(calendar c, int64_t day, precision p, bool backward) {
  const precision_info& u = info(p);
  if (u.months == 0) {
    const int64_t days = u.seconds / civil::seconds_per_day;
    return days <= 1 ? day_text(c, day) : days_label(c, backward ? day - days + 1 : day, backward ? day : day + days - 1, p);
  }
  const civil::ymd d = detail::from_days(c, day);
  // A year or longer counts whole years of the calendar (12 months, or 13, or 10).
  const int64_t years = u.months / 12;
  const bool by_years = u.months % 12 == 0;
  const int64_t index = by_years ? detail::first_month_index(c, backward ? d.y + 1 - years : d.y)
                                 : index_of(c, d) + (backward ? 1 - u.months : 0);
  const int64_t last_index = by_years ? detail::first_month_index(c, (backward ? d.y + 1 - years : d.y) + years) - 1
                                      : index + u.months - 1;
  const civil::ymd m0 = detail::month_at(c, index), m1 = detail::month_at(c, last_index);
  const auto first = detail::to_days(c, m0.y, m0.m, 1);
  const auto last = detail::to_days(c, m1.y, m1.m, detail::days_in_month(c, m1.y, m1.m));
  if (!first || !last || (backward ? *last != day : *first != day)) return day_text(c, day);
  return days_label(c, *first, *last, p);
}

std::string with_qualifier(std::string label, qualifier q) {
  if (q == qualifier::approximate || q == qualifier::both) label = "c. " + label;
  if (q == qualifier::uncertain || q == qualifier::both) label += '?';
  return label;
}

// One end of an interval: the unit it begins with (start) or ends with (end).
std::string end_label(const temporal_value& v, const clocks& w, calendar c, bool start) {
  const date_end& e = start ? v.start : v.end;
  if (e.prec < precision::day) {
    const instant t = start ? v.stated_earliest : v.stated_latest - std::chrono::seconds{info(e.prec).seconds - 1};
    return with_qualifier(time_label(c, w.time, t, e.prec), e.qual);
  }
  const int64_t day = w.day.day(start ? v.stated_earliest : v.stated_latest);
  return with_qualifier(unit_at(c, day, e.prec, !start), e.qual);
}

// The label of `v` in calendar `c`.
std::string label_in(const temporal_value& v, calendar c, shown_zone shown) {
  const clocks w = clocks_of(v, shown);
  const instant first = v.stated_earliest, last = v.stated_latest;
  constexpr std::chrono::seconds one{1};
  switch (v.form) {
    case date_form::single:
    case date_form::relative: {
      if (first == open_start || last == open_end) return range_label(first, last, v.prec, v.tz, shown);
      const qualifier q = v.start.qual;
      if (v.prec < precision::day) return with_qualifier(times_label(c, w.time, first, last, v.prec), q);
      return with_qualifier(days_label(c, w.day.day(first), w.day.day(last), v.prec), q);
    }
    case date_form::before:
      if (v.end.prec < precision::day) {
        return "before " + with_qualifier(time_label(c, w.time, last + one, v.end.prec), v.end.qual);
      }
      return "before " + with_qualifier(unit_at(c, w.day.day(last + one), v.end.prec, false), v.end.qual);
    case date_form::after:
      if (v.start.prec < precision::day) {
        return "after " + with_qualifier(time_label(c, w.time, first - one, v.start.prec), v.start.qual);
      }
      return "after " + with_qualifier(unit_at(c, w.day.day(first - one), v.start.prec, true), v.start.qual);
    case date_form::either: {
      // "12 or 13 Jul 2015", "Aug or Sep 54 BC", "1914 or 1915", "28 Feb 2017 11:35 or 11:37
      // PST": the shared tail and then the shared head said once, as whole words.
      const std::string a = end_label(v, w, c, true), b = end_label(v, w, c, false);
      std::size_t tail = 0;
      while (tail < a.size() && tail < b.size() && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
      while (tail > 0 && (a[a.size() - tail] != ' ' || b[b.size() - tail] != ' ')) --tail;
      const std::string first = a.substr(0, a.size() - tail);
      std::size_t head = 0;
      while (head < first.size() && head < b.size() && first[head] == b[head]) ++head;
      while (head > 0 && (head >= first.size() || head >= b.size() || first[head - 1] != ' ')) --head;
      return first + " or " + b.substr(head);
    }
    case date_form::night:  // "night of 24–25 Oct 1917": the two days, as written
      return "night of " + day_range(c, w.day.day(first), w.day.day(first) + 1);
    case date_form::interval:
    case date_form::between: break;
  }
  const bool known_start = v.start.kind == end_kind::known, known_end = v.end.kind == end_kind::known;
  if (!known_start && !known_end) return "undated";
  if (!known_start) return (v.start.kind == end_kind::open ? "until " : "? – ") + end_label(v, w, c, false);
  if (!known_end) return v.end.kind == end_kind::open ? "from " + end_label(v, w, c, true) : end_label(v, w, c, true) + " – ?";
  // Two plain ends of the same unit read as one range: "16–23 Nov 2015", "Nov – Dec 2015", "2007 – 2015".
  const bool plain = v.start.qual == qualifier::none && v.end.qual == qualifier::none && v.start.prec == v.end.prec;
  if (plain && v.start.prec < precision::day) return times_label(c, w.time, first, last, v.start.prec);
  if (plain && (v.start.prec == precision::year || v.start.prec == precision::month)) {
    // Ends written as years or months are those ends, not the unit they happen to fill:
    // "between 1907 and 1909" is "1907 – 1909", never "late 1900s".
    const int64_t d0 = w.day.day(first), d1 = w.day.day(last);
    const civil::ymd a = detail::from_days(c, d0), b = detail::from_days(c, d1);
    const bool years = v.start.prec == precision::year && a.y != b.y;
    const bool months = v.start.prec == precision::month && (a.y != b.y || a.m != b.m) && !(a.m == 1 && b.m == 12);
    if (years || months) return day_range(c, d0, d1);
  }
  if (plain && v.start.prec <= precision::year) return days_label(c, w.day.day(first), w.day.day(last), v.start.prec);
  return end_label(v, w, c, true) + " – " + end_label(v, w, c, false);
}

// The unit of `p` that holds `t`, in calendar `c` (Gregorian unless said), on clocks `w`:
// one end of a range.
std::string point_label(instant t, precision p, const clocks& w, calendar c = calendar::gregorian) {
  if (p < precision::day) return time_label(c, w.time, t, p);
  const int64_t day = w.day.day(t);
  const civil::ymd d = detail::from_days(c, day);
  if (p <= precision::week) return day_text(c, day);
  if (p <= precision::season) return month_text(c, d);
  return year_label(d.y, c);
}

// Calendar `c`, or the Gregorian where day `day` lies beyond what the others reach (a
// bound carried far by links): the calendars' libraries count years in 16 bits.
calendar reaching(calendar c, int64_t day) {
  constexpr int64_t reach = 30000;  // years either side of AD 1, inside ±32767
  const int64_t y = civil::civil_from_days(day).y;
  return y < -reach || y > reach ? calendar::gregorian : c;
}

// A label in calendar `c` with its Gregorian equivalent beside it, as every label of a
// non-Gregorian date reads: "23 Jumada I 1326 (Islamic) = 23 Jun 1908". In the Old
// Style / New Style style a Julian date reads as English histories write it: "25 Oct
// 1917 O.S. = 7 Nov 1917 N.S." (its year counted from 1 January, as annals reads it).
template <typename Label>
std::string with_gregorian(calendar c, Label label, label_style style = label_style::as_written) {
  if (c == calendar::gregorian) return label(calendar::gregorian);
  std::string out = label(c);
  if (c == calendar::julian && style == label_style::old_new_style) return out + " O.S. = " + label(calendar::gregorian) + " N.S.";
  out += " (";
  out += detail::calendar_title(c);
  out += ") = ";
  out += label(calendar::gregorian);
  return out;
}

}  // namespace

std::string_view month_abbr(unsigned month, calendar c, std::int64_t year) { return detail::month_label(c, year, month); }

std::string year_label(int64_t year, calendar c) {
  if (auto text = detail::year_text(c, year)) return *text;
  if (!detail::row_of(c).english_years) return std::to_string(year);
  if (year <= 0) return grouped(1 - year) + " BC";  // astronomical 0 is 1 BC
  if (year < 1000) return "AD " + std::to_string(year);
  return grouped(year);
}

std::string day_label(int64_t day, calendar c, label_style style) {
  return with_gregorian(reaching(c, day), [&](calendar in) { return day_text(in, day); }, style);
}

std::string date_label(const temporal_value& v, shown_zone shown) {
  if (!v.ok()) return "undated";
  return with_gregorian(v.cal, [&](calendar in) { return label_in(v, in, shown); }, shown.style);
}

std::string span_heading(const temporal_value& v) {
  const wall_clock w = clock_of(v);
  return days_label(calendar::gregorian, w.day(v.stated_earliest), w.day(v.stated_latest), v.prec);
}

std::string range_label(instant first, instant last, precision p, zone tz, shown_zone shown) {
  const clocks w{wall_clock{tz}, wall_clock{shown.tz ? *shown.tz : tz}};
  if (first == open_start && last == open_end) return "undated";
  if (first == open_start) return "until " + point_label(last, p, w);
  if (last == open_end) return "from " + point_label(first, p, w);
  if (p < precision::day) return times_label(calendar::gregorian, w.time, first, last, p);
  return days_label(calendar::gregorian, w.day.day(first), w.day.day(last), p);
}

std::string instant_label(const temporal_value& v, instant t, precision p, shown_zone shown) {
  if (t == open_start || t == open_end) return "..";
  const clocks w = clocks_of(v, shown);
  return with_gregorian(reaching(v.cal, w.day.day(t)), [&](calendar in) { return point_label(t, p, w, in); }, shown.style);
}

// A timed date reads the shown zone's clock; a day or coarser its writer's.
std::int64_t wall_seconds(const temporal_value& v, instant t, shown_zone shown) {
  return (v.prec < precision::day ? clocks_of(v, shown).time : clock_of(v)).local(t);
}

std::int64_t wall_day(const temporal_value& v, instant t) { return clock_of(v).day(t); }

std::string year_of(const temporal_value& v) {
  if (!v.ok() || (!v.bounded_start() && !v.bounded_end())) return "?";
  const instant first = v.bounded_start() ? v.stated_earliest : v.stated_latest;
  const instant last = v.bounded_end() ? v.stated_latest : v.stated_earliest;
  std::string year;
  if (v.cal == calendar::gregorian || v.cal == calendar::julian) {
    const int64_t day = wall_day(v, first);
    const calendar c = reaching(v.cal, day);
    year = year_label(detail::from_days(c, day).y, c);
  } else {
    const int64_t a = civil::civil_from_days(wall_day(v, first)).y, b = civil::civil_from_days(wall_day(v, last)).y;
    year = year_label(a);
    if (b == a + 1 && a >= 1000) year += '/' + two(static_cast<unsigned>(civil::floor_mod(b, 100)));  // 1911/12
  }
  return with_qualifier(year, static_cast<qualifier>((v.approximate ? 2 : 0) | (v.uncertain ? 1 : 0)));
}

std::string tick_label(instant t, precision p, zone tz, std::optional<instant> previous) {
  const wall_clock w{tz};
  const int64_t local = w.local(t);
  const int64_t day = civil::floor_div(local, civil::seconds_per_day);
  const civil::ymd d = civil::civil_from_days(day);
  const std::optional<civil::ymd> before =
      previous ? std::optional{civil::civil_from_days(w.day(*previous))} : std::nullopt;
  const bool new_year = !before || before->y != d.y;
  if (p >= precision::year) return year_label(d.y);
  if (p >= precision::month) {
    if (d.m == 1 && d.d == 1) return year_label(d.y);
    return new_year ? month_text(calendar::gregorian, d) : std::string(month_abbr(d.m));
  }
  const std::string short_day = std::to_string(d.d) + ' ' + std::string(month_abbr(d.m));
  if (p >= precision::day) return new_year ? day_text(calendar::gregorian, day) : short_day;
  if (!before) return day_text(calendar::gregorian, day) + ", " + clock_text(local, p == precision::second);
  if (local - day * civil::seconds_per_day == 0) return new_year ? day_text(calendar::gregorian, day) : short_day;
  return clock_text(local, p == precision::second);
}

year_month wall_year_month(const temporal_value& v, instant t, shown_zone shown) {
  const civil::ymd d = civil::civil_from_days(civil::floor_div(wall_seconds(v, t, shown), civil::seconds_per_day));
  return {d.y, d.m};
}

}  // namespace annals
