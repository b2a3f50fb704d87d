// `annals metrics` through the command line: the whole text and JSON reports of an
// incident, exact durations between times written to the same unit, ranges when a time
// is vague, and the exit status when there is nothing to measure. (Disputed times are
// left to the test of their fix.)

#include <fstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"

using annals::testing::cli_dir;
using annals::testing::run_cli;

namespace {

// Every time to the minute; no acknowledged milestone.
constexpr const char* exact = R"(timeline: outage
title: A bad deploy
timezone: UTC
events:
  - {id: deploy, title: Bad config deployed, date: 2019-07-02T13:42Z, milestone: impact_start}
  - {id: page, title: First page, date: 2019-07-02T13:45Z, milestone: detected, caused_by: [deploy]}
  - {id: rollback, title: Rollback, date: 2019-07-02T14:07Z, milestone: mitigated, after: [page]}
  - {id: healthy, title: Healthy again, date: 2019-07-02T15:51Z, milestone: resolved}
)";

// Impact start to the second; the others to the minute, to the hour (2pm: 14:00 to
// 14:59:59) and to the day (3 July: its 24 hours), so each is a range of seconds.
constexpr const char* vague = R"(timeline: outage
title: A bad deploy
timezone: UTC
events:
  - {id: deploy, title: Bad config deployed, date: 2019-07-02T13:42:00Z, milestone: impact_start}
  - {id: page, title: First page, date: 2019-07-02T13:45Z, milestone: detected, caused_by: [deploy]}
  - {id: ack, title: On-call acknowledges, date: 2pm on 2 July 2019, milestone: acknowledged, responds_to: [page]}
  - {id: healthy, title: Healthy again, date: 3 July 2019, milestone: resolved}
)";

}  // namespace

TEST_CASE("metrics measures whole minutes between times written to the minute", "[metrics][cli]") {
  cli_dir dir("metrics-exact");
  dir.write("incident.yaml", exact);
  SECTION("text") {
    const auto r = run_cli_clean(dir, {"metrics", "incident.yaml"});
    CHECK(r.out == "impact start         2 Jul 2019 13:42 UTC  (deploy)\n"
                   "time to detect       3m            detected: 2 Jul 2019 13:45 UTC (page)\n"
                   "time to acknowledge  not marked\n"
                   "time to mitigate     25m           mitigated: 2 Jul 2019 14:07 UTC (rollback)\n"
                   "time to resolve      2h09m         resolved: 2 Jul 2019 15:51 UTC (healthy)\n"
                   "impact duration      2h09m         resolved: 2 Jul 2019 15:51 UTC (healthy), no impact_end marked\n");
  }
  SECTION("json") {
    const auto r = run_cli_clean(dir, {"metrics", "--format", "json", "incident.yaml"});
    CHECK(r.out == R"({
  "impact_start": {
    "event": "deploy",
    "label": "2 Jul 2019 13:42 UTC"
  },
  "metrics": [
    {
      "milestone": "detected",
      "marked": true,
      "event": "page",
      "label": "2 Jul 2019 13:45 UTC",
      "min_seconds": 180,
      "max_seconds": 180,
      "text": "3m"
    },
    {
      "milestone": "acknowledged",
      "marked": false
    },
    {
      "milestone": "mitigated",
      "marked": true,
      "event": "rollback",
      "label": "2 Jul 2019 14:07 UTC",
      "min_seconds": 1500,
      "max_seconds": 1500,
      "text": "25m"
    },
    {
      "milestone": "resolved",
      "marked": true,
      "event": "healthy",
      "label": "2 Jul 2019 15:51 UTC",
      "min_seconds": 7740,
      "max_seconds": 7740,
      "text": "2h09m"
    }
  ],
  "impact": {
    "to": "resolved",
    "event": "healthy",
    "label": "2 Jul 2019 15:51 UTC",
    "min_seconds": 7740,
    "max_seconds": 7740,
    "text": "2h09m"
  }
}
)");
  }
}

