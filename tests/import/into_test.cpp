#include <catch2/catch.hpp>

#include <sstream>

#include "annals/commands.hpp"
#include "annals/memory_reader.hpp"
#include "commands/draft_output.hpp"
#include "import/into.hpp"

using namespace annals;

namespace {

const std::string existing = R"(# Our chronology, kept by hand.
title: Visits
actors:
  putin: {name: Vladimir Putin}

events:
  # the summit, from the wire
  - id: summit
    title: Gas summit opens
    date: 2015-11-23
  # checked by the desk
  - id: talks
    title: Talks
    date: 2015-11-24   # hand note
  - id: departure
    title: Departure
    date: 2015-11-25
)";

record event_record(const std::string& id, const std::string& title, const std::string& date) {
  record e = record::mapping();
  e.set("id", record::string(id));
  e.set("title", record::string(title));
  e.set("date", record::string(date));
  return e;
}

record sheet() {
  record doc = record::mapping();
  doc.set("title", record::string("From the sheet"));
  doc.set("actors", record::mapping()).set("khamenei", record::mapping()).set("name", record::string("Ali Khamenei"));
  record& events = doc.set("events", record::sequence());
  record talks = event_record("talks", "Talks with Khamenei", "2015-11-23");
  talks.set("actors", record::sequence()).push(record::string("khamenei"));
  events.push(std::move(talks));
  events.push(event_record("return", "Return to Moscow", "2015-11-24"));
  return doc;
}

}  // namespace

TEST_CASE("into: an event is replaced where it stands and adds new ones, keeping comments and order", "[into]") {
  const into_result r = merge_into(existing, sheet(), {});
  REQUIRE(!r.error);
  CHECK(r.updated == 1);
  CHECK(r.added == 1);
  const std::string& t = r.text;
  CHECK(t.starts_with("# Our chronology, kept by hand.\ntitle: Visits\n"));
  CHECK(t.find("  # checked by the desk\n  - id: talks\n    title: Talks with Khamenei\n") != std::string::npos);
  CHECK(t.find("# the summit, from the wire") != std::string::npos);
  CHECK(t.find("hand note") == std::string::npos);  // inside the replaced event
  // order: summit, talks, departure, then the new one
  CHECK(t.find("id: summit") < t.find("id: talks"));
  CHECK(t.find("id: talks") < t.find("id: departure"));
  CHECK(t.find("id: departure") < t.find("id: return"));
  CHECK(t.find("  khamenei:\n    name: Ali Khamenei\n") != std::string::npos);
  CHECK(t.find("title: From the sheet") == std::string::npos);  // the file's header is its own
}

TEST_CASE("importing the same sheet twice into a file adds nothing the second time", "[into]") {
  const into_result once = merge_into(existing, sheet(), {});
  const into_result twice = merge_into(once.text, sheet(), {});
  REQUIRE(!twice.error);
  CHECK(twice.added == 0);
  CHECK(twice.updated == 2);
  CHECK(twice.text == once.text);
}

TEST_CASE("a file whose events cannot be edited in place is refused, not rewritten", "[into]") {
  const into_result r = merge_into("title: x\nevents: [{id: a, title: A, date: 2015}]\n", sheet(), {});
  CHECK(r.error);
}

TEST_CASE("a draft with an error writes nothing and says where the error is", "[into]") {
  memory_reader reader;
  std::ostringstream out, err;
  command_env env{reader, out, err, {}};
  draft d;
  draft::input& in = d.inputs.emplace_back();
  in.path = "sheet.csv";
  in.columns = timeline_builder::columns::cells;
  record e = event_record("a", "A", "the 45th of Brumaire");
  e.get("date")->line = 3;
  e.get("date")->column = 2;
  in.events().push(e);
  CHECK(finish_draft(d, {}, env, "import") == outcome::input_error);
  CHECK(out.str().empty());
  CHECK(err.str().find("sheet.csv:3:2: error:") != std::string::npos);
  CHECK(err.str().find("nothing written") != std::string::npos);
}

TEST_CASE("a clean draft is written as YAML that validates", "[into]") {
  memory_reader reader;
  std::ostringstream out, err;
  command_env env{reader, out, err, {}};
  draft d;
  draft::input& in = d.inputs.emplace_back();
  in.path = "a.json";
  in.document = sheet();
  CHECK(finish_draft(d, {}, env, "import") == outcome::ok);
  CHECK(out.str().find("  - id: talks\n    title: Talks with Khamenei\n") != std::string::npos);
  INFO(err.str());
  CHECK(err.str().empty());
}

TEST_CASE("into: an update keeps the fields the import does not carry, and the file's words for the same date", "[into]") {
  const std::string file = "title: x\nevents:\n  - id: talks\n    title: Talks\n    date: 2015-11-23\n    actors: [putin]\n"
                           "    claims:\n      - first_in: 8 years\n";
  record doc = record::mapping();
  record& events = doc.set("events", record::sequence());
  events.push(event_record("talks", "Talks in Tehran", "23 Nov 2015"));
  const into_result r = merge_into(file, doc, {});
  REQUIRE(!r.error);
  CHECK(r.text.find("title: Talks in Tehran") != std::string::npos);
  CHECK(r.text.find("date: 2015-11-23") != std::string::npos);  // the same day: the file's words
  CHECK(r.text.find("actors: [putin]") != std::string::npos);
  CHECK(r.text.find("first_in: 8 years") != std::string::npos);
  SECTION("a date that moved is the import's") {
    record moved = record::mapping();
    moved.set("events", record::sequence()).push(event_record("talks", "Talks", "24 Nov 2015"));
    CHECK(merge_into(file, moved, {}).text.find("date: 24 Nov 2015") != std::string::npos);
  }
}

TEST_CASE("into: dates read in another zone keep it, and another reference is refused", "[into]") {
  const std::string file = "title: x\ntimezone: Asia/Tehran\nreference: 2015-11-25\nevents:\n  - id: a\n    title: A\n    date: 2015-11-23\n";
  record doc = record::mapping();
  doc.set("timezone", record::string("UTC"));
  doc.set("events", record::sequence()).push(event_record("b", "B", "2015-11-23T10:00"));
  const into_result r = merge_into(file, doc, {});
  REQUIRE(!r.error);
  CHECK(r.text.find("    date:\n      on: 2015-11-23T10:00\n      tz: UTC\n") != std::string::npos);
  record relative = record::mapping();
  relative.set("reference", record::string("2015-12-01"));
  relative.set("events", record::sequence()).push(event_record("c", "C", "last week"));
  const into_result refused = merge_into(file, relative, {});
  REQUIRE(refused.error);
  CHECK(refused.error->find("--reference 2015-11-25") != std::string::npos);
}

TEST_CASE("into: a file with no events yet takes the import's as a block list", "[into]") {
  for (const std::string file : {"title: x\nevents: []\n", "title: x\n"}) {
    const into_result r = merge_into(file, sheet(), {});
    INFO(file);
    REQUIRE(!r.error);
    CHECK(r.added == 2);
    CHECK(r.text.find("events:\n  - id: talks\n") != std::string::npos);
    CHECK(r.text.find("[]") == std::string::npos);
  }
}
