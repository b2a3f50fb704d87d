// `render --format postmortem` through the command line, on a small incident whose
// figures were worked out by hand (times in the file's zone, PST): impact 22:05 → 02:17
// the next day is 4h12m; detected 22:12 (7m), acknowledged 22:20 (15m), mitigated 23:10
// (1h05m), resolved 09:00 (10h55m); customer updates at 22:35, 23:30 and 02:40 are 30m
// after impact start, then 55m and 3h10m apart; the internal one at 02:45 is 4h40m in.

#include <catch2/catch.hpp>
#include <string>

#include "cli_run.hpp"

using annals::testing::cli_dir;
using annals::testing::run_cli;

namespace {

constexpr const char* incident = R"(timeline: db
title: Orders database outage
timezone: America/Los_Angeles
incident:
  severity: SEV1
  commander: alice
  roles: {communications: Bob Stone, scribe: carol}
  status_page: "https://status.example.com/"
factors:
  - Backups had never been restored in a drill
  - {id: no-alert, text: "No alert on replication lag", sources: [review]}
sources:
  review: {title: Internal review, url: "https://example.com/review"}
actors:
  alice: {name: Alice Reyes}
  carol: {name: Carol Diaz}
  ops: {name: Operations}
events:
  - {id: migration, title: Schema migration started, date: "2017-01-31T21:50", actors: [ops], causes: [lock]}
  - {id: old-disk, title: Disk left at 95%, date: 2017-01-20, enables: [lock]}
  - {id: lock, title: Orders table locked and checkouts fail, date: "2017-01-31T22:05", milestone: impact_start}
  - {id: page, title: Error-rate page, date: "2017-01-31T22:12", milestone: detected, responds_to: [lock]}
  - {id: ack, title: On-call acknowledges, date: "2017-01-31T22:20", actors: [alice], milestone: acknowledged}
  - {id: post1, title: "Status page: investigating", date: "2017-01-31T22:35", update: customer}
  - {id: kill, title: Migration killed, date: "2017-01-31T23:10", actors: [ops], milestone: mitigated}
  - {id: post2, title: "Status page: mitigated", date: "2017-01-31T23:30", update: customer}
  - {id: ok, title: Checkouts succeed again, date: "2017-02-01T02:17", milestone: impact_end}
  - {id: post3, title: "Status page: resolved", date: "2017-02-01T02:40", update: customer}
  - {id: summary, title: Internal summary posted, date: "2017-02-01T02:45", update: internal}
  - {id: closed, title: Incident closed, date: "2017-02-01T09:00", milestone: resolved}
  - {id: lock-timeout, title: Add a lock timeout to migrations, date: 2017-02-03, action: {owner: alice, type: prevent, status: open, url: "https://tracker.example.com/DB-1"}}
  - {id: drill, title: Quarterly restore drill, date: 2017-02-03, action: {owner: Dana Wu, type: process, status: in progress}}
)";

annals::testing::cli_result postmortem(const std::string& yaml, std::vector<std::string> extra = {}) {
  static int runs = 0;
  const cli_dir dir("postmortem-" + std::to_string(++runs));
  dir.write("db.yaml", yaml);
  std::vector<std::string> args{"render", "--format", "postmortem", "db.yaml"};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_cli(dir, args);
}

// The text from `heading` up to the next section's heading.
std::string section(const std::string& page, std::string_view heading) {
  const std::size_t from = page.find(std::string(heading) + "\n");
  REQUIRE(from != std::string::npos);
  const std::size_t next = page.find("\n## ", from + heading.size());
  return page.substr(from, next == std::string::npos ? std::string::npos : next + 1 - from);
}

}  // namespace

TEST_CASE("the postmortem summary gives the header, the impact duration and each time-to metric", "[postmortem][cli]") {
  const auto r = postmortem(incident);
  REQUIRE(r.status == 0);
  CHECK(r.err.empty());
  CHECK(section(r.out, "## Summary") ==
        "## Summary\n\n"
        "- **Severity:** SEV1\n"
        "- **Incident commander:** Alice Reyes\n"
        "- **communications:** Bob Stone\n"
        "- **scribe:** Carol Diaz\n"
        "- **Status page:** [https://status.example.com/](https://status.example.com/)\n"
        "- **Impact:** 4h12m, from 31 Jan 2017 22:05 PST to 1 Feb 2017 02:17 PST (impact_end)\n\n"
        "| Metric | Duration | Marked by |\n|---|---|---|\n"
        "| Time to detect (TTD) | 7m | 31 Jan 2017 22:12 PST: Error-rate page |\n"
        "| Time to acknowledge (TTA) | 15m | 31 Jan 2017 22:20 PST: On-call acknowledges |\n"
        "| Time to mitigate (TTM) | 1h05m | 31 Jan 2017 23:10 PST: Migration killed |\n"
        "| Time to resolve (TTR) | 10h55m | 1 Feb 2017 09:00 PST: Incident closed |\n\n");
}

