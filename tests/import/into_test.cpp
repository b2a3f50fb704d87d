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
