// Old Style and New Style as English histories write them (issue 21), nights written as two
// days, and ranges whose ends are written in different calendars. Every figure was worked
// out by hand: in 1900-2099 the Julian calendar runs 13 days behind the Gregorian (25 October
// 1917 (Julian) is 7 November 1917), in 1700-1799 11 days (from 29 February 1700 (Julian))
// and before that 10.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "annals/temporal.hpp"
#include "cli_run.hpp"
#include "time/date_label.hpp"

using namespace annals;
using annals::testing::cli_dir;
using annals::testing::run_cli;
using annals::testing::run_cli_clean;

namespace {

date_context historian(std::string_view tz = "") {
  date_context c;
  c.reference = std::chrono::sys_days{std::chrono::year{2015} / 11 / 25};
  c.timezone = tz;
  return c;
}

// "earliest latest", days or UTC seconds, or "code@offset".
std::string read(std::string_view text, const date_context& ctx = historian()) {
  const date_result r = normalize_date(text, ctx);
  if (!r.ok()) return r.error->code + "@" + std::to_string(r.error->offset);
  const precision p = r.value.has_time ? precision::second : precision::day;
  return format_bound(r.value.earliest, p, r.value.tz) + " " + format_bound(r.value.latest, p, r.value.tz);
}

std::string label(std::string_view text, const date_context& ctx = historian()) {
  const date_result r = normalize_date(text, ctx);
  REQUIRE(r.ok());
  return date_label(r.value);
}

calendar calendar_of(std::string_view text) {
  const date_result r = normalize_date(text, historian());
  REQUIRE(r.ok());
  return r.value.cal;
}

date_error error_of(std::string_view text, const date_context& ctx = historian()) {
  const date_result r = normalize_date(text, ctx);
  REQUIRE_FALSE(r.ok());
  return *r.error;
}

}  // namespace

TEST_CASE("O.S. and Old Style name the Julian calendar, N.S. and New Style the Gregorian", "[old_style]") {
  for (const char* text : {"25 October 1917 O.S.", "25 October 1917 (O.S.)", "25 October 1917 (Old Style)",
                           "25 October 1917 OS", "25 October 1917 Old Style", "25 Oct. 1917 o.s.",
                           "October 25, 1917 (O. S.)", "1917-10-25 O.S."}) {
    INFO(text);
    CHECK(read(text) == "1917-11-07 1917-11-07");
    CHECK(calendar_of(text) == calendar::julian);
    CHECK(label(text) == "25 Oct 1917 (Julian) = 7 Nov 1917");
  }
  for (const char* text : {"7 November 1917 N.S.", "7 November 1917 (N.S.)", "7 November 1917 (New Style)",
                           "7 November 1917 NS"}) {
    INFO(text);
    CHECK(read(text) == "1917-11-07 1917-11-07");
    CHECK(calendar_of(text) == calendar::gregorian);
  }
  SECTION("a month, a year and a range take the mark too") {
    CHECK(read("October 1917 O.S.") == "1917-10-14 1917-11-13");
    CHECK(read("from 24 to 26 October 1917 (Old Style)") == "1917-11-06 1917-11-08");
  }
  SECTION("the mark alone is no date") { CHECK(error_of("O.S.").code == "unparsed-date"); }
  SECTION("a misspelt mark or night is pointed to the form") {
    CHECK(error_of("25 October 1917 Old Stile").hint == "nearest accepted form: '25 October 1917 O.S.'");
    CHECK(error_of("the nite of 24-25 October 1917").hint == "nearest accepted form: 'the night of 24–25 October 1917'");
  }
}

