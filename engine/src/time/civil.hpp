#pragma once

// The civil-time core: the one home of calendar arithmetic. Proleptic Gregorian day
// numbers on int64 years, month addition, times of day, and the day an instant falls
// on. Other calendars (calendars.hpp) and time zones (zones.hpp) convert through these
// day numbers; nothing else in the engine re-derives a year, a month or a day.
//
// date::year stops at ±32767, but EDTF long years (`Y17000000`, `Y-170000002`) must
// normalize; these are Howard Hinnant's published days_from_civil / civil_from_days
// algorithms widened to std::int64_t, so they agree with date::sys_days wherever both
// exist. Day numbers count from 1970-01-01 like date::sys_days.

#include <cstdint>

#include "annals/temporal.hpp"

namespace annals::civil {

/// Years beyond this are rejected: their seconds would not fit an int64 instant (~2.9e11 years).
inline constexpr std::int64_t max_year = 100'000'000'000;

/// Arithmetic saturates at this many days either side of 1970 (about 1.9e11 years): past
/// every date annals reads, near enough that its seconds stay far inside int64.
inline constexpr std::int64_t max_day = std::int64_t{1} << 46;

inline constexpr std::int64_t seconds_per_day = 86400;

/// Floor division: -1 / 400 is -1, not 0.
constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}
/// The remainder of floor division, in [0, b) for b > 0.
constexpr std::int64_t floor_mod(std::int64_t a, std::int64_t b) noexcept { return a - floor_div(a, b) * b; }

constexpr bool is_leap(std::int64_t y) noexcept {
  return floor_mod(y, 4) == 0 && (floor_mod(y, 100) != 0 || floor_mod(y, 400) == 0);
}

/// The days of month `m` (in [1, 12]) of year `y`.
constexpr unsigned last_day(std::int64_t y, unsigned m) noexcept {
  constexpr unsigned char days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29u : days[m - 1];
}

/// Days since 1970-01-01 of the Gregorian y-m-d (m in [1, 12], d in [1, last_day]).
constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
  y -= m <= 2;
  const std::int64_t era = floor_div(y, 400);
  const auto yoe = static_cast<unsigned>(y - era * 400);                   // [0, 399]
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // [0, 365]
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;             // [0, 146096]
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

/// A calendar date: astronomical years (44 BC is -43); also used for the other calendars.
struct ymd {
  std::int64_t y = 1970;
  unsigned m = 1;  // [1, 12]
  unsigned d = 1;  // [1, 31]

  friend bool operator==(const ymd&, const ymd&) = default;
};

/// The Gregorian date of day `z` since 1970-01-01.
constexpr ymd civil_from_days(std::int64_t z) noexcept {
  z += 719468;
  const std::int64_t era = floor_div(z, 146097);
  const auto doe = static_cast<unsigned>(z - era * 146097);                    // [0, 146096]
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
  const unsigned mp = (5 * doy + 2) / 153;                                     // [0, 11]
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;                             // [1, 31]
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;                                // [1, 12]
  return {static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2), m, d};
}

/// Monday = 0 .. Sunday = 6 (1970-01-01 was a Thursday).
constexpr unsigned iso_weekday(std::int64_t z) noexcept { return static_cast<unsigned>(floor_mod(z + 3, 7)); }

constexpr std::int64_t clamp_day(std::int64_t z) noexcept { return z < -max_day ? -max_day : z > max_day ? max_day : z; }

/// Month `index` counted from year 0 (y * 12 + m - 1) as a year and month.
constexpr ymd month_of_index(std::int64_t index) noexcept {
  const std::int64_t y = floor_div(index, 12);
  return {y, static_cast<unsigned>(index - y * 12 + 1), 1};
}

/// Day `z` plus `months` calendar months, the day of the month clamped to the target
/// month's end (2015-01-31 + 1 month = 2015-02-28). Saturates at ±max_day.
constexpr std::int64_t add_months(std::int64_t z, std::int64_t months) noexcept {
  constexpr std::int64_t max_months = max_day / 28;  // beyond it the day saturates anyway
  if (months > max_months || months < -max_months) return months > 0 ? max_day : -max_day;
  const ymd d = civil_from_days(clamp_day(z));
  const ymd target = month_of_index(d.y * 12 + (d.m - 1) + months);
  const unsigned last = last_day(target.y, target.m);
  return clamp_day(days_from_civil(target.y, target.m, d.d < last ? d.d : last));
}

/// The day an instant falls on, in UTC.
constexpr std::int64_t day_of(instant t) noexcept { return floor_div(t.time_since_epoch().count(), seconds_per_day); }
/// The first and last second of day `z` (UTC).
constexpr instant day_start(std::int64_t z) noexcept { return instant{std::chrono::seconds{z * seconds_per_day}}; }
constexpr instant day_end(std::int64_t z) noexcept {
  return instant{std::chrono::seconds{z * seconds_per_day + seconds_per_day - 1}};
}

/// A date and a time of day.
struct date_time {
  ymd date;
  unsigned hour = 0, minute = 0, second = 0;

  friend bool operator==(const date_time&, const date_time&) = default;
};

/// The Gregorian date and time of `seconds` since 1970-01-01T00:00.
constexpr date_time to_date_time(std::int64_t seconds) noexcept {
  const std::int64_t z = floor_div(seconds, seconds_per_day);
  const std::int64_t s = seconds - z * seconds_per_day;  // [0, 86399]
  return {civil_from_days(z), static_cast<unsigned>(s / 3600), static_cast<unsigned>(s / 60 % 60),
          static_cast<unsigned>(s % 60)};
}

/// Seconds since 1970-01-01T00:00 of a Gregorian date and time.
constexpr std::int64_t to_seconds(std::int64_t y, unsigned m, unsigned d, unsigned hour = 0, unsigned minute = 0,
                                  unsigned second = 0) noexcept {
  return days_from_civil(y, m, d) * seconds_per_day + hour * 3600 + minute * 60 + second;
}

}  // namespace annals::civil
