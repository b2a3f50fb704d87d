// Labels show a date as it was written: its calendar, zone, precision and qualifiers.
// Each case goes the way a user's date goes: text, normalized, labelled.

#include <catch2/catch.hpp>

#include "time/date_label.hpp"

using namespace annals;

namespace {

temporal_value value(std::string_view text, std::string_view zone = "", calendar c = calendar::gregorian) {
  date_context context;
  context.reference = std::chrono::sys_days{std::chrono::year{2015} / 11 / 25};
  context.timezone = zone;
  context.cal = c;
  const date_result r = normalize_date(text, context);
  REQUIRE(r.ok());
  return r.value;
}

std::string label(std::string_view text, std::string_view zone = "", calendar c = calendar::gregorian) {
  date_context context;
  context.reference = std::chrono::sys_days{std::chrono::year{2015} / 11 / 25};
  context.timezone = zone;
  context.cal = c;
  const date_result r = normalize_date(text, context);
  if (!r.ok()) return "error: " + r.error->message;
  return date_label(r.value);
}

}  // namespace

TEST_CASE("a date is labelled no more precisely than it is known", "[label]") {
  CHECK(label("2015-11-23") == "23 Nov 2015");
  CHECK(label("November 2015") == "Nov 2015");
  CHECK(label("mid-December 2015") == "mid-Dec 2015");
  CHECK(label("early December 2015") == "early Dec 2015");
  CHECK(label("late February 2015") == "late Feb 2015");
  CHECK(label("2015") == "2015");
  CHECK(label("late 2015") == "late 2015");
  CHECK(label("the 1990s") == "1990s");
  CHECK(label("the late 1990s") == "late 1990s");
  CHECK(label("the 20th century") == "20th century");
  CHECK(label("201X") == "2010s");
  CHECK(label("19XX") == "1900s");
  CHECK(label("2016-21") == "spring 2016");
  CHECK(label("2015-24") == "winter 2015/16");
  CHECK(label("last week") == "week of 16 Nov 2015");
  CHECK(label("44 BC") == "44 BC");
  CHECK(label("-0043-03-15") == "15 Mar 44 BC");
  CHECK(label("AD 79") == "AD 79");
  CHECK(label("Y17000000") == "17,000,000");
}

TEST_CASE("a qualified date is labelled as written, not as widened", "[label]") {
  CHECK(label("c. 1500") == "c. 1500");
  CHECK(label("1984?") == "1984?");
  CHECK(label("2015-12~") == "c. Dec 2015");
  CHECK(label("2004-06-11%") == "c. 11 Jun 2004?");
  CHECK(label("-0508~") == "c. 509 BC");
}

TEST_CASE("intervals are labelled end by end, each with its own precision and qualifier", "[label]") {
  CHECK(label("2015-11-16/2015-11-23") == "16–23 Nov 2015");
  CHECK(label("2015-11-16/2015-12-02") == "16 Nov – 2 Dec 2015");
  CHECK(label("2015-11/2016-02") == "Nov 2015 – Feb 2016");
  CHECK(label("2007/2015") == "2007 – 2015");
  CHECK(label("from 2007 to 2015") == "2007 – 2015");
  CHECK(label("between c. 1500 and 1600") == "c. 1500 – 1600");
  CHECK(label("2015~/2016") == "c. 2015 – 2016");
  CHECK(label("2015-11-23/2016") == "23 Nov 2015 – 2016");
  CHECK(label("the past week") == "18–25 Nov 2015");
}

TEST_CASE("an open end runs on, an unknown end is not known", "[label]") {
  CHECK(label("../2015") == "until 2015");
  CHECK(label("/2015") == "? – 2015");
  CHECK(label("2015/..") == "from 2015");
  CHECK(label("2015/") == "2015 – ?");
  CHECK(label("before 2007") == "before 2007");
  CHECK(label("after 2015") == "after 2015");
  CHECK(label("after 23 November 2015") == "after 23 Nov 2015");
  CHECK(label("before c. 1500") == "before c. 1500");
}

