#include "time/spans.hpp"

#include "time/calendars.hpp"
#include "time/zones.hpp"

namespace annals::detail {

temporal_value day_span(std::int64_t first, std::int64_t last, precision p, calendar c) {
  temporal_value v;
  v.earliest = v.stated_earliest = civil::day_start(first);
  v.latest = v.stated_latest = civil::day_end(last);
  v.prec = p;
  v.cal = c;
  set_single_ends(v);
  return v;
}

std::optional<temporal_value> month_span(calendar c, std::int64_t y0, std::int64_t m0, std::int64_t y1,
                                         std::int64_t m1, precision p) {
  if (!year_in_range(c, y0) || !year_in_range(c, y1)) return std::nullopt;
  const auto i0 = month_index(c, y0, m0), i1 = month_index(c, y1, m1);
  if (!i0 || !i1) return std::nullopt;
  const civil::ymd a = month_at(c, *i0), b = month_at(c, *i1);
  const auto first = to_days(c, a.y, a.m, 1);
  const unsigned last_day = days_in_month(c, b.y, b.m);
  if (!first || last_day == 0) return std::nullopt;
  const auto last = to_days(c, b.y, b.m, last_day);
  if (!last) return std::nullopt;
  return day_span(*first, *last, p, c);
}

std::optional<temporal_value> index_span(calendar c, std::int64_t i0, std::int64_t i1, precision p) {
  const civil::ymd a = month_at(c, i0), b = month_at(c, i1);
  if (!year_in_range(c, a.y) || !year_in_range(c, b.y)) return std::nullopt;
  const auto first = to_days(c, a.y, a.m, 1), last = to_days(c, b.y, b.m, days_in_month(c, b.y, b.m));
  if (!first || !last) return std::nullopt;
  return day_span(*first, *last, p, c);
}

std::optional<temporal_value> season_span(calendar c, std::int64_t y, int s) {
  const calendar_row& r = row_of(c);
  if (r.lunar) return std::nullopt;
  const std::int64_t shift = static_cast<std::int64_t>(r.spring) - 3;  // Solar Hijri: spring from Farvardin
  return month_span(c, y, season_first_month(s) + shift, y, season_last_month(s) + shift, precision::season);
}

std::optional<temporal_value> year_span(calendar c, std::int64_t y0, std::int64_t y1, precision p) {
  if (!year_in_range(c, y0) || !year_in_range(c, y1)) return std::nullopt;
  const civil::ymd a = month_at(c, first_month_index(c, y0)), b = month_at(c, first_month_index(c, y1 + 1) - 1);
  const auto first = to_days(c, a.y, a.m, 1), last = to_days(c, b.y, b.m, days_in_month(c, b.y, b.m));
  if (!first || !last) return std::nullopt;
  return day_span(*first, *last, p, c);
}

void set_single_ends(temporal_value& v) {
  const auto q = static_cast<qualifier>((v.uncertain ? 1 : 0) | (v.approximate ? 2 : 0));
  v.start = v.end = date_end{v.prec, q, end_kind::known};
}

namespace {

// `t` moved by `units` units of precision `p` (negative: earlier), in calendar `c`.
std::optional<instant> move(instant t, precision p, calendar c, std::int64_t units, bool end) {
  const precision_info& u = info(p);
  if (u.seconds != 0) return t + std::chrono::seconds{u.seconds * units};
  // Month-based: the first (or last) day of the month `units` months away, whole days;
  // a year or longer steps by years, whatever their months, to the same month (or, where
  // that year has none, the year's first or last).
  const civil::ymd d = from_days(c, civil::day_of(t));
  std::optional<temporal_value> span;
  if (u.months % 12 == 0) {
    const std::int64_t y = d.y + u.months / 12 * units;
    span = month_index(c, y, d.m) ? month_span(c, y, d.m, y, d.m, p) : year_span(c, y, y, p);
  } else {
    const auto index = month_index(c, d.y, d.m);
    if (!index) return std::nullopt;
    const civil::ymd m = month_at(c, *index + u.months * units);
    span = month_span(c, m.y, m.m, m.y, m.m, p);
  }
  if (!span) return std::nullopt;
  return end ? span->latest : span->earliest;
}

}  // namespace

bool qualify(temporal_value& v, qualifier q) {
  v.uncertain = (static_cast<unsigned>(q) & 1) != 0;
  v.approximate = (static_cast<unsigned>(q) & 2) != 0;
  const std::int64_t units = q == qualifier::both ? 2 : 1;  // EDTF: '%' widens by two units
  if (v.bounded_start()) {
    const auto t = move(v.earliest, v.prec, v.cal, -units, false);
    if (!t) return false;
    v.earliest = *t;
  }
  if (v.bounded_end()) {
    const auto t = move(v.latest, v.prec, v.cal, units, true);
    if (!t) return false;
    v.latest = *t;
  }
  set_single_ends(v);
  return true;
}

std::optional<date_error> apply_zone(temporal_value& v, const date_context& context, std::string_view text,
                                     std::size_t offset) {
  const zone tz = context.tz ? context.tz : find_zone(context.timezone);
  if (v.has_offset) {  // already UTC
    // Written at the writer's own offset (`9:37AM PST` in a Los Angeles file): the writer's
    // zone is kept beside the offset, so that labels say PST, not -08:00. `Z` stays bare.
    const instant at = v.stated_earliest != open_start ? v.stated_earliest : v.stated_latest;
    if (tz && v.offset != 0 && detail::utc_offset(tz, at) == v.offset) v.tz = tz;
    return std::nullopt;
  }
  if (!context.timezone.empty() && !tz) {
    return make_error("unknown-timezone", "unknown time zone " + quoted(context.timezone) + " for date " + quoted(text),
                      "use an IANA zone name such as 'Asia/Tehran' or 'Europe/London'", offset);
  }
  if (v.has_time) {
    if (!tz) {
      return make_error("missing-timezone", "date " + quoted(text) + " has a time of day but no time zone",
                        "add an offset (+03:30 or Z) or give the event a 'tz' or the file a 'timezone'", offset);
    }
    v.tz = tz;
    // Each pair of bounds as one local span: a repeated hour covers both readings.
    for (auto [first, last] : {std::pair{&v.earliest, &v.latest}, std::pair{&v.stated_earliest, &v.stated_latest}}) {
      const bool open_first = *first == open_start, open_last = *last == open_end;
      const std::int64_t lf = open_first ? 0 : first->time_since_epoch().count();
      const std::int64_t ll = open_last ? lf : last->time_since_epoch().count();
      instant a, b;
      if (auto e = zoned_span(tz, open_first ? ll : lf, ll, text, a, b)) {
        e->offset = static_cast<std::uint32_t>(offset);
        return e;
      }
      if (!open_first) *first = a;
      if (!open_last) *last = b;
    }
    return std::nullopt;
  }
  v.tz = tz;
  zone_days(tz, v.earliest, v.latest);
  zone_days(tz, v.stated_earliest, v.stated_latest);
  if (v.stated_earliest > v.stated_latest) {  // Samoa skipped 30 December 2011 whole
    return make_error("invalid-date", "date " + quoted(text) + " does not exist in " + std::string(zone_name(tz)) +
                                          ": its clocks skipped that day",
                      "give a day the zone had", offset);
  }
  return std::nullopt;
}

date_error make_error(std::string_view code, std::string message, std::string hint, std::size_t offset) {
  date_error e;
  e.code = std::string(code);
  e.message = std::move(message);
  e.hint = std::move(hint);
  e.offset = static_cast<std::uint32_t>(offset);
  return e;
}

std::string quoted(std::string_view text) {
  std::string s;
  s.reserve(text.size() + 2);
  s += '\'';
  s += text;
  s += '\'';
  return s;
}

}  // namespace annals::detail
