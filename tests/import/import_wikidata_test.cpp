#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <string>

#include "annals/temporal.hpp"
#include "annals/timeline_builder.hpp"
#include "annals/yaml_writer.hpp"
#include "cli_run.hpp"
#include "import/importers.hpp"

using namespace annals;
using namespace annals::testing;

namespace {

const std::string fixtures = std::string(ANNALS_SOURCE_DIR) + "/tests/data/import/wikidata/";

struct imported {
  draft d;
  std::string yaml;
  std::map<std::string, std::string> bounds;  // id -> "earliest..latest" (days), as the engine reads the date
  std::map<std::string, std::string> written;  // id -> the date as written (YAML)
  std::vector<std::string> problems;          // "line:column severity code"
};

imported import_text(const std::string& text, const std::string& path = "query.json") {
  imported r;
  r.d.inputs.push_back({});
  draft::input& in = r.d.inputs.back();
  in.path = path;
  import_wikidata(text, import_options{}, in, r.d);
  for (const diagnostic& x : r.d.diagnostics) {
    r.problems.push_back(std::to_string(x.line) + ":" + std::to_string(x.column) + " " +
                         (x.level == severity::error ? "error " : "warning ") + x.code);
  }
  r.yaml = write_yaml(in.document, r.d.notes);
  const record* events = in.document.get("events");
  if (!events) return r;
  timeline_builder b;
  const auto origin = b.add_origin(path);
  for (std::size_t i = 0; i + 1 < in.document.children.size(); i += 2) {
    if (in.document.children[i].text != "events") b.add_entry(origin, in.document.children[i], in.document.children[i + 1]);
  }
  for (const record& e : events->children) {
    b.add_event(origin, e);
    r.written[e.get("id")->text] = write_yaml(*e.get("date"));
  }
  const load_result lr = b.finish();
  for (const diagnostic& x : lr.diagnostics) r.problems.push_back("builder " + x.code + " " + x.message);
  for (const auto& ev : lr.tl.events) {
    const temporal_value& v = ev.date;
    r.bounds[std::string(lr.tl.names.name(ev.id))] = (v.bounded_start() ? format_bound(v.earliest, precision::day) : std::string("..")) + " " +
                      (v.bounded_end() ? format_bound(v.latest, precision::day) : std::string(".."));
  }
  return r;
}

std::string slurp(const std::string& path) { return cli_slurp(path); }

// One binding with ?date and its precision and calendar, as the service writes it.
std::string one_date(const std::string& value, const std::string& precision,
                     const std::string& calendar = "http://www.wikidata.org/entity/Q1985727") {
  return R"({"head": {"vars": ["item", "itemLabel", "date", "datePrecision", "dateCalendar"]},
  "results": {"bindings": [{
    "item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q42"},
    "itemLabel": {"xml:lang": "en", "type": "literal", "value": "An event"},
    "date": {"datatype": "http://www.w3.org/2001/XMLSchema#dateTime", "type": "literal", "value": ")" +
         value + R"("},
    "datePrecision": {"datatype": "http://www.w3.org/2001/XMLSchema#integer", "type": "literal", "value": ")" +
         precision + R"("},
    "dateCalendar": {"type": "uri", "value": ")" + calendar + R"("}}]}})";
}

}  // namespace

TEST_CASE("query results become an event per item, dated by point in time or by start and end", "[wikidata]") {
  const imported r = import_text(slurp(fixtures + "events.json"), "events.json");
  // The October Revolution: a Julian date, which the service gives converted (1917-11-07).
  CHECK(r.written.at("q2696") == "on: 1917-10-25\ncalendar: julian\n");
  CHECK(r.bounds.at("q2696") == "1917-11-07 1917-11-07");
  CHECK(r.written.at("q361") == "1914-07-28/1918-11-11\n");
  CHECK(r.bounds.at("q6534") == "1789-05-05 1799-11-09");
  // The Roman Empire: 27 BC at year precision (Julian, not converted) to 4 September 476
  // (Julian, converted by the service to 5 September).
  CHECK(r.written.at("q2277") == "on: \"-0026/0476-09-04\"\ncalendar: julian\n");
  CHECK(r.yaml.find("title: October Revolution\n") != std::string::npos);
  CHECK(r.yaml.find("description: Bolshevik seizure of power in Petrograd in 1917\n") != std::string::npos);
  CHECK(r.yaml.find("url: http://www.wikidata.org/entity/Q2696\n") != std::string::npos);
  CHECK(r.yaml.find("sources: [q2696]") != std::string::npos);
  // The Roman Empire's second end (a cartesian product of the query) is one event, with a warning.
  CHECK(r.bounds.size() == 4);
  CHECK(r.problems == std::vector<std::string>{"186:19 warning conflicting-values"});
}

