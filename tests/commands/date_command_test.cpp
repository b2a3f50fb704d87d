#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "annals/commands.hpp"

using namespace annals;

namespace {

const std::chrono::sys_days today{std::chrono::year{2020} / 1 / 1};

// What `annals date` printed, and how it ended.
struct printed {
  std::string out, err;
  outcome status;
};

printed run(date_args a) {
  std::ostringstream out, err;
  const outcome status = run_date(a, today, out, err);
  return {out.str(), err.str(), status};
}

date_args json(std::vector<std::string> texts, std::string reference = "2015-11-25") {
  date_args a;
  a.texts = std::move(texts);
  a.reference = std::move(reference);
  a.format = "json";
  return a;
}

}  // namespace

TEST_CASE("date --format json writes one object per text", "[date_command]") {
  const printed o = run(json({"November 23rd", "2015/..", "mid-December"}));
  CHECK(o.status == outcome::ok);
  CHECK(o.out ==
        "{\"input\":\"November 23rd\",\"earliest\":\"2015-11-23\",\"latest\":\"2015-11-23\",\"precision\":\"day\","
        "\"approximate\":false,\"uncertain\":false,\"interval\":false,\"calendar\":\"gregorian\",\"zone\":null,"
        "\"form\":\"single\",\"stated\":{\"earliest\":\"2015-11-23\",\"latest\":\"2015-11-23\"},"
        "\"start\":{\"bound\":\"known\",\"precision\":\"day\",\"qualifier\":\"none\"},"
        "\"end\":{\"bound\":\"known\",\"precision\":\"day\",\"qualifier\":\"none\"},"
        "\"utc\":{\"earliest\":\"2015-11-23T00:00:00Z\",\"latest\":\"2015-11-23T23:59:59Z\"},"
        "\"label\":\"23 Nov 2015\"}\n"
        "{\"input\":\"2015/..\",\"earliest\":\"2015-01-01\",\"latest\":null,\"precision\":\"year\","
        "\"approximate\":false,\"uncertain\":false,\"interval\":true,\"calendar\":\"gregorian\",\"zone\":null,"
        "\"form\":\"interval\",\"stated\":{\"earliest\":\"2015-01-01\",\"latest\":null},"
        "\"start\":{\"bound\":\"known\",\"precision\":\"year\",\"qualifier\":\"none\"},"
        "\"end\":{\"bound\":\"open\",\"precision\":\"year\",\"qualifier\":\"none\"},"
        "\"utc\":{\"earliest\":\"2015-01-01T00:00:00Z\",\"latest\":null},\"label\":\"from 2015\"}\n"
        "{\"input\":\"mid-December\",\"earliest\":\"2015-12-11\",\"latest\":\"2015-12-20\",\"precision\":\"day\","
        "\"approximate\":false,\"uncertain\":false,\"interval\":false,\"calendar\":\"gregorian\",\"zone\":null,"
        "\"form\":\"single\",\"stated\":{\"earliest\":\"2015-12-11\",\"latest\":\"2015-12-20\"},"
        "\"start\":{\"bound\":\"known\",\"precision\":\"day\",\"qualifier\":\"none\"},"
        "\"end\":{\"bound\":\"known\",\"precision\":\"day\",\"qualifier\":\"none\"},"
        "\"utc\":{\"earliest\":\"2015-12-11T00:00:00Z\",\"latest\":\"2015-12-20T23:59:59Z\"},"
        "\"label\":\"mid-Dec 2015\"}\n");
}

TEST_CASE("date's JSON tells open from unknown ends and stated from widened bounds", "[date_command]") {
  const printed o = run(json({"/2015", "2015-12~", "between c. 1500 and 1600"}));
  std::istringstream lines(o.out);
  std::string line;
  std::vector<nlohmann::json> docs;
  while (std::getline(lines, line)) docs.push_back(nlohmann::json::parse(line));
  REQUIRE(docs.size() == 3);
  CHECK(docs[0]["start"]["bound"] == "unknown");
  CHECK(docs[0]["earliest"].is_null());
  CHECK(docs[1]["earliest"] == "2015-11-01");
  CHECK(docs[1]["stated"] == nlohmann::json{{"earliest", "2015-12-01"}, {"latest", "2015-12-31"}});
  CHECK(docs[1]["start"]["qualifier"] == "approximate");
  CHECK(docs[2]["form"] == "between");
  CHECK(docs[2]["start"]["qualifier"] == "approximate");
  CHECK(docs[2]["end"]["qualifier"] == "none");
  CHECK(docs[2]["label"] == "c. 1500 – 1600");
}

