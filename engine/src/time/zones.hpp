#pragma once

// The time-zone half of the civil-time core (civil.hpp): local wall time in IANA zones,
// and the day an instant falls on where its writer is. date/tz.h stays inside zones.cpp:
// it is heavy. A null zone is UTC throughout.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annals/duration.hpp"
#include "annals/temporal.hpp"

namespace annals::detail {

/// Seconds east of UTC in `tz` at `t`.
std::int64_t utc_offset(zone tz, instant t);

/// The local wall time of `t` in `tz`, as seconds since 1970-01-01T00:00 local.
inline std::int64_t local_seconds(zone tz, instant t) {
  return t.time_since_epoch().count() + (tz ? utc_offset(tz, t) : 0);
}

/// The instant of local wall time `local` (seconds) in `tz`: the earlier reading where the
/// clocks repeat it, the first instant after the gap where they skip it.
instant from_local(zone tz, std::int64_t local);

/// `t` plus `d` counted on the wall clock of `tz`: a day later is the same time the next
/// day even across a daylight-saving change, a month later the same day of next month.
instant add_local(zone tz, instant t, const duration& d);

/// The calendar day (day number) `t` falls on in `tz`.
std::int64_t local_day(zone tz, instant t);

/// The zone's abbreviation at `t` ("CDT", "+0330"); "UTC" for no zone.
std::string abbreviation(zone tz, instant t);

/// The first instant of local day `day` in `tz`: local midnight; when the clocks skip
/// midnight, the first instant after the gap; when they repeat it, the first reading.
instant local_day_start(zone tz, std::int64_t day);

/// The first instant of the unit of precision `p` that holds `t` in `tz` (Gregorian):
/// the hour, the day, the month, or the year (for a year and coarser).
instant local_unit_start(zone tz, instant t, precision p);

/// Whole days [first_day, last_day] in `tz` as UTC bounds (inclusive), each end open
/// when it is `open_start`/`open_end` already. Works on the bounds of a floating value.
void zone_days(zone tz, instant& first, instant& last);

/// Converts the local span [local_first, local_last] (seconds since 1970-01-01 local) in
/// `tz` to UTC seconds. The DST rule:
/// - a local time that occurs twice (clocks go back) covers both readings: the first
///   bound takes the earlier instant, the last bound the later one;
/// - a local time that never occurs (clocks go forward) is `invalid-date`, naming the zone.
/// `text` is the date as written, for messages.
std::optional<date_error> zoned_span(zone tz, std::int64_t local_first, std::int64_t local_last,
                                     std::string_view text, instant& first, instant& last);

/// What a zone word written after a time of day names (grammar_time.cpp reads it):
/// - a tzdata abbreviation ("PST", "CEST", "IST") is the fixed UTC offset it names, even on
///   a date when the zone's rule gives another (`9:37AM PST` in July is 09:37 −08:00);
/// - `PT`, `ET`, `CT`, `MT` name a zone (America/Los_Angeles, America/New_York,
///   America/Chicago, America/Denver) whose rule applies by date;
/// - an abbreviation tzdata gives several offsets (IST: India, Ireland, Israel) takes the one
///   the writer's zone `writer` gives it, else it is `ambiguous-zone`, naming the zones.
struct zone_word {
  std::optional<std::int32_t> offset;  // seconds east of UTC, for an abbreviation
  zone tz = nullptr;                   // for PT, ET, CT, MT
  std::optional<date_error> error;     // ambiguous (its offset is 0: the caller places it)
};

/// The reading of `w` (lower case) as a zone word; nullopt when it is none.
/// `text` is the date as written, for messages.
std::optional<zone_word> read_zone_word(std::string_view w, zone writer, std::string_view text);

/// The hint for a zone name the tz database does not have (`--tz`): the name in its
/// right case, the zones an abbreviation (PST) or general name (PT) stands for, the
/// nearest name by spelling, else how to name a zone.
std::string zone_name_hint(std::string_view name);

/// The hint for a word that stands where a zone could: the nearest abbreviations tzdata
/// knows, or how else to name a zone.
std::string zone_word_hint(std::string_view w);

}  // namespace annals::detail
