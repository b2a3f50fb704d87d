// timelinejs import: TimelineJS's own sample files (JSON and the sheet saved as CSV), the
// rules of its fields, bad input at its position, and annals -> timelinejs -> annals.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <fstream>
#include <sstream>

#include "annals/load.hpp"
#include "annals/order.hpp"
#include "annals/render.hpp"
#include "annals/timeline_builder.hpp"
#include "annals/validate.hpp"
#include "annals/yaml_writer.hpp"
#include "cli_run.hpp"
#include "import/import_timelinejs.hpp"
#include "import/importers.hpp"

using namespace annals;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

std::string fixture(const std::string& name) {
  return slurp(std::string(ANNALS_SOURCE_DIR) + "/tests/data/import/timelinejs/" + name);
}

draft imported(std::string_view bytes, std::string path = "input", import_options options = {}) {
  draft d;
  d.inputs.emplace_back();
  d.inputs.back().path = std::move(path);
  import_timelinejs(bytes, options, d.inputs.back(), d);
  return d;
}

// The draft built and checked as `annals import` does: every diagnostic of every check.
validation checked(const draft& d) {
  timeline_builder b;
  std::vector<std::string> order;
  for (const draft::input& in : d.inputs) {
    const std::uint32_t origin = b.add_origin(in.path, in.columns);
    order.push_back(in.path);
    const record& doc = in.document;
    for (std::size_t k = 0; k + 1 < doc.children.size(); k += 2) {
      if (doc.children[k].text == "events") {
        for (const record& e : doc.children[k + 1].children) b.add_event(origin, e);
      } else {
        b.add_entry(origin, doc.children[k], doc.children[k + 1]);
      }
    }
  }
  return validate(b.finish(), order);
}

std::string errors_of(const std::vector<diagnostic>& ds) {
  std::string out;
  for (const diagnostic& x : ds) {
    if (x.level == severity::error) {
      out += x.file + ":" + std::to_string(x.line) + ":" + std::to_string(x.column) + ": " + x.message + " [" + x.code + "]\n";
    }
  }
  return out;
}

const record* events_of_or_null(const draft& d) { return d.inputs.front().document.get("events"); }
const record& events_of(const draft& d) { return *events_of_or_null(d); }
std::string text(const record& event, std::string_view key) {
  const record* v = event.get(key);
  return v ? v->text : std::string();
}
const record* find_event(const draft& d, std::string_view title) {
  for (const record& e : events_of(d).children) {
    if (text(e, "title") == title) return &e;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("TimelineJS's sample JSON becomes events dated to the fields given", "[import][timelinejs]") {
  const draft d = imported(fixture("women_in_computing.json"), "women.json");
  REQUIRE(errors_of(d.diagnostics).empty());
  const record* ada = find_event(d, "Ada Lovelace");
  REQUIRE(ada);
  CHECK(text(*ada, "date") == "1815-12-10/1852-11-27");
  CHECK(text(*ada, "description").starts_with("Women have been programming since before it was a thing. Take Ada Lovelace:"));
  CHECK(text(*ada, "description").find("<") == std::string::npos);
  const record* media = ada->get("media");
  REQUIRE(media);
  CHECK(text(*media, "url").starts_with("https://upload.wikimedia.org/"));
  CHECK(text(*media, "credit") == "Wikimedia Commons");
  CHECK(text(*media, "caption") == "Portrait by Alfred Edward Chalon");
  CHECK(text(*media, "alt") == "Portrait by Alfred Edward Chalon");  // no alt: the caption stands in, with a warning
  const record* eniac = find_event(d, "...And the women who made it work");
  REQUIRE(eniac);
  CHECK(text(*eniac, "date") == "1943-07/1946");  // a month, then a year: each end to its own fields
  // A quotation as media (TimelineJS's blockquote) is no link annals keeps: a warning.
  const record* clarke = find_event(d, "Edith Clarke: Bucking the Trend");
  REQUIRE(clarke);
  CHECK(clarke->get("media") == nullptr);
  CHECK(std::any_of(d.diagnostics.begin(), d.diagnostics.end(),
                    [](const diagnostic& x) { return x.code == "timelinejs-media" && x.message.starts_with("media left out"); }));
  const validation v = checked(d);
  CHECK(errors_of(v.diagnostics).empty());
  CHECK(v.loaded.tl.events.size() == events_of(d).children.size());
}

TEST_CASE("the sample's Google Sheet saved as CSV gives the events its JSON gives", "[import][timelinejs]") {
  const draft sheet = imported(fixture("women_in_computing.csv"), "women.csv");
  const draft json = imported(fixture("women_in_computing.json"), "women.json");
  REQUIRE(errors_of(sheet.diagnostics).empty());
  CHECK(sheet.inputs.front().columns == timeline_builder::columns::cells);
  CHECK(text(sheet.inputs.front().document, "title") == "Women in Computing");  // the row of Type title
  const auto& a = events_of(sheet).children;
  const auto& b = events_of(json).children;
  REQUIRE(a.size() == b.size());
  for (std::size_t k = 0; k < a.size(); ++k) {
    CHECK(text(a[k], "title") == text(b[k], "title"));
    CHECK(text(a[k], "date") == text(b[k], "date"));
    CHECK(text(a[k], "description") == text(b[k], "description"));
  }
  // Positions are the sheet's rows and columns: Ada Lovelace's Year is row 3, column 1.
  const record* ada = find_event(sheet, "Ada Lovelace");
  REQUIRE(ada);
  CHECK(ada->get("date")->line == 3);
  CHECK(ada->get("date")->column == 1);
  CHECK(errors_of(checked(sheet).diagnostics).empty());
}

TEST_CASE("a cosmological timeline keeps its far years, written as EDTF long years", "[import][timelinejs]") {
  const draft d = imported(fixture("cosmo.json"), "cosmo.json");
  REQUIRE(errors_of(d.diagnostics).empty());
  const record* big_bang = find_event(d, "The Big Bang");
  REQUIRE(big_bang);
  CHECK(text(*big_bang, "date") == "Y-13799999999");  // TimelineJS's -13800000000 is 13,800,000,000 BC
  const validation v = checked(d);
  CHECK(errors_of(v.diagnostics).empty());
  // scale: cosmological reads years only, as TimelineJS's BigDate does.
  const draft c = imported(R"({"scale": "cosmological", "events": [
    {"start_date": {"year": 1969, "month": 7, "day": 20}, "text": {"headline": "Moon"}}]})");
  CHECK(text(events_of(c).children.at(0), "date") == "1969");
}