TEST_CASE("a date written Old Style then New Style is one day, which both readings must name", "[old_style]") {
  for (const char* text : {"25 October / 7 November 1917", "25 October/7 November 1917", "25 Oct./7 Nov. 1917",
                           "25 October (7 November) 1917", "25 October 1917 (7 November 1917)",
                           "October 25 / November 7, 1917"}) {
    INFO(text);
    CHECK(read(text) == "1917-11-07 1917-11-07");
    CHECK(calendar_of(text) == calendar::julian);
    CHECK(label(text) == "25 Oct 1917 (Julian) = 7 Nov 1917");
  }
  SECTION("a day written once belongs to the month after it") {
    CHECK(read("12/25 April 1917") == "1917-04-25 1917-04-25");
    CHECK(read("1 (14) January 1918") == "1918-01-14 1918-01-14");
    CHECK(read("26 October (8 November) 1917") == "1917-11-08 1917-11-08");
  }
  SECTION("across the new year, the Old Style day is in the year before") {
    CHECK(read("19 December / 1 January 1918") == "1918-01-01 1918-01-01");
    CHECK(read("19 December 1917 / 1 January 1918") == "1918-01-01 1918-01-01");
    CHECK(read("24 February / 6 March 1700") == "1700-03-06 1700-03-06");  // 10 days: before Julian 29 February 1700
  }
  SECTION("two readings of different days are an error naming both") {
    const date_error e = error_of("25 October / 8 November 1917");
    CHECK(e.code == "invalid-date");
    CHECK(e.message ==
          "invalid date '25 October / 8 November 1917': 25 October 1917 (Julian) is 7 Nov 1917 (Gregorian), not 8 "
          "November 1917");
    CHECK(e.offset == 11);
    CHECK(error_of("25 October (8 November) 1917").code == "invalid-date");
    CHECK(error_of("31 April / 13 May 1917").code == "invalid-date");  // no 31 April
  }
  SECTION("two days of a month with a slash that are neither a night nor one day say both forms") {
    const date_error e = error_of("16/18 July 1918");
    CHECK(e.message == "invalid date '16/18 July 1918': 16 July 1918 (Julian) is 29 Jul 1918 (Gregorian), not 18 July 1918");
    CHECK(e.hint ==
          "write the Old Style (Julian) day first, then the same day New Style (Gregorian), or a night as two days "
          "that follow each other (16/17)");
  }
}

TEST_CASE("the English dual year dates 1 January to 24 March of the year begun the March before", "[old_style]") {
  // Julian 1 March 1721 is Gregorian 12 March 1721 (11 days).
  CHECK(read("1 March 1720/21") == "1721-03-12 1721-03-12");
  CHECK(read("1 March 1720/1") == "1721-03-12 1721-03-12");
  CHECK(read("March 1, 1720/21") == "1721-03-12 1721-03-12");
  CHECK(read("24 March 1720/21") == "1721-04-04 1721-04-04");
  CHECK(read("14 February 1699/1700") == "1700-02-24 1700-02-24");  // 10 days before Julian 29 February 1700
  CHECK(read("January 1720/21") == "1721-01-12 1721-02-11");
  CHECK(calendar_of("1 March 1720/21") == calendar::julian);
  CHECK(label("1 March 1720/21") == "1 Mar 1721 (Julian) = 12 Mar 1721");
  SECTION("a calendar named beside it is kept") { CHECK(read("1 March 1720/21 O.S.") == "1721-03-12 1721-03-12"); }
  SECTION("a day the two years did not share is an error at the year") {
    const date_error e = error_of("1 June 1720/21");
    CHECK(e.code == "invalid-date");
    CHECK(e.offset == 7);
    CHECK(error_of("25 March 1720/21").code == "invalid-date");
    CHECK(error_of("April 1720/21").code == "invalid-date");
  }
  SECTION("a second year that does not follow the first, or a year after no day or month, is no dual year") {
    CHECK(error_of("1 March 1720/22").code == "unparsed-date");
    CHECK(error_of("winter 1944/45").code == "unparsed-date");
    CHECK(error_of("1720/21").code == "unparsed-date");
  }
}

