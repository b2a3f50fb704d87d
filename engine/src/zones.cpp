#include "zones.hpp"

#include <date/tz.h>

#include <array>
#include <stdexcept>

#include "civil.hpp"
#include "spans.hpp"

namespace annals {

zone find_zone(std::string_view name) {
  if (name.empty()) return nullptr;
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    return nullptr;
  }
}

std::string_view zone_name(zone tz) { return tz ? std::string_view(tz->name()) : std::string_view(); }

namespace detail {
namespace {

// The tz database speaks of years the date library holds (±32767); instants beyond keep
// the offset in force at the nearest edge of this range (the zone's local mean time
// before history, its last rule after).
constexpr std::int64_t edge_seconds = 32000LL * 366 * civil::seconds_per_day;

std::int64_t clamp_seconds(std::int64_t s) { return s < -edge_seconds ? -edge_seconds : s > edge_seconds ? edge_seconds : s; }

date::sys_seconds sys(std::int64_t s) { return date::sys_seconds{std::chrono::seconds{clamp_seconds(s)}}; }

// The offset of the most recent sys_info per thread: a timeline's instants cluster, and a
// sys_info covers months, so almost every lookup is a hit.
struct offset_cache {
  zone tz = nullptr;
  std::int64_t begin = 0, end = 0;  // [begin, end) in seconds
  std::int64_t offset = 0;
};

std::int64_t offset_at(zone tz, std::int64_t seconds) {
  thread_local std::array<offset_cache, 4> cache{};
  thread_local std::size_t next = 0;
  const std::int64_t s = clamp_seconds(seconds);
  for (const offset_cache& c : cache) {
    if (c.tz == tz && s >= c.begin && s < c.end) return c.offset;
  }
  const date::sys_info info = tz->get_info(sys(s));
  offset_cache& c = cache[next++ % cache.size()];
  c = {tz, info.begin.time_since_epoch().count(), info.end.time_since_epoch().count(), info.offset.count()};
  if (c.end <= c.begin) c.end = c.begin + 1;
  return c.offset;
}

}  // namespace

std::int64_t utc_offset(zone tz, instant t) {
  if (!tz || t == open_start || t == open_end) return 0;
  return offset_at(tz, t.time_since_epoch().count());
}

std::int64_t local_day(zone tz, instant t) {
  if (t == open_start || t == open_end) return civil::day_of(t);
  return civil::floor_div(local_seconds(tz, t), civil::seconds_per_day);
}

std::string abbreviation(zone tz, instant t) {
  if (!tz) return "UTC";
  return tz->get_info(sys(t.time_since_epoch().count())).abbrev;
}

instant local_day_start(zone tz, std::int64_t day) {
  const std::int64_t local = day * civil::seconds_per_day;
  if (!tz) return instant{std::chrono::seconds{local}};
  // Most days: one offset holds for a day either side, so local midnight is one instant.
  const std::int64_t offset = offset_at(tz, local - offset_at(tz, local));
  const std::int64_t guess = local - offset;
  if (offset_at(tz, guess - civil::seconds_per_day) == offset && offset_at(tz, guess + civil::seconds_per_day) == offset) {
    return instant{std::chrono::seconds{guess}};
  }
  const std::int64_t clamped = clamp_seconds(local);
  const date::local_info i = tz->get_info(date::local_seconds{std::chrono::seconds{clamped}});
  const std::int64_t shift = local - clamped;
  switch (i.result) {
    case date::local_info::unique:
    case date::local_info::ambiguous:  // the first reading: the earlier instant
      return instant{std::chrono::seconds{local - i.first.offset.count()}};
    case date::local_info::nonexistent:  // the day begins when the clocks jump
      return instant{i.first.end.time_since_epoch() + std::chrono::seconds{shift}};
  }
  return instant{std::chrono::seconds{local}};
}

instant from_local(zone tz, std::int64_t local) {
  if (!tz) return instant{std::chrono::seconds{local}};
  if (civil::floor_mod(local, civil::seconds_per_day) == 0) return local_day_start(tz, local / civil::seconds_per_day);
  const std::int64_t guess = local - offset_at(tz, local - offset_at(tz, local));
  // The clocks skipped `local`: the gap's end, which is where the earlier offset runs out.
  if (offset_at(tz, guess) != local - guess) return instant{std::chrono::seconds{local - offset_at(tz, guess)}};
  return instant{std::chrono::seconds{guess}};
}

instant add_local(zone tz, instant t, const duration& d) {
  if (!tz || t == open_start || t == open_end) return add(t, d);
  const instant moved = add(instant{std::chrono::seconds{local_seconds(tz, t)}}, d);
  return from_local(tz, moved.time_since_epoch().count());
}

instant local_unit_start(zone tz, instant t, precision p) {
  if (t == open_start || t == open_end) return t;
  if (p < precision::day) {
    const std::int64_t local = local_seconds(tz, t);
    const std::int64_t unit = info(p).seconds;
    return t - std::chrono::seconds{civil::floor_mod(local, unit)};
  }
  const std::int64_t day = local_day(tz, t);
  if (p <= precision::week) return local_day_start(tz, day);
  const civil::ymd d = civil::civil_from_days(day);
  return local_day_start(tz, civil::days_from_civil(d.y, p <= precision::season ? d.m : 1, 1));
}

void zone_days(zone tz, instant& first, instant& last) {
  if (!tz) return;
  if (first != open_start) first = local_day_start(tz, civil::day_of(first));
  if (last != open_end) last = local_day_start(tz, civil::day_of(last) + 1) - std::chrono::seconds{1};
}

std::optional<date_error> zoned_span(zone tz, std::int64_t local_first, std::int64_t local_last,
                                     std::string_view text, instant& first, instant& last) {
  if (local_first < -edge_seconds || local_last > edge_seconds)
    return make_error("invalid-date", "date " + quoted(text) + " is too far from today for time zone rules",
                      "give the time with a UTC offset, e.g. '+03:30'", 0);
  const date::local_seconds lf{std::chrono::seconds{local_first}};
  const date::local_seconds ll{std::chrono::seconds{local_last}};
  const date::local_info a = tz->get_info(lf);
  const date::local_info b = tz->get_info(ll);
  if (a.result == date::local_info::nonexistent || b.result == date::local_info::nonexistent)
    return make_error("invalid-date",
                      "time " + quoted(text) + " does not exist in " + tz->name() +
                          ": the clocks skip it at a daylight-saving change",
                      "give the time with a UTC offset", 0);
  // Ambiguous: `first` holds the reading before the change (the earlier instant),
  // `second` the one after (the later instant).
  first = instant{std::chrono::seconds{local_first} - a.first.offset};
  const auto& b_info = b.result == date::local_info::ambiguous ? b.second : b.first;
  last = instant{std::chrono::seconds{local_last} - b_info.offset};
  return std::nullopt;
}

}  // namespace detail
}  // namespace annals
