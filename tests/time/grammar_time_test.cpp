// Times of day as incident reviews write them (issue 20): zone abbreviations, approximate
// times, ranges of times, parts of a day, year/month/day with a time. Every interval was
// worked out by hand: the writer is in Los Angeles (UTC-8 in February, UTC-7 in July),
// the reference day 2017-02-28.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "annals/temporal.hpp"
#include "time/date_label.hpp"
#include "cli_run.hpp"

using namespace annals;

namespace {

date_context writer(std::string_view tz = "America/Los_Angeles") {
  date_context c;
  c.reference = std::chrono::sys_days{std::chrono::year{2017} / 2 / 28};
  c.timezone = tz;
  return c;
}

// "earliest latest" in UTC, or "code@offset".
std::string read(std::string_view text, const date_context& ctx = writer()) {
  const date_result r = normalize_date(text, ctx);
  if (!r.ok()) return r.error->code + "@" + std::to_string(r.error->offset);
  return format_bound(r.value.earliest, precision::second) + " " +
         format_bound(r.value.latest, precision::second);
}

date_error error_of(std::string_view text, const date_context& ctx = writer()) {
  const date_result r = normalize_date(text, ctx);
  REQUIRE_FALSE(r.ok());
  return *r.error;
}

}  // namespace

TEST_CASE("a zone abbreviation fixes the offset it names", "[grammar_time]") {
  CHECK(read("9:37AM PST on February 28, 2017") == "2017-02-28T17:37:00Z 2017-02-28T17:37:59Z");
  CHECK(read("9:37AM EST on February 28, 2017") == "2017-02-28T14:37:00Z 2017-02-28T14:37:59Z");
  CHECK(read("9:37 a.m. CDT on July 28, 2017", writer("America/Chicago")) ==
        "2017-07-28T14:37:00Z 2017-07-28T14:37:59Z");
  CHECK(read("9:37 a.m. CDT on July 28, 2017") == "ambiguous-timezone@10");  // Cuba's CDT is UTC-4
  CHECK(read("9:37 MST on February 28, 2017") == "2017-02-28T16:37:00Z 2017-02-28T16:37:59Z");
  CHECK(read("9:37 GMT on February 28, 2017") == "2017-02-28T09:37:00Z 2017-02-28T09:37:59Z");
  CHECK(read("9:37 BST on July 28, 2017") == "2017-07-28T08:37:00Z 2017-07-28T08:37:59Z");
  CHECK(read("9:37 CET on February 28, 2017") == "2017-02-28T08:37:00Z 2017-02-28T08:37:59Z");
  CHECK(read("9:37 CEST on July 28, 2017") == "2017-07-28T07:37:00Z 2017-07-28T07:37:59Z");
  CHECK(read("9:37 JST on July 28, 2017") ==
        "2017-07-28T00:37:00Z 2017-07-28T00:37:59Z");  // from tzdata, not a hand list
  SECTION("PST stays UTC-8 on a summer date, whatever the writer's zone observes then") {
    CHECK(read("9:37AM PST on July 28, 2017") == "2017-07-28T17:37:00Z 2017-07-28T17:37:59Z");
  }
  SECTION("written after the date, the zone still belongs to the time") {
    CHECK(read("9:37AM on February 28, 2017 PST") == "2017-02-28T17:37:00Z 2017-02-28T17:37:59Z");
  }
  SECTION("the value keeps the offset written") {
    const date_result r = normalize_date("9:37AM EST on February 28, 2017", writer());
    REQUIRE(r.ok());
    CHECK(r.value.has_offset);
    CHECK(r.value.offset == -5 * 3600);
    CHECK(date_label(r.value) == "28 Feb 2017 09:37 -05:00");
  }
}

TEST_CASE("PT, ET, CT and MT are their zones, daylight time applied by date", "[grammar_time]") {
  CHECK(read("9:37AM PT on February 28, 2017") == "2017-02-28T17:37:00Z 2017-02-28T17:37:59Z");
  CHECK(read("9:37AM PT on July 28, 2017") == "2017-07-28T16:37:00Z 2017-07-28T16:37:59Z");
  CHECK(read("9:37AM ET on July 28, 2017", writer("Asia/Tokyo")) ==
        "2017-07-28T13:37:00Z 2017-07-28T13:37:59Z");
  CHECK(read("9:37 CT on February 28, 2017", writer("")) == "2017-02-28T15:37:00Z 2017-02-28T15:37:59Z");
  CHECK(read("9:37 MT on July 28, 2017") == "2017-07-28T15:37:00Z 2017-07-28T15:37:59Z");
  const date_result r = normalize_date("9:37AM PT on July 28, 2017", writer("Europe/Paris"));
  REQUIRE(r.ok());
  CHECK(zone_name(r.value.tz) == "America/Los_Angeles");
  CHECK(date_label(r.value) == "28 Jul 2017 09:37 PDT");
}

