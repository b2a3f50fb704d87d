#include "annals/load.hpp"

#include <catch2/catch.hpp>

#include "annals/memory_reader.hpp"
#include "annals/validate.hpp"

using namespace annals;

namespace {

// The text report of validating `yaml` loaded as the file `input`.
std::string check(const std::string& yaml) {
  memory_reader reader;
  reader.add("input", yaml);
  return report_text(validate({"input"}, reader, {}).diagnostics);
}

load_result load_one(const std::string& yaml) {
  memory_reader reader;
  reader.add("input", yaml);
  return load({"input"}, reader, {});
}

const char* const minimal = R"(timeline: t
title: T
reference: 2015-11-25
actors:
  putin: {name: Vladimir Putin}
places:
  tehran: {name: Tehran, country: Iran}
sources:
  seed: {title: "Putin's visit to Tehran", url: https://example.org/article}
events:
  - id: putin-tehran-2007
    title: Putin attends the Caspian summit
    date: 2007-10-16
    kind: visit
    actors: [putin]
    place: tehran
  - id: putin-tehran-2015
    title: Putin visits Tehran
    date: 2015-11-23
    kind: visit
    actors: [putin]
    place: tehran
    sources: [seed]
    claims:
      - first_in: 8 years
        series: {kind: visit, actors: [putin], place: tehran}
  - id: ban-lifted
    title: Decree lifts the ban
    date: 2015-11-23
    caused_by: [putin-tehran-2015]
)";

}  // namespace

TEST_CASE("a valid file loads its header, entities, events and links", "[load]") {
  auto r = load_one(minimal);
  REQUIRE(r.diagnostics.empty());
  const timeline& tl = r.tl;
  REQUIRE(tl.files.size() == 1);
  CHECK(tl.names.name(tl.files[0].id) == "t");
  CHECK(tl.files[0].reference == std::chrono::sys_days{std::chrono::year{2015} / 11 / 25});
  REQUIRE(tl.events.size() == 3);
  REQUIRE(tl.actors.size() == 1);
  CHECK(tl.actors[0].name == "Vladimir Putin");
  CHECK(tl.places[0].country == "Iran");
  CHECK(tl.sources[0].url == "https://example.org/article");
  const event& visit = tl.events[1];
  CHECK(tl.names.name(visit.id) == "putin-tehran-2015");
  CHECK(tl.names.name(visit.kind) == "visit");
  CHECK(visit.pos == source_pos{0, 17, 5});
  CHECK(visit.date_pos == source_pos{0, 19, 11});
  REQUIRE(visit.claims.size() == 1);
  CHECK(visit.claims[0].first_in == duration{8, 0, 0, 0});
  const event& ban = tl.events[2];
  REQUIRE(ban.links.size() == 1);
  CHECK(ban.links[0].kind == link_kind::caused_by);
  CHECK(ban.links[0].target == visit.id);
  CHECK(tl.find_event("ban-lifted") == 2u);
}

TEST_CASE("a valid file validates with no problems", "[load]") {
  CHECK(check(minimal) == "no problems found\n");
}

TEST_CASE("schema errors name the field at its position, with a spelling hint", "[load][schema]") {
  CHECK(check("events:\n  - id: a\n    titel: A\n    date: 2015-11-23\n") ==
        "input:2:5: error: missing required field 'title' [schema]\n"
        "input:3:5: error: unknown field 'titel', did you mean 'title'? [schema]\n"
        "2 errors, 0 warnings\n");
  CHECK(check("events:\n  - id: Bad Id\n    title: A\n    date: 2015\n") ==
        "input:2:9: error: 'id' must be an id: lower-case letters, digits, '.', '_' or '-', starting with a "
        "letter or digit [schema]\n"
        "1 error, 0 warnings\n");
  CHECK(check("title: [1]\nevents: []\n") == "input:1:8: error: 'title' must be text, not a list [schema]\n"
                                              "1 error, 0 warnings\n");
}

