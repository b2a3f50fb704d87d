// Gaps in words, as text and as JSON (SPEC §6), and the "— 8 years later —" marker.

#include <cstdio>
#include <nlohmann/json.hpp>

#include "annals/gaps.hpp"
#include "civil.hpp"

namespace annals {

namespace {

using std::chrono::sys_days;

// `YYYY-MM-DD`, with ISO 8601 expanded years outside 1..9999 (44 BC is -0043).
std::string format_day(sys_days d) { return format_bound(civil::day_start(d.time_since_epoch().count()), precision::day); }

enum class unit { years, months, days };

// `d` cut down to whole `u`s: 8 years, 1 month and 7 days in years is 8 years.
duration truncate(const duration& d, unit u) {
  switch (u) {
    case unit::years: return duration{d.years, 0, 0, 0};
    case unit::months: return duration{d.years, d.months, 0, 0};
    case unit::days: return duration{d.years, d.months, d.days, 0};
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
    case unit::years: return d.years;
    case unit::months: return d.years * 12 + d.months;
    case unit::days: return d.days;
  }
  return 0;
}

const char* unit_word(unit u, std::int64_t n) {
  const bool one = n == 1;
  switch (u) {
    case unit::years: return one ? "year" : "years";
    case unit::months: return one ? "month" : "months";
    case unit::days: return one ? "day" : "days";
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

std::string dash_if_none(const std::optional<sys_days>& d) { return d ? format_day(*d) : ".."; }

}  // namespace

std::string gap_text(const gap_span& s) {
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
    const std::string range = std::to_string(a) + (s.approximate ? " to " : " and ") + std::to_string(b) + ' ' +
                              unit_word(*lo_unit, b);
    return s.approximate ? about + range : "between " + range;
  }
  if (s.approximate) return about + english_commas(lo) + " to " + english_commas(hi);
  return "between " + english_commas(lo) + " and " + english_commas(hi);
}

std::string format_gaps_text(const gap_report& r, const timeline& tl) {
  auto days = [](const gap_span& s) {
    if (s.exact()) return std::to_string(s.min_days) + (s.min_days == 1 ? " day" : " days");
    if (!s.max_days) return "at least " + std::to_string(s.min_days) + " days";
    return std::to_string(s.min_days) + " to " + std::to_string(*s.max_days) + " days";
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
    out += "  " + dash_if_none(g.span.from) + " → " + dash_if_none(g.span.to) + "  " + gap_text(g.span) + " (" +
           days(g.span) + ")\n";
  }
  if (r.gaps.empty()) out += "no gaps\n";
  if (!r.quiet.empty()) {
    out += "quiet periods\n";
    for (const quiet_period& q : r.quiet) {
      out += "  " + dash_if_none(q.span.from) + " → " + dash_if_none(q.span.to) + "  " + gap_text(q.span) + " (" +
             days(q.span) + ")\n";
    }
  }
  return out;
}

namespace {

using json = nlohmann::ordered_json;

// The fields a gap and a quiet period share.
void put_span(json& j, const gap_span& s) {
  j["from_date"] = s.from ? json(format_day(*s.from)) : json(nullptr);
  j["to_date"] = s.to ? json(format_day(*s.to)) : json(nullptr);
  j["min_days"] = s.min_days;
  j["max_days"] = s.max_days ? json(*s.max_days) : json(nullptr);
  j["duration"] = to_iso(s.shortest);
  j["max_duration"] = s.longest ? json(to_iso(*s.longest)) : json(nullptr);
  j["text"] = gap_text(s);
  j["approximate"] = s.approximate;
}

}  // namespace

std::string format_gaps_json(const gap_report& r, const timeline& tl) {
  json out;
  json& gaps = out["gaps"] = json::array();
  for (const gap& g : r.gaps) {
    json j;
    j["series"] = r.series[g.series];
    j["from"] = tl.names.name(tl.events[g.from].id);
    j["to"] = tl.names.name(tl.events[g.to].id);
    put_span(j, g.span);
    gaps.push_back(std::move(j));
  }
  json& quiet = out["quiet"] = json::array();
  for (const quiet_period& q : r.quiet) {
    json j;
    put_span(j, q.span);
    quiet.push_back(std::move(j));
  }
  return out.dump(2, ' ', false, json::error_handler_t::replace) + '\n';
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
