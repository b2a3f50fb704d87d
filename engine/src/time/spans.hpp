#pragma once

// Building temporal values from calendar spans: the arithmetic shared by the EDTF
// reader (edtf.cpp) and the English grammar (date_grammar.cpp). Values are built in
// the writer's local time ("floating") and put in their zone last (apply_zone).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "annals/temporal.hpp"
#include "time/civil.hpp"

namespace annals::detail {

/// A value covering whole days `first`..`last` (day numbers, inclusive), stated as read.
temporal_value day_span(std::int64_t first, std::int64_t last, precision p, calendar c);

/// A value covering months (y0, m0) .. (y1, m1) of calendar `c`, inclusive, whole days;
/// nullopt when a year is out of the calendar's range or has no such month. Months
/// beyond the year's count on from its first month (calendars.hpp month_index: month 0
/// of 2016 is December 2015, month 14 of 2015 February 2016).
std::optional<temporal_value> month_span(calendar c, std::int64_t y0, std::int64_t m0, std::int64_t y1,
                                         std::int64_t m1, precision p);

/// A value covering months with indexes i0 .. i1 (calendars.hpp month_index) of `c`.
std::optional<temporal_value> index_span(calendar c, std::int64_t i0, std::int64_t i1, precision p);

/// A value covering the whole years y0 .. y1 of calendar `c` (12 months, or 13, or 10).
std::optional<temporal_value> year_span(calendar c, std::int64_t y0, std::int64_t y1, precision p);

/// Season `s` (1 spring .. 4 winter) of year `y` in calendar `c`, its months counted from the
/// calendar's spring (calendars.hpp); nullopt in a lunar calendar, whose months drift
/// through the seasons, or out of range.
std::optional<temporal_value> season_span(calendar c, std::int64_t y, int s);

/// The first and last month of a Northern meteorological season (1 spring .. 4 winter),
/// winter running from December into the next year: last is month 14 = February next year.
inline std::int64_t season_first_month(int season) { return 3 * season; }
inline std::int64_t season_last_month(int season) { return 3 * season + 2; }

/// EDTF qualifiers: marks `v` with `q` and widens its bounds by one unit of its
/// precision on each side (two for `both`), in its calendar (python-edtf's fuzzy
/// bounds; a season counts as three months). The stated bounds stay as they were.
/// False when the widened value leaves the calendar's range.
bool qualify(temporal_value& v, qualifier q);

/// Sets both ends of a single date to its own precision and qualifier.
void set_single_ends(temporal_value& v);

/// Puts a floating value (read in local time) into its zone: a time without offset in
/// `context`'s zone (missing-timezone without one), a day as that day in the zone.
/// `text` names the date in messages, `offset` is where errors point.
std::optional<date_error> apply_zone(temporal_value& v, const date_context& context, std::string_view text,
                                     std::size_t offset);

/// Builds a date_error.
date_error make_error(std::string_view code, std::string message, std::string hint, std::size_t offset);

/// The text in quotes for messages: `'2015-02-30'`.
std::string quoted(std::string_view text);

}  // namespace annals::detail
