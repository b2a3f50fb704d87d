#pragma once

// Proleptic Gregorian day arithmetic on int64 years.
//
// date::year stops at ±32767, but EDTF long years (`Y17000000`, `Y-170000002`) must
// normalize; these are Howard Hinnant's published days_from_civil / civil_from_days
// algorithms widened to std::int64_t, so they agree with date::sys_days wherever both exist.
// Everything else (Julian, Islamic, time zones) stays with the date library.

#include <cstdint>

namespace annals::civil {

/// Years beyond this are rejected: their seconds would not fit an int64 instant (~2.9e11 years).
inline constexpr std::int64_t max_year = 100'000'000'000;

constexpr bool is_leap(std::int64_t y) noexcept { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

constexpr unsigned last_day(std::int64_t y, unsigned m) noexcept {
  constexpr unsigned char days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29u : days[m - 1];
}

/// Days since 1970-01-01 of the Gregorian y-m-d (m in [1, 12], d in [1, last_day]).
constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);                   // [0, 399]
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // [0, 365]
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;             // [0, 146096]
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct ymd {
  std::int64_t y = 1970;
  unsigned m = 1;  // [1, 12]
  unsigned d = 1;  // [1, 31]

  friend bool operator==(const ymd&, const ymd&) = default;
};

/// The Gregorian date of day `z` since 1970-01-01.
constexpr ymd civil_from_days(std::int64_t z) noexcept {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);               // [0, 146096]
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);           // [0, 365]
  const unsigned mp = (5 * doy + 2) / 153;                                // [0, 11]
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;                        // [1, 31]
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;                           // [1, 12]
  return {static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2), m, d};
}

/// Floor division, for days from seconds before 1970.
constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

/// Monday = 0 .. Sunday = 6 (1970-01-01 was a Thursday).
constexpr unsigned iso_weekday(std::int64_t z) noexcept {
  return static_cast<unsigned>(((z + 3) % 7 + 7) % 7);
}

inline constexpr std::int64_t seconds_per_day = 86400;

}  // namespace annals::civil