TEST_CASE("TimelineJS eras become annals eras, each end to its own fields", "[import][timelinejs]") {
  const draft d = imported(fixture("eras.json"), "eras.json");
  REQUIRE(errors_of(d.diagnostics).empty());
  const record* eras = d.inputs.front().document.get("eras");
  REQUIRE(eras);
  REQUIRE(eras->children.size() == 3);
  CHECK(text(eras->children[0], "title") == "Era Test 650-700");
  CHECK(text(eras->children[0], "date") == "0650/0700");
  CHECK(text(eras->children[0], "id") == "era-test-650-700");
  CHECK(errors_of(checked(d).diagnostics).empty());
  // A sheet's era rows.
  const draft s = imported("Year,End Year,Headline,Type\n1914,1918,The First World War,era\n1917,,Revolution,\n");
  REQUIRE(s.inputs.front().document.get("eras"));
  CHECK(text(s.inputs.front().document.get("eras")->children.at(0), "date") == "1914/1918");
  CHECK(events_of(s).children.size() == 1);
}

TEST_CASE("BC years are TimelineJS's historical numbering: -44 is 44 BC", "[import][timelinejs]") {
  const draft d = imported(R"({"events": [
    {"start_date": {"year": -44, "month": 3, "day": 15}, "text": {"headline": "Caesar is killed"}},
    {"start_date": {"year": "-1"}, "text": {"headline": "One BC"}},
    {"start_date": {"year": "1"}, "text": {"headline": "AD 1"}},
    {"start_date": {"year": "-12000"}, "text": {"headline": "Far"}}]})");
  REQUIRE(errors_of(d.diagnostics).empty());
  const auto& e = events_of(d).children;
  CHECK(text(e[0], "date") == "-0043-03-15");
  CHECK(text(e[1], "date") == "0000");
  CHECK(text(e[2], "date") == "0001");
  CHECK(text(e[3], "date") == "Y-11999");
  const validation v = checked(d);
  REQUIRE(errors_of(v.diagnostics).empty());
  CHECK(v.loaded.tl.events.size() == 4);
}