TEST_CASE("the postmortem's impact lists the events surely inside the impact window", "[postmortem][cli]") {
  const auto r = postmortem(incident);
  // Not the migration (before), the disk (days before), the summary (after impact end).
  CHECK(section(r.out, "## Impact") ==
        "## Impact\n\n"
        "Impact lasted 4h12m, from 31 Jan 2017 22:05 PST to 1 Feb 2017 02:17 PST. In that window:\n\n"
        "- **31 Jan 2017 22:05 PST · T+0:00** — Orders table locked and checkouts fail\n"
        "- **31 Jan 2017 22:12 PST · T+0:07** — Error-rate page\n"
        "- **31 Jan 2017 22:20 PST · T+0:15** — On-call acknowledges\n"
        "- **31 Jan 2017 22:35 PST · T+0:30** — Status page: investigating\n"
        "- **31 Jan 2017 23:10 PST · T+1:05** — Migration killed\n"
        "- **31 Jan 2017 23:30 PST · T+1:25** — Status page: mitigated\n"
        "- **1 Feb 2017 02:17 PST · T+4:12** — Checkouts succeed again\n\n"
        "_To be written._ (who and what was affected: users, requests, revenue)\n\n");
}

TEST_CASE("the postmortem's root causes and trigger are the causes into impact start", "[postmortem][cli]") {
  const auto r = postmortem(incident);
  CHECK(section(r.out, "## Root causes") ==
        "## Root causes\n\n- **31 Jan 2017 21:50 PST · T−0:15** — Schema migration started\n\n");
  CHECK(section(r.out, "## Trigger") ==
        "## Trigger\n\n- **31 Jan 2017 21:50 PST · T−0:15** — Schema migration started\n\n");
  // With no cause linked, impact start is its own trigger, and no root cause is made up.
  std::string uncaused = incident;
  uncaused.erase(uncaused.find(", causes: [lock]"), 16);
  const auto u = postmortem(uncaused);
  CHECK(section(u.out, "## Root causes") ==
        "## Root causes\n\n_To be written._ (no event is linked as a cause of impact start)\n\n");
  CHECK(section(u.out, "## Trigger") ==
        "## Trigger\n\n- **31 Jan 2017 22:05 PST · T+0:00** — Orders table locked and checkouts fail (impact start: "
        "no event is linked as its cause)\n\n");
}

TEST_CASE("the postmortem's detection and resolution give each milestone's time from impact start", "[postmortem][cli]") {
  const auto r = postmortem(incident);
  CHECK(section(r.out, "## Detection") ==
        "## Detection\n\n"
        "- detected (TTD 7m): **31 Jan 2017 22:12 PST · T+0:07** — Error-rate page\n"
        "- acknowledged (TTA 15m): **31 Jan 2017 22:20 PST · T+0:15** — On-call acknowledges\n\n");
  CHECK(section(r.out, "## Resolution") ==
        "## Resolution\n\n"
        "- mitigated (TTM 1h05m): **31 Jan 2017 23:10 PST · T+1:05** — Migration killed\n"
        "- impact_end (impact 4h12m): **1 Feb 2017 02:17 PST · T+4:12** — Checkouts succeed again\n"
        "- resolved (TTR 10h55m): **1 Feb 2017 09:00 PST · T+10:55** — Incident closed\n\n");
}

TEST_CASE("the postmortem lists status updates in order with the waits between them and their cadence",
          "[postmortem][cli]") {
  const auto r = postmortem(incident);
  CHECK(section(r.out, "## Status updates") ==
        "## Status updates\n\n"
        "| Date/Time | Audience | Update | Since the previous one |\n|---|---|---|---|\n"
        "| 31 Jan 2017 22:35 PST · T+0:30 | customer | Status page: investigating | 30m after impact start |\n"
        "| 31 Jan 2017 23:30 PST · T+1:25 | customer | Status page: mitigated | 55m |\n"
        "| 1 Feb 2017 02:40 PST · T+4:35 | customer | Status page: resolved | 3h10m |\n"
        "| 1 Feb 2017 02:45 PST · T+4:40 | internal | Internal summary posted | 4h40m after impact start |\n\n"
        "Cadence of customer updates: 3 updates; the shortest wait between two 55m, the longest 3h10m, from "
        "31 Jan 2017 23:30 PST · T+1:25 to 1 Feb 2017 02:40 PST · T+4:35.\n\n");
}

