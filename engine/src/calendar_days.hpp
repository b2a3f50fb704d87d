#pragma once

// Day-level calendar arithmetic shared by duration_text.cpp, gaps.cpp and claims.cpp.
// date::days counts in int and date::year spans ±32767, while annals instants reach
// far beyond (EDTF long years); the Gregorian calendar repeats exactly every 400 years
// (146097 days, 4800 months), so we shift by whole cycles into the library's range,
// do the arithmetic there, and shift back.

#include <chrono>
#include <cstdint>

#include "annals/duration.hpp"

namespace annals::detail {

inline constexpr std::int64_t cycle_days = 146097;  // days in 400 Gregorian years
inline constexpr std::int64_t cycle_months = 4800;  // months in 400 years

/// Floor division: -1 / 400 is -1, not 0.
constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

/// `d` plus `months` calendar months, the day clamped to the month's end
/// (2015-01-31 + 1 month = 2015-02-28). Saturates far outside any real date.
std::chrono::sys_days add_months(std::chrono::sys_days d, std::int64_t months);

/// The whole months of `d` (years * 12 + months), saturated instead of overflowing.
std::int64_t total_months(const duration& d);

/// `d` plus a duration at day resolution: months first (clamped), then days, then
/// the seconds rounded up to whole days (a gap of 36 hours needs two calendar days).
std::chrono::sys_days add_days(std::chrono::sys_days d, const duration& dur);

/// The calendar day of an instant (UTC).
inline std::chrono::sys_days day_of(std::chrono::sys_seconds t) {
  return std::chrono::floor<std::chrono::days>(t);
}

}  // namespace annals::detail
