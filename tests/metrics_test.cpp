// `annals metrics` through the command line: the whole text and JSON reports of an
// incident, exact durations between times written to the same unit, ranges when a time
// is vague, and the exit status when there is nothing to measure. (Disputed times are
// left to the test of their fix.)

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
    const auto r = run_cli(dir, {"metrics", "incident.yaml"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out == "impact start         2 Jul 2019 13:42 UTC  (deploy)\n"
                   "time to detect       0:03          detected: 2 Jul 2019 13:45 UTC (page)\n"
                   "time to mitigate     0:25          mitigated: 2 Jul 2019 14:07 UTC (rollback)\n"
                   "time to resolve      2:09          resolved: 2 Jul 2019 15:51 UTC (healthy)\n");
  }
  SECTION("json") {
    const auto r = run_cli(dir, {"metrics", "--format", "json", "incident.yaml"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out == R"({
  "impact_start": {
    "event": "deploy",
    "label": "2 Jul 2019 13:42 UTC"
  },
  "metrics": [
    {
      "milestone": "detected",
      "event": "page",
      "min_seconds": 180,
      "max_seconds": 180,
      "text": "0:03"
    },
    {
      "milestone": "mitigated",
      "event": "rollback",
      "min_seconds": 1500,
      "max_seconds": 1500,
      "text": "0:25"
    },
    {
      "milestone": "resolved",
      "event": "healthy",
      "min_seconds": 7740,
      "max_seconds": 7740,
      "text": "2:09"
    }
  ]
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
    const auto r = run_cli(dir, {"metrics", "incident.yaml"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out == "impact start         2 Jul 2019 13:42:00 UTC  (deploy)\n"
                   "time to detect       0:03          detected: 2 Jul 2019 13:45 UTC (page)\n"
                   "time to acknowledge  0:18–1:17     acknowledged: 2 Jul 2019 14:00 UTC (ack)\n"
                   "time to resolve      10:18–1d 10:17  resolved: 3 Jul 2019 (healthy)\n");
  }
  SECTION("json") {
    const auto r = run_cli(dir, {"metrics", "--format", "json", "incident.yaml"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(nlohmann::ordered_json::parse(r.out).dump(2) + "\n" == r.out);  // laid out as nlohmann lays it out
    CHECK(nlohmann::json::parse(r.out) == nlohmann::json::parse(R"({
      "impact_start": {"event": "deploy", "label": "2 Jul 2019 13:42:00 UTC"},
      "metrics": [
        {"milestone": "detected", "event": "page", "min_seconds": 180, "max_seconds": 180, "text": "0:03"},
        {"milestone": "acknowledged", "event": "ack", "min_seconds": 1080, "max_seconds": 4620, "text": "0:18–1:17"},
        {"milestone": "resolved", "event": "healthy", "min_seconds": 37080, "max_seconds": 123420,
         "text": "10:18–1d 10:17"}
      ]})"));
  }
}

TEST_CASE("metrics without an impact start measures nothing and exits 1", "[metrics][cli]") {
  cli_dir dir("metrics-none");
  dir.write("incident.yaml", "timeline: quiet\nevents:\n  - {id: a, title: A, date: 2015, milestone: detected}\n");
  SECTION("text") {
    const auto r = run_cli(dir, {"metrics", "incident.yaml"});
    CHECK(r.status == 1);
    CHECK(r.err.empty());
    CHECK(r.out == "no 'impact_start' milestone: nothing to measure from\n");
  }
  SECTION("json") {
    const auto r = run_cli(dir, {"metrics", "--format", "json", "incident.yaml"});
    CHECK(r.status == 1);
    CHECK(r.err.empty());
    CHECK(r.out == "{\n  \"impact_start\": null,\n  \"metrics\": []\n}\n");
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
  CHECK(format.err == "annals metrics: unknown format 'xml'\n(see 'annals metrics --help')\n");
}