TEST_CASE("the night of two days runs from the first's evening to the second's morning", "[old_style]") {
  CHECK(read("the night of 24–25 October 1917") == "1917-10-24T18:00:00Z 1917-10-25T05:59:59Z");
  CHECK(read("the night of 24-25 October 1917 (Julian)") == "1917-11-06T18:00:00Z 1917-11-07T05:59:59Z");
  CHECK(read("the night of 24/25 October 1917") == "1917-10-24T18:00:00Z 1917-10-25T05:59:59Z");
  CHECK(read("night of 24/25 October 1917") == "1917-10-24T18:00:00Z 1917-10-25T05:59:59Z");
  CHECK(read("16/17 July 1918") == "1918-07-16T18:00:00Z 1918-07-17T05:59:59Z");
  CHECK(read("the night of 31 October – 1 November 1917") == "1917-10-31T18:00:00Z 1917-11-01T05:59:59Z");
  CHECK(read("the night of 31 December/1 January 1918") == "1917-12-31T18:00:00Z 1918-01-01T05:59:59Z");
  CHECK(read("the night of 24 October 1917") == "1917-10-24T18:00:00Z 1917-10-25T05:59:59Z");
  CHECK(read("on the night of October 24–25, 1917") == "1917-10-24T18:00:00Z 1917-10-25T05:59:59Z");
  CHECK(read("October 24/25, 1917") == "1917-10-24T18:00:00Z 1917-10-25T05:59:59Z");
  CHECK(read("October 25/November 7, 1917") == "1917-11-07 1917-11-07");
  SECTION("in the writer's zone: 18:00 BST is 17:00 UTC") {
    CHECK(read("the night of 16 to 17 July 1918", historian("Europe/London")) ==
          "1918-07-16T17:00:00Z 1918-07-17T04:59:59Z");
  }
  SECTION("labelled as written") {
    CHECK(label("the night of 24–25 October 1917") == "night of 24–25 Oct 1917");
    CHECK(label("16/17 July 1918") == "night of 16–17 Jul 1918");
    CHECK(label("the night of 24–25 October 1917 (Julian)") == "night of 24–25 Oct 1917 (Julian) = night of 6–7 Nov 1917");
    CHECK(label("the night of 31 December/1 January 1918") == "night of 31 Dec 1917 – 1 Jan 1918");
    const date_result r = normalize_date("16/17 July 1918", historian());
    CHECK(to_string(r.value.form) == std::string("night"));
  }
  SECTION("two days that do not follow each other are no night") {
    const date_error e = error_of("the night of 24–26 October 1917");
    CHECK(e.code == "invalid-date");
    CHECK(e.message == "invalid date 'the night of 24–26 October 1917': a night runs from one day into the next");
  }
}

TEST_CASE("a range's ends may be written in different calendars", "[old_style]") {
  // Julian 9 January 1905 is Gregorian 22 January; Gregorian 17 July 1918 is Julian 4 July.
  CHECK(read("9 January 1905 (Julian) to 17 July 1918") == "1905-01-22 1918-07-17");
  CHECK(read("from 9 January 1905 (Julian) to 17 July 1918 (Gregorian)") == "1905-01-22 1918-07-17");
  CHECK(read("9 January 1905 O.S. – 17 July 1918") == "1905-01-22 1918-07-17");
  CHECK(read("from 1905-01-09 (Julian) to 1918-07-17") == "1905-01-22 1918-07-17");
  CHECK(read("between 1907 (Julian) and 1909") == "1907-01-14 1909-12-31");
  CHECK(calendar_of("9 January 1905 (Julian) to 17 July 1918") == calendar::julian);
  CHECK(calendar_of("9 January 1905 (Gregorian) to 4 July 1918 (Julian)") == calendar::julian);
  CHECK(label("9 January 1905 (Julian) to 17 July 1918") == "9 Jan 1905 – 4 Jul 1918 (Julian) = 22 Jan 1905 – 17 Jul 1918");
  SECTION("a calendar written once at the end belongs to both ends") {
    CHECK(read("from 1326-05-23 to 1327-06-27 (Islamic)") == read("1326-05-23/1327-06-27 (Islamic)"));
    CHECK(read("from 23 Rajab 1326 to 27 Shawwal 1327 AH") == read("1326-07-23/1327-10-27 (Islamic)"));
    CHECK(read("between 1907 and 1909 (Julian)") == "1907-01-14 1910-01-13");
  }
  SECTION("an end in its own calendar needs its own year") {
    const date_error e = error_of("9 January (Julian) to 17 July 1918");
    CHECK(e.code == "missing-reference");
    CHECK(e.hint == "write each end whole: 9 January 1905 (Julian) to 17 July 1918");
    CHECK(e.offset == 0);
    CHECK(error_of("from 5 May 1915 (Julian) to today").offset == 28);
  }
  SECTION("ends out of order are an error") {
    CHECK(error_of("17 July 1918 (Julian) to 9 January 1905").code == "invalid-date");
  }
}