TEST_CASE("the postmortem's action items are a table of the action events, factors and enablers contribute",
          "[postmortem][cli]") {
  const auto r = postmortem(incident);
  CHECK(section(r.out, "## Action items") ==
        "## Action items\n\n"
        "| Item | Type | Owner | Status | Link |\n|---|---|---|---|---|\n"
        "| Add a lock timeout to migrations | prevent | Alice Reyes | open | [link](https://tracker.example.com/DB-1) |\n"
        "| Quarterly restore drill | process | Dana Wu | in progress |  |\n\n");
  CHECK(section(r.out, "## Contributing factors") ==
        "## Contributing factors\n\n"
        "- Backups had never been restored in a drill\n"
        "- No alert on replication lag ([review](https://example.com/review))\n"
        "- **20 Jan 2017 · T−10d–11d** — Disk left at 95% (enabled the impact or a cause)\n\n");
}

TEST_CASE("the postmortem's timeline is a Date/Time | Who/What | Event table in the file's zone", "[postmortem][cli]") {
  const auto r = postmortem(incident);
  const std::string t = section(r.out, "## Timeline");
  CHECK(t.starts_with("## Timeline\n\n| Date/Time | Who/What | Event |\n|---|---|---|\n"
                      "| 20 Jan 2017 · T−10d–11d |  | Disk left at 95% |\n"
                      "| 31 Jan 2017 21:50 PST · T−0:15 | Operations | Schema migration started |\n"
                      "| 31 Jan 2017 22:05 PST · T+0:00 |  | Orders table locked and checkouts fail *(impact start)* |\n"));
  CHECK(t.find("| 1 Feb 2017 02:45 PST · T+4:40 |  | Internal summary posted *(internal update)* |\n") !=
        std::string::npos);
  CHECK(t.find("| 3 Feb 2017 · T+2d–3d |  | Quarterly restore drill *(action item: process, in progress)* |\n") != std::string::npos);
}

TEST_CASE("without impact_end the postmortem measures the impact to resolution, and says so", "[postmortem][cli]") {
  std::string yaml = incident;
  yaml.erase(yaml.find(", milestone: impact_end"), 23);
  const auto r = postmortem(yaml);
  CHECK(r.out.find("- **Impact:** 10h55m, from 31 Jan 2017 22:05 PST to 1 Feb 2017 09:00 PST (resolved; no event is "
                   "marked impact_end)\n") != std::string::npos);
  yaml.erase(yaml.find(", milestone: resolved"), 21);
  const auto open = postmortem(yaml);
  CHECK(open.out.find("- **Impact:** began 31 Jan 2017 22:05 PST; its end is not marked (impact_end or resolved)\n") !=
        std::string::npos);
  CHECK(open.out.find("| Time to resolve (TTR) | not marked | no event is marked `resolved` |\n") != std::string::npos);
  // An open window would hold the rest of the timeline: the impact lists no events then.
  CHECK(section(open.out, "## Impact") ==
        "## Impact\n\nImpact began 31 Jan 2017 22:05 PST; no event marks its end (impact_end or resolved).\n\n"
        "_To be written._ (who and what was affected: users, requests, revenue)\n\n");
}

TEST_CASE("a postmortem of a file with no impact_start is an error, never an empty template", "[postmortem][cli]") {
  std::string yaml = incident;
  yaml.erase(yaml.find(", milestone: impact_start"), 25);
  const auto r = postmortem(yaml);
  CHECK(r.status == 1);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "annals render: error: a postmortem measures from impact start: no event is marked 'milestone: "
        "impact_start' [missing-milestone]\n");
  // Nor is an output file left behind.
  static int runs = 0;
  const cli_dir dir("postmortem-file-" + std::to_string(++runs));
  dir.write("db.yaml", yaml);
  CHECK(run_cli(dir, {"render", "--format", "postmortem", "db.yaml", "-o", "review.md"}).status == 1);
  CHECK_FALSE(std::filesystem::exists(dir.path / "review.md"));
}