// Each time counts at the unit it was written to: the impact to the second, the page to the
// minute (a minute starts at its first second: 3 minutes), 2pm to the hour and 3 July to the
// day (any of their minutes: 14:00..14:59 is 0:18 to 1:17 after 13:42).
TEST_CASE("metrics gives the range a vague time allows, between the minutes it can start", "[metrics][cli]") {
  cli_dir dir("metrics-vague");
  dir.write("incident.yaml", vague);
  SECTION("text") {
    const auto r = run_cli_clean(dir, {"metrics", "incident.yaml"});
    CHECK(r.out == "impact start         2 Jul 2019 13:42:00 UTC  (deploy)\n"
                   "time to detect       3m            detected: 2 Jul 2019 13:45 UTC (page)\n"
                   "time to acknowledge  18m–1h17m     acknowledged: 2 Jul 2019 14:00 UTC (ack)\n"
                   "time to mitigate     not marked\n"
                   "time to resolve      10h18m–1d 10h17m  resolved: 3 Jul 2019 (healthy)\n"
                   "impact duration      10h18m–1d 10h17m  resolved: 3 Jul 2019 (healthy), no impact_end marked\n");
  }
  SECTION("json") {
    const auto r = run_cli_clean(dir, {"metrics", "--format", "json", "incident.yaml"});
    CHECK(nlohmann::ordered_json::parse(r.out).dump(2) + "\n" == r.out);  // laid out as nlohmann lays it out
    CHECK(nlohmann::json::parse(r.out) == nlohmann::json::parse(R"({
      "impact_start": {"event": "deploy", "label": "2 Jul 2019 13:42:00 UTC"},
      "metrics": [
        {"milestone": "detected", "marked": true, "event": "page", "label": "2 Jul 2019 13:45 UTC",
         "min_seconds": 180, "max_seconds": 180, "text": "3m"},
        {"milestone": "acknowledged", "marked": true, "event": "ack", "label": "2 Jul 2019 14:00 UTC",
         "min_seconds": 1080, "max_seconds": 4620, "text": "18m–1h17m"},
        {"milestone": "mitigated", "marked": false},
        {"milestone": "resolved", "marked": true, "event": "healthy", "label": "3 Jul 2019",
         "min_seconds": 37080, "max_seconds": 123420, "text": "10h18m–1d 10h17m"}
      ],
      "impact": {"to": "resolved", "event": "healthy", "label": "3 Jul 2019",
         "min_seconds": 37080, "max_seconds": 123420, "text": "10h18m–1d 10h17m"}})"));
  }
}

TEST_CASE("metrics without an impact start measures nothing and exits 1", "[metrics][cli]") {
  cli_dir dir("metrics-none");
  dir.write("incident.yaml", "timeline: quiet\nevents:\n  - {id: a, title: A, date: 2015, milestone: detected}\n");
  SECTION("text") {
    const auto r = run_cli(dir, {"metrics", "incident.yaml"});
    CHECK(r.status == 1);
    CHECK(r.err == "annals metrics: error: metrics measure from impact start: no event is marked 'milestone: "
                   "impact_start' [missing-milestone]\n");
    CHECK(r.out.empty());
  }
  SECTION("json") {
    const auto r = run_cli(dir, {"metrics", "--format", "json", "incident.yaml"});
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::Contains("[missing-milestone]"));
    CHECK(r.out == "{\n  \"impact_start\": null,\n  \"metrics\": [],\n  \"impact\": null\n}\n");
  }
}

TEST_CASE("metrics of a file with errors shows them and exits 1, an unknown format exits 2", "[metrics][cli]") {
  cli_dir dir("metrics-errors");
  dir.write("incident.yaml", std::string(exact) + "  - {id: later, title: Later, date: Smarch 2019}\n");
  const auto bad = run_cli(dir, {"metrics", "incident.yaml"});
  CHECK(bad.status == 1);
  CHECK(bad.out.empty());
  CHECK_THAT(bad.err, Catch::StartsWith("incident.yaml:9:37: error: cannot read date 'Smarch 2019'"));
  const auto format = run_cli(dir, {"metrics", "--format", "xml", "incident.yaml"});
  CHECK(format.status == 2);
  CHECK(format.out.empty());
  CHECK(format.err == "annals metrics: unknown format 'xml' (use text or json)\n(see 'annals metrics --help')\n");
}