TEST_CASE("events that is not a list is a schema error", "[load][schema]") {
  CHECK(check("events: {a: 1}\n") == "input:1:9: error: 'events' must be a list, not a mapping [schema]\n"
                                     "1 error, 0 warnings\n");
}

TEST_CASE("unknown references and duplicate ids are reported with hints", "[load][references]") {
  CHECK(check("actors: {putin: {name: P}}\n"
              "events:\n"
              "  - {id: a, title: A, date: 2015-11-23, actors: [putn]}\n"
              "  - {id: a, title: B, date: 2015-11-23, caused_by: [b]}\n") ==
        "input:3:50: error: unknown actor 'putn'; did you mean 'putin'? [unknown-reference]\n"
        "input:4:5: error: event 'a' is already defined at input:3:5 [duplicate-id]\n"
        "input:4:53: error: unknown event 'b' [unknown-reference]\n"
        "3 errors, 0 warnings\n");
}

TEST_CASE("YAML problems are reported at their position", "[load][yaml]") {
  SECTION("a syntax error") {
    CHECK(check("title: [a, b\n") == "input:2:1: error: end of sequence flow not found [yaml-syntax]\n"
                                    "1 error, 0 warnings\n");
  }
  SECTION("tab indentation") {
    CHECK(check("events:\n\t- id: a\n") == "input:2:2: error: illegal block entry [yaml-syntax]\n"
                                          "1 error, 0 warnings\n");
  }
  SECTION("an unclosed quote") {
    CHECK(check("title: \"abc\nevents: []\n") ==
          "input:1:8: error: unclosed quote: the scalar starting here has no closing \" [yaml-syntax]\n"
          "1 error, 0 warnings\n");
    CHECK(check("title: 'it''s\nevents: []\n") ==
          "input:1:8: error: unclosed quote: the scalar starting here has no closing ' [yaml-syntax]\n"
          "1 error, 0 warnings\n");
  }
  SECTION("a duplicate mapping key") {
    CHECK(check("title: a\ntitle: b\nevents: []\n") ==
          "input:2:1: error: duplicate key 'title' (first at line 1) [duplicate-key]\n"
          "1 error, 0 warnings\n");
  }
  SECTION("an empty or comment-only file") {
    const std::string empty = "input:1:1: error: empty file: expected a mapping of timeline fields [schema]\n"
                              "1 error, 0 warnings\n";
    CHECK(check("") == empty);
    CHECK(check("# nothing here\n") == empty);
  }
  SECTION("a lone comma") {
    CHECK(check(",") == "input:1:1: error: ',' cannot start a plain scalar; quote the text [yaml-syntax]\n"
                        "1 error, 0 warnings\n");
  }
  SECTION("several documents") {
    CHECK(check("events: []\n---\nevents: []\n") ==
          "input:2:1: error: a timeline file holds one YAML document; a second one starts here [yaml-syntax]\n"
          "1 error, 0 warnings\n");
  }
  SECTION("an unsupported tag") {
    CHECK(check("title: !!binary aGVsbG8=\nevents: []\n") ==
          "input:1:8: error: unsupported tag '!!binary' [schema]\n1 error, 0 warnings\n");
  }
  SECTION("CRLF line ends work") {
    CHECK(check("events:\r\n  - id: a\r\n    title: A\r\n    date: 2015-11-23\r\n") == "no problems found\n");
  }
}

TEST_CASE("bytes that are not UTF-8 text are refused at their position", "[load][encoding]") {
  CHECK(check("title: \xff\xfe\nevents: []\n") == "input:1:8: error: invalid UTF-8 (byte 0xFF) [yaml-syntax]\n"
                                                  "1 error, 0 warnings\n");
  CHECK(check(std::string("events: []\ntitle: a\0b\n", 21)) ==
        "input:2:9: error: NUL byte in the file [yaml-syntax]\n1 error, 0 warnings\n");
  CHECK(check("\xff\xfe" "e\0v\0") ==
        "input:1:1: error: the file is UTF-16 LE; annals reads UTF-8 "
        "[yaml-syntax]\n1 error, 0 warnings\n");
}