TEST_CASE("a sheet's Time is read as TimelineJS reads it, as wall time in no zone", "[import][timelinejs]") {
  const draft d = imported(
      "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Headline\n"
      "2015,11,23,1:45 PM,,,,,Afternoon\n"
      "2015,11,23,13:45:30,,,,,Seconds\n"
      "2015,11,23,0930,2015,11,23,11:00 a.m.,Morning meeting\n"
      "2015,11,23,12 AM,,,,,Midnight\n");
  REQUIRE(errors_of(d.diagnostics).empty());
  const auto& e = events_of(d).children;
  CHECK(text(e[0], "date") == "2015-11-23T13:45");
  CHECK(text(e[1], "date") == "2015-11-23T13:45:30");
  CHECK(text(e[2], "date") == "2015-11-23T09:30/2015-11-23T11:00");
  CHECK(text(e[3], "date") == "2015-11-23T00:00");
  const record* zone = d.inputs.front().document.get("timezone");
  REQUIRE(zone);
  CHECK(zone->text == "UTC");
  CHECK(zone->note != 0);  // a comment says why
  CHECK(errors_of(checked(d).diagnostics).empty());
}

TEST_CASE("a display_date the grammar reads as the fields' date is the date as written", "[import][timelinejs]") {
  const draft d = imported(R"({"events": [
    {"start_date": {"year": 1865, "month": 4, "day": 14}, "display_date": "April 14, 1865", "text": {"headline": "Ford's Theatre"}},
    {"start_date": {"year": 1990}, "end_date": {"year": 1999}, "display_date": "the 1990s", "text": {"headline": "A decade"}},
    {"start_date": {"year": 1865}, "display_date": "The end of the war", "text": {"headline": "Not a date"}},
    {"start_date": {"year": 1865, "month": 4, "day": 14}, "display_date": "April 1865", "text": {"headline": "Wider"}}]})");
  REQUIRE(errors_of(d.diagnostics).empty());
  const auto& e = events_of(d).children;
  CHECK(text(e[0], "date") == "April 14, 1865");
  CHECK(text(e[1], "date") == "the 1990s");
  CHECK(text(e[2], "date") == "1865");  // not a date: the fields, the display_date a comment
  REQUIRE(e[2].get("date")->note != 0);
  CHECK(d.notes[e[2].get("date")->note - 1] == "TimelineJS display_date: The end of the war");
  CHECK(text(e[3], "date") == "1865-04-14");  // the fields say more than the display: they win
  const std::string yaml = write_yaml(d.inputs.front().document, d.notes);
  CHECK(yaml.find("# TimelineJS display_date: The end of the war") != std::string::npos);
}

TEST_CASE("groups become kinds, or actors with --group-as actor", "[import][timelinejs]") {
  const char* json = R"({"events": [
    {"start_date": {"year": 2015}, "text": {"headline": "One"}, "group": "Vladimir Putin"},
    {"start_date": {"year": 2016}, "text": {"headline": "Two"}, "group": "Vladimir Putin"},
    {"start_date": {"year": 2017}, "text": {"headline": "Three"}, "group": "Hassan &amp; Co"}]})";
  const draft kinds = imported(json);
  CHECK(text(events_of(kinds).children[0], "kind") == "vladimir-putin");
  CHECK(text(events_of(kinds).children[1], "kind") == "vladimir-putin");
  CHECK(text(events_of(kinds).children[2], "kind") == "hassan-co");
  import_options as_actor;
  as_actor.group_as = "actor";
  const draft actors = imported(json, "input", as_actor);
  const record* list = actors.inputs.front().document.get("actors");
  REQUIRE(list);
  REQUIRE(list->get("vladimir-putin"));
  CHECK(text(*list->get("vladimir-putin"), "name") == "Vladimir Putin");
  CHECK(text(*list->get("hassan-co"), "name") == "Hassan & Co");
  CHECK(events_of(actors).children[1].get("actors")->children.at(0).text == "vladimir-putin");
  CHECK(errors_of(checked(actors).diagnostics).empty());
}