// Durations as incident reviews write them, not as clock times ("4:12" reads as twelve past
// four): minutes, hours and minutes, days and hours; seconds only from a time written to
// the second; a range exact at both ends.
TEST_CASE("metrics writes durations as 27m, 4h12m and 2d 3h, seconds only when written", "[metrics][cli]") {
  cli_dir dir("metrics-forms");
  dir.write("incident.yaml", R"(timeline: outage
timezone: UTC
events:
  - {id: deploy, title: Bad config deployed, date: 2017-02-28T09:37Z, milestone: impact_start}
  - {id: page, title: First page, date: 2017-02-28T09:40:20Z, milestone: detected}
  - {id: ack, title: Acknowledged, date: "[2017-02-28T11:35Z..2017-02-28T11:37Z]", milestone: acknowledged}
  - {id: fix, title: Mitigated, date: "[2017-02-28T13:49Z,2017-02-28T13:54Z]", milestone: mitigated}
  - {id: done, title: Resolved, date: 2017-03-02T12:37Z, milestone: resolved}
)");
  const auto r = run_cli_clean(dir, {"metrics", "incident.yaml"});
  CHECK(r.out == "impact start         28 Feb 2017 09:37 UTC  (deploy)\n"
                 "time to detect       3m20s         detected: 28 Feb 2017 09:40:20 UTC (page)\n"
                 "time to acknowledge  1h58m–2h00m   acknowledged: 28 Feb 2017 11:35 – 11:37 UTC (ack)\n"
                 "time to mitigate     4h12m–4h17m   mitigated: 28 Feb 2017 13:49 – 13:54 UTC (fix)\n"
                 "time to resolve      2d 3h         resolved: 2 Mar 2017 12:37 UTC (done)\n"
                 "impact duration      2d 3h         resolved: 2 Mar 2017 12:37 UTC (done), no impact_end marked\n");
  const auto j = nlohmann::json::parse(run_cli(dir, {"metrics", "--format", "json", "incident.yaml"}).out);
  CHECK(j["metrics"][2]["text"] == "4h12m–4h17m");
  CHECK(j["metrics"][2]["min_seconds"] == 4 * 3600 + 12 * 60);
  CHECK(j["metrics"][2]["max_seconds"] == 4 * 3600 + 17 * 60);
}

// A relative date (`{after: page, by: 20 minutes}`) has no label of its own: metrics shows
// it at its resolved time, as every format does (SPEC §7), never "undated".
TEST_CASE("metrics shows a relatively dated milestone at its resolved time", "[metrics][cli]") {
  cli_dir dir("metrics-relative");
  dir.write("incident.yaml", R"(timeline: outage
timezone: UTC
events:
  - {id: deploy, title: Bad config deployed, date: 2019-07-02T13:42Z, milestone: impact_start}
  - {id: page, title: First page, date: 2019-07-02T13:45Z, milestone: detected}
  - {id: rollback, title: Rollback, date: {after: page, by: 20 minutes}, milestone: mitigated}
)");
  const auto r = run_cli_clean(dir, {"metrics", "incident.yaml"});
  CHECK(r.out.find("undated") == std::string::npos);
  CHECK(r.out == "impact start         2 Jul 2019 13:42 UTC  (deploy)\n"
                 "time to detect       3m            detected: 2 Jul 2019 13:45 UTC (page)\n"
                 "time to acknowledge  not marked\n"
                 "time to mitigate     23m           mitigated: 2 Jul 2019 14:05 UTC (rollback)\n"
                 "time to resolve      not marked\n"
                 "impact duration      not marked (impact_end, or resolved)\n");
  const auto j = nlohmann::json::parse(run_cli(dir, {"metrics", "--format", "json", "incident.yaml"}).out);
  CHECK(j["impact"].is_null());
  CHECK(j["metrics"][2] == nlohmann::json::parse(R"({"milestone": "mitigated", "marked": true, "event": "rollback",
    "label": "2 Jul 2019 14:05 UTC", "min_seconds": 1380, "max_seconds": 1380, "text": "23m"})"));
}