TEST_CASE("limits hold against deep nesting, alias bombs, alias cycles and huge scalars", "[load][limits]") {
  std::string deep = "events:\n";
  for (int i = 0; i < 70; ++i) deep += std::string(2 * i, ' ') + "k" + std::to_string(i) + ":\n";
  CHECK(check(deep) == "input:66:129: error: nesting deeper than 64 levels [too-deep]\n1 error, 0 warnings\n");
  // yaml-cpp recurses on flow collections too; its marks there are its own.
  CHECK_THAT(check("events: " + std::string(100000, '[') + "\n"),
             Catch::Contains("nesting deeper than 64 levels [too-deep]"));
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'h'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + static_cast<char>(c - 1);
    bomb += "]\n";
  }
  CHECK(check(bomb) == "input:5:36: error: aliases expand to more than 100000 nodes [too-large]\n"
                       "1 error, 0 warnings\n");
  CHECK(check("x: &a [*a]\nevents: []\n") ==
        "input:1:8: error: alias '*a' refers to a node that contains it [yaml-syntax]\n1 error, 0 warnings\n");
  CHECK(check("title: " + std::string(2'000'000, 'a') + "\nevents: []\n") ==
        "input:1:8: error: scalar of 2000000 bytes exceeds the limit of 1048576 [too-large]\n"
        "1 error, 0 warnings\n");
  CHECK(check("title: " + std::string(5'000'000, 'a') + "\nevents: []\n") ==
        "input:1:1: error: line longer than the limit of 4194304 bytes [too-large]\n"
        "1 error, 0 warnings\n");
}

TEST_CASE("aliases within the limit are expanded", "[load][yaml]") {
  auto r = load_one("actors: {p: {name: P}}\nevents:\n"
                    "  - {id: a, title: A, date: 2015-11-23, actors: &who [p]}\n"
                    "  - {id: b, title: B, date: 2015-11-24, actors: *who}\n");
  REQUIRE(r.diagnostics.empty());
  CHECK(r.tl.events[1].actors == r.tl.events[0].actors);
}

TEST_CASE("several files load together and refer to each other", "[load]") {
  memory_reader reader;
  reader.add("a.yaml", "actors: {p: {name: P}}\nevents:\n  - {id: a, title: A, date: 2015-11-23}\n");
  reader.add("b.yaml", "events:\n  - {id: b, title: B, date: 2015-11-24, actors: [p], after: [a]}\n");
  auto r = load({"a.yaml", "b.yaml"}, reader, {});
  CHECK(r.diagnostics.empty());
  CHECK(r.tl.events.size() == 2);
  CHECK(r.tl.file_of(r.tl.events[1].pos) == "b.yaml");
}

TEST_CASE("a missing file is an io-error and a usage failure", "[load]") {
  memory_reader reader;
  auto r = load({"missing.yaml"}, reader, {});
  CHECK(r.io_failed);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(format_text(r.diagnostics[0]) == "missing.yaml: error: no such file [io-error]");
}

TEST_CASE("an unknown time zone is an error where it is named, even unused", "[load][dates]") {
  CHECK(check("timezone: Mars/Olympus\nevents:\n"
              "  - {id: a, title: A, date: {on: 2015, tz: Not/AZone}}\n"
              "  - {id: b, title: B, date: 2015-11-23}\n") ==
        "input:1:11: error: unknown time zone 'Mars/Olympus'; use an IANA name such as 'Asia/Tehran' or 'UTC' "
        "[unknown-timezone]\n"
        "input:3:44: error: unknown time zone 'Not/AZone'; use an IANA name such as 'Asia/Tehran' or 'UTC' "
        "[unknown-timezone]\n"
        "2 errors, 0 warnings\n");
}