TEST_CASE("times are wall time in the writer's zone, with its abbreviation", "[label][zone]") {
  CHECK(label("2010-04-20T21:49", "America/Chicago") == "20 Apr 2010 21:49 CDT");
  CHECK(label("2010-01-20T21:49", "America/Chicago") == "20 Jan 2010 21:49 CST");
  CHECK(label("2015-11-23T10:30Z") == "23 Nov 2015 10:30 UTC");
  CHECK(label("2015-11-23T14:00:00+03:30") == "23 Nov 2015 14:00:00 +03:30");
  CHECK(label("2010-04-20T21:49/2010-04-20T22:10", "America/Chicago") == "20 Apr 2010 21:49 – 22:10 CDT");
  SECTION("an offset the writer's zone has then is named as the zone names it; another stays an offset") {
    CHECK(label("9:37AM PST on February 28, 2017", "America/Los_Angeles") == "28 Feb 2017 09:37 PST");
    CHECK(label("2017-02-28T09:37-08:00", "America/Los_Angeles") == "28 Feb 2017 09:37 PST");
    CHECK(label("9:37AM PST on July 28, 2017", "America/Los_Angeles") == "28 Jul 2017 09:37 -08:00");
    CHECK(label("1:54PM EST on February 28, 2017", "America/Los_Angeles") == "28 Feb 2017 13:54 -05:00");
    CHECK(label("2017-02-28T09:37Z", "Europe/London") == "28 Feb 2017 09:37 UTC");
  }
  SECTION("a day in a zone is still its civil date") {
    CHECK(label("2010-04-20", "America/Chicago") == "20 Apr 2010");
    CHECK(label("20 April 2010", "America/Chicago") == "20 Apr 2010");
  }
}

TEST_CASE("a non-Gregorian date is labelled in its calendar with the Gregorian beside it", "[label][calendar]") {
  CHECK(label("15 March 44 BC", "", calendar::julian) == "15 Mar 44 BC (Julian) = 13 Mar 44 BC");
  CHECK(label("1917-10-25", "", calendar::julian) == "25 Oct 1917 (Julian) = 7 Nov 1917");
  CHECK(label("2 Azar 1394", "", calendar::solar_hijri) == "2 Azar 1394 (Solar Hijri) = 23 Nov 2015");
  CHECK(label("1917-07-03/1917-07-07", "", calendar::julian) == "3–7 Jul 1917 (Julian) = 16–20 Jul 1917");
}

TEST_CASE("ranges of instants are labelled in a zone at a precision", "[label]") {
  const zone chicago = find_zone("America/Chicago");
  const instant day = instant{std::chrono::sys_days{std::chrono::year{2010} / 4 / 21}.time_since_epoch()};
  CHECK(range_label(day + std::chrono::hours{2}, day + std::chrono::hours{4}, precision::day, chicago) == "20 Apr 2010");
  CHECK(range_label(open_start, day, precision::day, nullptr) == "until 21 Apr 2010");
  CHECK(range_label(day, open_end, precision::year, nullptr) == "from 2010");
  CHECK(range_label(open_start, open_end, precision::day, nullptr) == "undated");
}

