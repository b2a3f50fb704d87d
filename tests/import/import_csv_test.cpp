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

bool has(const std::vector<std::string>& all, const std::string& one) {
  return std::find(all.begin(), all.end(), one) != all.end();
}

import_options mapped(std::vector<std::pair<std::string, std::string>> map, std::string reference = "") {
  import_options o;
  o.map = std::move(map);
  o.reference = std::move(reference);
  return o;
}

const std::string fixtures = ANNALS_SOURCE_DIR "/tests/data/import/csv/";

}  // namespace

TEST_CASE("csv: each row is an event, its fields from the columns --map names, at their cells", "[import-csv]") {
  const draft d = import_one(import_csv,
                             "Headline,When,Who,Kind\n"
                             "Putin visits Tehran,23 November 2015,Vladimir Putin; Hassan Rouhani,State Visit\n"
                             "Talks,2015-11-24,\"Rouhani, Hassan\",\n",
                             mapped({{"date", "When"}, {"title", "Headline"}, {"actors", "Who"}, {"kind", "kind"}}),
                             "sheet.csv");
  REQUIRE(d.diagnostics.empty());
  const draft::input& in = d.inputs[0];
  CHECK(in.columns == timeline_builder::columns::cells);
  const record& events = *in.document.get("events");
  REQUIRE(events.children.size() == 2);
  const record& first = events.children[0];
  CHECK(first.get("id")->text == "putin-visits-tehran");
  CHECK(first.get("date")->text == "23 November 2015");
  CHECK(first.get("date")->line == 2);
  CHECK(first.get("date")->column == 2);
  CHECK(first.get("kind")->text == "state-visit");
  REQUIRE(first.get("actors")->children.size() == 2);
  CHECK(first.get("actors")->children[1].text == "hassan-rouhani");
  // ',' splits a cell only when it has no ';'
  CHECK(events.children[1].get("actors")->children.size() == 2);
  CHECK(in.document.get("actors")->get("vladimir-putin")->get("name")->text == "Vladimir Putin");
}

TEST_CASE("csv: a field --map leaves out is read from a column of its own name", "[import-csv]") {
  const draft d = import_one(import_csv, "Date,Title,ID,Place,Tags\n2015,The year,y2015,Tehran,\"a, b\"\n");
  REQUIRE(d.diagnostics.empty());
  const record& e = d.inputs[0].document.get("events")->children.at(0);
  CHECK(e.get("id")->text == "y2015");
  CHECK(e.get("place")->text == "tehran");
  CHECK(e.get("tags")->children.size() == 2);
  const load_result r = build_draft(d);
  CHECK(r.diagnostics.empty());
  REQUIRE(r.tl.events.size() == 1);
}

TEST_CASE("csv: the builder's checks land at FILE:ROW:COLUMN of the cell", "[import-csv]") {
  const draft d = import_one(import_csv,
                             "id,title,date\n"
                             "a,One,2015-11-23\n"
                             "b,Two,the 45th of Brumaire\n"
                             "\n"
                             "Bad Id,Three,2015-11-24\n"
                             "a,Four,2015-11-25\n",
                             {}, "sheet.csv");
  REQUIRE(d.diagnostics.empty());
  const auto seen = positions(build_draft(d).diagnostics);
  CHECK(has(seen, "sheet.csv:3:3 unparsed-date"));
  CHECK(has(seen, "sheet.csv:5:1 schema"));
  CHECK(has(seen, "sheet.csv:6:1 duplicate-id"));
}

TEST_CASE("csv: relative dates read against --reference, written as the draft's reference", "[import-csv]") {
  const draft d = import_one(import_csv, "date,title\nthe past week,Ministers meet\n", mapped({}, "2015-11-25"));
  REQUIRE(d.inputs[0].document.get("reference"));
  CHECK(d.inputs[0].document.get("reference")->text == "2015-11-25");
  const load_result r = build_draft(d);
  CHECK(r.diagnostics.empty());
  REQUIRE(r.tl.events.size() == 1);
  CHECK(format_bound(r.tl.events[0].date.earliest, precision::day) == "2015-11-18");
}

