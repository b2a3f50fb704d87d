#include <catch2/catch.hpp>

#include "annals/date_command.hpp"

using namespace annals;

namespace {

const std::chrono::sys_days today{std::chrono::year{2020} / 1 / 1};

date_options json(std::string reference = "2015-11-25") {
  date_options o;
  o.reference = std::move(reference);
  o.format = "json";
  return o;
}

}  // namespace

TEST_CASE("date --format json writes one object per text", "[date_command]") {
  const command_output o = run_date_command({"November 23rd", "2015/..", "mid-December"}, json(), today);
  CHECK(o.status == 0);
  CHECK(o.out ==
        "{\"input\":\"November 23rd\",\"earliest\":\"2015-11-23\",\"latest\":\"2015-11-23\",\"precision\":\"day\","
        "\"approximate\":false,\"uncertain\":false,\"interval\":false,\"calendar\":\"gregorian\"}\n"
        "{\"input\":\"2015/..\",\"earliest\":\"2015-01-01\",\"latest\":null,\"precision\":\"year\","
        "\"approximate\":false,\"uncertain\":false,\"interval\":true,\"calendar\":\"gregorian\"}\n"
        "{\"input\":\"mid-December\",\"earliest\":\"2015-12-11\",\"latest\":\"2015-12-20\",\"precision\":\"day\","
        "\"approximate\":false,\"uncertain\":false,\"interval\":false,\"calendar\":\"gregorian\"}\n");
}

TEST_CASE("date reports a failed text as an error object and exits 1", "[date_command]") {
  const command_output o = run_date_command({"2015-02-30", "2015"}, json(), today);
  CHECK(o.status == 1);
  CHECK(o.out.rfind("{\"input\":\"2015-02-30\",\"error\":{\"code\":\"invalid-date\",\"message\":\"invalid date "
                    "'2015-02-30': February 2015 has 28 days\"",
                    0) == 0);
  CHECK(o.out.find("{\"input\":\"2015\",\"earliest\":\"2015-01-01\"") != std::string::npos);
}

TEST_CASE("date's text form shows the interval and precision in words", "[date_command]") {
  date_options o;
  o.reference = "2015-11-25";
  const command_output r = run_date_command({"mid-December", "2015-12~", "before 2007", "November 23rd"}, o, today);
  CHECK(r.status == 0);
  CHECK(r.out ==
        "mid-December: from 2015-12-11 to 2015-12-20, to the day\n"
        "2015-12~: from 2015-11-01 to 2016-01-31, to the month, approximate\n"
        "before 2007: until 2006-12-31 (open start), to the year\n"
        "November 23rd: 2015-11-23, to the day\n");
  const command_output e = run_date_command({"Novmber 23"}, o, today);
  CHECK(e.status == 1);
  CHECK(e.err ==
        "error: cannot read date 'Novmber 23': unexpected 'Novmber' [unparsed-date]\n"
        "  Novmber 23\n"
        "  ^\n"
        "  hint: did you mean 'november'?\n");
}

TEST_CASE("date takes the calendar, zone and reference options", "[date_command]") {
  date_options o = json();
  o.calendar = "julian";
  CHECK(run_date_command({"1917-10-25"}, o, today).out.find("\"earliest\":\"1917-11-07\"") != std::string::npos);
  o.calendar = "solar_hijri";
  CHECK(run_date_command({"1394-09-02"}, o, today).out.find("\"calendar\":\"solar_hijri\"") != std::string::npos);
  o.calendar = "";
  o.timezone = "Asia/Tehran";
  CHECK(run_date_command({"2015-11-23T14:00"}, o, today).out.find("\"earliest\":\"2015-11-23T10:30:00Z\"") !=
        std::string::npos);
  date_options no_reference;
  no_reference.format = "json";
  CHECK(run_date_command({"today"}, no_reference, today).out.find("\"earliest\":\"2020-01-01\"") != std::string::npos);
}

TEST_CASE("bad option values are usage errors", "[date_command]") {
  date_options o;
  o.format = "yaml";
  CHECK(run_date_command({"2015"}, o, today).status == 2);
  o = date_options{};
  o.calendar = "mayan";
  const command_output r = run_date_command({"2015"}, o, today);
  CHECK(r.status == 2);
  CHECK(r.err == "annals date: unknown calendar 'mayan' (use gregorian, julian, solar_hijri or islamic)\n");
  o = date_options{};
  o.reference = "yesterday-ish";
  CHECK(run_date_command({"2015"}, o, today).status == 2);
}

TEST_CASE("JSON strings are escaped", "[date_command]") {
  std::string s;
  append_json_string(s, "a\"b\\c\n\x01");
  CHECK(s == "\"a\\\"b\\\\c\\n\\u0001\"");
}
