#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>

#include "cli_run.hpp"
#include "import/draft_check.hpp"

using namespace annals;
using namespace annals::testing;

namespace {

const std::string fixtures = ANNALS_SOURCE_DIR "/tests/data/import/ics/";

std::string ics_calendar(const std::string& events, const std::string& header = "") {
  return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + header + events + "END:VCALENDAR\r\n";
}

const record& draft_event(const draft& d, std::size_t k) { return d.inputs.at(0).document.get("events")->children.at(k); }

std::vector<std::string> codes(const draft& d) { return positions(d.diagnostics); }

}  // namespace

TEST_CASE("ics: a VEVENT's UID, SUMMARY and dates make an event at the lines they are on", "[import-ics]") {
  const draft d = import_one(import_ics,
                             ics_calendar("BEGIN:VEVENT\r\n"
                                      "UID:visit-2015\r\n"
                                      "DTSTART:20151123T103000Z\r\n"
                                      "DTEND:20151123T120000Z\r\n"
                                      "SUMMARY:Putin arrives\\, then talks\r\n"
                                      "DESCRIPTION:First line\\nsecond\r\n"
                                      "LOCATION:Tehran\r\n"
                                      "CATEGORIES:visit,summit\r\n"
                                      "URL:https://example.org/a\r\n"
                                      "END:VEVENT\r\n"),
                             {}, "cal.ics");
  REQUIRE(d.diagnostics.empty());
  const record& e = draft_event(d, 0);
  CHECK(e.line == 4);
  CHECK(e.get("id")->text == "visit-2015");
  CHECK(e.get("title")->text == "Putin arrives, then talks");
  CHECK(e.get("date")->text == "2015-11-23T10:30Z/2015-11-23T11:59Z");  // DTEND is exclusive
  CHECK(e.get("date")->line == 6);
  CHECK(e.get("date")->column == 9);
  CHECK(e.get("description")->text == "First line\nsecond");
  CHECK(e.get("place")->text == "tehran");
  REQUIRE(e.get("tags"));
  CHECK(e.get("tags")->children.size() == 2);
  CHECK(e.get("sources")->children.size() == 1);
  const load_result r = build_draft(d);
  CHECK(r.diagnostics.empty());
  CHECK(format_bound(r.tl.events.at(0).date.latest, precision::second) == "2015-11-23T11:59:59Z");
}

TEST_CASE("ics: all-day events end the day before DTEND", "[import-ics]") {
  const draft d = import_one(import_ics, ics_calendar("BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:One day\r\nDTSTART;VALUE=DATE:20240701\r\nDTEND;VALUE=DATE:20240702\r\nEND:VEVENT\r\n"
                                                  "BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:A week\r\nDTSTART;VALUE=DATE:20240701\r\nDTEND;VALUE=DATE:20240708\r\nEND:VEVENT\r\n"
                                                  "BEGIN:VEVENT\r\nUID:c\r\nSUMMARY:Two days\r\nDTSTART;VALUE=DATE:20240701\r\nDURATION:P2D\r\nEND:VEVENT\r\n"));
  CHECK(draft_event(d, 0).get("date")->text == "2024-07-01");
  CHECK(draft_event(d, 1).get("date")->text == "2024-07-01/2024-07-07");
  CHECK(draft_event(d, 2).get("date")->text == "2024-07-01/2024-07-02");
}