TEST_CASE("unique_id is the event's id, missing or repeated ones are made unique", "[import][timelinejs]") {
  const draft d = imported(R"({"events": [
    {"unique_id": "ford-theatre", "start_date": {"year": 1865}, "text": {"headline": "A"}},
    {"unique_id": "ford-theatre", "start_date": {"year": 1866}, "text": {"headline": "B"}},
    {"unique_id": "Slide 3", "start_date": {"year": 1867}, "text": {"headline": "C"}},
    {"start_date": {"year": 1868}, "text": {"headline": "Reconstruction ends"}}]})");
  const auto& e = events_of(d).children;
  CHECK(text(e[0], "id") == "ford-theatre");
  CHECK(text(e[1], "id") == "ford-theatre-2");
  CHECK(text(e[2], "id") == "slide-3");
  CHECK(text(e[3], "id") == "reconstruction-ends");
  CHECK(errors_of(checked(d).diagnostics).empty());
}

TEST_CASE("bad TimelineJS input is an error at its line and column, or its row and cell", "[import][timelinejs]") {
  SECTION("invalid JSON") {
    const draft d = imported("{\"events\": [\n  {\"start_date\": {\"year\": 1865,}}\n]}", "bad.json");
    CHECK(errors_of(d.diagnostics) == "bad.json:2:32: invalid JSON: expected a key in quotes, found '}' [json-syntax]\n");
    CHECK(events_of_or_null(d) == nullptr);
  }
  SECTION("an unclosed string") {
    const draft d = imported("{\"title\": \"x", "bad.json");
    CHECK(errors_of(d.diagnostics) == "bad.json:1:11: invalid JSON: a string that is not closed [json-syntax]\n");
  }
  SECTION("JSON that is no TimelineJS file") {
    CHECK(errors_of(imported("[1, 2]", "a.json").diagnostics) ==
          "a.json:1:1: not a TimelineJS file: its JSON is not an object with 'events' [timelinejs]\n");
    CHECK(errors_of(imported("{\"events\": 3}", "a.json").diagnostics) ==
          "a.json:1:12: not a TimelineJS file: no 'events' list [timelinejs]\n");
  }
  SECTION("month 13, a word for a year, no start date") {
    const draft d = imported(R"({"events": [
  {"start_date": {"year": 2015, "month": 13}, "text": {"headline": "A"}},
  {"start_date": {"year": "MMXV"}, "text": {"headline": "B"}},
  {"text": {"headline": "C"}},
  {"start_date": {"year": 2015, "month": 2, "day": 30}, "text": {"headline": "D"}}]})",
                             "bad.json");
    CHECK(errors_of(d.diagnostics) ==
          "bad.json:2:42: start_date month 13 is out of range (1-12) [timelinejs-date]\n"
          "bad.json:3:27: start_date year 'MMXV' is not a whole number [timelinejs-date]\n"
          "bad.json:4:3: the slide has no start_date [timelinejs-date]\n");
    // 30 February is for the date grammar, which names it at the slide's year.
    const std::string later = errors_of(checked(d).diagnostics);
    CHECK(later.find("bad.json:5:28:") != std::string::npos);
  }
  SECTION("a sheet row with no Year, a Year that is no number, a bad Time") {
    const draft d = imported(
        "Year,Month,Day,Time,Headline\n"
        "1865,4,14,,Fine\n"
        ",4,14,,No year\n"
        "18x5,,,,Bad year\n"
        "1865,13,,,Bad month\n"
        "1865,4,14,25:00,Bad time\n",
        "sheet.csv");
    CHECK(errors_of(d.diagnostics) ==
          "sheet.csv:3:1: the row has no Year ('No year') [timelinejs-sheet]\n"
          "sheet.csv:6:4: time '25:00' has no hour 25 [timelinejs-sheet]\n"
          "sheet.csv:4:1: Year '18x5' is not a whole number [timelinejs-date]\n"
          "sheet.csv:5:2: Month 13 is out of range (1-12) [timelinejs-date]\n");
  }
  SECTION("a sheet that is not TimelineJS's, or not closed") {
    CHECK(errors_of(imported("When,What\n2015,x\n", "s.csv").diagnostics) ==
          "s.csv:1:1: no 'Year' column: not a TimelineJS sheet [timelinejs-sheet]\n");
    CHECK(errors_of(imported("Year,Headline\n2015,\"open\n", "s.csv").diagnostics) ==
          "s.csv:2:2: the quote that opens this cell is never closed: the cell runs to the end of the file [csv-syntax]\n");
  }
}