TEST_CASE("an event with a schema error is still built, so its other problems show in the same run", "[load][schema]") {
  // One run finds the typo, the impossible date, the duplicate id, the missing title and
  // the unknown reference: the author fixes all of them at once, not in three rounds.
  CHECK(check("events:\n"
              "  - {id: a, title: A, date: 2015-02-30, titel: typo}\n"
              "  - {id: a, title: B, date: 2015}\n"
              "  - {id: c, date: 2015, caused_by: [nope]}\n"
              "  - {id: D, title: D, date: mid-Decembr}\n") ==
        "input:2:29: error: invalid date '2015-02-30': February 2015 has 28 days [invalid-date]\n"
        "input:2:41: error: unknown field 'titel', did you mean 'title'? [schema]\n"
        "input:3:5: error: event 'a' is already defined at input:2:5 [duplicate-id]\n"
        "input:4:5: error: missing required field 'title' [schema]\n"
        "input:4:37: error: unknown event 'nope' [unknown-reference]\n"
        "input:5:10: error: 'id' must be an id: lower-case letters, digits, '.', '_' or '-', starting with a letter or "
        "digit [schema]\n"
        "input:5:33: error: cannot read date 'mid-Decembr': unexpected 'Decembr'; did you mean 'december'? "
        "[unparsed-date]\n"
        "7 errors, 0 warnings\n");
}

TEST_CASE("a field with a schema error is left out, the rest of the event stays", "[load][schema]") {
  const load_result r = load_one("events:\n  - {id: a, title: A, date: 2015-11-23, actors: putin, kind: visit}\n");
  REQUIRE(r.tl.events.size() == 1);
  const event& e = r.tl.events[0];
  CHECK(r.tl.names.name(e.kind) == "visit");
  CHECK(e.actors.empty());
  CHECK(e.date.bounded_start());
}

TEST_CASE("a key holding a line break cannot forge a diagnostic line", "[load][escape]") {
  const std::string report =
      check("events: []\n\"bad\\ninput:1:1: error: forged [yaml-syntax]\": 1\n");
  CHECK(report ==
        "input:2:1: error: unknown field 'bad\\ninput:1:1: error: forged [yaml-syntax]' [schema]\n"
        "1 error, 0 warnings\n");
}

TEST_CASE("a file with CR line ends is read, its positions on the right lines", "[load][encoding]") {
  CHECK(check("events:\r  - {id: a, title: A, date: 2015-02-30}\r") ==
        "input:2:29: error: invalid date '2015-02-30': February 2015 has 28 days [invalid-date]\n"
        "1 error, 0 warnings\n");
}

namespace {

// An incident file whose one flow mapping holds plain values with ', ' inside.
const char* const cut_values = R"(timeline: s3
title: S3 outage
timezone: America/Los_Angeles
sources:
  shd: {title: Service Health Dashboard}
  cnn: {title: CNN}
events:
  - id: typo
    title: Command mistyped
    date: 9:37 AM on February 28, 2017
    sources: [shd]
  - id: ack
    title: Acknowledged
    date: {sources: {shd: 11:35 AM on February 28, 2017, cnn: 11:37 AM on February 28, 2017}}
    caused_by: [typo]
    sources: [cnn, shd]
)";

}  // namespace

