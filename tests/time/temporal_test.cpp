#include <catch2/catch.hpp>

#include "annals/temporal.hpp"

using namespace annals;

namespace {

date_context context(std::string_view tz = "", calendar cal = calendar::gregorian) {
  date_context c;
  c.reference = std::chrono::sys_days{std::chrono::year{2015} / 11 / 25};
  c.timezone = tz;
  c.cal = cal;
  return c;
}

// "earliest .. latest" as output writes them, or "code@offset" for an error.
std::string bounds(std::string_view text, const date_context& ctx = context()) {
  const date_result r = normalize_date(text, ctx);
  if (!r.ok()) return r.error->code + "@" + std::to_string(r.error->offset);
  auto b = [&](instant t) { return t == open_start || t == open_end ? std::string("null") : format_bound(t, r.value.prec); };
  return b(r.value.earliest) + " .. " + b(r.value.latest);
}

temporal_value value(std::string_view text, const date_context& ctx = context()) {
  const date_result r = normalize_date(text, ctx);
  REQUIRE(r.ok());
  return r.value;
}

}  // namespace

TEST_CASE("level 0 dates cover their whole year, month or day", "[temporal][edtf]") {
  CHECK(bounds("2015") == "2015-01-01 .. 2015-12-31");
  CHECK(bounds("2015-11") == "2015-11-01 .. 2015-11-30");
  CHECK(bounds("2015-11-23") == "2015-11-23 .. 2015-11-23");
  CHECK(bounds("1985-04-12") == "1985-04-12 .. 1985-04-12");
  CHECK(bounds("1985-04") == "1985-04-01 .. 1985-04-30");
  CHECK(bounds("1985") == "1985-01-01 .. 1985-12-31");
  CHECK(value("2015-11").prec == precision::month);
  CHECK(value("2015").prec == precision::year);
}

TEST_CASE("a day runs from its first to its last second", "[temporal]") {
  const temporal_value v = value("2015-11-23");
  CHECK(v.earliest == std::chrono::sys_days{std::chrono::year{2015} / 11 / 23});
  CHECK(v.latest == std::chrono::sys_days{std::chrono::year{2015} / 11 / 24} - std::chrono::seconds{1});
  CHECK(v.prec == precision::day);
  CHECK_FALSE(v.approximate);
  CHECK_FALSE(v.uncertain);
  CHECK_FALSE(v.interval);
  CHECK(v.cal == calendar::gregorian);
}

TEST_CASE("times with an offset or Z are converted to UTC", "[temporal][edtf]") {
  CHECK(bounds("2015-11-23T14:00:00+03:30") == "2015-11-23T10:30:00Z .. 2015-11-23T10:30:00Z");
  CHECK(bounds("2015-11-23T10:30Z") == "2015-11-23T10:30:00Z .. 2015-11-23T10:30:59Z");
  CHECK(bounds("1985-04-12T23:20:30") == "missing-timezone@0");
  CHECK(bounds("1985-04-12T23:20:30Z") == "1985-04-12T23:20:30Z .. 1985-04-12T23:20:30Z");
  CHECK(bounds("1985-04-12T23:20:30-04") == "1985-04-13T03:20:30Z .. 1985-04-13T03:20:30Z");
  CHECK(bounds("1985-04-12T23:20:30+04:30") == "1985-04-12T18:50:30Z .. 1985-04-12T18:50:30Z");
  CHECK(bounds("2015-11-23T14Z") == "2015-11-23T14:00:00Z .. 2015-11-23T14:59:59Z");
  CHECK(bounds("2015-11-23T14:00:00.250Z") == "2015-11-23T14:00:00Z .. 2015-11-23T14:00:00Z");
  CHECK(value("2015-11-23T10:30Z").prec == precision::minute);
}

TEST_CASE("a time without offset is read in the context's time zone", "[temporal][tz]") {
  CHECK(bounds("2015-11-23T14:00", context("Asia/Tehran")) == "2015-11-23T10:30:00Z .. 2015-11-23T10:30:59Z");
  CHECK(bounds("2015-11-23T14:00") == "missing-timezone@0");
  CHECK(bounds("2015-11-23T14:00", context("Mars/Olympus")) == "unknown-timezone@0");
  const date_result r = normalize_date("2015-11-23T14:00", context("Mars/Olympus"));
  CHECK(r.error->message == "unknown time zone 'Mars/Olympus' for date '2015-11-23T14:00'");
}