TEST_CASE("an ambiguous abbreviation takes the writer's zone's meaning, else names the zones it could mean",
          "[grammar_time]") {
  CHECK(read("9:37 IST on February 28, 2017", writer("Asia/Kolkata")) ==
        "2017-02-28T04:07:00Z 2017-02-28T04:07:59Z");
  CHECK(read("9:37 IST on July 28, 2017", writer("Europe/Dublin")) ==
        "2017-07-28T08:37:00Z 2017-07-28T08:37:59Z");
  CHECK(read("9:37 IST on February 28, 2017", writer("Asia/Jerusalem")) ==
        "2017-02-28T07:37:00Z 2017-02-28T07:37:59Z");
  CHECK(read("9:37 CST on February 28, 2017", writer("America/Chicago")) ==
        "2017-02-28T15:37:00Z 2017-02-28T15:37:59Z");
  CHECK(read("9:37 CST on February 28, 2017", writer("Asia/Shanghai")) ==
        "2017-02-28T01:37:00Z 2017-02-28T01:37:59Z");
  CHECK(read("9:37 CST on February 28, 2017", writer("America/Havana")) ==
        "2017-02-28T14:37:00Z 2017-02-28T14:37:59Z");
  SECTION("IST written in Los Angeles") {
    const date_error e = error_of("9:37 IST on February 28, 2017");
    CHECK(e.code == "ambiguous-timezone");
    CHECK(e.offset == 5);
    CHECK(e.message.find("'IST'") != std::string::npos);
    CHECK(e.message.find("UTC+05:30 (Asia/Kolkata") != std::string::npos);
    CHECK(e.message.find("UTC+01:00 (Europe/Dublin)") != std::string::npos);
    CHECK(e.message.find("UTC+02:00 (Asia/Jerusalem") != std::string::npos);
    CHECK(e.hint.find("'timezone'") != std::string::npos);
  }
  SECTION("PST written in a UTC file: US Pacific or the Philippines") {
    const date_error e = error_of("9:37AM PST on February 28, 2017", writer("UTC"));
    CHECK(e.code == "ambiguous-timezone");
    CHECK(e.message.find("UTC-08:00 (America/Los_Angeles,") != std::string::npos);
    CHECK(e.message.find("UTC+08:00 (Asia/Manila)") != std::string::npos);
    CHECK(
        e.hint ==
        "give the file a 'timezone' (or the event a 'tz') that uses PST, or write the offset, e.g. '-08:00'");
  }
  SECTION("CST with no zone at all") {
    const date_error e = error_of("9:37 CST on February 28, 2017", writer(""));
    CHECK(e.code == "ambiguous-timezone");
    CHECK(e.message.find("UTC-06:00 (America/Chicago,") != std::string::npos);
    CHECK(e.message.find("UTC-05:00 (America/Havana)") != std::string::npos);
    CHECK(e.message.find("UTC+08:00 (Asia/Shanghai,") != std::string::npos);
  }
}

TEST_CASE("a wrong zone abbreviation gets zone hints, never an English word", "[grammar_time]") {
  SECTION("in capitals: unknown-timezone, with the nearest abbreviations") {
    const date_error e = error_of("9:37AM PZT on February 28, 2017");
    CHECK(e.code == "unknown-timezone");
    CHECK(e.offset == 7);
    CHECK(e.message == "unknown time zone abbreviation 'PZT' in '9:37AM PZT on February 28, 2017'");
    CHECK(e.hint.find("PST") != std::string::npos);
    CHECK(e.hint.find("PDT") != std::string::npos);
    CHECK(e.hint.find("past") == std::string::npos);
  }
  SECTION("far from every abbreviation: how else to name a zone") {
    const date_error e = error_of("9:37AM QQQQ on February 28, 2017");
    CHECK(e.code == "unknown-timezone");
    CHECK(e.hint ==
          "not a zone abbreviation tzdata knows; write an IANA zone (the file's 'timezone', the event's "
          "'tz') or a UTC offset such as '-08:00'");
  }
  SECTION("a misspelt month after a time is still a month") {
    const date_result r = normalize_date("9:37AM Februray 28, 2017", writer());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error->hint == "did you mean 'february'?");
  }
  SECTION("in lower case, where a zone stands") {
    const date_error e = error_of("9:37 pzt");
    CHECK(e.code == "unparsed-date");
    CHECK(e.hint.rfind("zone abbreviations near it: ", 0) == 0);
  }
}