TEST_CASE("a YAML error is reported alone, the problems its file may owe to it counted in its hint", "[load][yaml]") {
  SECTION("the header is not read: what depends on it is not listed") {
    CHECK(check(cut_values) ==
          "input:14:88: error: duplicate key '2017' (first at line 14); a value holding ', ' inside { } must be "
          "quoted: cnn: \"11:37 AM on February 28, 2017\"; 2 more errors in this file are not listed: they may "
          "follow from this one, which stopped the reading of the file [duplicate-key]\n"
          "1 error, 0 warnings\n");
  }
  SECTION("another file's problems are still listed") {
    memory_reader reader;
    reader.add("input", cut_values);
    reader.add("other", "events:\n  - {id: b, title: B, date: 2015-11-32}\n");
    CHECK(report_text(validate({"input", "other"}, reader, {}).diagnostics) ==
          "input:14:88: error: duplicate key '2017' (first at line 14); a value holding ', ' inside { } must be "
          "quoted: cnn: \"11:37 AM on February 28, 2017\"; 2 more errors in this file are not listed: they may "
          "follow from this one, which stopped the reading of the file [duplicate-key]\n"
          "other:2:37: error: invalid date '2015-11-32': day 32 is not in 01..31 [invalid-date]\n"
          "2 errors, 0 warnings\n");
  }
  SECTION("a YAML error with nothing after it has no count") {
    CHECK(check("title: a\ntitle: b\nevents: []\n") ==
          "input:2:1: error: duplicate key 'title' (first at line 1) [duplicate-key]\n"
          "1 error, 0 warnings\n");
  }
}

TEST_CASE("a plain value cut at ', ' in a flow mapping gets the hint to quote it", "[load][schema]") {
  SECTION("the rest of the value reads as a key of its own") {
    CHECK(check("timezone: America/Los_Angeles\nsources:\n  shd: {title: SHD}\nevents:\n"
                "  - id: ack\n    title: Acknowledged\n    date: {sources: {shd: 11:35 AM on February 28, 2017}}\n") ==
          "input:7:52: error: '2017' reads as a key: the plain value of 'shd' ends at ', '; a value holding ', ' "
          "inside { } must be quoted: shd: \"11:35 AM on February 28, 2017\" [schema]\n"
          "1 error, 0 warnings\n");
  }
  SECTION("a word after the comma too") {
    CHECK(check("events:\n  - {id: a, title: Smith, Jones, date: 2015-11-23}\n") ==
          "input:2:27: error: 'Jones' reads as a key: the plain value of 'title' ends at ', '; a value holding ', ' "
          "inside { } must be quoted: title: \"Smith, Jones\" [schema]\n"
          "1 error, 0 warnings\n");
  }
  SECTION("the cut value's own error, which follows from the cut, is not listed") {
    // '9:37AM PST on February 28' has no year and the file no reference: missing-reference.
    CHECK(check("timezone: America/Los_Angeles\nevents:\n  - {id: a, title: A, date: 9:37AM PST on February 28, 2017}\n") ==
          "input:3:56: error: '2017' reads as a key: the plain value of 'date' ends at ', '; a value holding ', ' "
          "inside { } must be quoted: date: \"9:37AM PST on February 28, 2017\" [schema]\n"
          "1 error, 0 warnings\n");
  }
  SECTION("a key without a value on a line of its own is not a cut value") {
    CHECK(check("events:\n  - id: a\n    title: A\n    date: 2015-11-23\n    jones:\n") ==
          "input:5:5: error: unknown field 'jones' [schema]\n1 error, 0 warnings\n");
  }
}

TEST_CASE("'tz' on an event is pointed into the date mapping", "[load][schema]") {
  CHECK(check("events:\n  - id: a\n    title: A\n    date: 2017-02-28\n    tz: Europe/London\n") ==
        "input:5:5: error: unknown field 'tz'; an event's zone goes inside its date mapping: "
        "date: {on: 2017-02-28, tz: Europe/London} [schema]\n"
        "1 error, 0 warnings\n");
  CHECK(check("events:\n  - id: a\n    title: A\n    date: {on: 2017-02-28}\n    tz: Europe/London\n") ==
        "input:5:5: error: unknown field 'tz'; an event's zone goes inside its date mapping: "
        "date: {on: ..., tz: Europe/London} [schema]\n"
        "1 error, 0 warnings\n");
}