TEST_CASE("between two years is labelled as those years", "[old_style][cli]") {
  CHECK(label("between 1907 and 1909") == "1907 – 1909");
  CHECK(label("from 1990 to 1999") == "1990 – 1999");
  CHECK(label("between 1907 and 1909 (Julian)") == "1907 – 1909 (Julian) = 14 Jan 1907 – 13 Jan 1910");
  CHECK(label("from January to April 2015") == "Jan – Apr 2015");
  CHECK(label("from 1907 to 1907") == "1907");
  cli_dir dir("old-style-between");
  SECTION("annals date") {
    const auto r = run_cli_clean(dir, {"date", "between 1907 and 1909"});
    CHECK(r.out == "between 1907 and 1909: from 1907-01-01 to 1909-12-31, to the year: 1907 – 1909\n");
  }
  SECTION("render, in text and JSON") {
    dir.write("persia.yaml", R"(timeline: persia
title: Persia
events:
  - {id: tyranny, title: The Minor Tyranny, date: between 1907 and 1909}
  - {id: night, title: The Winter Palace is taken, date: "the night of 25-26 October 1917 O.S."}
  - {id: dual, title: The decree on land, date: 26 October / 8 November 1917}
  - {id: reign, title: The last years of the Romanovs, date: "9 January 1905 (Julian) to 17 July 1918"}
  - {id: bubble, title: The South Sea Company's stock falls, date: 1 March 1720/21}
)");
    const auto text = run_cli_clean(dir, {"render", "persia.yaml"});
    CHECK(text.out.find("1907 – 1909") != std::string::npos);
    CHECK(text.out.find("late 1900s") == std::string::npos);
    CHECK(text.out.find("night of 25–26 Oct 1917 (Julian) = night of 7–8 Nov 1917") != std::string::npos);
    const auto json = run_cli_clean(dir, {"render", "--format", "json", "persia.yaml"});
    const nlohmann::json doc = nlohmann::json::parse(json.out);
    std::map<std::string, nlohmann::json> dates;
    for (const auto& e : doc["events"]) dates[e["id"].get<std::string>()] = e["date"];
    CHECK(dates["tyranny"]["label"] == "1907 – 1909");
    CHECK(dates["night"]["form"] == "night");
    CHECK(dates["dual"]["label"] == "26 Oct 1917 (Julian) = 8 Nov 1917");
    CHECK(dates["reign"]["label"] == "9 Jan 1905 – 4 Jul 1918 (Julian) = 22 Jan 1905 – 17 Jul 1918");
    CHECK(dates["reign"]["calendar"] == "julian");
    CHECK(dates["bubble"]["label"] == "1 Mar 1721 (Julian) = 12 Mar 1721");
  }
  SECTION("a mismatched dual date is an error at its place in the file") {
    dir.write("bad.yaml", R"(timeline: bad
title: Bad
events:
  - {id: decree, title: The decree on land, date: 26 October / 9 November 1917}
)");
    const auto r = run_cli(dir, {"validate", "bad.yaml"});
    CHECK(r.status != 0);
    CHECK((r.out + r.err).find("bad.yaml:4:62: error: invalid date '26 October / 9 November 1917': 26 October 1917 "
                               "(Julian) is 8 Nov 1917 (Gregorian), not 9 November 1917") != std::string::npos);
  }
}

TEST_CASE("the night of one day is labelled as a night, into the next day", "[old_style][cli]") {
  const cli_dir dir("night-of-one-day");
  const auto r = run_cli_clean(dir, {"date", "the night of 25 October 1917 (Julian)"});
  CHECK(r.out.find("from 1917-11-07T18:00:00Z to 1917-11-08T05:59:59Z") != std::string::npos);
  CHECK(r.out.find(": night of 25–26 Oct 1917 (Julian) = night of 7–8 Nov 1917\n") != std::string::npos);
}