TEST_CASE("each precision becomes the interval Wikidata means by it", "[wikidata]") {
  const imported r = import_text(slurp(fixtures + "precisions.json"), "precisions.json");
  const auto written = [&](const std::string& id) { return r.written.at(id); };
  // Augustus, born 23 September 63 BC (Julian): the service writes -0062-09-21 (Gregorian, XSD 1.1 years).
  CHECK(written("q1405") == "on: \"-0062-09-23\"\ncalendar: julian\n");
  CHECK(r.bounds.at("q1405") == "-0062-09-21 -0062-09-21");
  CHECK(written("q1048") == "on: \"-0043-03-15\"\ncalendar: julian\n");
  CHECK(written("precision-10-a-month") == "1969-07\n");
  CHECK(written("precision-8-a-decade") == "196X\n");
  CHECK(r.bounds.at("precision-8-a-decade-bc") == "-0018-01-01 -0009-12-31");  // 19 BC .. 10 BC
  CHECK(r.bounds.at("precision-7-a-century-year-1901") == "1901-01-01 2000-12-31");
  CHECK(r.bounds.at("precision-7-a-century-year-1900") == "1801-01-01 1900-12-31");
  CHECK(written("precision-7-a-century-bc") == "the 8th century BC\n");
  CHECK(r.bounds.at("precision-6-a-millennium") == "1001-01-01 2000-12-31");
  CHECK(r.bounds.at("precision-1-a-hundred-million-years") == "-13849999999-01-01 -13749999999-12-31");
  CHECK(written("earliest-and-latest-dates-within-a") == "between 1452 and 1455\n");
  CHECK(r.bounds.at("before-and-after-in-years") == "1065-01-01 1068-12-31");
  // The centuries and the millennium whose year closes them are ambiguous: a warning each,
  // and a comment above the date for whoever checks the draft.
  CHECK(r.yaml.find("    # Wikidata ?date: the year 1900 at century precision is read as Wikidata shows it, the 19th "
                    "century (1801\u20131900); it may have been meant as the years 1900\u20131999\n"
                    "    date: the 19th century\n") != std::string::npos);
  CHECK(r.problems == std::vector<std::string>{"138:19 warning ambiguous-century", "158:19 warning ambiguous-century",
                                               "178:19 warning ambiguous-century"});
}

TEST_CASE("a year BCE is astronomical at year precision and finer, historical when coarser", "[wikidata]") {
  CHECK(import_text(one_date("-0043-01-01T00:00:00Z", "9")).bounds.at("q42") == "-0043-01-01 -0043-12-31");  // 44 BC
  CHECK(import_text(one_date("-0100-01-01T00:00:00Z", "7")).bounds.at("q42") == "-0099-01-01 0000-12-31");  // 1st c. BC
  CHECK(import_text(one_date("-0044-00-00T00:00:00Z", "8")).bounds.at("q42") == "-0048-01-01 -0039-12-31");  // the 40s BC
}

TEST_CASE("a value in Wikibase's own form (a plus sign, zero month or day) is read as Wikibase stores it", "[wikidata]") {
  // Historical years: -0044 is 44 BC; a Julian day as written, not converted.
  CHECK(import_text(one_date("-0044-00-00T00:00:00Z", "9")).bounds.at("q42") == "-0043-01-01 -0043-12-31");
  const imported julian = import_text(one_date("+1917-10-25T00:00:00Z", "11", "http://www.wikidata.org/entity/Q1985786"));
  CHECK(julian.written.at("q42") == "on: 1917-10-25\ncalendar: julian\n");
  CHECK(julian.bounds.at("q42") == "1917-11-07 1917-11-07");
  CHECK(import_text(one_date("+1917-11-00T00:00:00Z", "10")).written.at("q42") == "1917-11\n");
}

TEST_CASE("an item's inception and dissolution are its start and end", "[wikidata]") {
  const imported r = import_text(R"({"head": {"vars": ["item", "itemLabel", "inception", "inceptionPrecision", "dissolved", "dissolvedPrecision"]},
    "results": {"bindings": [{"item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q15180"},
      "itemLabel": {"type": "literal", "value": "Soviet Union"},
      "inception": {"type": "literal", "value": "1922-12-30T00:00:00Z"}, "inceptionPrecision": {"type": "literal", "value": "11"},
      "dissolved": {"type": "literal", "value": "1991-12-26T00:00:00Z"}, "dissolvedPrecision": {"type": "literal", "value": "11"}}]}})");
  CHECK(r.problems.empty());
  CHECK(r.written.at("q15180") == "1922-12-30/1991-12-26\n");
}

