// --tz through the command line: every time of day shown in one zone by render (each
// format), why, effects, gaps and metrics; without it each time on its writer's clock,
// as the messages of causal-order and milestone-order are. Figures checked by hand:
// 9:37 PST is 17:37 UTC and 12:37 EST; 18:20 UTC is 13:20 EST; 1:54 PM EST is 18:54 UTC;
// 4:30 PM PST is 00:30 UTC the next day and 19:30 EST.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"

using annals::testing::cli_dir;
using annals::testing::run_cli;
using annals::testing::run_cli_clean;

namespace {

// A file in Los Angeles time with one event in UTC (its own `tz`), one in EST (the
// abbreviation in the phrase), a time that is the next day in UTC, and a day.
constexpr const char* mixed = R"(timeline: s3
title: S3 outage
reference: 2017-03-02
timezone: America/Los_Angeles
events:
  - {id: typo, title: A command removes too many servers, date: "9:37AM on February 28, 2017", milestone: impact_start}
  - {id: dashboard, title: The dashboard cannot update, date: {on: "2017-02-28T18:20", tz: UTC}, caused_by: [typo], milestone: detected}
  - {id: restart, title: The index restarts, date: "1:54PM EST on February 28, 2017", caused_by: [typo], milestone: mitigated}
  - {id: recovered, title: S3 recovers, date: "4:30PM on February 28, 2017", caused_by: [restart], milestone: resolved}
  - {id: review, title: Review meeting, date: "March 1, 2017", responds_to: [recovered]}
)";

std::vector<std::string> json_labels(const std::string& out) {
  std::vector<std::string> labels;
  const nlohmann::json doc = nlohmann::json::parse(out);
  for (const auto& e : doc["events"]) labels.push_back(e["date"]["label"].get<std::string>());
  return labels;
}

std::vector<std::string> json_earliest(const std::string& out) {
  std::vector<std::string> bounds;
  const nlohmann::json doc = nlohmann::json::parse(out);
  for (const auto& e : doc["events"]) bounds.push_back(e["date"]["earliest"].get<std::string>());
  return bounds;
}

}  // namespace

