// Lifespans in every date form and names that change (issue 21): `born`/`died` take the
// date mapping an event's date takes; an event's `actors` may name an actor by its name,
// native name or an alias; a place's `names` give the name in force at each event's date.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"

using annals::testing::cli_dir;
using annals::testing::run_cli;
using annals::testing::run_cli_clean;

namespace {

constexpr const char* lives = R"(title: Lives
timezone: Asia/Tehran
actors:
  caesar: {name: Julius Caesar, born: {on: 12 July 100 BC, calendar: julian}, died: {on: 15 March 44 BC, calendar: julian}}
  mozaffar: {name: Mozaffar ad-Din Shah, native: مظفرالدین شاه, aliases: [Mozaffar, Mozaffar al-Din], born: 23 March 1853, died: {on: 1324-11-24, calendar: islamic, tz: Asia/Tehran}}
places:
  petersburg: {name: Saint Petersburg, names: [{name: Petrograd, date: 1914/1923}, {name: Leningrad, date: 1924/1991}]}
events:
  - {id: ides, title: Caesar is killed, date: 15 March 44 BC (Julian), actors: [caesar]}
  - {id: constitution, title: The constitution is signed, date: 30 December 1906, actors: [Mozaffar]}
  - {id: revolution, title: Revolution, date: 7 November 1917, place: petersburg}
  - {id: siege, title: Siege begins, date: 8 September 1941, place: petersburg}
  - {id: founded, title: Founded, date: 1703, place: petersburg}
)";

annals::testing::cli_result validate_actor(cli_dir& dir, const std::string& actor) {
  dir.write("a.yaml", "actors:\n  a: " + actor + "\nevents:\n  - {id: e, title: E, date: 50 BC, actors: [a]}\n");
  return run_cli(dir, {"validate", "a.yaml"});
}

}  // namespace

TEST_CASE("born and died take the date mapping with a calendar and a zone", "[names]") {
  cli_dir dir("names-lives");
  dir.write("lives.yaml", lives);
  const auto r = run_cli_clean(dir, {"render", "--format", "json", "lives.yaml"});
  const auto j = nlohmann::json::parse(r.out);
  const auto& caesar = j["timeline"]["actors"][0];
  CHECK(caesar["died"]["label"] == "15 Mar 44 BC (Julian) = 13 Mar 44 BC");
  CHECK(caesar["died"]["calendar"] == "julian");
  CHECK(caesar["born"]["earliest"] == "-0099-07-10");
  CHECK(j["timeline"]["actors"][1]["died"]["earliest"] == "1907-01-09");  // 24 Dhu al-Qadah 1324
  CHECK(run_cli_clean(dir, {"render", "lives.yaml"}).out.find("Julius Caesar, 55") != std::string::npos);
}

TEST_CASE("a lifespan mapping that is wrong is a schema error at its field", "[names]") {
  cli_dir dir("names-bad-lives");
  const auto calendar = validate_actor(dir, "{born: {on: 100 BC, calendar: mayan}}");
  CHECK(calendar.status == 1);
  CHECK(calendar.out.find("a.yaml:2:36: error: 'calendar' must be one of gregorian, julian") != std::string::npos);
  const auto no_on = validate_actor(dir, "{died: {calendar: julian}}");
  CHECK(no_on.status == 1);
  CHECK(no_on.out.find("missing required field 'on' [schema]") != std::string::npos);
  const auto relative = validate_actor(dir, "{died: {after: e}}");
  CHECK(relative.status == 1);
  CHECK(relative.out.find("unknown field 'after'") != std::string::npos);
  const auto zone = validate_actor(dir, "{died: {on: 44 BC, tz: Mars/Olympus}}");
  CHECK(zone.status == 1);
  CHECK(zone.out.find("a.yaml:2:29: error: unknown time zone 'Mars/Olympus'") != std::string::npos);
  CHECK(validate_actor(dir, "{died: {on: 15 March 44 BC, calendar: julian}}").status == 0);
}