// By hand: impact 22:05 PST, impact end 02:17 PST the next day: 4h12m (15,120 seconds);
// an impact end written to the hour (2am: 02:00..02:59) gives 3h55m–4h54m.
TEST_CASE("metrics gives the impact duration from impact start to impact_end, text and JSON", "[metrics][cli]") {
  cli_dir dir("metrics-impact-end");
  const std::string head = R"(timeline: outage
timezone: America/Los_Angeles
events:
  - {id: lock, title: Orders table locked, date: "2017-01-31T22:05", milestone: impact_start}
  - {id: page, title: Page, date: "2017-01-31T22:12", milestone: detected}
  - {id: closed, title: Closed, date: "2017-02-01T09:00", milestone: resolved}
)";
  dir.write("incident.yaml", head + "  - {id: ok, title: Checkouts succeed, date: \"2017-02-01T02:17\", milestone: impact_end}\n");
  const auto r = run_cli_clean(dir, {"metrics", "incident.yaml"});
  CHECK(r.out == "impact start         31 Jan 2017 22:05 PST  (lock)\n"
                 "time to detect       7m            detected: 31 Jan 2017 22:12 PST (page)\n"
                 "time to acknowledge  not marked\n"
                 "time to mitigate     not marked\n"
                 "time to resolve      10h55m        resolved: 1 Feb 2017 09:00 PST (closed)\n"
                 "impact duration      4h12m         impact_end: 1 Feb 2017 02:17 PST (ok)\n");
  const auto j = nlohmann::json::parse(run_cli(dir, {"metrics", "--format", "json", "incident.yaml"}).out);
  CHECK(j["impact"] == nlohmann::json::parse(R"({"to": "impact_end", "event": "ok", "label": "1 Feb 2017 02:17 PST",
    "min_seconds": 15120, "max_seconds": 15120, "text": "4h12m"})"));
  CHECK(j["metrics"].size() == 4);  // detected .. resolved; impact_end is the impact, not a time-to metric
  dir.write("incident.yaml", head + "  - {id: ok, title: Checkouts succeed, date: 2am on 1 February 2017, milestone: impact_end}\n");
  const auto vague = nlohmann::json::parse(run_cli(dir, {"metrics", "--format", "json", "incident.yaml"}).out);
  CHECK(vague["impact"]["text"] == "3h55m–4h54m");
}

TEST_CASE("an offset from impact start is what the links allow, not only what the two bounds do", "[metrics][cli]") {
  // Both written "c. 23:00" (22:30 to 23:30): alone, their starts are an hour apart either
  // way; the response is linked to the impact start, so it begins 0 to 60 minutes after
  // it, and the impact start is T+0:00 from itself.
  const auto dir = cli_dir("metrics-linked-offset");
  {
    std::ofstream(dir / "t.yaml") << R"(timeline: outage
title: A page and its reply
timezone: UTC
events:
  - {id: page, title: Page, date: "c. 23:00 on January 31, 2017", milestone: impact_start}
  - {id: reply, title: Reply, date: "c. 23:00 on January 31, 2017", responds_to: [page], milestone: acknowledged}
)";
  }
  const std::string text = annals::testing::run_cli_clean(dir, {"render", "--format", "text", "t.yaml"}).out;
  CHECK(text.find("\u00b7 T+0:00\n") != std::string::npos);
  CHECK(text.find("T+0:00\u20131:00") != std::string::npos);
  CHECK(text.find("T\u2212") == std::string::npos);
  const auto j = nlohmann::json::parse(annals::testing::run_cli_clean(dir, {"metrics", "--format", "json", "t.yaml"}).out);
  CHECK(j["metrics"][1]["milestone"] == "acknowledged");
  CHECK(j["metrics"][1]["min_seconds"] == 0);
  CHECK(j["metrics"][1]["max_seconds"] == 3600);
}

TEST_CASE("an offset that runs from before impact start up to it is signed at each end", "[metrics][cli]") {
  // 'debug' is "the morning of" (06:00 to 11:59) and causes the 09:37 impact start, so it
  // starts 3:37 before it at the most and no later than it: T−3:37 to T+0:00, never "T+-3:37".
  const auto dir = cli_dir("metrics-offset-to-zero");
  dir.write("t.yaml", R"(timeline: s3
title: S3
timezone: America/Los_Angeles
events:
  - {id: debug, title: Debugging the billing system, date: "the morning of February 28, 2017", causes: [typo]}
  - {id: typo, title: A command removes too many servers, date: "9:37AM on February 28, 2017", milestone: impact_start}
)");
  const std::string text = annals::testing::run_cli_clean(dir, {"render", "t.yaml"}).out;
  CHECK_THAT(text, Catch::Contains("\u00b7 T\u22123:37 to T+0:00\n"));
  CHECK_THAT(text, !Catch::Contains("T+-"));
}