TEST_CASE("render shows each time on its writer's clock, and with --tz every time in that zone", "[display-zone][cli]") {
  cli_dir dir("display-zone-render");
  dir.write("s3.yaml", mixed);

  SECTION("without --tz: the file's zone, the event's own, the offset of EST") {
    const auto r = run_cli_clean(dir, {"render", "s3.yaml"});
    CHECK(r.out ==
          "S3 outage\n=========\n\n2017\n  Feb\n"
          "    28 Feb 2017 09:37 PST · T+0:00\n      A command removes too many servers\n      ⚑ impact start\n      → caused dashboard\n      → caused restart\n"
          "    28 Feb 2017 18:20 UTC · T+0:43\n      The dashboard cannot update\n      ⚑ detected\n      ← caused by typo\n"
          "    28 Feb 2017 13:54 -05:00 · T+1:17\n      The index restarts\n      ⚑ mitigated\n      ← caused by typo\n      → caused recovered\n"
          "    28 Feb 2017 16:30 PST · T+6:53\n      S3 recovers\n      ⚑ resolved\n      ← caused by restart\n      → responded to by review\n"
          "  Mar\n    1 Mar 2017 · T+14:23–1d 14:22\n      Review meeting\n      ← responds to recovered\n");
  }
  SECTION("--tz UTC: a time moves to the next day and its heading with it; the day does not move") {
    const auto r = run_cli_clean(dir, {"render", "--tz", "UTC", "s3.yaml"});
    CHECK(r.out ==
          "S3 outage\n=========\n\n2017\n  Feb\n"
          "    28 Feb 2017 17:37 UTC · T+0:00\n      A command removes too many servers\n      ⚑ impact start\n      → caused dashboard\n      → caused restart\n"
          "    28 Feb 2017 18:20 UTC · T+0:43\n      The dashboard cannot update\n      ⚑ detected\n      ← caused by typo\n"
          "    28 Feb 2017 18:54 UTC · T+1:17\n      The index restarts\n      ⚑ mitigated\n      ← caused by typo\n      → caused recovered\n"
          "  Mar\n    1 Mar 2017 00:30 UTC · T+6:53\n      S3 recovers\n      ⚑ resolved\n      ← caused by restart\n      → responded to by review\n"
          "    1 Mar 2017 · T+14:23–1d 14:22\n      Review meeting\n      ← responds to recovered\n");
  }
  SECTION("--tz America/New_York: every time in EST") {
    const auto r = run_cli_clean(dir, {"render", "--tz", "America/New_York", "s3.yaml"});
    CHECK_THAT(r.out, Catch::Contains("    28 Feb 2017 12:37 EST · T+0:00\n"));
    CHECK_THAT(r.out, Catch::Contains("    28 Feb 2017 13:20 EST · T+0:43\n"));
    CHECK_THAT(r.out, Catch::Contains("    28 Feb 2017 13:54 EST · T+1:17\n"));
    CHECK_THAT(r.out, Catch::Contains("    28 Feb 2017 19:30 EST · T+6:53\n"));
    CHECK_THAT(r.out, Catch::Contains("  Mar\n    1 Mar 2017 · T+14:23–1d 14:22\n"));
  }
  SECTION("json: the labels follow --tz, the machine bounds stay UTC") {
    const std::vector<std::string> utc = {"2017-02-28T17:37:00Z", "2017-02-28T18:20:00Z", "2017-02-28T18:54:00Z",
                                          "2017-03-01T00:30:00Z", "2017-03-01"};
    const auto plain = run_cli_clean(dir, {"render", "--format", "json", "s3.yaml"});
    CHECK(json_labels(plain.out) == std::vector<std::string>{"28 Feb 2017 09:37 PST", "28 Feb 2017 18:20 UTC",
                                                            "28 Feb 2017 13:54 -05:00", "28 Feb 2017 16:30 PST",
                                                            "1 Mar 2017"});
    CHECK(json_earliest(plain.out) == utc);
    const auto ny = run_cli_clean(dir, {"render", "--format", "json", "--tz", "America/New_York", "s3.yaml"});
    CHECK(json_labels(ny.out) == std::vector<std::string>{"28 Feb 2017 12:37 EST", "28 Feb 2017 13:20 EST",
                                                         "28 Feb 2017 13:54 EST", "28 Feb 2017 19:30 EST",
                                                         "1 Mar 2017"});
    CHECK(json_earliest(ny.out) == utc);
  }
  SECTION("csv: the date column follows --tz, the bounds stay UTC") {
    const auto r = run_cli_clean(dir, {"render", "--format", "csv", "--tz", "UTC", "s3.yaml"});
    CHECK_THAT(r.out, Catch::Contains("\nrecovered,1 Mar 2017 00:30 UTC,2017-03-01T00:30:00Z,2017-03-01T00:30:59Z,"));
    CHECK_THAT(r.out, Catch::Contains("\nreview,1 Mar 2017,2017-03-01,2017-03-01,"));
  }
  SECTION("ics: instants stay UTC, the description's label follows --tz") {
    const auto r = run_cli_clean(dir, {"render", "--format", "ics", "--tz", "America/New_York", "s3.yaml"});
    CHECK_THAT(r.out, Catch::Contains("DTSTART:20170301T003000Z\r\n"));
    CHECK_THAT(r.out, Catch::Contains("DESCRIPTION:When: 28 Feb 2017 19:30 EST\\ncaused by restart\r\n"));
    CHECK_THAT(r.out, Catch::Contains("DTSTART;VALUE=DATE:20170301\r\n"));
  }
  SECTION("timelinejs: a slide's wall time is in --tz, a day's is its own") {
    const auto r = run_cli_clean(dir, {"render", "--format", "timelinejs", "--tz", "UTC", "s3.yaml"});
    const auto events = nlohmann::json::parse(r.out)["events"];
    REQUIRE(events.size() == 5);
    CHECK(events[3]["start_date"] == nlohmann::json{{"year", 2017}, {"month", 3}, {"day", 1}, {"hour", 0},
                                                    {"minute", 30}, {"display_date", "1 Mar 2017 00:30 UTC"}});
    CHECK(events[4]["start_date"] ==
          nlohmann::json{{"year", 2017}, {"month", 3}, {"day", 1}, {"display_date", "1 Mar 2017"}});
  }
  SECTION("timelinejs without --tz: every time placed on the file's clock, so that the order holds; labels as written") {
    const auto r = run_cli_clean(dir, {"render", "--format", "timelinejs", "s3.yaml"});
    const auto events = nlohmann::json::parse(r.out)["events"];
    REQUIRE(events.size() == 5);
    CHECK(events[1]["start_date"] == nlohmann::json{{"year", 2017}, {"month", 2}, {"day", 28}, {"hour", 10},
                                                    {"minute", 20}, {"display_date", "28 Feb 2017 18:20 UTC"}});
    CHECK(events[2]["start_date"]["hour"] == 10);
    CHECK(events[2]["start_date"]["minute"] == 54);
    CHECK(events[3]["start_date"]["hour"] == 16);
  }
  SECTION("html: the labels follow --tz") {
    const auto r = run_cli_clean(dir, {"render", "--format", "html", "--tz", "UTC", "s3.yaml"});
    CHECK_THAT(r.out, Catch::Contains("1 Mar 2017 00:30 UTC"));
    CHECK_THAT(r.out, !Catch::Contains("16:30 PST"));
  }
}

