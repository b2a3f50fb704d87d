#include <catch2/catch.hpp>

#include "annals/duration.hpp"

using annals::add;
using annals::instant;
using annals::open_end;
using annals::open_start;
using annals::parse_duration;
using annals::subtract;
using std::chrono::hours;
using std::chrono::sys_days;

namespace {

instant day(int y, unsigned m, unsigned d) {
  return sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

annals::duration d(std::int64_t y, std::int64_t m, std::int64_t dd, std::int64_t s = 0) {
  return annals::duration{y, m, dd, s};
}

}  // namespace

TEST_CASE("ISO 8601 durations are read component by component", "[duration]") {
  CHECK(parse_duration("P8Y") == d(8, 0, 0));
  CHECK(parse_duration("P1M7D") == d(0, 1, 7));
  CHECK(parse_duration("PT3H") == d(0, 0, 0, 3 * 3600));
  CHECK(parse_duration("P2W") == d(0, 0, 14));
  CHECK(parse_duration("P1Y2M3DT4H5M6S") == d(1, 2, 3, 4 * 3600 + 5 * 60 + 6));
  CHECK(parse_duration("PT90M") == d(0, 0, 0, 5400));
  CHECK(parse_duration("P0D") == d(0, 0, 0));
}

TEST_CASE("malformed ISO durations are rejected", "[duration]") {
  CHECK_FALSE(parse_duration("P").has_value());
  CHECK_FALSE(parse_duration("PT").has_value());
  CHECK_FALSE(parse_duration("P1D2Y").has_value());
  CHECK_FALSE(parse_duration("P3H").has_value());
  CHECK_FALSE(parse_duration("P1.5Y").has_value());
  CHECK_FALSE(parse_duration("P8").has_value());
  CHECK_FALSE(parse_duration("").has_value());
}

TEST_CASE("durations in words take digits or number words", "[duration]") {
  CHECK(parse_duration("8 years") == d(8, 0, 0));
  CHECK(parse_duration("eight years") == d(8, 0, 0));
  CHECK(parse_duration("Eight Years") == d(8, 0, 0));
  CHECK(parse_duration("a week") == d(0, 0, 7));
  CHECK(parse_duration("1 year") == d(1, 0, 0));
  CHECK(parse_duration("twenty-one days") == d(0, 0, 21));
  CHECK(parse_duration("8 years, 1 month and 7 days") == d(8, 1, 7));
  CHECK(parse_duration("3 hours") == d(0, 0, 0, 10800));
  CHECK(parse_duration("a fortnight") == d(0, 0, 14));
  CHECK(parse_duration("two decades") == d(20, 0, 0));
  CHECK_FALSE(parse_duration("8 yeers").has_value());
  CHECK_FALSE(parse_duration("years").has_value());
  CHECK_FALSE(parse_duration("8").has_value());
  CHECK_FALSE(parse_duration("some years").has_value());
}

TEST_CASE("adding years and months keeps the day, clamped to the month's end", "[duration]") {
  // The rule: years and months first, a day past the new month's end becomes its last day,
  // then days, then seconds.
  CHECK(add(day(2016, 2, 29), d(8, 0, 0)) == day(2024, 2, 29));
  CHECK(add(day(2016, 2, 29), d(1, 0, 0)) == day(2017, 2, 28));
  CHECK(add(day(2015, 1, 31), d(0, 1, 0)) == day(2015, 2, 28));
  CHECK(add(day(2016, 1, 31), d(0, 1, 0)) == day(2016, 2, 29));
  CHECK(add(day(2015, 3, 31), d(0, 1, 0)) == day(2015, 4, 30));
  CHECK(add(day(2015, 1, 31), d(0, 1, 1)) == day(2015, 3, 1));
  CHECK(add(day(2007, 10, 16), d(8, 1, 7)) == day(2015, 11, 23));
  CHECK(add(day(2015, 12, 15), d(0, 1, 0)) == day(2016, 1, 15));
  CHECK(add(day(2015, 11, 23) + hours{23}, d(0, 0, 0, 3600)) == day(2015, 11, 24));
}

TEST_CASE("subtracting follows the same rule backwards", "[duration]") {
  CHECK(subtract(day(2015, 11, 23), d(8, 1, 7)) == day(2007, 10, 16));
  CHECK(subtract(day(2015, 3, 31), d(0, 1, 0)) == day(2015, 2, 28));
  CHECK(subtract(day(2024, 2, 29), d(8, 0, 0)) == day(2016, 2, 29));
  CHECK(subtract(day(2015, 11, 25), d(0, 0, 7)) == day(2015, 11, 18));
  CHECK(subtract(day(1, 1, 1), d(1, 0, 0)) == day(0, 1, 1));
}

TEST_CASE("open ends stay open whatever is added", "[duration]") {
  CHECK(add(open_end, d(8, 0, 0)) == open_end);
  CHECK(subtract(open_start, d(0, 0, 1)) == open_start);
}
