#include <catch2/catch.hpp>

#include "annals/timeline_builder.hpp"

using namespace annals;

namespace {

// A sheet row as an importer hands it over: each cell at its row and column.
record row_event(std::uint32_t row, const std::string& id, const std::string& date) {
  record e = record::mapping(row, 1);
  e.set("id", record::string(id, row, 1));
  e.set("date", record::string(date, row, 2));
  e.set("title", record::string("Row " + std::to_string(row), row, 3));
  return e;
}

}  // namespace

TEST_CASE("a timeline built from code is checked as a file is, at the positions its records carry", "[builder]") {
  timeline_builder b;
  const auto sheet = b.add_origin("sheet.csv", timeline_builder::columns::cells);
  b.add_entry(sheet, record::string("reference"), record::string("2015-11-25", 1, 1));
  b.add_event(sheet, row_event(2, "visit", "23 November 2015"));
  b.add_event(sheet, row_event(3, "talks", "the 45th of Brumaire"));
  b.add_event(sheet, row_event(4, "visit", "last week"));
  record linked = row_event(5, "reply", "2015-11-24");
  linked.set("after", record::sequence(5, 4)).push(record::string("summit", 5, 4));
  b.add_event(sheet, linked);
  const load_result r = b.finish();
  REQUIRE(r.tl.events.size() == 4);
  CHECK(r.tl.events[0].date.prec == precision::day);
  // last week, against the sheet's reference
  CHECK(r.tl.events[2].date.prec == precision::week);
  std::vector<std::string> seen;
  for (const diagnostic& d : r.diagnostics) seen.push_back(d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.code);
  CHECK(std::find(seen.begin(), seen.end(), "sheet.csv:3:2 unparsed-date") != seen.end());
  CHECK(std::find(seen.begin(), seen.end(), "sheet.csv:4:1 duplicate-id") != seen.end());
  CHECK(std::find(seen.begin(), seen.end(), "sheet.csv:5:4 unknown-reference") != seen.end());
  CHECK(seen.size() == 3);
}

TEST_CASE("a record the schema refuses is reported at its cell, and the rest is built", "[builder]") {
  timeline_builder b;
  const auto sheet = b.add_origin("sheet.csv");
  record e = row_event(2, "visit", "2015-11-23");
  e.set("colour", record::string("red", 2, 7));
  b.add_event(sheet, e);
  const load_result r = b.finish();
  REQUIRE(r.tl.events.size() == 1);
  REQUIRE(!r.diagnostics.empty());
  CHECK(r.diagnostics[0].code == "schema");
  CHECK(r.diagnostics[0].line == 2);
}