TEST_CASE("an event's actors may name an actor by an alias, its name or its native name", "[names]") {
  cli_dir dir("names-aliases");
  dir.write("lives.yaml", lives);
  const auto r = run_cli_clean(dir, {"render", "lives.yaml"});
  CHECK(r.out.find("The constitution is signed\n                 Mozaffar ad-Din Shah, 53\n") != std::string::npos);
  const auto j = nlohmann::json::parse(run_cli_clean(dir, {"render", "--format", "json", "lives.yaml"}).out);
  CHECK(j["events"][2]["actors"] == nlohmann::json::array({"mozaffar"}));
  CHECK(j["timeline"]["actors"][1]["aliases"] == nlohmann::json::array({"Mozaffar", "Mozaffar al-Din"}));
  CHECK(j["timeline"]["actors"][1]["native"] == "مظفرالدین شاه");
  dir.write("b.yaml", "actors:\n  a: {name: Ahmad Shah, aliases: [Ahmad]}\n  b: {name: Ahmad Qavam, aliases: [Ahmad]}\n"
                      "events:\n  - {id: e, title: E, date: 1921, actors: [Ahmad Shah, Ahmad, Ahmed]}\n");
  const auto bad = run_cli(dir, {"validate", "b.yaml"});
  CHECK(bad.status == 1);
  CHECK(bad.out.find("b.yaml:5:56: error: 'Ahmad' names more than one actor: 'a', 'b'; name the actor by its id "
                     "[ambiguous-reference]") != std::string::npos);
  CHECK(bad.out.find("b.yaml:5:63: error: unknown actor 'Ahmed'") != std::string::npos);
  CHECK(bad.out.find("'Ahmad Shah'") == std::string::npos);  // its name: actor a
  dir.write("c.yaml", "actors:\n  a: {name: Ahmad Shah, aliases: [Ahmad]}\nevents:\n"
                      "  - {id: e, title: E, date: 1909, actors: [a], kind: coronation}\n"
                      "  - {id: f, title: F, date: 1914, kind: coronation, actors: [Ahmad], claims: [{first_in: about 5 "
                      "years, series: {kind: coronation, actors: [Ahmad Shah]}}]}\n");
  CHECK(run_cli(dir, {"validate", "c.yaml"}).status == 0);  // the series names the actor by its name
}

TEST_CASE("a place is shown by the name in force at the event's date", "[names]") {
  cli_dir dir("names-places");
  dir.write("lives.yaml", lives);
  const auto r = run_cli_clean(dir, {"render", "lives.yaml"});
  CHECK(r.out.find("Revolution\n                 Petrograd\n") != std::string::npos);
  CHECK(r.out.find("Siege begins\n                 Leningrad\n") != std::string::npos);
  CHECK(r.out.find("Founded\n                 Saint Petersburg\n") != std::string::npos);  // no name listed then
  const auto j = nlohmann::json::parse(run_cli_clean(dir, {"render", "--format", "json", "lives.yaml"}).out);
  CHECK(j["events"][3]["place"] == "petersburg");
  CHECK(j["events"][3]["place_name"] == "Petrograd");
  CHECK(j["timeline"]["places"][0]["names"][1]["name"] == "Leningrad");
  CHECK(j["timeline"]["places"][0]["names"][1]["earliest"] == "1924-01-01");
  const auto md = run_cli_clean(dir, {"render", "--format", "markdown", "lives.yaml"});
  CHECK(md.out.find("  - *Leningrad*\n") != std::string::npos);
  dir.write("bad.yaml", "places:\n  p: {names: [{name: X}]}\nevents: []\n");
  const auto bad = run_cli(dir, {"validate", "bad.yaml"});
  CHECK(bad.status == 1);
  CHECK(bad.out.find("missing required field 'date'") != std::string::npos);
}
