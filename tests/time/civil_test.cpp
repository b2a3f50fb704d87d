// The civil-time core: day numbers, month addition, times of day, zones.

#include <catch2/catch.hpp>

#include "time/civil.hpp"
#include "time/zones.hpp"

using namespace annals;

TEST_CASE("day numbers agree with the proleptic Gregorian calendar, astronomical years", "[civil]") {
  CHECK(civil::days_from_civil(1970, 1, 1) == 0);
  CHECK(civil::days_from_civil(2015, 11, 23) == 16762);
  CHECK(civil::civil_from_days(16762) == civil::ymd{2015, 11, 23});
  CHECK(civil::civil_from_days(civil::days_from_civil(-43, 3, 15)) == civil::ymd{-43, 3, 15});
  CHECK(civil::is_leap(-44));  // 45 BC, astronomically -44, a leap year of the proleptic calendar
  CHECK(civil::iso_weekday(civil::days_from_civil(2015, 11, 23)) == 0);  // a Monday
}

TEST_CASE("adding months clamps the day to the month's end and saturates far out", "[civil]") {
  const std::int64_t jan31 = civil::days_from_civil(2015, 1, 31);
  CHECK(civil::civil_from_days(civil::add_months(jan31, 1)) == civil::ymd{2015, 2, 28});
  CHECK(civil::civil_from_days(civil::add_months(civil::days_from_civil(2016, 2, 29), 96)) == civil::ymd{2024, 2, 29});
  CHECK(civil::civil_from_days(civil::add_months(jan31, -13)) == civil::ymd{2013, 12, 31});
  CHECK(civil::add_months(0, std::int64_t{1} << 60) == civil::max_day);
}

TEST_CASE("a date and time of day come from seconds, before 1970 too", "[civil]") {
  const civil::date_time t = civil::to_date_time(civil::to_seconds(2010, 4, 20, 21, 49, 5));
  CHECK(t == civil::date_time{{2010, 4, 20}, 21, 49, 5});
  CHECK(civil::to_date_time(-1) == civil::date_time{{1969, 12, 31}, 23, 59, 59});
}

TEST_CASE("a day in a zone begins at its local midnight", "[civil][zone]") {
  const zone chicago = find_zone("America/Chicago");
  REQUIRE(chicago);
  const std::int64_t day = civil::days_from_civil(2010, 4, 20);
  CHECK(detail::local_day_start(chicago, day) == civil::day_start(day) + std::chrono::hours{5});  // CDT, UTC-5
  CHECK(detail::local_day(chicago, civil::day_start(day + 1) + std::chrono::hours{2}) == day);  // 21:00 CDT the 20th
  CHECK(detail::abbreviation(chicago, civil::day_start(day + 1) + std::chrono::hours{2}) == "CDT");
  // Tehran's clocks skipped midnight into 1 Farvardin 1394 (2015-03-22): the day begins at 01:00 local.
  const zone tehran = find_zone("Asia/Tehran");
  const std::int64_t nowruz = civil::days_from_civil(2015, 3, 22);
  CHECK(detail::local_day_start(tehran, nowruz) == civil::day_start(nowruz) - std::chrono::minutes{210});
  CHECK(detail::local_day_start(nullptr, day) == civil::day_start(day));
}