TEST_CASE("the service's simple JSON, an array of rows of plain values, is read too", "[wikidata]") {
  const imported r = import_text(R"([
  {"item": "http://www.wikidata.org/entity/Q2696", "itemLabel": "October Revolution",
   "date": "1917-11-07T00:00:00Z", "datePrecision": "11", "dateCalendar": "http://www.wikidata.org/entity/Q1985786"},
  {"item": "http://www.wikidata.org/entity/Q361", "itemLabel": "World War I",
   "date": "1914-07-28T00:00:00Z", "datePrecision": 15}])");
  CHECK(r.problems == std::vector<std::string>{"5:53 error invalid-precision"});
  const imported ok = import_text(R"([{"item": "http://www.wikidata.org/entity/Q2696", "itemLabel": "October Revolution",
   "date": "1917-11-07T00:00:00Z", "datePrecision": "11", "dateCalendar": "http://www.wikidata.org/entity/Q1985786"}])");
  CHECK(ok.problems.empty());
  CHECK(ok.written.at("q2696") == "on: 1917-10-25\ncalendar: julian\n");
  CHECK(ok.yaml.find("url: http://www.wikidata.org/entity/Q2696") != std::string::npos);
}

TEST_CASE("earliest and latest dates alone make an open or a closed range", "[wikidata]") {
  const std::string head = R"({"head": {"vars": ["item", "itemLabel", "earliest", "earliestPrecision", "latest", "latestPrecision"]},
    "results": {"bindings": [{"item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q7"},
    "itemLabel": {"type": "literal", "value": "Seven"},)";
  const imported both = import_text(head + R"(
    "earliest": {"type": "literal", "value": "1452-03-05T00:00:00Z"}, "earliestPrecision": {"type": "literal", "value": "11"},
    "latest": {"type": "literal", "value": "1455-01-01T00:00:00Z"}, "latestPrecision": {"type": "literal", "value": "9"}}]}})");
  CHECK(both.written.at("q7") == "between 5 March 1452 and 1455\n");
  const imported open = import_text(head + R"(
    "earliest": {"type": "literal", "value": "1452-03-05T00:00:00Z"}, "earliestPrecision": {"type": "literal", "value": "11"}}]}})");
  CHECK(open.bounds.at("q7") == "1452-03-05 ..");
}

TEST_CASE("a Julian day is kept in the Julian calendar, however it is combined", "[wikidata]") {
  const imported r = import_text(one_date("1066-10-20T00:00:00Z", "11", "http://www.wikidata.org/entity/Q1985786"));
  CHECK(r.written.at("q42") == "on: 1066-10-14\ncalendar: julian\n");
  CHECK(r.bounds.at("q42") == "1066-10-20 1066-10-20");
  // A Julian year is not converted by the service: its value is the Julian year.
  CHECK(import_text(one_date("1066-01-01T00:00:00Z", "9", "http://www.wikidata.org/entity/Q1985786")).bounds.at("q42") ==
        "1066-01-07 1067-01-06");
}

