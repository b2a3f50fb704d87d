// Gaps in words, as text and as JSON (SPEC §6), and the "— 8 years later —" marker.

#include <cstdio>

#include "annals/gaps.hpp"
#include "output/json_writer.hpp"
#include "time/civil.hpp"
#include "time/date_label.hpp"

namespace annals {

namespace {

using std::chrono::sys_days;

// `YYYY-MM-DD`, with ISO 8601 expanded years outside 1..9999 (44 BC is -0043).
std::string format_day(sys_days d) {
  return format_bound(civil::day_start(d.time_since_epoch().count()), precision::day);
}

enum class unit { years, months, days };

// `d` cut down to whole `u`s: 8 years, 1 month and 7 days in years is 8 years.
duration truncate(const duration& d, unit u) {
  switch (u) {
    case unit::years:
      return duration{d.years, 0, 0, 0};
    case unit::months:
      return duration{d.years, d.months, 0, 0};
    case unit::days:
      return duration{d.years, d.months, d.days, 0};
  }
  return d;
}

unit largest_unit(const duration& d) {
  if (d.years != 0) return unit::years;
  if (d.months != 0) return unit::months;
  return unit::days;
}

// The single non-zero unit of `d`, if it has exactly one.
std::optional<unit> only_unit(const duration& d) {
  const int nonzero = (d.years != 0) + (d.months != 0) + (d.days != 0) + (d.seconds != 0);
  if (nonzero != 1 || d.seconds != 0) return std::nullopt;
  return largest_unit(d);
}

std::int64_t count_in(const duration& d, unit u) {
  switch (u) {
    case unit::years:
      return d.years;
    case unit::months:
      return d.years * 12 + d.months;
    case unit::days:
      return d.days;
  }
  return 0;
}

const char* unit_word(unit u, std::int64_t n) {
  const bool one = n == 1;
  switch (u) {
    case unit::years:
      return one ? "year" : "years";
    case unit::months:
      return one ? "month" : "months";
    case unit::days:
      return one ? "day" : "days";
  }
  return "";
}

// "8 years, 1 month, 7 days": inside "between A and B" a second "and" would misread.
std::string english_commas(const duration& d) {
  std::string s = to_english(d);
  if (const auto pos = s.rfind(" and "); pos != std::string::npos) {
    s.replace(pos, 5, ", ");
  }
  return s;
}

// An end of a gap between dates, as render labels it: the date as written ("Jul – Aug
// 1906", "14 Jumada II 1324 (Islamic) = 5 Aug 1906"), or of a span the end that bounds the
// gap ("to April 1909" ends "Apr 1909"); ".." when open. Never a bound's day alone: the
// latest end of "July – August 1906" is no date the writer gave.
std::string end_label(const std::optional<sys_days>& d, const temporal_value& v, bool start, shown_zone shown) {
  if (!d) return "..";
  // A day, or a time (a gap between dates is counted in its writer's days): that day.
  const bool one_day = v.stated_latest != open_end && v.stated_earliest != open_start &&
                       v.stated_latest - v.stated_earliest < std::chrono::days{1};
  if (one_day || v.has_time) return day_label(d->time_since_epoch().count(), v.cal, shown.style);
  if (v.form != date_form::interval) return date_label(v, shown);
  const date_end& e = start ? v.start : v.end;
  return instant_label(v, start ? v.stated_earliest : v.stated_latest, e.prec, shown);
}

// The unit a time was written to, as gaps show it: the second, else the minute.
precision shown_unit(precision written) {
  return written == precision::second ? precision::second : precision::minute;
}

// Instant `t` on the clock of `v`'s writer (its zone, or the offset written with it), or
// in `shown`, at `p`: "2 Jul 2019 13:45 UTC", labelled by the one label home.
std::string clock_label(const temporal_value& v, instant t, precision p, shown_zone shown) {
  return instant_label(v, t, shown_unit(p), shown);
}

// The unit both `a` and `b` seconds are whole numbers of, and nothing larger: 1,200 and
// 1,140 are minutes; 7,200 and 10,800 hours; 7,080 and 7,200 none (0).
std::int64_t common_unit(std::int64_t a, std::int64_t b) {
  constexpr std::int64_t units[] = {86400, 3600, 60, 1};
  for (std::size_t k = 0; k < std::size(units); ++k) {
    const std::int64_t u = units[k], above = k == 0 ? 0 : units[k - 1];
    if (a % u == 0 && b % u == 0) return (above == 0 || (a < above && b < above)) ? u : 0;
  }
  return 0;
}

// Between times of day: "1 hour 58 minutes", "between 19 and 20 minutes".
std::string time_gap_text(const gap_span& s) {
  const std::string about = s.approximate ? "about " : "";
  if (s.exact()) return about + elapsed_english(s.min_seconds);
  if (!s.max_seconds) return s.min_seconds > 0 ? "at least " + elapsed_english(s.min_seconds) : "unknown";
  const std::int64_t lo = s.min_seconds, hi = *s.max_seconds;
  std::string lo_text = elapsed_english(lo);
  if (const std::int64_t u = common_unit(lo, hi); u != 0)
    lo_text = std::to_string(lo / u);  // "19 and 20 minutes"
  if (s.approximate) return about + lo_text + " to " + elapsed_english(hi);
  return "between " + lo_text + " and " + elapsed_english(hi);
}

}  // namespace

std::string gap_text(const gap_span& s) {
  if (s.timed) return time_gap_text(s);
  const std::string about = s.approximate ? "about " : "";
  if (s.exact()) return about + to_english(s.shortest);
  if (!s.longest) return s.min_days > 0 ? "at least " + to_english(s.shortest) : "unknown";
  // Cut both ends at the coarsest unit where they differ (whole units elapsed, as an
  // age is counted): 7 years 10 months .. 8 years 10 months is "between 7 and 8 years".
  const duration& lo_full = s.shortest;
  const duration& hi_full = *s.longest;
  unit u = unit::days;
  if (lo_full.years != hi_full.years) {
    u = unit::years;
  } else if (count_in(lo_full, unit::months) != count_in(hi_full, unit::months)) {
    u = unit::months;
  }
  duration lo = truncate(lo_full, u);
  const duration hi = truncate(hi_full, u);
  if (lo == duration{}) lo = truncate(lo_full, largest_unit(lo_full));  // "11 months", not "0 years"
  const auto lo_unit = only_unit(lo);
  if (lo_unit && lo_unit == only_unit(hi)) {
    const std::int64_t a = count_in(lo, *lo_unit), b = count_in(hi, *lo_unit);
    const std::string range = std::to_string(a) + (s.approximate ? " to " : " and ") + std::to_string(b) +
                              ' ' + unit_word(*lo_unit, b);
    return s.approximate ? about + range : "between " + range;
  }
  if (s.approximate) return about + english_commas(lo) + " to " + english_commas(hi);
  return "between " + english_commas(lo) + " and " + english_commas(hi);
}

std::string format_gaps_text(const gap_report& r, const timeline& tl, shown_zone shown) {
  auto days = [](const gap_span& s) {
    if (s.exact()) return std::to_string(s.min_days) + (s.min_days == 1 ? " day" : " days");
    if (!s.max_days) return "at least " + std::to_string(s.min_days) + " days";
    return std::to_string(s.min_days) + " to " + std::to_string(*s.max_days) + " days";
  };
  // "16 Oct 2007 → 23 Nov 2015  8 years, 1 month and 7 days (2960 days)"; between times
  // of day, each time on its writer's clock: "2 Jul 2019 13:45 UTC → 2 Jul 2019 14:05 UTC  20 minutes".
  auto stretch = [&](const gap_span& s, std::uint32_t from, std::uint32_t to) {
    const temporal_value &a = tl.events[from].date, &b = tl.events[to].date;
    if (!s.timed)
      return end_label(s.from, a, false, shown) + " → " + end_label(s.to, b, true, shown) + "  " + gap_text(s) + " (" + days(s) + ")";
    return (s.from ? clock_label(a, s.from_time, a.end.prec, shown) : "..") + " → " +
           (s.to ? clock_label(b, s.to_time, b.start.prec, shown) : "..") + "  " + gap_text(s);
  };
  std::string out;
  std::optional<std::uint32_t> series;
  for (const gap& g : r.gaps) {
    if (series != g.series) {
      series = g.series;
      out += r.series[g.series] + '\n';
    }
    out += "  ";
    out += tl.names.name(tl.events[g.from].id);
    out += " → ";
    out += tl.names.name(tl.events[g.to].id);
    out += "  " + stretch(g.span, g.from, g.to) + '\n';
  }
  if (r.gaps.empty()) out += "no gaps\n";
  if (!r.quiet.empty()) {
    out += "quiet periods\n";
    for (const quiet_period& q : r.quiet) out += "  " + stretch(q.span, q.from, q.to) + '\n';
  }
  return out;
}

namespace {

// The fields a gap and a quiet period share.
void put_span(json_writer& w, const gap_span& s) {
  w.field("from_date").string_or_null(s.from ? format_day(*s.from) : "", !s.from);
  w.field("to_date").string_or_null(s.to ? format_day(*s.to) : "", !s.to);
  // Between times of day, the times as written (UTC) and the seconds; null between dates.
  const bool timed_from = s.timed && s.from, timed_to = s.timed && s.to;
  w.field("from_time")
      .string_or_null(timed_from ? format_bound(s.from_time, precision::second) : "", !timed_from);
  w.field("to_time").string_or_null(timed_to ? format_bound(s.to_time, precision::second) : "", !timed_to);
  w.field("min_days").number(s.min_days);
  if (s.max_days)
    w.field("max_days").number(*s.max_days);
  else
    w.field("max_days").null();
  if (s.timed)
    w.field("min_seconds").number(s.min_seconds);
  else
    w.field("min_seconds").null();
  if (s.timed && s.max_seconds)
    w.field("max_seconds").number(*s.max_seconds);
  else
    w.field("max_seconds").null();
  w.field("duration").string(to_iso(s.shortest));
  w.field("max_duration").string_or_null(s.longest ? to_iso(*s.longest) : "", !s.longest);
  w.field("text").string(gap_text(s));
  w.field("approximate").boolean(s.approximate);
}

}  // namespace

// Written a member at a time (a json value per gap would hold every gap's tree at once).
std::string format_gaps_json(const gap_report& r, const timeline& tl) {
  std::string out;
  json_writer w(out, true);
  w.begin_object();
  w.field("gaps").begin_array();
  for (const gap& g : r.gaps) {
    w.item().begin_object();
    w.field("series").string(r.series[g.series]);
    w.field("from").string(tl.names.name(tl.events[g.from].id));
    w.field("to").string(tl.names.name(tl.events[g.to].id));
    put_span(w, g.span);
    w.end_object();
  }
  w.end_array();
  w.field("quiet").begin_array();
  for (const quiet_period& q : r.quiet) {
    w.item().begin_object();
    w.field("from").string(tl.names.name(tl.events[q.from].id));
    w.field("to").string(tl.names.name(tl.events[q.to].id));
    put_span(w, q.span);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return out + '\n';
}

std::optional<std::string> gap_marker(const timeline& tl, const chronology& c, std::size_t earlier,
                                      std::size_t later, const duration& threshold) {
  const event_bounds& a = c.bounds[earlier];
  const event_bounds& b = c.bounds[later];
  const event& e = tl.events[earlier];
  const event& f = tl.events[later];
  const gap_span s = measure_span(a.end_min, a.end_max, b.start_min, b.start_max,
                                  e.date.approximate || f.date.approximate, e.date.tz, f.date.tz);
  // Only a gap that is surely this long earns a marker.
  if (!s.from || !s.to || s.min_days == 0 ||
      add_days(s.from->time_since_epoch().count(), threshold) > s.to->time_since_epoch().count()) {
    return std::nullopt;
  }
  // Rough on purpose: the largest unit only, "— 8 years later —".
  const unit u = largest_unit(s.shortest);
  const std::int64_t lo = u == unit::days ? s.min_days : count_in(s.shortest, u);
  std::string text = s.approximate ? "about " : "";
  if (!s.longest) {
    text = "at least " + std::to_string(lo) + ' ' + unit_word(u, lo);
  } else {
    const std::int64_t hi = u == unit::days ? *s.max_days : count_in(*s.longest, u);
    text += hi == lo ? std::to_string(lo) : std::to_string(lo) + " to " + std::to_string(hi);
    text += ' ';
    text += unit_word(u, hi);
  }
  return "— " + text + " later —";
}

}  // namespace annals