TEST_CASE("why, effects, gaps and metrics show times in --tz, else each on its writer's clock", "[display-zone][cli]") {
  cli_dir dir("display-zone-commands");
  dir.write("s3.yaml", mixed);

  SECTION("why") {
    CHECK(run_cli_clean(dir, {"why", "s3.yaml", "restart"}).out ==
          "restart  28 Feb 2017 13:54 -05:00  The index restarts\n"
          "  caused by typo  28 Feb 2017 09:37 PST  A command removes too many servers\n");
    CHECK(run_cli_clean(dir, {"why", "--tz", "America/New_York", "s3.yaml", "restart"}).out ==
          "restart  28 Feb 2017 13:54 EST  The index restarts\n"
          "  caused by typo  28 Feb 2017 12:37 EST  A command removes too many servers\n");
  }
  SECTION("effects") {
    CHECK(run_cli_clean(dir, {"effects", "--tz", "UTC", "s3.yaml", "typo"}).out ==
          "typo  28 Feb 2017 17:37 UTC  A command removes too many servers\n"
          "  caused dashboard  28 Feb 2017 18:20 UTC  The dashboard cannot update\n"
          "  caused restart  28 Feb 2017 18:54 UTC  The index restarts\n"
          "    caused recovered  1 Mar 2017 00:30 UTC  S3 recovers\n"
          "      responded to by review  1 Mar 2017  Review meeting\n");
  }
  SECTION("gaps") {
    const auto plain = run_cli_clean(dir, {"gaps", "--quiet", "30 minutes", "s3.yaml"});
    CHECK_THAT(plain.out, Catch::Contains("  28 Feb 2017 09:37 PST → 28 Feb 2017 18:20 UTC  43 minutes\n"));
    const auto utc = run_cli_clean(dir, {"gaps", "--quiet", "30 minutes", "--tz", "UTC", "s3.yaml"});
    CHECK(utc.out ==
          "no gaps\nquiet periods\n"
          "  28 Feb 2017 17:37 UTC → 28 Feb 2017 18:20 UTC  43 minutes\n"
          "  28 Feb 2017 18:20 UTC → 28 Feb 2017 18:54 UTC  34 minutes\n"
          "  28 Feb 2017 18:54 UTC → 1 Mar 2017 00:30 UTC  5 hours 36 minutes\n"
          "  28 Feb 2017 → 1 Mar 2017  1 day (1 day)\n");
  }
  SECTION("metrics, text and json") {
    CHECK(run_cli_clean(dir, {"metrics", "--tz", "America/New_York", "s3.yaml"}).out ==
          "impact start         28 Feb 2017 12:37 EST  (typo)\n"
          "time to detect       43m           detected: 28 Feb 2017 13:20 EST (dashboard)\n"
          "time to acknowledge  not marked\n"
          "time to mitigate     1h17m         mitigated: 28 Feb 2017 13:54 EST (restart)\n"
          "time to resolve      6h53m         resolved: 28 Feb 2017 19:30 EST (recovered)\n"
          "impact duration      6h53m         resolved: 28 Feb 2017 19:30 EST (recovered), no impact_end marked\n");
    const auto j = nlohmann::json::parse(run_cli_clean(dir, {"metrics", "--format", "json", "--tz", "UTC", "s3.yaml"}).out);
    CHECK(j["impact_start"]["label"] == "28 Feb 2017 17:37 UTC");
    CHECK(j["metrics"][3]["label"] == "1 Mar 2017 00:30 UTC");
    CHECK(j["metrics"][3]["max_seconds"] == 6 * 3600 + 53 * 60);
  }
}