TEST_CASE("date reports a failed text as an error object and exits 1", "[date_command]") {
  const printed o = run(json({"2015-02-30", "2015"}));
  CHECK(o.status == outcome::input_error);
  CHECK(o.out.rfind("{\"input\":\"2015-02-30\",\"error\":{\"code\":\"invalid-date\",\"message\":\"invalid date "
                    "'2015-02-30': February 2015 has 28 days\"",
                    0) == 0);
  CHECK(o.out.find("{\"input\":\"2015\",\"earliest\":\"2015-01-01\"") != std::string::npos);
}

TEST_CASE("date's text form shows the interval and precision in words, then the label", "[date_command]") {
  date_args a;
  a.reference = "2015-11-25";
  a.texts = {"mid-December", "2015-12~", "before 2007", "November 23rd"};
  const printed r = run(a);
  CHECK(r.status == outcome::ok);
  CHECK(r.out ==
        "mid-December: from 2015-12-11 to 2015-12-20, to the day: mid-Dec 2015\n"
        "2015-12~: from 2015-11-01 to 2016-01-31, to the month, approximate: c. Dec 2015\n"
        "before 2007: until 2006-12-31 (open start), to the year: before 2007\n"
        "November 23rd: 2015-11-23, to the day: 23 Nov 2015\n");
  a.texts = {"Novmber 23"};
  const printed e = run(a);
  CHECK(e.status == outcome::input_error);
  CHECK(e.err ==
        "error: cannot read date 'Novmber 23': unexpected 'Novmber' [unparsed-date]\n"
        "  Novmber 23\n"
        "  ^\n"
        "  hint: did you mean 'november'?\n");
}

TEST_CASE("date takes the calendar, zone and reference options", "[date_command]") {
  date_args a = json({"1917-10-25"});
  a.calendar = "julian";
  CHECK(run(a).out.find("\"earliest\":\"1917-11-07\"") != std::string::npos);
  a = json({"1394-09-02"});
  a.calendar = "solar_hijri";
  CHECK(run(a).out.find("\"calendar\":\"solar_hijri\"") != std::string::npos);
  a = json({"2015-11-23T14:00"});
  a.timezone = "Asia/Tehran";
  CHECK(run(a).out.find("\"earliest\":\"2015-11-23T10:30:00Z\"") != std::string::npos);
  SECTION("a day in a zone keeps its civil date; its instants are that day there") {
    a = json({"2010-04-20"});
    a.timezone = "America/Chicago";
    const auto doc = nlohmann::json::parse(run(a).out);
    CHECK(doc["earliest"] == "2010-04-20");
    CHECK(doc["latest"] == "2010-04-20");
    CHECK(doc["zone"] == "America/Chicago");
    CHECK(doc["utc"] == nlohmann::json{{"earliest", "2010-04-20T05:00:00Z"}, {"latest", "2010-04-21T04:59:59Z"}});
  }
  date_args no_reference = json({"today"}, "");
  CHECK(run(no_reference).out.find("\"earliest\":\"2020-01-01\"") != std::string::npos);
}

TEST_CASE("bad option values are usage errors", "[date_command]") {
  date_args a = json({"2015"});
  a.format = "yaml";
  CHECK(run(a).status == outcome::usage_error);
  a = json({"2015"});
  a.calendar = "mayan";
  const printed r = run(a);
  CHECK(r.status == outcome::usage_error);
  CHECK(r.err ==
        "annals date: unknown calendar 'mayan' (use gregorian, julian, solar_hijri, islamic, hebrew, rumi or french_republican)\n"
        "(see 'annals date --help')\n");
  a = json({"2015"}, "yesterday-ish");
  CHECK(run(a).status == outcome::usage_error);
  a = json({"2015"});
  a.timezone = "Mars/Olympus";
  CHECK(run(a).status == outcome::usage_error);
}
