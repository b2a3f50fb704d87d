// Order on the same day, through the command line (issue 20): where two events' times
// overlap, their links decide which comes first — an effect after its cause, a response
// after what it responds to, `after:` after its anchor — in every format, TimelineJS
// included (it sorts slides by start date itself, so each slide starts where annals
// places its event); events no link joins keep their order.

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "cli_run.hpp"

using annals::testing::cli_dir;
using annals::testing::run_cli_clean;
using nlohmann::json;

namespace {

using ids = std::vector<std::string>;

// The event ids in the order `format` lists them.
ids listed(const cli_dir& dir, const std::string& file, const std::string& format) {
  const auto r = run_cli_clean(dir, {"render", file, "--format", format});
  ids out;
  if (format == "json" || format == "timelinejs") {
    const json doc = json::parse(r.out);
    for (const json& e : doc["events"]) {
      const std::string id = format == "json" ? e["id"].get<std::string>() : e["unique_id"].get<std::string>();
      out.push_back(format == "json" ? id : id.substr(std::string("event-").size()));
    }
    return out;
  }
  // Every other format marks each event once: text and markdown by its title (each
  // title below is "Title of <id>" and written once, the links name ids), csv by its
  // row, html and svg by the event's anchor or drawing, in the order they are written.
  std::string marker = format == "csv" ? "\n" : format == "html" ? "<h3><bdi>Title of " : "Title of ";
  if (format == "svg") marker = "data-id=\"";
  for (std::size_t at = r.out.find(marker); at != std::string::npos; at = r.out.find(marker, at + 1)) {
    const std::size_t from = at + marker.size();
    const std::size_t to = r.out.find_first_of(format == "csv" ? "," : format == "svg" ? "\"" : "<\n", from);
    out.push_back(r.out.substr(from, to - from));
  }
  if (format == "csv") out.erase(std::remove(out.begin(), out.end(), std::string()), out.end());
  return out;
}

const std::vector<std::string> list_formats{"text", "markdown", "html", "csv", "json", "timelinejs"};

// A TimelineJS date as the tuple it sorts by (missing fields are the unit's start).
std::tuple<int, int, int, int, int, int> tljs_when(const json& d) {
  auto field = [&](const char* f, int none) { return d.contains(f) ? d[f].get<int>() : none; };
  return {field("year", 0), field("month", 1), field("day", 1), field("hour", 0), field("minute", 0), field("second", 0)};
}

// The slides' start dates never go down in the order annals wrote them: TimelineJS's
// stable sort by start date then keeps that order.
void check_timelinejs_keeps_order(const std::string& out) {
  const json events = json::parse(out)["events"];
  for (std::size_t k = 1; k < events.size(); ++k) {
    INFO("slide " << k << ": " << events[k]["unique_id"]);
    CHECK(tljs_when(events[k - 1]["start_date"]) <= tljs_when(events[k]["start_date"]));
  }
}

json slide(const std::string& out, const std::string& id) {
  const json doc = json::parse(out);
  for (const json& e : doc["events"])
    if (e["unique_id"] == "event-" + id) return e;
  FAIL("no slide " << id);
  return {};
}

std::string event(const std::string& id, const std::string& date, const std::string& more = "") {
  return "  - {id: " + id + ", title: Title of " + id + ", date: \"" + date + "\"" + more + "}\n";
}

const std::string header = "title: Same day\ntimezone: America/Chicago\nevents:\n";

}  // namespace