TEST_CASE("a shown zone moves times of day, never a day or a coarser date", "[label][zone]") {
  const shown_zone utc = find_zone("UTC"), new_york = find_zone("America/New_York");
  SECTION("a time, in the writer's zone or at a written offset, reads on the shown clock") {
    CHECK(date_label(value("2017-02-28T16:30", "America/Los_Angeles"), utc) == "1 Mar 2017 00:30 UTC");
    CHECK(date_label(value("2017-02-28T16:30", "America/Los_Angeles"), new_york) == "28 Feb 2017 19:30 EST");
    CHECK(date_label(value("1:54PM EST on February 28, 2017", "America/Los_Angeles"), utc) == "28 Feb 2017 18:54 UTC");
    CHECK(date_label(value("2015-11-23T14:00:00+03:30"), utc) == "23 Nov 2015 10:30:00 UTC");
    CHECK(date_label(value("2017-02-28T09:37/2017-02-28T11:37", "America/Los_Angeles"), new_york) ==
          "28 Feb 2017 12:37 – 14:37 EST");
  }
  SECTION("without a shown zone, the writer's") {
    CHECK(date_label(value("2017-02-28T16:30", "America/Los_Angeles"), std::nullopt) == "28 Feb 2017 16:30 PST");
  }
  SECTION("days and coarser dates stay in their writer's calendar") {
    CHECK(date_label(value("2017-03-01", "America/Los_Angeles"), utc) == "1 Mar 2017");
    CHECK(date_label(value("February 2017", "Asia/Tokyo"), new_york) == "Feb 2017");
  }
  SECTION("an interval moves its timed end only") {
    CHECK(date_label(value("2017-02-28T16:30/2017-03-02", "America/Los_Angeles"), utc) ==
          "1 Mar 2017 00:30 UTC – 2 Mar 2017");
  }
  SECTION("ranges, single instants and wall clocks alike") {
    const temporal_value v = value("2017-02-28T16:30", "America/Los_Angeles");
    CHECK(range_label(v.earliest, v.latest, precision::minute, v.tz, utc) == "1 Mar 2017 00:30 UTC");
    CHECK(range_label(v.earliest, v.latest, precision::day, v.tz, utc) == "28 Feb 2017");
    CHECK(instant_label(v, v.earliest, precision::minute) == "28 Feb 2017 16:30 PST");
    CHECK(instant_label(v, v.earliest, precision::minute, utc) == "1 Mar 2017 00:30 UTC");
    CHECK(instant_label(v, v.earliest, precision::day) == "28 Feb 2017");
    CHECK(wall_year_month(v, v.earliest).month == 2);
    CHECK(wall_year_month(v, v.earliest, utc).month == 3);
    CHECK(wall_year_month(value("2017-02-28", "America/Los_Angeles"), v.earliest, utc).month == 2);
  }
}

TEST_CASE("an axis tick names its unit and the larger units that changed since the tick before", "[label]") {
  using std::chrono::hours;
  const instant nov23{std::chrono::sys_days{std::chrono::year{2015} / 11 / 23}.time_since_epoch()};
  const instant jan1{std::chrono::sys_days{std::chrono::year{2016} / 1 / 1}.time_since_epoch()};
  CHECK(tick_label(nov23, precision::day, nullptr) == "23 Nov 2015");
  CHECK(tick_label(nov23 + hours{24}, precision::day, nullptr, nov23) == "24 Nov");
  CHECK(tick_label(jan1, precision::day, nullptr, nov23) == "1 Jan 2016");
  CHECK(tick_label(nov23 - hours{22 * 24}, precision::month, nullptr) == "Nov 2015");
  CHECK(tick_label(jan1, precision::month, nullptr, nov23) == "2016");
  CHECK(tick_label(nov23 + hours{9}, precision::hour, nullptr) == "23 Nov 2015, 09:00");
  CHECK(tick_label(nov23 + hours{12}, precision::hour, nullptr, nov23 + hours{9}) == "12:00");
  CHECK(tick_label(nov23 + hours{24}, precision::hour, nullptr, nov23 + hours{12}) == "24 Nov");
  // Years as historians write them.
  const instant bc800{std::chrono::sys_days{std::chrono::year{-799} / 1 / 1}.time_since_epoch()};
  CHECK(tick_label(bc800, precision::year, nullptr) == "800 BC");
  // East of UTC, the local day: 20:30 UTC on 23 Nov is midnight of 24 Nov in Tehran.
  const zone tehran = find_zone("Asia/Tehran");
  REQUIRE(tehran != nullptr);
  CHECK(tick_label(nov23 + hours{20} + std::chrono::minutes{30}, precision::day, tehran, nov23) == "24 Nov");
}