TEST_CASE("an approximate time reaches 30 minutes on the hour, 15 on a quarter, else 5", "[grammar_time]") {
  CHECK(read("approximately 11:00") == "2017-02-28T18:30:00Z 2017-02-28T19:30:59Z");
  CHECK(read("around 11pm on January 31, 2017") == "2017-02-01T06:30:00Z 2017-02-01T07:30:59Z");
  CHECK(read("about 11 p.m.") == "2017-03-01T06:30:00Z 2017-03-01T07:30:59Z");
  CHECK(read("roughly 17:20 UTC") == "2017-02-28T17:15:00Z 2017-02-28T17:25:59Z");
  CHECK(read("11pm-ish UTC") == "2017-02-28T22:30:00Z 2017-02-28T23:30:59Z");
  CHECK(read("c. 11:15") == "2017-02-28T19:00:00Z 2017-02-28T19:30:59Z");
  CHECK(read("around 11:30") == "2017-02-28T19:15:00Z 2017-02-28T19:45:59Z");
  CHECK(read("about 11:27") == "2017-02-28T19:22:00Z 2017-02-28T19:32:59Z");
  CHECK(read("at about 9:37AM PST on February 28, 2017") == "2017-02-28T17:32:00Z 2017-02-28T17:42:59Z");
  CHECK(read("February 28, 2017 at around 11pm") == "2017-03-01T06:30:00Z 2017-03-01T07:30:59Z");
  const date_result r = normalize_date("around 11pm on January 31, 2017", writer());
  REQUIRE(r.ok());
  CHECK(r.value.approximate);
  CHECK(r.value.prec == precision::minute);
  CHECK(format_bound(r.value.stated_earliest, precision::second) == "2017-02-01T07:00:00Z");
  CHECK(date_label(r.value) == "c. 31 Jan 2017 23:00 PST");
  SECTION("a year is still widened by a year") {
    CHECK(read("about 1500", writer("")) == "1499-01-01T00:00:00Z 1501-12-31T23:59:59Z");
  }
}

TEST_CASE("two times of one day, the date written once", "[grammar_time]") {
  CHECK(read("between 9:37AM and 11:37AM on February 28, 2017") ==
        "2017-02-28T17:37:00Z 2017-02-28T19:37:59Z");
  CHECK(read("from 9:37AM to 1:54PM on February 28, 2017") == "2017-02-28T17:37:00Z 2017-02-28T21:54:59Z");
  CHECK(read("9:37–11:37AM") == "2017-02-28T17:37:00Z 2017-02-28T19:37:59Z");
  CHECK(read("9:37-11:37 PST on February 28, 2017") == "2017-02-28T17:37:00Z 2017-02-28T19:37:59Z");
  CHECK(read("11–1pm") == "2017-02-28T19:00:00Z 2017-02-28T21:59:59Z");  // 11 a.m. to 1 p.m.
  CHECK(read("from 9 to 5pm on February 28, 2017") == "2017-02-28T17:00:00Z 2017-03-01T01:59:59Z");
  CHECK(read("11pm to 1am on January 31, 2017") ==
        "2017-02-01T07:00:00Z 2017-02-01T09:59:59Z");  // past midnight
  CHECK(read("between 9:37AM PST and 11:37AM on February 28, 2017") ==
        "2017-02-28T17:37:00Z 2017-02-28T19:37:59Z");
  const date_result between = normalize_date("between 9:37AM and 11:37AM on February 28, 2017", writer());
  REQUIRE(between.ok());
  CHECK(between.value.form == date_form::between);
  CHECK(date_label(between.value) == "28 Feb 2017 09:37 – 11:37 PST");
  const date_result from = normalize_date("from 9:37AM to 1:54PM on February 28, 2017", writer());
  REQUIRE(from.ok());
  CHECK(from.value.form == date_form::interval);
  SECTION("years and days are no times") {
    CHECK(read("between 2007 and 2015", writer("")) == "2007-01-01T00:00:00Z 2015-12-31T23:59:59Z");
    CHECK(read("23-25 November", writer("")) == "2016-11-23T00:00:00Z 2016-11-25T23:59:59Z");
  }
  SECTION("a time with a zone and one without are not joined") {
    CHECK(read("between 9:37AM PST on February 28, 2017 and March 1, 2017 at 11am") == "invalid-date@65");
  }
}