TEST_CASE("a local time repeated when clocks go back covers both readings", "[temporal][tz]") {
  // Europe/London, 2015-10-25: 01:00-01:59 happens first in BST (+1), then in GMT.
  CHECK(bounds("2015-10-25T01:30", context("Europe/London")) == "2015-10-25T00:30:00Z .. 2015-10-25T01:30:59Z");
  // America/New_York, 2015-11-01: 01:00-01:59 first in EDT (-4), then EST (-5).
  CHECK(bounds("2015-11-01T01:30:00", context("America/New_York")) ==
        "2015-11-01T05:30:00Z .. 2015-11-01T06:30:00Z");
  // Just outside the overlap the reading is unique.
  CHECK(bounds("2015-10-25T02:00", context("Europe/London")) == "2015-10-25T02:00:00Z .. 2015-10-25T02:00:59Z");
  CHECK(bounds("2015-10-25T00:59", context("Europe/London")) == "2015-10-24T23:59:00Z .. 2015-10-24T23:59:59Z");
}

TEST_CASE("a local time skipped when clocks go forward is an invalid date naming the zone", "[temporal][tz]") {
  CHECK(bounds("2015-03-29T01:30", context("Europe/London")) == "invalid-date@0");
  const date_result r = normalize_date("2015-03-29T01:30", context("Europe/London"));
  CHECK(r.error->message ==
        "time '2015-03-29T01:30' does not exist in Europe/London: the clocks skip it at a daylight-saving change");
  CHECK(bounds("2015-03-29T00:59", context("Europe/London")) == "2015-03-29T00:59:00Z .. 2015-03-29T00:59:59Z");
  CHECK(bounds("2015-03-29T02:00", context("Europe/London")) == "2015-03-29T01:00:00Z .. 2015-03-29T01:00:59Z");
  // Tehran kept DST until 2022: 2015-03-22 00:00 became 01:00.
  CHECK(bounds("2015-03-22T00:30", context("Asia/Tehran")) == "invalid-date@0");
}

TEST_CASE("qualified dates widen by one unit of precision, two for %", "[temporal][edtf]") {
  CHECK(bounds("2015-12~") == "2015-11-01 .. 2016-01-31");
  CHECK(bounds("1984?") == "1983-01-01 .. 1985-12-31");
  CHECK(bounds("2004-06~") == "2004-05-01 .. 2004-07-31");
  CHECK(bounds("2004-06-11%") == "2004-06-09 .. 2004-06-13");
  CHECK(bounds("2015-11-23?") == "2015-11-22 .. 2015-11-24");
  CHECK(bounds("2016-03-01~") == "2016-02-29 .. 2016-03-02");
  const temporal_value q = value("1984?");
  CHECK(q.uncertain);
  CHECK_FALSE(q.approximate);
  const temporal_value a = value("2004-06~");
  CHECK(a.approximate);
  CHECK_FALSE(a.uncertain);
  const temporal_value both = value("2004-06-11%");
  CHECK(both.approximate);
  CHECK(both.uncertain);
  CHECK(bounds("2015-21~") == "2014-12-01 .. 2015-08-31");
}

TEST_CASE("unspecified digits cover every value they could hold", "[temporal][edtf]") {
  CHECK(bounds("201X") == "2010-01-01 .. 2019-12-31");
  CHECK(bounds("20XX") == "2000-01-01 .. 2099-12-31");
  CHECK(bounds("19XX") == "1900-01-01 .. 1999-12-31");
  CHECK(bounds("1XXX") == "1000-01-01 .. 1999-12-31");
  CHECK(bounds("2004-XX") == "2004-01-01 .. 2004-12-31");
  CHECK(bounds("2015-XX") == "2015-01-01 .. 2015-12-31");
  CHECK(bounds("1985-04-XX") == "1985-04-01 .. 1985-04-30");
  CHECK(bounds("2015-11-XX") == "2015-11-01 .. 2015-11-30");
  CHECK(bounds("1985-XX-XX") == "1985-01-01 .. 1985-12-31");
  CHECK(value("201X").prec == precision::decade);
  CHECK(value("19XX").prec == precision::century);
  CHECK(value("2015-11-XX").prec == precision::month);
  CHECK(bounds("XXXX") == "unparsed-date@0");
  CHECK(bounds("2015-XX-23") == "2015-01-23 .. 2015-12-23");  // level 2 (issue 14): one of the 23rds
}