namespace {

struct rendered {
  nlohmann::json slides;
  std::map<std::string, std::string> descriptions;  // event id -> description
};

rendered render_timelinejs(const timeline& tl, const chronology& chron) {
  render_options options;
  options.lanes = render_options::lane_key::kind;
  std::ostringstream out;
  render_report report;
  render(*find_renderer("timelinejs"), tl, chron, options, out, report);
  rendered r{nlohmann::json::parse(out.str()), {}};
  for (const event& e : tl.events) r.descriptions[std::string(tl.names.name(e.id))] = std::string(e.description);
  return r;
}

nlohmann::json without_display(nlohmann::json date) {
  date.erase("display_date");
  return date;
}

}  // namespace

TEST_CASE("annals -> timelinejs -> import gives back every event, id, date, title, description, kind, media and era",
          "[import][timelinejs][roundtrip]") {
  const std::string dir = std::string(ANNALS_SOURCE_DIR) + "/timelines";
  std::vector<std::string> files;
  for (const auto& f : std::filesystem::directory_iterator(dir)) {
    if (f.path().extension() == ".yaml") files.push_back(f.path().string());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 5);
  for (const std::string& file : files) {
    INFO(file);
    auto reader = make_disk_reader();
    load_result loaded = load({file}, *reader, {});
    std::vector<diagnostic> problems;
    const chronology chron = order_events(loaded.tl, problems);
    const rendered first = render_timelinejs(loaded.tl, chron);

    const draft d = imported(first.slides.dump(2), "roundtrip.json");
    REQUIRE(errors_of(d.diagnostics).empty());
    const validation v = checked(d);
    REQUIRE(errors_of(v.diagnostics).empty());
    const rendered second = render_timelinejs(v.loaded.tl, v.chron);

    const nlohmann::json& a = first.slides["events"];
    const nlohmann::json& b = second.slides["events"];
    REQUIRE(a.size() == b.size());
    std::map<std::string, nlohmann::json> by_id;
    for (const auto& s : b) by_id[s["unique_id"]] = s;
    for (const auto& s : a) {
      const std::string uid = s["unique_id"];
      INFO(uid);
      REQUIRE(by_id.contains(uid));
      const nlohmann::json& t = by_id[uid];
      CHECK(t["text"]["headline"] == s["text"]["headline"]);
      // The start to the fields the date gives: annals places a day-only event that its
      // links put after a time of that day at that time, and links are not TimelineJS's.
      const nlohmann::json start = without_display(t["start_date"]);
      for (const auto& [key, value] : start.items()) CHECK(s["start_date"][key] == value);
      CHECK(t.value("end_date", nlohmann::json()) == s.value("end_date", nlohmann::json()));
      // TimelineJS has no zones: a time comes back as UTC wall time, the same clock reading.
      // What links narrowed a date to comes back as the date alone: links are not TimelineJS's.
      std::string shown = s["display_date"];
      shown = shown.substr(0, shown.find(" (inferred from links: "));
      const std::string back = t["display_date"];
      if (back.ends_with(" UTC") && !shown.ends_with(" UTC") && s["start_date"].contains("hour")) {
        CHECK(back.substr(0, back.size() - 4) == shown.substr(0, shown.rfind(' ')));
      } else {
        CHECK(back == shown);
      }
      CHECK(t.value("group", "") == s.value("group", ""));
      CHECK(t.value("media", nlohmann::json()) == s.value("media", nlohmann::json()));
      const std::string id = uid.substr(6);
      CHECK(second.descriptions.at(id) == first.descriptions.at(id));
    }
    CHECK(second.slides.value("eras", nlohmann::json()) == first.slides.value("eras", nlohmann::json()));
    CHECK(second.slides["title"]["text"]["headline"] == first.slides["title"]["text"]["headline"]);
  }
}

// ---- through the command line ----------------------------------------------------------

TEST_CASE("annals import timelinejs writes YAML that validates from TimelineJS's sample sheet and JSON",
          "[import][timelinejs][cli]") {
  const testing::cli_dir dir("import-timelinejs");
  dir.write("women.csv", fixture("women_in_computing.csv"));
  dir.write("women.json", fixture("women_in_computing.json"));
  for (const std::string input : {"women.csv", "women.json"}) {
    INFO(input);
    const testing::cli_result r = testing::run_cli(dir, {"import", "timelinejs", input, "-o", "out.yaml"});
    CHECK(r.status == 0);
    // Warnings only: the media with no alt text, the quotation that is no link.
    CHECK(r.err.find(": error:") == std::string::npos);
    CHECK(r.err.find("warning: the media has no alt text") != std::string::npos);
    const std::string yaml = testing::cli_slurp(dir.path / "out.yaml");
    CHECK(yaml.find("title: Ada Lovelace") != std::string::npos);
    CHECK(yaml.find("date: 1815-12-10/1852-11-27") != std::string::npos);
    CHECK(testing::run_cli(dir, {"validate", "out.yaml"}).err == "no problems found\n");
  }
}