TEST_CASE("ics: a TZID keeps its zone as the event's tz, a floating time reads in the calendar's zone", "[import-ics]") {
  const draft d = import_one(import_ics,
                             ics_calendar("BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Zoned\r\nDTSTART;TZID=Europe/London:20241023T150000\r\n"
                                      "DURATION:PT1H30M\r\nEND:VEVENT\r\n"
                                      "BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Floating\r\nDTSTART:20241023T150015\r\nEND:VEVENT\r\n"
                                      "BEGIN:VEVENT\r\nUID:c\r\nSUMMARY:Mozilla\r\nDTSTART;TZID=/mozilla.org/20050126_1/Asia/Tehran:20151123T140000\r\nEND:VEVENT\r\n",
                                      "X-WR-TIMEZONE:Asia/Tehran\r\n"));
  REQUIRE(d.diagnostics.empty());
  const record& zoned = *draft_event(d, 0).get("date");
  CHECK(zoned.get("on")->text == "2024-10-23T15:00/2024-10-23T16:29");
  CHECK(zoned.get("tz")->text == "Europe/London");
  CHECK(draft_event(d, 1).get("date")->text == "2024-10-23T15:00:15");
  CHECK(d.inputs[0].document.get("timezone")->text == "Asia/Tehran");
  CHECK(draft_event(d, 2).get("date")->get("tz")->text == "Asia/Tehran");
  const load_result r = build_draft(d);
  CHECK(r.diagnostics.empty());
  CHECK(format_bound(r.tl.events.at(0).date.earliest, precision::second) == "2024-10-23T14:00:00Z");
  CHECK(format_bound(r.tl.events.at(1).date.earliest, precision::second) == "2024-10-23T11:30:15Z");
}

TEST_CASE("ics: a floating time with no calendar zone is read in UTC, with a warning", "[import-ics]") {
  const draft d = import_one(import_ics, ics_calendar("BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:x\r\nDTSTART:20241023T150000\r\nEND:VEVENT\r\n"), {}, "c.ics");
  CHECK(codes(d) == std::vector<std::string>{"c.ics:7:9 floating-time"});
  CHECK(draft_event(d, 0).get("date")->get("tz")->text == "UTC");
}

TEST_CASE("ics: a recurring event is its first occurrence, with a warning at its rule", "[import-ics]") {
  const draft d = import_one(import_ics,
                             ics_calendar("BEGIN:VEVENT\r\nUID:weekly\r\nSUMMARY:Standup\r\nDTSTART:20240701T090000Z\r\n"
                                      "RRULE:FREQ=WEEKLY;COUNT=10\r\nEND:VEVENT\r\n"
                                      "BEGIN:VEVENT\r\nUID:weekly\r\nRECURRENCE-ID:20240708T090000Z\r\nSUMMARY:Standup moved\r\n"
                                      "DTSTART:20240708T100000Z\r\nEND:VEVENT\r\n"),
                             {}, "c.ics");
  CHECK(codes(d) == std::vector<std::string>{"c.ics:8:7 recurrence", "c.ics:12:15 recurrence"});
  REQUIRE(d.inputs[0].document.get("events")->children.size() == 1);
  CHECK(draft_event(d, 0).get("date")->text == "2024-07-01T09:00Z");
}

