// Stand-ins for `add`, `subtract` and `format_bound`, whose real definitions are
// written on branch `dates`. They are weak: once duration.cpp and temporal.cpp
// land, the linker takes those and ignores these. Delete this file then.
#include <chrono>
#include <cstdio>
#include <date/date.h>

#include "annals/duration.hpp"
#include "annals/temporal.hpp"

namespace annals {

namespace {

instant shift(instant t, const duration& d, int sign) {
  if (t == open_start || t == open_end) return t;
  using namespace std::chrono;
  const auto day = floor<days>(t);
  const seconds time_of_day = t - day;
  date::year_month_day ymd{day};
  const date::months months{sign * (d.years * 12 + d.months)};
  ymd = ymd + months;
  // The day clamped to the month's end: 2015-01-31 + 1 month = 2015-02-28.
  if (!ymd.ok()) ymd = ymd.year() / ymd.month() / date::last;
  const auto shifted = date::sys_days{ymd} + days{sign * d.days};
  return instant{shifted.time_since_epoch() + time_of_day + seconds{sign * d.seconds}};
}

}  // namespace

[[gnu::weak]] instant add(instant t, const duration& d) { return shift(t, d, +1); }

[[gnu::weak]] instant subtract(instant t, const duration& d) { return shift(t, d, -1); }

[[gnu::weak]] std::string format_bound(instant t, precision p) {
  using namespace std::chrono;
  const auto day = floor<days>(t);
  const date::year_month_day ymd{day};
  const int y = static_cast<int>(ymd.year());
  char year[16];
  if (y >= 1 && y <= 9999) {
    std::snprintf(year, sizeof year, "%04d", y);
  } else {
    std::snprintf(year, sizeof year, "%s%04d", y < 0 ? "-" : "+", y < 0 ? -y : y);
  }
  char out[64];
  if (p >= precision::day) {
    std::snprintf(out, sizeof out, "%s-%02u-%02u", year, static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
  } else {
    const date::hh_mm_ss hms{t - day};
    std::snprintf(out, sizeof out, "%s-%02u-%02uT%02d:%02d:%02dZ", year, static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                  static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
  }
  return out;
}

}  // namespace annals