TEST_CASE("bad query results are errors at their binding's field, and nothing is drafted", "[wikidata]") {
  SECTION("invalid JSON, at its line and column") {
    const imported r = import_text("{\"head\": {\"vars\": [\"item\"]},\n  \"results\": {\"bindings\": [}\n}");
    CHECK(r.problems == std::vector<std::string>{"2:28 error json-syntax"});
    CHECK(r.d.diagnostics[0].message == "invalid JSON: expected a value, found '}'");
  }
  SECTION("a value that is not a date") {
    const imported r = import_text(one_date("November 1917", "11"));
    CHECK(r.problems == std::vector<std::string>{"5:99 error invalid-date"});
    CHECK(r.d.diagnostics[0].message ==
          "binding 1: ?date: cannot read the time value 'November 1917': expected an xsd:dateTime as the query service "
          "writes it, such as 1917-11-07T00:00:00Z");
  }
  SECTION("a day that does not exist") {
    CHECK(import_text(one_date("1917-02-30T00:00:00Z", "11")).problems ==
          std::vector<std::string>{"5:99 error invalid-date"});
  }
  SECTION("a precision out of 0-14") {
    const imported r = import_text(one_date("1917-11-07T00:00:00Z", "15"));
    CHECK(r.problems == std::vector<std::string>{"6:107 error invalid-precision"});
    CHECK(r.d.diagnostics[0].message == "binding 1: ?datePrecision is '15', not a Wikidata precision");
    CHECK(import_text(one_date("1917-11-07T00:00:00Z", "day")).problems ==
          std::vector<std::string>{"6:107 error invalid-precision"});
  }
  SECTION("a calendar model other than Gregorian or Julian") {
    CHECK(import_text(one_date("1917-11-07T00:00:00Z", "11", "http://www.wikidata.org/entity/Q12138")).problems ==
          std::vector<std::string>{"7:46 error unknown-calendar"});
  }
  SECTION("a year beyond what annals reads") {
    CHECK(import_text(one_date("-9000000000000-01-01T00:00:00Z", "0")).problems ==
          std::vector<std::string>{"5:99 error invalid-date"});
  }
  SECTION("a binding without a date") {
    const imported r = import_text(R"({"head": {"vars": ["item", "itemLabel", "date"]},
      "results": {"bindings": [
        {"item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q1"}, "itemLabel": {"type": "literal", "value": "One"},
         "date": {"type": "literal", "value": "2001-01-01T00:00:00Z"}},
        {"item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q2"}, "itemLabel": {"type": "literal", "value": "Two"}}]}})");
    CHECK(r.problems == std::vector<std::string>{"1:41 warning missing-precision", "5:9 error missing-date"});
  }
  SECTION("an earliest date after the latest") {
    const imported r = import_text(R"({"head": {"vars": ["item", "earliest", "earliestPrecision", "latest", "latestPrecision"]},
      "results": {"bindings": [{"item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q3"},
        "earliest": {"type": "literal", "value": "1460-01-01T00:00:00Z"}, "earliestPrecision": {"type": "literal", "value": "9"},
        "latest": {"type": "literal", "value": "1455-01-01T00:00:00Z"}, "latestPrecision": {"type": "literal", "value": "9"}}]}})");
    CHECK(r.problems == std::vector<std::string>{"3:50 error invalid-date"});
    CHECK(r.d.diagnostics[0].message ==
          "binding 1: the dates of item 'Q3' leave no time: its earliest possible date is after its latest");
  }
  SECTION("no results, or not results at all") {
    CHECK(import_text(R"({"head": {"vars": ["item"]}, "results": {"bindings": []}})").problems ==
          std::vector<std::string>{"1:54 error no-events"});
    CHECK(import_text(R"({"head": {}, "boolean": true})").problems ==
          std::vector<std::string>{"1:1 error wikidata-format"});
    CHECK(import_text(R"([1, 2])").problems == std::vector<std::string>{"1:1 error wikidata-format"});
    CHECK(import_text(R"([])").problems == std::vector<std::string>{"1:1 error no-events"});
  }
  SECTION("a term that is not an RDF term") {
    const imported r = import_text(R"({"head": {"vars": ["itemLabel", "date"]}, "results": {"bindings": [
      {"itemLabel": "One", "date": {"type": "literal", "value": "2001-01-01T00:00:00Z"}}]}})");
    CHECK(r.problems == std::vector<std::string>{"1:33 warning missing-precision", "2:21 error wikidata-format",
                                                 "2:7 error missing-title"});
  }
}

TEST_CASE("unknown variables are warnings at the head, unknown values are left out", "[wikidata]") {
  const imported r = import_text(R"({"head": {"vars": ["item", "itemLabel", "date", "datePrecision", "article"]},
    "results": {"bindings": [{"item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q5"},
      "itemLabel": {"type": "literal", "value": "Five"},
      "date": {"type": "bnode", "value": "t1234"},
      "article": {"type": "uri", "value": "https://en.wikipedia.org/wiki/Five"}}]}})");
  CHECK(r.problems == std::vector<std::string>{"1:66 warning unknown-variable", "4:42 warning unknown-value",
                                               "2:30 error missing-date"});
}