TEST_CASE("causal-order and milestone-order messages name times on the writer's clock", "[display-zone][cli]") {
  cli_dir dir("display-zone-messages");
  dir.write("order.yaml", R"(timeline: order
reference: 2017-03-02
timezone: America/Los_Angeles
events:
  - {id: typo, title: Servers removed, date: "2:26PM on February 28, 2017", milestone: impact_start}
  - {id: page, title: Paged, date: "1:00PM on February 28, 2017", caused_by: [typo]}
  - {id: early, title: Noticed, date: {before: typo, by: 2 hours}, milestone: detected}
)");
  const auto r = run_cli(dir, {"validate", "order.yaml"});
  CHECK(r.status == 1);
  CHECK(r.out ==
        "order.yaml:6:5: error: 'page' cannot begin before 28 Feb 2017 14:26 PST: 'typo' (28 Feb 2017 14:26 PST) "
        "causes 'page' (28 Feb 2017 13:00 PST) [causal-order]\n"
        "order.yaml:7:79: error: 'detected' (event 'early', 28 Feb 2017 12:26 PST) comes before 'impact_start' "
        "(event 'typo', 28 Feb 2017 14:26 PST) [milestone-order]\n");
  CHECK(r.err == "2 errors, 0 warnings\n");
}

TEST_CASE("an unknown --tz is a usage error naming it, with the zone it may have meant", "[display-zone][cli]") {
  cli_dir dir("display-zone-unknown");
  dir.write("s3.yaml", mixed);
  const auto refused = [&](std::vector<std::string> args) {
    const auto r = run_cli(dir, std::move(args));
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    return r.err;
  };
  CHECK(refused({"render", "--tz", "America/Los_Angles", "s3.yaml"}) ==
        "annals render: unknown time zone 'America/Los_Angles' for --tz; did you mean 'America/Los_Angeles'?\n"
        "(see 'annals render --help')\n");
  CHECK(refused({"why", "--tz", "america/new_york", "s3.yaml", "typo"}) ==
        "annals why: unknown time zone 'america/new_york' for --tz; did you mean 'America/New_York'?\n"
        "(see 'annals why --help')\n");
  CHECK(refused({"metrics", "--tz", "PST", "s3.yaml"}) ==
        "annals metrics: unknown time zone 'PST' for --tz; 'PST' is a zone abbreviation, not a zone; name the zone, "
        "e.g. 'America/Los_Angeles'\n(see 'annals metrics --help')\n");
  CHECK(refused({"gaps", "--tz", "Nowhere", "s3.yaml"}) ==
        "annals gaps: unknown time zone 'Nowhere' for --tz; use an IANA name such as 'America/Los_Angeles' or 'UTC'\n"
        "(see 'annals gaps --help')\n");
  SECTION("date's --tz (the zone of times written without one) gives the same hint") {
    const auto r = run_cli(dir, {"date", "--tz", "Europe/Londn", "9:37"});
    CHECK(r.status == 2);
    CHECK(r.err == "annals date: unknown time zone 'Europe/Londn' for --tz; did you mean 'Europe/London'?\n"
                   "(see 'annals date --help')\n");
  }
}