TEST_CASE("ics: bad input is an error at its line, and no event is made of it", "[import-ics]") {
  SECTION("a DTSTART libical cannot read") {
    const draft d = import_one(import_ics, ics_calendar("BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:x\r\nDTSTART:2015113T1000\r\nEND:VEVENT\r\n"), {}, "c.ics");
    REQUIRE(!d.diagnostics.empty());
    CHECK(positions(d.diagnostics)[0] == "c.ics:7:9 ics-syntax");
    CHECK(d.diagnostics[0].message.find("DTSTART") != std::string::npos);
    CHECK(d.inputs[0].document.get("events")->children.empty());
  }
  SECTION("a line that is no property") {
    const draft d = import_one(import_ics, ics_calendar("BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:x\r\nDTSTART:20151123\r\nFOO BAR\r\nEND:VEVENT\r\n"), {}, "c.ics");
    CHECK(codes(d) == std::vector<std::string>{"c.ics:8:1 ics-syntax"});
  }
  SECTION("no DTSTART") {
    const draft d = import_one(import_ics, ics_calendar("BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:x\r\nEND:VEVENT\r\n"), {}, "c.ics");
    CHECK(codes(d) == std::vector<std::string>{"c.ics:4:1 missing-date"});
  }
  SECTION("an end before the start") {
    const draft d = import_one(import_ics, ics_calendar("BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:x\r\nDTSTART:20151123T100000Z\r\nDTEND:20151122T100000Z\r\nEND:VEVENT\r\n"), {}, "c.ics");
    CHECK(codes(d) == std::vector<std::string>{"c.ics:8:7 invalid-date"});
  }
  SECTION("a zone nobody defines") {
    const draft d = import_one(import_ics, ics_calendar("BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:x\r\nDTSTART;TZID=Mars/Olympus:20151123T100000\r\nEND:VEVENT\r\n"), {}, "c.ics");
    CHECK(codes(d) == std::vector<std::string>{"c.ics:7:27 unknown-timezone"});
  }
  SECTION("a BEGIN never ended") {
    const draft d = import_one(import_ics, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nEND:VCALENDAR\r\n", {}, "c.ics");
    CHECK(codes(d) == std::vector<std::string>{"c.ics:2:1 ics-syntax"});
  }
  SECTION("a text not in UTF-8") {
    const draft d = import_one(import_ics, ics_calendar("BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Caf\xe9\r\nDTSTART:20151123\r\nEND:VEVENT\r\n"), {}, "c.ics");
    CHECK(codes(d) == std::vector<std::string>{"c.ics:6:12 encoding"});
  }
  SECTION("no calendar at all, or no events in it") {
    CHECK(codes(import_one(import_ics, "", {}, "c.ics")) == std::vector<std::string>{"c.ics:1:1 ics-syntax"});
    CHECK(codes(import_one(import_ics, "hello\n", {}, "c.ics")) == std::vector<std::string>{"c.ics:1:1 ics-syntax"});
    CHECK(codes(import_one(import_ics, ics_calendar(""), {}, "c.ics")) == std::vector<std::string>{"c.ics:1:1 no-events"});
  }
}

TEST_CASE("ics: positions count unfolded lines and the characters before the value", "[import-ics]") {
  const draft d = import_one(import_ics,
                             ics_calendar("BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:A long\r\n  title folded\r\n"
                                      "DTSTART;X-NAME=\"Zoë:x\":2015113T10\r\nEND:VEVENT\r\n"),
                             {}, "c.ics");
  REQUIRE(!d.diagnostics.empty());
  CHECK(positions(d.diagnostics)[0] == "c.ics:8:24 ics-syntax");
}

TEST_CASE("annals import ics: real exports of Google Calendar, Thunderbird and Outlook validate", "[import-ics][cli]") {
  cli_dir dir("import-ics-real");
  for (const std::string name : {"google-calendar", "thunderbird", "outlook-exchange"}) {
    const cli_result r = run_cli(dir, {"import", "ics", fixtures + name + ".ics", "-o", name + ".yaml"});
    CHECK(r.status == 0);
    CHECK(run_cli(dir, {"validate", name + ".yaml"}).status == 0);
  }
  const std::string google = cli_slurp(dir.path / "google-calendar.yaml");
  CHECK(google.find("timezone: Europe/London") != std::string::npos);
  CHECK(google.find("date: 2024-10-04T18:15Z/2024-10-04T18:59Z") != std::string::npos);
  const std::string thunderbird = cli_slurp(dir.path / "thunderbird.yaml");
  CHECK(thunderbird.find("tz: Europe/London") != std::string::npos);
  CHECK(thunderbird.find("id: b9a23b47-f109-4e7a-908c-75e925b27def") != std::string::npos);
  // Outlook: a recurring all-day week, and "GMT Standard Time" (British summer time) in UTC
  const cli_result outlook = run_cli(dir, {"import", "ics", fixtures + "outlook-exchange.ics"});
  CHECK(outlook.out.find("date: 2024-07-01/2024-07-07") != std::string::npos);
  CHECK(outlook.out.find("date: 2024-10-04T17:30Z/2024-10-04T17:59Z") != std::string::npos);
  CHECK(outlook.err.find("outlook-exchange.ics:22:7: warning: the event '111' recurs") != std::string::npos);
}

TEST_CASE("annals import ics: a bad calendar writes nothing", "[import-ics][cli]") {
  cli_dir dir("import-ics-bad");
  dir.write("bad.ics", ics_calendar("BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:x\r\nDTSTART:20151123T100000Z\r\nEND:VEVENT\r\n"
                                "BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:y\r\nDTSTART:20151323\r\nEND:VEVENT\r\n"));
  const cli_result r = run_cli(dir, {"import", "ics", "bad.ics", "-o", "out.yaml"});
  CHECK(r.status == 1);
  CHECK(r.err.find("bad.ics:12:") != std::string::npos);
  CHECK(r.err.find("month 13") != std::string::npos);
  CHECK(!std::filesystem::exists(dir.path / "out.yaml"));
}

TEST_CASE("annals import ics: what annals render --format ics writes imports back, ids and dates kept", "[import-ics][cli]") {
  cli_dir dir("import-ics-back");
  for (const std::string name : {"russia-iran-2015", "deepwater-horizon"}) {
    const std::string source = ANNALS_SOURCE_DIR "/timelines/" + name + ".yaml";
    const cli_result ics = run_cli(dir, {"render", source, "--format", "ics"});
    REQUIRE(ics.status == 0);
    dir.write(name + ".ics", ics.out);
    run_cli_clean(dir, {"import", "ics", name + ".ics", "-o", name + ".yaml"});
    const auto bounds = [&](const std::string& file) {
      const cli_result r = run_cli(dir, {"render", file, "--format", "json"});
      REQUIRE(r.status == 0);
      std::map<std::string, std::string> out;
      const nlohmann::json doc = nlohmann::json::parse(r.out);  // alive for the loop: a temporary's member would not be
      for (const auto& e : doc["events"]) {
        // The date as stated (a calendar holds no bounds inferred from links); a date
        // relative to another event ({before: X}) has none of its own to carry.
        const auto& d = e["date"];
        if (d["form"] == "relative") continue;
        out[e["id"]] = d["earliest"].dump() + " " + d["latest"].dump();
      }
      return out;
    };
    const auto original = bounds(source), back = bounds(name + ".yaml");
    for (const auto& [id, when] : original) {
      REQUIRE(back.contains(id));
      CHECK(id + " " + back.at(id) == id + " " + when);
    }
  }
}

TEST_CASE("ics: a TZID of the calendar's own is read by the VTIMEZONE's X-LIC-LOCATION, else taken to UTC", "[import-ics]") {
  const std::string zone = "BEGIN:VTIMEZONE\r\nTZID:Iran Standard Time\r\nX-LIC-LOCATION:Asia/Tehran\r\n"
                           "BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0330\r\nTZOFFSETTO:+0330\r\nEND:STANDARD\r\n"
                           "END:VTIMEZONE\r\n"
                           "BEGIN:VTIMEZONE\r\nTZID:Custom Plus Two\r\n"
                           "BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0200\r\nEND:STANDARD\r\n"
                           "END:VTIMEZONE\r\n";
  const draft d = import_one(import_ics,
                             ics_calendar("BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:x\r\nDTSTART;TZID=Iran Standard Time:20151123T140000\r\nEND:VEVENT\r\n"
                                          "BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:y\r\nDTSTART;TZID=Custom Plus Two:20151123T140000\r\n"
                                          "DTEND;TZID=Custom Plus Two:20151123T150000\r\nEND:VEVENT\r\n",
                                          zone),
                             {}, "c.ics");
  CHECK(draft_event(d, 0).get("date")->get("tz")->text == "Asia/Tehran");
  CHECK(draft_event(d, 1).get("date")->text == "2015-11-23T12:00Z/2015-11-23T12:59Z");
  REQUIRE(d.diagnostics.size() == 1);
  CHECK(d.diagnostics[0].code == "ics-zone");
}