TEST_CASE("parts of a day with a date, and year/month/day with a time", "[grammar_time]") {
  CHECK(read("the morning of February 28, 2017") == "2017-02-28T14:00:00Z 2017-02-28T19:59:59Z");
  CHECK(read("on the afternoon of February 28, 2017") == "2017-02-28T20:00:00Z 2017-03-01T01:59:59Z");
  CHECK(read("the evening of February 28, 2017") == "2017-03-01T02:00:00Z 2017-03-01T07:59:59Z");
  CHECK(read("the night of February 28, 2017") == "2017-03-01T02:00:00Z 2017-03-01T13:59:59Z");
  CHECK(read("the morning of February 28, 2017", writer("")) == "2017-02-28T06:00:00Z 2017-02-28T11:59:59Z");
  CHECK(read("2017/01/31 11:27pm UTC") == "2017-01-31T23:27:00Z 2017-01-31T23:27:59Z");
  CHECK(read("2017/01/31 11:27pm") == "2017-02-01T07:27:00Z 2017-02-01T07:27:59Z");
  CHECK(read("2017/1/31 at 9am") == "2017-01-31T17:00:00Z 2017-01-31T17:59:59Z");
  CHECK(read("2017/02/30 11:27pm UTC") == "invalid-date@0");
  SECTION("ISO's day and a 24-hour time with a zone word, and a bare time, read as English") {
    CHECK(read("2017-02-28 09:37 PST") == "2017-02-28T17:37:00Z 2017-02-28T17:37:59Z");
    CHECK(read("2017-02-28 09:37 UTC") == "2017-02-28T09:37:00Z 2017-02-28T09:37:59Z");
    CHECK(read("09:37") == "2017-02-28T17:37:00Z 2017-02-28T17:37:59Z");
    CHECK(read("9:37-11:37") == "2017-02-28T17:37:00Z 2017-02-28T19:37:59Z");
    CHECK(read("2017-02-28 09:37") == "2017-02-28T17:37:00Z 2017-02-28T17:37:59Z");  // ISO, as before
  }
}

TEST_CASE("annals date reads the reviewer's phrases in the writer's zone", "[grammar_time][cli]") {
  const testing::cli_dir dir("grammar_time");
  const std::string out = dir / "out.json";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"9:37AM PST on February 28, 2017", "2017-02-28T17:37:00Z 2017-02-28T17:37:59Z"},
      {"around 11pm on January 31, 2017", "2017-02-01T06:30:00Z 2017-02-01T07:30:59Z"},
      {"between 9:37AM and 11:37AM on February 28, 2017", "2017-02-28T17:37:00Z 2017-02-28T19:37:59Z"},
      {"the morning of February 28, 2017", "2017-02-28T14:00:00Z 2017-02-28T19:59:59Z"},
      {"2017/01/31 11:27pm UTC", "2017-01-31T23:27:00Z 2017-01-31T23:27:59Z"}};
  for (const auto& [text, bounds] : cases) {
    INFO(text);
    CHECK(testing::run_sh("\"$ANNALS\" date '" + text +
                       "' --tz America/Los_Angeles --reference 2017-02-28 --format json > '" + out + "'") ==
          0);
    const auto j = nlohmann::json::parse(testing::cli_slurp(out));
    CHECK(j["utc"]["earliest"].get<std::string>() + " " + j["utc"]["latest"].get<std::string>() == bounds);
  }
  CHECK(testing::run_sh("\"$ANNALS\" date '9:37 IST' --tz America/Los_Angeles --format json > '" + out + "'") ==
        1);
  const auto e = nlohmann::json::parse(testing::cli_slurp(out));
  CHECK(e["error"]["code"] == "ambiguous-timezone");
}
