#pragma once

// Day numbers of dates in the calendars annals reads (SPEC §3, the mapping form's
// `calendar`). Days count from 1970-01-01 like date::sys_days, in int64 so that the
// Gregorian calendar reaches EDTF long years.

#include <cstdint>
#include <optional>
#include <string_view>

#include "annals/temporal.hpp"
#include "time/civil.hpp"

namespace annals::detail {

/// Day number of y-m-d in calendar `c`; nullopt when there is no such day or the year
/// is outside what the calendar supports (Gregorian: ±civil::max_year; others: ±32767).
std::optional<std::int64_t> to_days(calendar c, std::int64_t y, unsigned m, unsigned d);

/// The length of month `m` (in [1, 12]) of year `y`; 0 when the year is out of range.
unsigned days_in_month(calendar c, std::int64_t y, unsigned m);

/// The date in calendar `c` of day `z` (which must lie in the calendar's range).
civil::ymd from_days(calendar c, std::int64_t z);

/// The names of a calendar's months, the one table that reading and labels use.
struct month_names {
  std::string_view full[12];  // "November", "Azar", "Muharram"
  std::string_view abbr[12];  // "Nov"; the full name where there is no usual abbreviation
};
/// English for the Gregorian and Julian calendars, Persian for Solar Hijri, Arabic for Islamic.
const month_names& months_of(calendar c);

/// The calendar as a label names it: "Julian", "Solar Hijri".
std::string_view calendar_title(calendar c);

/// A date text that names its calendar at its end, "(Julian)" or "(Solar Hijri)" (any
/// case), split into the calendar and the date before it.
struct named_calendar {
  calendar cal;
  std::string_view rest;
};
std::optional<named_calendar> calendar_suffix(std::string_view text);

/// Solar Hijri by Borkowski's algorithm: the day of 1 Farvardin of year `jy` and
/// whether `jy` is a leap year; nullopt outside the algorithm's range [-61, 3177].
struct jalali_year {
  std::int64_t nowruz = 0;
  bool leap = false;
};
std::optional<jalali_year> borkowski(std::int64_t jy);

}  // namespace annals::detail