TEST_CASE("csv: a date or time zone column makes the date a mapping with the event's tz", "[import-csv]") {
  const draft d = import_one(import_csv, "date,title,zone\n2015-11-23T14:00,Summit opens,Asia/Tehran\n",
                             mapped({{"tz", "zone"}}));
  const record& date = *d.inputs[0].document.get("events")->children.at(0).get("date");
  CHECK(date.get("on")->text == "2015-11-23T14:00");
  CHECK(date.get("tz")->text == "Asia/Tehran");
  const load_result r = build_draft(d);
  CHECK(r.diagnostics.empty());
  CHECK(format_bound(r.tl.events.at(0).date.earliest, precision::minute) == "2015-11-23T10:30:00Z");
}

TEST_CASE("csv: --map naming a column the header lacks is an error naming the columns there are", "[import-csv]") {
  const draft d = import_one(import_csv, "Date,Headline\n2015,x\n", mapped({{"date", "When"}, {"title", "Headline"}}),
                             "sheet.csv");
  REQUIRE(d.diagnostics.size() == 1);
  CHECK(format_text(d.diagnostics[0]) ==
        "sheet.csv:1:1: error: --map date=When names the column 'When', which the header lacks; its columns are: "
        "'Date', 'Headline' [unknown-column]");
  const draft typo = import_one(import_csv, "Date,Headline\n", mapped({{"titel", "Headline"}}));
  REQUIRE(!typo.diagnostics.empty());
  CHECK(typo.diagnostics[0].code == "unknown-field");
  CHECK(typo.diagnostics[0].hint == "did you mean 'title'?");
}

TEST_CASE("csv: a sheet with no date or title column says which columns it has", "[import-csv]") {
  const draft d = import_one(import_csv, "When,What\n2015,x\n");
  REQUIRE(d.diagnostics.size() == 2);
  CHECK(d.diagnostics[0].code == "missing-column");
  CHECK(d.diagnostics[0].message == "no column gives the events' date: the header has 'When', 'What'");
  CHECK(d.diagnostics[0].hint == "name it with --map date=COLUMN");
}

TEST_CASE("csv: empty files, headers alone, unclosed quotes and empty cells are errors at their place", "[import-csv]") {
  CHECK(positions(import_one(import_csv, "", {}, "s.csv").diagnostics) == std::vector<std::string>{"s.csv:1:1 empty-input"});
  CHECK(positions(import_one(import_csv, "\xEF\xBB\xBF\r\n \r\n", {}, "s.csv").diagnostics) ==
        std::vector<std::string>{"s.csv:1:1 empty-input"});
  CHECK(positions(import_one(import_csv, "date,title\n", {}, "s.csv").diagnostics) ==
        std::vector<std::string>{"s.csv:1:1 no-events"});
  CHECK(positions(import_one(import_csv, "date,title\n2015,ok\n2016,\"unclosed\n2017,x\n", {}, "s.csv").diagnostics) ==
        std::vector<std::string>{"s.csv:3:2 csv-syntax"});
  CHECK(positions(import_one(import_csv, "title,date\nno date,\n,2015\nshort\n", {}, "s.csv").diagnostics) ==
        std::vector<std::string>{"s.csv:2:2 missing-date", "s.csv:3:1 missing-title", "s.csv:4:2 missing-date"});
}

TEST_CASE("csv: the same actor, place or source on many rows is one entry", "[import-csv]") {
  const draft d = import_one(import_csv,
                             "date,title,actors,place,url\n"
                             "2015,a,Putin,Tehran,https://example.org/x\n"
                             "2016,b,Putin,Tehran,https://example.org/x\n");
  const record& doc = d.inputs[0].document;
  CHECK(doc.get("actors")->children.size() == 2);
  CHECK(doc.get("places")->children.size() == 2);
  CHECK(doc.get("sources")->children.size() == 2);
  CHECK(build_draft(d).diagnostics.empty());
}

TEST_CASE("annals import csv: a newsroom sheet becomes a timeline that validates", "[import-csv][cli]") {
  cli_dir dir("import-csv-sheet");
  const cli_result r = run_cli_clean(dir, {"import", "csv", fixtures + "newsroom-sheet.csv", "--reference", "2015-11-25",
                                           "--map", "date=When,tz=Zone,title=Headline,actors=Who,place=Where,description=Notes,url=Link",
                                           "-o", "out.yaml"});
  const std::string yaml = cli_slurp(dir.path / "out.yaml");
  CHECK(yaml.find("date: the past week") != std::string::npos);
  CHECK(yaml.find("reference: 2015-11-25") != std::string::npos);
  CHECK(run_cli(dir, {"validate", "out.yaml"}).status == 0);
}