TEST_CASE("seasons are Northern meteorological, winter running into the next year", "[temporal][edtf]") {
  CHECK(bounds("2001-21") == "2001-03-01 .. 2001-05-31");
  CHECK(bounds("2015-22") == "2015-06-01 .. 2015-08-31");
  CHECK(bounds("2015-23") == "2015-09-01 .. 2015-11-30");
  CHECK(bounds("2015-24") == "2015-12-01 .. 2016-02-29");
  CHECK(bounds("2014-24") == "2014-12-01 .. 2015-02-28");
  CHECK(value("2015-24").prec == precision::season);
  CHECK(bounds("2015-25") == "2015-01-01 .. 2025-12-31");  // neither a month nor a season: years, as 1939-45
}

TEST_CASE("intervals run from the start of one end to the end of the other", "[temporal][edtf]") {
  CHECK(bounds("1964/2008") == "1964-01-01 .. 2008-12-31");
  CHECK(bounds("2004-06/2006-08") == "2004-06-01 .. 2006-08-31");
  CHECK(bounds("2004-02-01/2005-02-08") == "2004-02-01 .. 2005-02-08");
  CHECK(bounds("2004-02-01/2005-02") == "2004-02-01 .. 2005-02-28");
  CHECK(bounds("2004-02-01/2005") == "2004-02-01 .. 2005-12-31");
  CHECK(bounds("2005/2006-02") == "2005-01-01 .. 2006-02-28");
  CHECK(value("1964/2008").interval);
  CHECK(value("2004-02-01/2005").prec == precision::year);
  CHECK(bounds("2008/1964") == "invalid-date@5");
  CHECK(bounds("2004-06~/2006-08?") == "2004-05-01 .. 2006-09-30");
}

TEST_CASE("open and unknown interval ends are null", "[temporal][edtf]") {
  CHECK(bounds("1985-04-12/..") == "1985-04-12 .. null");
  CHECK(bounds("1985-04/..") == "1985-04-01 .. null");
  CHECK(bounds("1985/..") == "1985-01-01 .. null");
  CHECK(bounds("../1985-04-12") == "null .. 1985-04-12");
  CHECK(bounds("../1985-04") == "null .. 1985-04-30");
  CHECK(bounds("../1985") == "null .. 1985-12-31");
  CHECK(bounds("1985-04-12/") == "1985-04-12 .. null");
  CHECK(bounds("1985-04/") == "1985-04-01 .. null");
  CHECK(bounds("1985/") == "1985-01-01 .. null");
  CHECK(bounds("/1985-04-12") == "null .. 1985-04-12");
  CHECK(bounds("/1985-04") == "null .. 1985-04-30");
  CHECK(bounds("/1985") == "null .. 1985-12-31");
  CHECK(bounds("../..") == "unparsed-date@0");
  CHECK(bounds("/") == "unparsed-date@0");
  CHECK(bounds("..") == "unparsed-date@0");
  const temporal_value v = value("2015/..");
  CHECK(v.bounded_start());
  CHECK_FALSE(v.bounded_end());
}

TEST_CASE("long and negative years use astronomical numbering", "[temporal][edtf]") {
  CHECK(bounds("Y170000002") == "+170000002-01-01 .. +170000002-12-31");
  CHECK(bounds("Y-170000002") == "-170000002-01-01 .. -170000002-12-31");
  CHECK(bounds("Y17000000") == "+17000000-01-01 .. +17000000-12-31");
  CHECK(bounds("Y-12000") == "-12000-01-01 .. -12000-12-31");
  CHECK(bounds("-1985") == "-1985-01-01 .. -1985-12-31");
  CHECK(bounds("-0043-03-15") == "-0043-03-15 .. -0043-03-15");
  CHECK(bounds("+12000-01-01") == "+12000-01-01 .. +12000-01-01");
  CHECK(bounds("0000") == "0000-01-01 .. 0000-12-31");
  CHECK(bounds("0000-02-29") == "0000-02-29 .. 0000-02-29");  // 1 BC was a leap year
  CHECK(bounds("-0001-02-29") == "invalid-date@0");
  CHECK(bounds("9999-12-31") == "9999-12-31 .. 9999-12-31");
  CHECK(bounds("Y10000") == "+10000-01-01 .. +10000-12-31");
  CHECK(bounds("Y-999999999999") == "invalid-date@14");
}

