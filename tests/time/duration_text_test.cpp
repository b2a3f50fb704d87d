#include "annals/duration.hpp"

#include <catch2/catch.hpp>
#include <limits>

#include "time/civil.hpp"

using namespace annals;

namespace {

std::int64_t day(int y, unsigned m, unsigned d) { return civil::days_from_civil(y, m, d); }

}  // namespace

TEST_CASE("the seed gap is 8 years, 1 month and 7 days", "[duration]") {
  const duration d = calendar_difference(day(2007, 10, 16), day(2015, 11, 23));
  CHECK(d == duration{8, 1, 7, 0});
  CHECK(to_iso(d) == "P8Y1M7D");
  CHECK(to_english(d) == "8 years, 1 month and 7 days");
  CHECK(day(2015, 11, 23) - day(2007, 10, 16) == 2960);
}

TEST_CASE("a calendar difference counts whole months, clamping the day to the month's end", "[duration]") {
  SECTION("31 January to 28 February is one month, as adding a month clamps") {
    CHECK(calendar_difference(day(2015, 1, 31), day(2015, 2, 28)) == duration{0, 1, 0, 0});
  }
  SECTION("28, 29, 30 and 31 January all reach 28 February in one month") {
    CHECK(calendar_difference(day(2015, 1, 28), day(2015, 2, 28)) == duration{0, 1, 0, 0});
    CHECK(calendar_difference(day(2015, 1, 30), day(2015, 2, 28)) == duration{0, 1, 0, 0});
  }
  SECTION("a day short of the clamped month is days only") {
    CHECK(calendar_difference(day(2015, 1, 31), day(2015, 2, 27)) == duration{0, 0, 27, 0});
  }
  SECTION("past the month's end the days continue from the clamped date") {
    CHECK(calendar_difference(day(2015, 1, 31), day(2015, 3, 1)) == duration{0, 1, 1, 0});
    CHECK(calendar_difference(day(2015, 1, 31), day(2015, 3, 31)) == duration{0, 2, 0, 0});
  }
  SECTION("29 February to 28 February of the next year is one year") {
    CHECK(calendar_difference(day(2016, 2, 29), day(2017, 2, 28)) == duration{1, 0, 0, 0});
    CHECK(calendar_difference(day(2016, 2, 29), day(2020, 2, 29)) == duration{4, 0, 0, 0});
  }
  SECTION("the same day is the empty duration") {
    CHECK(calendar_difference(day(2015, 11, 23), day(2015, 11, 23)) == duration{});
  }
}

TEST_CASE("a calendar difference counts across leap years exactly", "[duration]") {
  CHECK(calendar_difference(day(2015, 2, 28), day(2016, 3, 1)) == duration{1, 0, 2, 0});
  CHECK(calendar_difference(day(2016, 2, 28), day(2016, 3, 1)) == duration{0, 0, 2, 0});
  CHECK(calendar_difference(day(1900, 2, 28), day(1900, 3, 1)) == duration{0, 0, 1, 0});
  CHECK(calendar_difference(day(1999, 12, 31), day(2000, 12, 31)) == duration{1, 0, 0, 0});
}

TEST_CASE("a calendar difference works far outside the date library's years", "[duration]") {
  // 400 Gregorian years are exactly 146097 days.
  const std::int64_t from = day(2007, 10, 16);
  const std::int64_t to = day(2015, 11, 23) + 146097 * 100;
  CHECK(calendar_difference(from, to) == duration{40008, 1, 7, 0});
  const std::int64_t bc = day(2007, 10, 16) - 146097 * 1000;  // 398,000 years earlier
  CHECK(calendar_difference(bc, day(2015, 11, 23)) == duration{400008, 1, 7, 0});
}

TEST_CASE("ISO 8601 writes each non-zero unit and P0D when empty", "[duration]") {
  CHECK(to_iso(duration{}) == "P0D");
  CHECK(to_iso(duration{8, 0, 0, 0}) == "P8Y");
  CHECK(to_iso(duration{0, 1, 7, 0}) == "P1M7D");
  CHECK(to_iso(duration{0, 0, 0, 3 * 3600}) == "PT3H");
  CHECK(to_iso(duration{0, 0, 2, 3600 + 120 + 5}) == "P2DT1H2M5S");
}

TEST_CASE("English uses singulars, commas and a final and", "[duration]") {
  CHECK(to_english(duration{}) == "0 days");
  CHECK(to_english(duration{1, 0, 0, 0}) == "1 year");
  CHECK(to_english(duration{8, 1, 0, 0}) == "8 years and 1 month");
  CHECK(to_english(duration{1, 1, 1, 0}) == "1 year, 1 month and 1 day");
  CHECK(to_english(duration{0, 0, 2, 3600}) == "2 days and 1 hour");
}

