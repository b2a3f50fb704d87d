// csv through the command: the incident columns (milestone, offset from impact start) and
// a disputed date's readings, as the text format shows them (issue 20).

#include <catch2/catch.hpp>
#include <sstream>

#include "annals/commands.hpp"
#include "annals/memory_reader.hpp"

using namespace annals;

namespace {

std::string render_as(std::string format, const std::string& yaml) {
  memory_reader reader;
  reader.add("incident.yaml", yaml);
  render_args a;
  a.files = {"incident.yaml"};
  a.format = std::move(format);
  std::ostringstream out, err;
  command_env env{reader, out, err, {}};
  CHECK(run_render(a, env) == outcome::ok);
  return out.str();
}

// By hand: the page is 3 or 4 minutes after impact start (13:45 or 13:46 after 13:42);
// 3 July is from 00:00 to 23:59 of that day, 10:18 to 34:17 (1 day 10:17) after it.
constexpr const char* incident = R"(timeline: outage
timezone: UTC
sources:
  reuters: {title: Reuters}
  tass: {title: TASS}
events:
  - {id: deploy, title: Deployed, date: 2019-07-02T13:42Z, milestone: impact_start}
  - {id: page, title: Paged, date: {sources: {reuters: 2019-07-02T13:45Z, tass: 2019-07-02T13:46Z}}, milestone: detected}
  - {id: note, title: Note, date: 2019-07-03}
)";

}  // namespace

TEST_CASE("csv has each event's milestone, offset from impact start and disputed readings", "[render][csv]") {
  CHECK(render_as("csv", incident) ==
        "id,date,earliest,latest,precision,approximate,uncertain,title,kind,actors,place,tags,sources,links,"
        "description,inferred_earliest,inferred_latest,order_uncertain,calendar,zone,milestone,offset,readings\r\n"
        "deploy,2 Jul 2019 13:42 UTC,2019-07-02T13:42:00Z,2019-07-02T13:42:59Z,minute,false,false,Deployed,,,,,,,,,,"
        "false,gregorian,,impact_start,T+0:00,\r\n"
        "page,2 Jul 2019 13:45 or 13:46 UTC,2019-07-02T13:45:00Z,2019-07-02T13:46:59Z,minute,false,true,"
        "Paged,,,,,,,,,,false,gregorian,,detected,T+0:03–0:04,Reuters: 2 Jul 2019 13:45 UTC; TASS: 2 Jul 2019 13:46 UTC\r\n"
        "note,3 Jul 2019,2019-07-03,2019-07-03,day,false,false,Note,,,,,,,,,,false,gregorian,UTC,,T+10:18–1d 10:17,\r\n");
}

TEST_CASE("csv's offsets are the text format's", "[render][csv]") {
  const std::string text = render_as("text", incident);
  for (const char* offset : {"T+0:00", "T+0:03–0:04", "T+10:18–1d 10:17"}) {
    CHECK(text.find(std::string("· ") + offset + "\n") != std::string::npos);
  }
}

TEST_CASE("csv leaves the incident columns empty without milestones", "[render][csv]") {
  const std::string csv = render_as("csv", "events:\n  - {id: a, title: A, date: 2015-11-23}\n");
  CHECK(csv.substr(csv.find("\r\n") + 2) == "a,23 Nov 2015,2015-11-23,2015-11-23,day,false,false,A,,,,,,,,,,false,gregorian,,,,\r\n");
}