TEST_CASE("a bad TimelineJS sheet or JSON is an error at its cell or character, and nothing is written",
          "[import][timelinejs][cli]") {
  const testing::cli_dir dir("import-timelinejs-bad");
  dir.write("sheet.csv", "Year,Month,Day,Headline\n1865,4,14,Fine\n,4,15,No year\n1865,13,,Bad month\n");
  dir.write("bad.json", "{\"events\": [\n  {\"start_date\": {\"year\": 1865,}}\n]}");
  const testing::cli_result sheet = testing::run_cli(dir, {"import", "timelinejs", "sheet.csv", "-o", "out.yaml"});
  CHECK(sheet.status == 1);
  CHECK(sheet.err.find("sheet.csv:3:1: error: the row has no Year ('No year'); every row but the title needs a year [timelinejs-sheet]") != std::string::npos);
  CHECK(sheet.err.find("sheet.csv:4:2: error: Month 13 is out of range (1-12) [timelinejs-date]") !=
        std::string::npos);
  const testing::cli_result json = testing::run_cli(dir, {"import", "timelinejs", "bad.json", "-o", "out.yaml"});
  CHECK(json.status == 1);
  CHECK(json.err.find("bad.json:2:32: error: invalid JSON: expected a key in quotes, found '}' [json-syntax]") !=
        std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.path / "out.yaml"));
}

TEST_CASE("annals render --format timelinejs, then annals import timelinejs, gives back every event and id",
          "[import][timelinejs][cli][roundtrip]") {
  const testing::cli_dir dir("import-timelinejs-roundtrip");
  const std::string timelines = std::string(ANNALS_SOURCE_DIR) + "/timelines";
  const auto events = [&](const std::string& path) {
    const testing::cli_result r = testing::run_cli(dir, {"render", path, "--format", "json"});
    std::map<std::string, std::vector<std::string>> out;  // id -> title, kind (descriptions: the engine-level test)
    const nlohmann::json doc = nlohmann::json::parse(r.out);  // alive for the loop: a temporary's member would not be
    for (const auto& e : doc["events"]) {
      const auto text = [&](const char* key) { return e.contains(key) && e[key].is_string() ? std::string(e[key]) : ""; };
      out[e["id"]] = {text("title"), text("kind")};
    }
    return out;
  };
  std::vector<std::string> files;
  for (const auto& f : std::filesystem::directory_iterator(timelines)) {
    if (f.path().extension() == ".yaml") files.push_back(f.path().string());
  }
  REQUIRE(files.size() >= 5);
  for (const std::string& file : files) {
    INFO(file);
    // Lanes of kinds or of actors (the default): the kinds come back either way.
    for (const std::string lanes : {"kind", "actor"}) {
      INFO(lanes);
      REQUIRE(testing::run_cli(dir, {"render", file, "--format", "timelinejs", "--lanes", lanes, "-o", "tl.json"}).status == 0);
      const testing::cli_result imported = testing::run_cli(dir, {"import", "timelinejs", "tl.json", "-o", "back.yaml"});
      REQUIRE(imported.status == 0);
      CHECK(imported.err.find(": error:") == std::string::npos);
      CHECK(events("back.yaml") == events(file));
    }
    // Actor lanes imported as actors: the kinds still come back, each lane an actor.
    REQUIRE(testing::run_cli(dir, {"render", file, "--format", "timelinejs", "-o", "tl.json"}).status == 0);
    REQUIRE(testing::run_cli(dir, {"import", "timelinejs", "tl.json", "--group-as", "actor", "-o", "back.yaml"}).status == 0);
    CHECK(events("back.yaml") == events(file));
  }
}