TEST_CASE("an elapsed time reads largest unit first, without 'and'", "[duration]") {
  CHECK(elapsed_english(0) == "0 minutes");
  CHECK(elapsed_english(1200) == "20 minutes");
  CHECK(elapsed_english(7080) == "1 hour 58 minutes");
  CHECK(elapsed_english(7200) == "2 hours");
  CHECK(elapsed_english(45) == "45 seconds");
  CHECK(elapsed_english(86400 + 3 * 3600 + 60 + 1) == "1 day 3 hours 1 minute 1 second");
}

TEST_CASE("a time is at one of the units it was written to, counted from its stated start", "[duration]") {
  const auto at = [](std::int64_t s) { return instant{std::chrono::seconds{s}}; };
  const std::int64_t t = 1'562'075'100;  // 2019-07-02T13:45:00Z
  // 13:45 or 13:46, to the minute: bounds 13:45:00..13:46:59, the times 13:45 and 13:46.
  CHECK(written_range(at(t), at(t + 119), precision::minute, at(t)) == std::pair{t, t + 60});
  // To the second: every second of the bounds.
  CHECK(written_range(at(t), at(t + 119), precision::second, at(t)) == std::pair{t, t + 119});
  // An hour or a day is at one of its minutes: 13:00..13:59:59 is 13:00..13:59.
  CHECK(written_range(at(t - 2700), at(t + 899), precision::hour, at(t - 2700)) == std::pair{t - 2700, t + 840});
  // A stated start off the minutes of UTC (a local mean time offset) keeps its own minutes.
  CHECK(written_range(at(t + 30), at(t + 89), precision::minute, at(t + 30)) == std::pair{t + 30, t + 30});
  // No stated start ("before 13:46"): the minutes of UTC; an open end stays open.
  CHECK(written_range(open_start, at(t + 59), precision::minute, open_start).second == t);
  CHECK(written_range(at(t), open_end, precision::minute, at(t)).second == open_end.time_since_epoch().count());
}

TEST_CASE("a compact span writes the units from the first to the last that is not zero", "[duration][metrics]") {
  CHECK(compact_span(0) == "0m");
  CHECK(compact_span(3 * 60) == "3m");
  CHECK(compact_span(27 * 60) == "27m");
  CHECK(compact_span(4 * 3600 + 12 * 60) == "4h12m");
  CHECK(compact_span(4 * 3600 + 5 * 60) == "4h05m");  // padded after the first unit
  CHECK(compact_span(18 * 3600 + 47 * 60) == "18h47m");
  CHECK(compact_span(3600) == "1h");
  CHECK(compact_span(2 * 86400 + 3 * 3600) == "2d 3h");
  CHECK(compact_span(2 * 86400) == "2d");
  CHECK(compact_span(86400 + 10 * 3600 + 17 * 60) == "1d 10h17m");
  CHECK(compact_span(86400 + 5 * 60) == "1d 5m");
  SECTION("seconds only when there are any: a time written to the second") {
    CHECK(compact_span(3 * 60 + 20) == "3m20s");
    CHECK(compact_span(20) == "20s");
    CHECK(compact_span(4 * 3600 + 20) == "4h00m20s");
  }
  SECTION("before: a minus sign, even for the most negative count") {
    CHECK(compact_span(-5 * 60) == "\u22125m");
    CHECK_FALSE(compact_span(std::numeric_limits<std::int64_t>::min()).empty());
  }
  SECTION("a range is exact at both ends") {
    CHECK(compact_range(4 * 3600 + 12 * 60, 4 * 3600 + 17 * 60) == "4h12m\u20134h17m");
    CHECK(compact_range(180, 180) == "3m");
    CHECK(compact_range(200, 340) == "3m20s\u20135m40s");
    CHECK(compact_range(0, 10 * 3600 + 17 * 60) == "0m\u201310h17m");
  }
  SECTION("both ends of a range go down to the same unit") {
    CHECK(compact_range(3600 + 58 * 60, 2 * 3600) == "1h58m\u20132h00m");
    CHECK(compact_range(58 * 60, 3600) == "58m\u20131h00m");
    CHECK(compact_range(86400 + 23 * 3600, 2 * 86400) == "1d 23h\u20132d 0h");
    CHECK(compact_range(180, 200) == "3m00s\u20133m20s");
  }
}