TEST_CASE("a day-only event caused by or responding to a timed one of the same day comes after it", "[order][cli]") {
  // The effect is written first; an unrelated day-only event of the same day stays at the
  // day's start and an unrelated later time stays after the effect.
  struct kind {
    const char* name;
    const char* link;
  };
  const kind kinds[] = {{"caused_by", ", caused_by: [blowout]"},
                        {"responds_to", ", responds_to: [blowout]"},
                        {"after", ", after: [blowout]"},
                        {"enabled_by", ", enabled_by: [blowout]"}};
  for (const kind& k : kinds) {
    DYNAMIC_SECTION(k.name) {
      cli_dir dir(std::string("same-day-") + k.name);
      dir.write("t.yaml", header + event("rescue", "20 April 2010", k.link) + event("quiet", "20 April 2010") +
                              event("blowout", "2010-04-20T21:49") + event("later", "2010-04-20T23:05"));
      for (const std::string& f : list_formats) {
        INFO(f);
        CHECK(listed(dir, "t.yaml", f) == ids{"quiet", "blowout", "rescue", "later"});
      }
      CHECK(listed(dir, "t.yaml", "svg") == ids{"quiet", "blowout", "rescue", "later"});
      const auto tl = run_cli_clean(dir, {"render", "t.yaml", "--format", "timelinejs"});
      check_timelinejs_keeps_order(tl.out);
      // The day-only effect starts at the time its link allows, not at 00:00; it still reads as a day.
      const json rescue = slide(tl.out, "rescue");
      CHECK(rescue["start_date"]["day"] == 20);
      CHECK(rescue["start_date"]["hour"] == 21);
      CHECK(rescue["start_date"]["minute"] == 49);
      CHECK(rescue["display_date"] == "20 Apr 2010");
      CHECK(slide(tl.out, "quiet")["start_date"].contains("hour") == false);
    }
  }
}

TEST_CASE("a response comes after what it responds to when both are approximate times", "[order][cli]") {
  cli_dir dir("same-day-approximate");
  SECTION("both c. 23:00, the response's end bounded by a later event") {
    // Both fall at 23:00; the response ends by 23:10, the event it answers may end at 23:30.
    dir.write("t.yaml", "title: Pages\ntimezone: UTC\nevents:\n" +
                            event("impact", "2017-01-31T22:00", ", milestone: impact_start") +
                            event("page", "c. 23:00 on January 31, 2017", ", caused_by: [impact]") +
                            event("reply", "c. 23:00 on January 31, 2017", ", responds_to: [page]") +
                            event("fix", "2017-01-31T23:10", ", after: [reply]"));
    for (const std::string& f : list_formats) {
      INFO(f);
      CHECK(listed(dir, "t.yaml", f) == ids{"impact", "page", "reply", "fix"});
    }
    check_timelinejs_keeps_order(run_cli_clean(dir, {"render", "t.yaml", "--format", "timelinejs"}).out);
  }
  SECTION("an exact response to an approximate page, and an exact effect of an approximate cause") {
    // The page (c. 23:00) must begin by 22:40, when it was acknowledged; the reply (c. 23:00)
    // by 22:45, when the fix it caused began: each falls at the latest start its links allow.
    dir.write("t.yaml", "title: Pages\ntimezone: UTC\nevents:\n" + event("impact", "2017-01-31T22:00") +
                            event("ack", "2017-01-31T22:40", ", responds_to: [page]") +
                            event("fix", "2017-01-31T22:45", ", caused_by: [reply]") +
                            event("reply", "c. 23:00 on January 31, 2017", ", responds_to: [page]") +
                            event("page", "c. 23:00 on January 31, 2017", ", caused_by: [impact]"));
    for (const std::string& f : list_formats) {
      INFO(f);
      CHECK(listed(dir, "t.yaml", f) == ids{"impact", "page", "ack", "reply", "fix"});
    }
    check_timelinejs_keeps_order(run_cli_clean(dir, {"render", "t.yaml", "--format", "timelinejs"}).out);
  }
  SECTION("a relative date ten minutes after an approximate time falls after it") {
    dir.write("t.yaml", "title: Pages\ntimezone: UTC\nevents:\n"
                        "  - {id: ten-later, title: Title of ten-later, date: {after: x, by: 10 minutes}}\n" +
                            event("x", "c. 23:00 on January 31, 2017") + event("exact", "2017-01-31T22:55"));
    CHECK(listed(dir, "t.yaml", "text") == ids{"exact", "x", "ten-later"});
    CHECK(listed(dir, "t.yaml", "timelinejs") == ids{"exact", "x", "ten-later"});
  }
}