TEST_CASE("the older TimelineJS sheets, with Start Date, End Date and Tag, are read too", "[import][timelinejs]") {
  const draft d = imported(
      "Start Date,End Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Tag\n"
      "1865,,The end of the war,,,,,,title,\n"
      "4/14/1865,,Lincoln is shot,<p>At Ford's Theatre.</p>,,,,,,Assassination\n"
      "1861-04-12,1865-04-09,The Civil War,,,,,,,War\n"
      "4/1865,,April,,,,,,,\n"
      "4/14/1865 22:15,,Shot at 22:15,,,,,,,\n"
      "-44,,Caesar,,,,,,,\n"
      "fourteen,,Not a date,,,,,,,\n",
      "v1.csv");
  CHECK(errors_of(d.diagnostics) == "v1.csv:8:1: cannot read the date 'fourteen' [timelinejs-sheet]\n");
  CHECK(text(d.inputs.front().document, "title") == "The end of the war");
  const auto& e = events_of(d).children;
  REQUIRE(e.size() == 5);
  CHECK(text(e[0], "date") == "1865-04-14");
  CHECK(text(e[0], "kind") == "assassination");  // Tag is the older sheets' Group
  CHECK(text(e[0], "description") == "At Ford's Theatre.");
  CHECK(text(e[1], "date") == "1861-04-12/1865-04-09");
  CHECK(text(e[2], "date") == "1865-04");
  CHECK(text(e[3], "date") == "1865-04-14T22:15");
  CHECK(text(e[4], "date") == "-0043");
}

TEST_CASE("TimelineJS's HTML fields are read as text: tags dropped, entities decoded once", "[import][timelinejs]") {
  using v = std::vector<std::string>;
  CHECK(html_paragraphs("<p>One &amp; two</p><p>Three<br>four</p>") == v{"One & two", "Three\nfour"});
  CHECK(html_paragraphs("a &lt;b&gt; &#39;c&#x27; &amp;amp; &unknown; 1 < 2") == v{"a <b> 'c' &amp; &unknown; 1 < 2"});
  CHECK(html_paragraphs("<span class=\"tl-note\">x</span> <a href=\"u\">y</a>") == v{"x y"});
  CHECK(html_paragraphs("&#128512;&#0;") == v{"\xF0\x9F\x98\x80\xEF\xBF\xBD"});
  CHECK(html_paragraphs("  <p> </p> ").empty());
  // A title escaped as render_timelinejs escapes it comes back as written.
  const draft d = imported(R"({"events": [{"start_date": {"year": 2015},
    "text": {"headline": "&lt;script&gt;alert(1)&lt;/script&gt; \"quoted\" &amp; co"}}]})");
  CHECK(text(events_of(d).children.at(0), "title") == "<script>alert(1)</script> \"quoted\" & co");
}

TEST_CASE("a TimelineJS file that is not UTF-8 is refused at the cell or character it fails in", "[import][timelinejs]") {
  CHECK(errors_of(imported("Year,Headline\n1865,Caf\xE9\n", "latin1.csv").diagnostics).starts_with("latin1.csv:2:2: "));
  CHECK(errors_of(imported("{\"events\": [\n {\"text\": \"\xE9\"}]}", "latin1.json").diagnostics).starts_with("latin1.json:2:"));
  // A sheet saved with semicolons, as spreadsheets in many locales write CSV.
  const draft d = imported("Year;Month;Day;Headline\n1865;4;14;Lincoln is shot\n");
  REQUIRE(errors_of(d.diagnostics).empty());
  CHECK(text(events_of(d).children.at(0), "date") == "1865-04-14");
}

TEST_CASE("sheets imported together with --group-as actor share each group's actor", "[import][timelinejs]") {
  import_options as_actor;
  as_actor.group_as = "actor";
  draft d;
  for (const char* path : {"a.csv", "b.csv"}) {
    draft::input& in = d.inputs.emplace_back();
    in.path = path;
    import_timelinejs(std::string("Year,Headline,Group\n1865,Event of ") + path + ",Abraham Lincoln\n", as_actor, in, d);
  }
  REQUIRE(errors_of(d.diagnostics).empty());
  REQUIRE(d.inputs[0].document.get("actors"));
  CHECK(d.inputs[0].document.get("actors")->get("abraham-lincoln"));
  CHECK(d.inputs[1].document.get("actors") == nullptr);  // made once, where first met
  CHECK(events_of_or_null(d)->children.at(0).get("actors")->children.at(0).text == "abraham-lincoln");
  CHECK(d.inputs[1].document.get("events")->children.at(0).get("actors")->children.at(0).text == "abraham-lincoln");
  CHECK(errors_of(checked(d).diagnostics).empty());
}
