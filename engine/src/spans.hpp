#pragma once

// Building temporal values from calendar spans: the arithmetic shared by the EDTF
// reader (edtf.cpp) and the English grammar (date_grammar.cpp).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "annals/temporal.hpp"
#include "civil.hpp"

namespace annals::detail {

inline instant day_start(std::int64_t day) { return instant{std::chrono::seconds{day * civil::seconds_per_day}}; }
inline instant day_end(std::int64_t day) { return instant{std::chrono::seconds{day * civil::seconds_per_day + 86399}}; }
inline std::int64_t day_of(instant t) { return civil::floor_div(t.time_since_epoch().count(), civil::seconds_per_day); }

/// A value covering whole days `first`..`last` (day numbers, inclusive).
temporal_value day_span(std::int64_t first, std::int64_t last, precision p, calendar c);

/// A value covering months (y0, m0) .. (y1, m1) of calendar `c`, inclusive, whole days;
/// nullopt when a year is out of the calendar's range. Months may be out of [1, 12]:
/// they carry into the year (month 0 of 2016 is December 2015).
std::optional<temporal_value> month_span(calendar c, std::int64_t y0, std::int64_t m0, std::int64_t y1,
                                         std::int64_t m1, precision p);

/// The first and last month of a Northern meteorological season (1 spring .. 4 winter),
/// winter running from December into the next year: last is month 14 = February next year.
inline std::int64_t season_first_month(int season) { return 3 * season; }
inline std::int64_t season_last_month(int season) { return 3 * season + 2; }

/// EDTF qualifiers: widens `v` by `units` units of its precision on each side, in its
/// calendar (python-edtf's fuzzy bounds; a season counts as three months). False when
/// the widened value leaves the calendar's range.
bool widen(temporal_value& v, int units);

/// The unit a precision widens by: months for month and coarser, else seconds.
struct precision_unit {
  std::int64_t months = 0;
  std::int64_t seconds = 0;
};
precision_unit unit_of(precision p);

/// Builds a date_error.
date_error make_error(std::string_view code, std::string message, std::string hint, std::size_t offset);

/// The text in quotes for messages: `'2015-02-30'`.
std::string quoted(std::string_view text);

}  // namespace annals::detail