TEST_CASE("impossible dates are invalid, malformed ones unparsed", "[temporal][edtf]") {
  CHECK(bounds("2015-02-30") == "invalid-date@0");
  CHECK(normalize_date("2015-02-30", context()).error->message == "invalid date '2015-02-30': February 2015 has 28 days");
  CHECK(bounds("2015-02-29") == "invalid-date@0");
  CHECK(bounds("2016-02-29") == "2016-02-29 .. 2016-02-29");
  CHECK(bounds("1900-02-29") == "invalid-date@0");
  CHECK(bounds("2000-02-29") == "2000-02-29 .. 2000-02-29");
  CHECK(bounds("2015-13") == "invalid-date@5");
  CHECK(bounds("2015-00") == "invalid-date@5");
  CHECK(bounds("2015-04-31") == "invalid-date@0");
  CHECK(bounds("2015-11-32") == "invalid-date@8");
  CHECK(bounds("2015-11-23T24:00Z") == "2015-11-24T00:00:00Z .. 2015-11-24T00:00:59Z");  // ISO 8601's end of day
  CHECK(bounds("2015-1-5") == "unparsed-date@5");
  CHECK(bounds("15-11-23") == "unparsed-date@0");
  CHECK(bounds("2015-11-23T") == "unparsed-date@11");
  CHECK(bounds("2015--11") == "unparsed-date@5");
  CHECK(bounds("2015-11-23/2015/2016") == "unparsed-date@15");
  const date_result r = normalize_date("2015-1-5", context());
  CHECK(r.error->message == "cannot read date '2015-1-5': expected a two-digit month");
  CHECK(r.error->hint == "write an EDTF date such as 2015-11-23, 2015-11, 2015 or 2015-11-23T14:00Z");
}

TEST_CASE("dates are read in the context's calendar", "[temporal][calendar]") {
  CHECK(bounds("1917-10-25", context("", calendar::julian)) == "1917-11-07 .. 1917-11-07");
  CHECK(bounds("1394-09-02", context("", calendar::solar_hijri)) == "2015-11-23 .. 2015-11-23");
  CHECK(bounds("1357-11-22", context("", calendar::solar_hijri)) == "1979-02-11 .. 1979-02-11");
  CHECK(bounds("1437-02-10", context("", calendar::islamic)) == "2015-11-23 .. 2015-11-23");
  CHECK(bounds("1917-10", context("", calendar::julian)) == "1917-10-14 .. 1917-11-13");
  CHECK(bounds("1900-02-29", context("", calendar::julian)) == "1900-03-13 .. 1900-03-13");
  CHECK(bounds("1394", context("", calendar::solar_hijri)) == "2015-03-21 .. 2016-03-19");
  CHECK(bounds("1394-12-30", context("", calendar::solar_hijri)) == "invalid-date@0");
  CHECK(bounds("1395-12-30", context("", calendar::solar_hijri)) == "2017-03-20 .. 2017-03-20");
  CHECK(bounds("1917-10~", context("", calendar::julian)) == "1917-09-14 .. 1917-12-13");
  CHECK(value("1917-10-25", context("", calendar::julian)).cal == calendar::julian);
  CHECK(bounds("Y40000", context("", calendar::julian)) == "invalid-date@0");
  // Moscow kept local mean time then: +03:31:19 in November 1917.
  CHECK(bounds("1917-10-25T10:00", context("Europe/Moscow", calendar::julian)) ==
        "1917-11-07T06:28:41Z .. 1917-11-07T06:29:40Z");
}

TEST_CASE("bounds print as dates at day precision or coarser, else UTC timestamps", "[temporal]") {
  const instant t = std::chrono::sys_days{std::chrono::year{2015} / 11 / 23} + std::chrono::hours{10};
  CHECK(format_bound(t, precision::day) == "2015-11-23");
  CHECK(format_bound(t, precision::year) == "2015-11-23");
  CHECK(format_bound(t, precision::hour) == "2015-11-23T10:00:00Z");
  CHECK(format_bound(t, precision::second) == "2015-11-23T10:00:00Z");
  CHECK(format_bound(open_start, precision::day) == "..");
  CHECK(format_bound(open_end, precision::day) == "..");
  CHECK(format_bound(std::chrono::sys_days{std::chrono::year{-43} / 3 / 15}, precision::day) == "-0043-03-15");
  CHECK(format_bound(std::chrono::sys_days{std::chrono::year{1} / 1 / 1}, precision::day) == "0001-01-01");
  CHECK(format_bound(std::chrono::sys_days{std::chrono::year{-1} / 12 / 31} + std::chrono::seconds{86399},
                     precision::second) == "-0001-12-31T23:59:59Z");
}

