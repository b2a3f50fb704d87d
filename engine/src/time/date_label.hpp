#pragma once

// Dates as a reader writes them: the one home of date labels. A label is made from
// what was written (the value's calendar, zone, precision, qualifiers and the shape of
// its ends), never re-guessed from its widened bounds: "20 Apr 2010 21:49 CDT",
// "25 Oct 1917 (Julian) = 7 Nov 1917", "c. 1500 – 1600", "mid-Dec 2015", "after 2015".
// Every format's labels, headings, axis ticks and inferred ranges come from here.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "annals/shown.hpp"
#include "annals/temporal.hpp"

namespace annals {

// shown_zone (annals/shown.hpp): the zone labels show times of day in and the style of
// Julian dates. A time is always labelled with its zone's abbreviation.

/// "Nov", in the month names of calendar `c` (of year `year`: Adar II in a leap year).
std::string_view month_abbr(unsigned month, calendar c = calendar::gregorian, std::int64_t year = 2000);

/// A year as a reader writes it: "2015", "AD 79", "44 BC", "12,000 BC"; in the other
/// calendars the year's number, or the calendar's own form ("an VIII").
std::string year_label(std::int64_t year, calendar c = calendar::gregorian);

/// "23 Nov 2015": a Gregorian day number as a label; in calendar `c` with its Gregorian
/// day beside it: "23 Jumada I 1326 (Islamic) = 23 Jun 1908".
std::string day_label(std::int64_t day, calendar c = calendar::gregorian, label_style style = label_style::as_written);

/// A date as written: in its calendar (a non-Gregorian one with its Gregorian
/// equivalent beside it), at its precision, with its qualifiers, times as wall time in
/// the writer's zone with its abbreviation. A relative date has no label of its own:
/// label its resolved bounds with range_label. `shown`: the zone its times are shown in.
std::string date_label(const temporal_value& v, shown_zone shown = std::nullopt);

/// The stated span of `v` as a heading: Gregorian, without qualifiers ("5th century", "1990s").
std::string span_heading(const temporal_value& v);

/// The instants [first, last] as a reader writes them at precision `p` in zone `tz`
/// (Gregorian): inferred and resolved bounds. "23–30 Nov 2015", "from 2015",
/// "until 16 Nov 2015", "undated". Times in `shown` when given.
std::string range_label(instant first, instant last, precision p, zone tz, shown_zone shown = std::nullopt);

/// The unit of precision `p` that holds instant `t`, on `v`'s writer's clock (its zone,
/// or the UTC offset written with it) or, for a time of day, in `shown`, in `v`'s
/// calendar with its Gregorian equivalent: "28 Feb 2017 14:26 PST", "28 Feb 2017",
/// "Feb 2017", "9 Jan 1905 (Julian) = 22 Jan 1905". How messages and gaps name one instant.
std::string instant_label(const temporal_value& v, instant t, precision p, shown_zone shown = std::nullopt);

/// The wall time of `t` (seconds since 1970-01-01T00:00 local) as `v`'s writer reads
/// clocks: in its zone, or at the UTC offset written with it; a timed `v` in `shown`.
std::int64_t wall_seconds(const temporal_value& v, instant t, shown_zone shown = std::nullopt);

/// The Gregorian year and month `t` falls in on `v`'s wall clock: what headings are made of.
struct year_month {
  std::int64_t year = 1970;
  unsigned month = 1;
};
year_month wall_year_month(const temporal_value& v, instant t, shown_zone shown = std::nullopt);

/// The day (a Gregorian day number) `t` falls on by `v`'s writer's clock: its zone, or the
/// UTC offset written with it. A year-precision date in Asia/Tehran begins on 1 January
/// there, which is still 31 December in UTC: days and years are counted here, never from
/// the UTC instant.
std::int64_t wall_day(const temporal_value& v, instant t);

/// The label of a tick of a time axis at `t` (a boundary of units of `p` in zone `tz`,
/// Gregorian): the unit, and the larger units that changed since the tick before it
/// (`previous`; none for the first tick of a stretch). Years: "1950", "AD 1", "800 BC";
/// months: "Nov 2015", then "Dec", a January "2016"; days: "23 Nov 2015", then "24 Nov";
/// times of day: "23 Nov 2015, 09:00", then "09:30", a midnight "24 Nov".
std::string tick_label(instant t, precision p, zone tz, std::optional<instant> previous = std::nullopt);

/// The year of `v` as a lane or a short lifespan writes it, with its qualifiers: "1868",
/// "c. 1868", "1900?" (uncertain: the first year it may be), "44 BC". A Gregorian or
/// Julian date keeps its own year; a date of another calendar gives the Gregorian year
/// its stated span falls in, "1911" (13 Rajab 1327 AH), or "1911/12" across two (1330 AH),
/// so that both ends of a lifespan read in one count of years.
std::string year_of(const temporal_value& v);

}  // namespace annals