TEST_CASE("annals import wikidata writes YAML that validates, and nothing on an error", "[wikidata][cli]") {
  cli_dir dir("import-wikidata");
  std::filesystem::copy_file(fixtures + "events.json", dir / "events.json");
  const cli_result ok = run_cli(dir, {"import", "wikidata", "events.json", "-o", "events.yaml"});
  CHECK(ok.status == 0);
  CHECK(ok.err.find("events.json:186:19: warning: item 'Q2277' has ?end") != std::string::npos);
  CHECK(run_cli(dir, {"validate", "events.yaml"}).err == "no problems found\n");
  const std::string yaml = slurp(dir / "events.yaml");
  CHECK(yaml.find("  - id: q2696\n    title: October Revolution\n    date:\n      on: 1917-10-25\n      calendar: julian\n") !=
        std::string::npos);

  dir.write("bad.json", one_date("1917-11-07T00:00:00Z", "15"));
  const cli_result bad = run_cli(dir, {"import", "wikidata", "bad.json", "-o", "bad.yaml"});
  CHECK(bad.status == 1);
  CHECK(bad.err.find("bad.json:6:107: error: binding 1: ?datePrecision is '15', not a Wikidata precision") !=
        std::string::npos);
  CHECK(!std::filesystem::exists(dir / "bad.yaml"));
}

TEST_CASE("any cut of a result file is an error or a draft, never a crash", "[wikidata]") {
  const std::string text = slurp(fixtures + "precisions.json") +
                           R"([{"item": "http://www.wikidata.org/entity/Q1", "date": "2001-01-01T00:00:00Z"}])";
  for (std::size_t n = 0; n < text.size(); n += 5) {
    draft d;
    d.inputs.push_back({});
    d.inputs.back().path = "cut.json";
    // Cuts of the verbose form, and of the simple form that follows it.
    const std::size_t simple = text.rfind("[{");
    const std::string_view cut = n < simple ? std::string_view(text).substr(0, n)
                                            : std::string_view(text).substr(simple, n - simple);
    import_wikidata(cut, import_options{}, d.inputs.back(), d);
    const bool failed = std::any_of(d.diagnostics.begin(), d.diagnostics.end(),
                                    [](const diagnostic& x) { return x.level == severity::error; });
    CHECK((failed || d.inputs.back().document.get("events")));
    for (const diagnostic& x : d.diagnostics) {
      CHECK(x.line >= 1);
      CHECK(x.column >= 1);
    }
  }
}

TEST_CASE("the same query imported again into its file updates its events by item", "[wikidata][cli]") {
  cli_dir dir("import-wikidata-into");
  std::filesystem::copy_file(fixtures + "events.json", dir / "events.json");
  REQUIRE(run_cli(dir, {"import", "wikidata", "events.json", "-o", "kept.yaml"}).status == 0);
  const std::string first = slurp(dir / "kept.yaml");
  REQUIRE(run_cli(dir, {"import", "wikidata", "events.json", "--into", "kept.yaml"}).status == 0);
  CHECK(slurp(dir / "kept.yaml") == first);
}

TEST_CASE("values combine across precisions and calendars", "[wikidata]") {
  const imported r = import_text(slurp(fixtures + "combinations.json"), "combinations.json");
  CHECK(r.written.at("q1") == "between September 1917 and December 1917\n");
  CHECK(r.bounds.at("q1") == "1917-09-01 1917-12-31");
  CHECK(r.written.at("q2") == "on: between 24 October 1917 and 26 October 1917\ncalendar: julian\n");
  CHECK(r.bounds.at("q2") == "1917-11-06 1917-11-08");
  // Each end in its own calendar, named after it.
  CHECK(r.written.at("q3") == "between 24 October 1917 (Julian) and 9 November 1917 (Gregorian)\n");
  CHECK(r.bounds.at("q3") == "1917-11-06 1917-11-09");
  CHECK(r.written.at("q4") == "1969-07-20T20:17:40Z\n");
  CHECK(r.bounds.at("q5") == "1990-01-01 2009-12-31");
  CHECK(r.written.at("q6") == "from 25 October 1917 (Julian) to 14 February 1918 (Gregorian)\n");
  CHECK(r.bounds.at("q6") == "1917-11-07 1918-02-14");
  CHECK(r.written.at("q7") == "199X/\n");
  CHECK(r.bounds.at("q7") == "1990-01-01 ..");
  CHECK(r.bounds.at("q8") == "-0199-01-01 0000-12-31");
}

TEST_CASE("wikidata: a month no calendar has is an error at any precision", "[wikidata]") {
  CHECK(import_text(one_date("1960-13-01T00:00:00Z", "8")).problems == std::vector<std::string>{"5:99 error invalid-date"});
  CHECK(import_text(one_date("1960-12-32T00:00:00Z", "9")).problems == std::vector<std::string>{"5:99 error invalid-date"});
}