TEST_CASE("a normalized interval printed and read again is the same interval", "[temporal][roundtrip]") {
  const date_context ctx = context("Asia/Tehran");
  for (const char* text : {"2015", "2015-11-23", "2015-12~", "1984?", "2015-24", "201X", "-0043-03-15", "Y17000000",
                           "Y-12000", "2015-11-23T14:00", "2015-11-23T14:00:00+03:30", "1964/2008", "2004-06-11%",
                           "0000-02-29", "9999-12-31"}) {
    INFO(text);
    const temporal_value v = value(text, ctx);
    const std::string printed = format_bound(v.earliest, v.prec, v.tz) + "/" + format_bound(v.latest, v.prec, v.tz);
    const temporal_value again = value(printed, ctx);
    CHECK(again.earliest == v.earliest);
    if (v.prec >= precision::day) CHECK(again.latest == v.latest);
    else CHECK(again.latest <= v.latest);  // printed to the second: the last second is kept
  }
}

TEST_CASE("precisions and calendars have stable names", "[temporal]") {
  CHECK(to_string(precision::day) == "day");
  CHECK(to_string(precision::season) == "season");
  CHECK(to_string(calendar::solar_hijri) == "solar_hijri");
  CHECK(parse_calendar("julian") == calendar::julian);
  CHECK(parse_calendar("islamic") == calendar::islamic);
  CHECK_FALSE(parse_calendar("mayan").has_value());
}

TEST_CASE("leading and trailing spaces are ignored and offsets still count from the text", "[temporal]") {
  CHECK(bounds("  2015-11-23 ") == "2015-11-23 .. 2015-11-23");
  CHECK(bounds("  2015-1-5") == "unparsed-date@7");
  CHECK(bounds("") == "unparsed-date@0");
}

TEST_CASE("issue 14: negative years with unspecified digits, T24:00, and errors at the real fault", "[temporal][edtf]") {
  CHECK(bounds("-201X") == "-2019-01-01 .. -2010-12-31");  // the years -2019 .. -2010
  CHECK(bounds("-01XX") == "-0199-01-01 .. -0100-12-31");
  CHECK(bounds("-199X~") == "-2009-01-01 .. -1980-12-31");  // widened one decade each side
  CHECK(bounds("+201X") == "unparsed-date@1");
  CHECK(bounds("1985-04-12T24:00Z") == "1985-04-13T00:00:00Z .. 1985-04-13T00:00:59Z");  // the end of the day
  CHECK(bounds("1985-04-12T24:01Z") == "invalid-date@11");
  CHECK(bounds("1985-04-12T23:20:30z") == "unparsed-date@19");  // at the 'z', not the month
  CHECK(bounds("1985-04-12invalid") == "unparsed-date@10");
  CHECK(bounds("\u22121985") == "unparsed-date@0");             // a Unicode minus
  CHECK(bounds("1985-04-12T10:00\u221205:00") == "unparsed-date@16");
  CHECK(normalize_date("\u22121985", context()).error->message == "cannot read date '\u22121985': a Unicode minus sign '\u2212': write '-'");
}

TEST_CASE("issue 14: EDTF level 2's most useful part", "[temporal][edtf]") {
  // A qualifier beside one component widens by that component's unit.
  CHECK(bounds("2004?-06-11") == "2003-06-01 .. 2005-06-30");
  CHECK(bounds("2004-06-?11") == "2004-06-10 .. 2004-06-12");
  CHECK(value("2004-?06-11").uncertain);
  // An unspecified digit left of a known part: one of several dates, uncertain which.
  CHECK(bounds("156X-12-25") == "1560-12-25 .. 1569-12-25");
  CHECK(bounds("2004-XX-11") == "2004-01-11 .. 2004-12-11");
  CHECK(value("156X-12-25").uncertain);
  CHECK(value("156X-12-25").form == date_form::between);
  // Sets: one of (uncertain) or all of (a span), as the interval covering them.
  CHECK(bounds("[1667,1668,1670..1672]") == "1667-01-01 .. 1672-12-31");
  CHECK(value("[1667,1668,1670..1672]").uncertain);
  CHECK(bounds("[..1760-12-03]") == "null .. 1760-12-03");
  CHECK(bounds("{1667,1668}") == "1667-01-01 .. 1668-12-31");
  CHECK(value("{1667,1668}").interval);
  CHECK(bounds("[1667,,1668]") == "unparsed-date@6");
  CHECK(bounds("[1667") == "unparsed-date@5");
  CHECK(bounds("[1672..1667]") == "invalid-date@1");
}