TEST_CASE("a chain of three on one day is listed cause by cause", "[order][cli]") {
  cli_dir dir("same-day-chain");
  SECTION("a timed cause, then two day-only events") {
    dir.write("t.yaml", header + event("third", "20 April 2010", ", caused_by: [second]") +
                            event("second", "20 April 2010", ", responds_to: [first]") +
                            event("first", "2010-04-20T21:49"));
    for (const std::string& f : list_formats) {
      INFO(f);
      CHECK(listed(dir, "t.yaml", f) == ids{"first", "second", "third"});
    }
    const auto tl = run_cli_clean(dir, {"render", "t.yaml", "--format", "timelinejs"});
    check_timelinejs_keeps_order(tl.out);
    CHECK(slide(tl.out, "third")["start_date"]["hour"] == 21);
  }
  SECTION("a day-only cause, a timed event, a day-only effect") {
    dir.write("t.yaml", header + event("third", "20 April 2010", ", caused_by: [second]") +
                            event("second", "2010-04-20T21:49", ", caused_by: [first]") +
                            event("first", "20 April 2010"));
    for (const std::string& f : list_formats) {
      INFO(f);
      CHECK(listed(dir, "t.yaml", f) == ids{"first", "second", "third"});
    }
  }
}

TEST_CASE("the bundled Deepwater Horizon file puts the Coast Guard's response after the blowout in TimelineJS",
          "[order][cli]") {
  cli_dir dir("same-day-deepwater");
  const std::string file = std::string(ANNALS_SOURCE_DIR) + "/timelines/deepwater-horizon.yaml";
  const auto r = run_cli_clean(dir, {"render", file, "--format", "timelinejs"});
  const ids order = listed(dir, file, "timelinejs");
  REQUIRE(order.size() >= 2);
  CHECK(order[0] == "blowout");
  CHECK(order[1] == "rescue");
  check_timelinejs_keeps_order(r.out);
  CHECK(slide(r.out, "rescue")["start_date"] == json{{"year", 2010}, {"month", 4}, {"day", 20}, {"hour", 21},
                                                     {"minute", 49}, {"display_date", "20 Apr 2010"}});
}

TEST_CASE("events no link joins keep their order whatever is linked beside them", "[order][cli]") {
  cli_dir dir("same-day-stable");
  // Unrelated events of one day: by where they fall, then the one that ends first, then file order.
  const std::string unrelated = event("b-noon", "2010-04-20T12:00") + event("a-day", "20 April 2010") +
                                event("c-noon", "2010-04-20T12:00") + event("d-month", "April 2010") +
                                event("e-evening", "2010-04-20T21:49");
  const ids alone{"d-month", "a-day", "b-noon", "c-noon", "e-evening"};
  dir.write("alone.yaml", header + unrelated);
  CHECK(listed(dir, "alone.yaml", "text") == alone);
  // A linked pair written among them moves only against its own cause.
  dir.write("linked.yaml", header + event("effect", "20 April 2010", ", caused_by: [cause]") + unrelated +
                               event("cause", "2010-04-20T12:00"));
  const ids linked = listed(dir, "linked.yaml", "text");
  CHECK(linked == ids{"d-month", "a-day", "b-noon", "c-noon", "cause", "effect", "e-evening"});
  for (const std::string& f : list_formats) {
    INFO(f);
    CHECK(listed(dir, "linked.yaml", f) == linked);
  }
  // The same input gives the same bytes.
  CHECK(run_cli_clean(dir, {"render", "linked.yaml"}).out == run_cli_clean(dir, {"render", "linked.yaml"}).out);
}