TEST_CASE("annals import csv: a bad row is reported at FILE:ROW:COLUMN and nothing is written", "[import-csv][cli]") {
  cli_dir dir("import-csv-bad");
  dir.write("bad.csv", "When,Headline\r\n23 November 2015,Visit\r\n\"the 45th\r\nof Brumaire\",Talks\r\n2015-11-24,Reply\r\n");
  const cli_result r = run_cli(dir, {"import", "csv", "bad.csv", "--map", "date=When,title=Headline", "-o", "out.yaml"});
  CHECK(r.status == 1);
  CHECK(r.err.find("bad.csv:3:1: error: ") != std::string::npos);
  CHECK(r.err.find("[unparsed-date]") != std::string::npos);
  CHECK(!std::filesystem::exists(dir.path / "out.yaml"));

  dir.write("open.csv", "When,Headline\n2015,\"never closed\n");
  const cli_result open = run_cli(dir, {"import", "csv", "open.csv", "--map", "date=When,title=Headline", "-o", "out.yaml"});
  CHECK(open.status == 1);
  CHECK(open.err.find("open.csv:2:2: error: the quote that opens this cell is never closed") != std::string::npos);
  CHECK(!std::filesystem::exists(dir.path / "out.yaml"));
}

TEST_CASE("annals import csv: annals' own csv imports back with the same events, ids and dates", "[import-csv][cli]") {
  cli_dir dir("import-csv-back");
  run_cli_clean(dir, {"import", "csv", fixtures + "annals-render.csv", "--map", "tz=zone", "-o", "back.yaml"});
  const auto bounds = [&](const std::string& file) {
    const cli_result r = run_cli(dir, {"render", file, "--format", "json"});
    REQUIRE(r.status == 0);
    std::map<std::string, std::string> out;
    const nlohmann::json doc = nlohmann::json::parse(r.out);  // alive for the loop: a temporary's member would not be
    for (const auto& e : doc["events"]) {
      // A date relative to another event ({before: X}) has no bounds of its own to carry.
      if (e["date"]["form"] == "relative") continue;
      out[e["id"]] = e["date"]["earliest"].dump() + " " + e["date"]["latest"].dump();
    }
    return out;
  };
  const auto original = bounds(ANNALS_SOURCE_DIR "/timelines/russia-iran-2015.yaml");
  const auto back = bounds("back.yaml");
  for (const auto& [id, when] : original) {
    REQUIRE(back.contains(id));
    CHECK(id + " " + back.at(id) == id + " " + when);
  }
}

TEST_CASE("csv: sheets imported together share their actors and places", "[import-csv]") {
  draft d;
  d.inputs.resize(2);
  d.inputs[0].path = "a.csv";
  d.inputs[1].path = "b.csv";
  import_csv("date,title,actors,place\n2015,One,Putin,Tehran\n", {}, d.inputs[0], d);
  import_csv("date,title,actors,place\n2016,Two,Putin,Moscow\n", {}, d.inputs[1], d);
  REQUIRE(d.diagnostics.empty());
  CHECK(d.inputs[1].document.get("events")->children.at(0).get("actors")->children.at(0).text == "putin");
  CHECK(!d.inputs[1].document.get("actors"));
  CHECK(d.inputs[1].document.get("places")->get("moscow"));
  const load_result r = build_draft(d);
  CHECK(r.diagnostics.empty());
  CHECK(r.tl.events.size() == 2);
}

TEST_CASE("csv: a sheet not in UTF-8 is an error at the first cell that is not", "[import-csv]") {
  CHECK(positions(import_one(import_csv, "date,title\n2015,ok\n2016,Caf\xe9\n", {}, "s.csv").diagnostics) ==
        std::vector<std::string>{"s.csv:3:2 encoding"});
}

TEST_CASE("csv: a cell past the header's columns is a warning at its cell, not lost silently", "[import-csv]") {
  const draft d = import_one(import_csv, "date,title\n2015,a,extra\n");
  REQUIRE(d.diagnostics.size() == 1);
  CHECK(d.diagnostics[0].code == "extra-cell");
  CHECK(d.diagnostics[0].level == severity::warning);
  CHECK(d.diagnostics[0].line == 2);
  CHECK(d.diagnostics[0].column == 3);
}
