// The incident fields through the command line: the `incident:` header and `factors:`,
// an event's `action:` and `update:`, and the impact_end milestone's order. Every
// mistake is an error at its line and column, exit status 1.

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "annals/event.hpp"
#include "cli_run.hpp"

using annals::testing::cli_dir;
using annals::testing::run_cli;

namespace {

annals::testing::cli_result validate(const std::string& yaml) {
  static int runs = 0;
  const cli_dir dir("incident-header-" + std::to_string(++runs));
  dir.write("incident.yaml", yaml);
  // The report, then the summary that validate writes on standard error.
  annals::testing::cli_result r = run_cli(dir, {"validate", "incident.yaml"});
  r.out += r.err;
  return r;
}

constexpr const char* good = R"(timeline: t
incident:
  severity: SEV1
  commander: carol
  roles: {scribe: carol, communications: Dana Wu}
  status_page: "https://status.example.com/"
factors:
  - Backups were never restored in a drill
  - {id: lag, text: "No alert on replication lag", sources: [review]}
sources:
  review: {title: Review, url: "https://example.com/review"}
actors:
  carol: {name: Carol Diaz}
events:
  - {id: a, title: A, date: 2017-01-31T22:05Z, milestone: impact_start}
  - {id: b, title: B, date: 2017-02-03, action: {type: prevent, status: in progress, owner: carol, url: "https://t.example.com/1"}}
  - {id: c, title: C, date: 2017-02-03, action: {owner: Dana Wu, type: process, status: done}}
  - {id: d, title: D, date: 2017-01-31T22:30Z, update: customer}
  - {id: e, title: E, date: 2017-01-31T22:31Z, update: internal}
)";

}  // namespace

TEST_CASE("an incident header, factors, action items and status updates that are right validate", "[incident][cli]") {
  const auto r = validate(good);
  CHECK(r.out == "no problems found\n");
  CHECK(r.status == 0);
}

TEST_CASE("an unknown key in the incident header, a factor or an action item is an error at its position",
          "[incident][cli]") {
  std::string yaml = good;
  yaml.replace(yaml.find("  severity: SEV1"), 15, "  severity: SEV1\n  owner: carol");
  yaml.replace(yaml.find("id: lag, text:"), 14, "id: lag, txt:");
  yaml.replace(yaml.find("status: done}"), 13, "status: done, due: soon}");
  const auto r = validate(yaml);
  CHECK(r.status == 1);
  CHECK(r.out ==
        "incident.yaml:4:3: error: unknown field 'owner' [schema]\n"
        "incident.yaml:10:5: error: missing required field 'text' [schema]\n"
        "incident.yaml:10:15: error: unknown field 'txt', did you mean 'text'? [schema]\n"
        "incident.yaml:18:95: error: unknown field 'due' [schema]\n"
        "4 errors, 0 warnings\n");
}

TEST_CASE("an action's type and status and an update's audience are checked against their words", "[incident][cli]") {
  std::string yaml = good;
  yaml.replace(yaml.find("type: prevent, status: in progress"), 34, "type: fix, status: closed");
  yaml.replace(yaml.find("update: internal"), 16, "update: public");
  const auto r = validate(yaml);
  CHECK(r.status == 1);
  CHECK(r.out ==
        "incident.yaml:16:56: error: 'type' must be one of mitigate, prevent, process [schema]\n"
        "incident.yaml:16:69: error: 'status' must be one of open, in progress, done [schema]\n"
        "incident.yaml:19:56: error: 'update' must be one of customer, internal [schema]\n"
        "3 errors, 0 warnings\n");
}

TEST_CASE("a commander, role holder or owner written as an id must be an actor, and a url must be http(s)",
          "[incident][cli]") {
  std::string yaml = good;
  yaml.replace(yaml.find("commander: carol"), 16, "commander: carl");
  yaml.replace(yaml.find("scribe: carol"), 13, "scribe: dave");
  yaml.replace(yaml.find("https://status.example.com/"), 27, "ftp://status.example.com/");
  yaml.replace(yaml.find("owner: carol"), 12, "owner: erin");
  yaml.replace(yaml.find("https://t.example.com/1"), 23, "javascript:alert(1)");
  const auto r = validate(yaml);
  CHECK(r.status == 1);
  CHECK(r.out ==
        "incident.yaml:4:14: error: unknown actor 'carl'; did you mean 'carol'? [unknown-reference]\n"
        "incident.yaml:5:19: error: unknown actor 'dave' [unknown-reference]\n"
        "incident.yaml:6:16: error: status page url 'ftp://status.example.com/' is not http or https; give the "
        "status page's https address [unsafe-url]\n"
        "incident.yaml:16:93: error: unknown actor 'erin' [unknown-reference]\n"
        "incident.yaml:16:104: error: action item url 'javascript:alert(1)' is not http or https; link the action "
        "item's ticket over https [unsafe-url]\n"
        "5 errors, 0 warnings\n");
}

TEST_CASE("impact_end before impact_start is milestone-order, before detection it is allowed", "[incident][cli]") {
  const std::string head = "timeline: t\nevents:\n"
                           "  - {id: a, title: A, date: 2017-01-31T22:05Z, milestone: impact_start}\n"
                           "  - {id: d, title: D, date: 2017-01-31T22:40Z, milestone: detected}\n";
  const auto early = validate(head + "  - {id: e, title: E, date: 2017-01-31T22:04Z, milestone: impact_end}\n");
  CHECK(early.status == 1);
  CHECK(early.out ==
        "incident.yaml:5:59: error: 'impact_end' (event 'e', 31 Jan 2017 22:04 UTC) comes before 'impact_start' "
        "(event 'a', 31 Jan 2017 22:05 UTC) [milestone-order]\n"
        "1 error, 0 warnings\n");
  // A short outage over before anyone noticed: impact_end follows impact start only.
  const auto before_detection = validate(head + "  - {id: e, title: E, date: 2017-01-31T22:20Z, milestone: impact_end}\n");
  CHECK(before_detection.status == 0);
  const auto twice = validate(head + "  - {id: e, title: E, date: 2017-01-31T22:20Z, milestone: impact_end}\n"
                                     "  - {id: f, title: F, date: 2017-01-31T22:21Z, milestone: impact_end}\n");
  CHECK(twice.out.find("incident.yaml:6:59: error: a second 'impact_end' milestone, on event 'f': the first is on "
                       "event 'e' (line 5) [duplicate-milestone]") != std::string::npos);
}

TEST_CASE("the schema's milestones are the milestone table's", "[incident]") {
  std::ifstream in(std::string(ANNALS_SOURCE_DIR) + "/schemas/timeline.schema.json");
  const auto schema = nlohmann::json::parse(in);
  std::vector<std::string> table;
  for (std::size_t k = 0; k < annals::milestone_count; ++k)
    table.emplace_back(annals::to_string(static_cast<annals::milestone>(k)));
  CHECK(schema["definitions"]["event"]["properties"]["milestone"]["enum"].get<std::vector<std::string>>() == table);
}
