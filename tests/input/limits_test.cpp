// Limits that hold under attack (README, Limits): each test loads what an attacker
// would write and checks the answer is the documented refusal, or a complete and
// bounded report. Sizes are small enough for the sanitizer build; the quadratic
// behaviour these pin down showed at them as seconds to hours.

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "annals/memory_reader.hpp"
#include "annals/validate.hpp"

using namespace annals;

namespace {

validation check(const std::string& yaml, const load_options& options = {}) {
  memory_reader reader;
  reader.add("input", yaml);
  return validate({"input"}, reader, options);
}

std::size_t count_code(const validation& v, std::string_view code) {
  return static_cast<std::size_t>(std::count_if(v.diagnostics.begin(), v.diagnostics.end(),
                                                [&](const diagnostic& d) { return d.code == code; }));
}

const std::string header = "timeline: t\ntitle: T\nreference: 2015-11-25\n";

}  // namespace

TEST_CASE("a file larger than the file limit is refused unread as too-large", "[limits]") {
  load_options options;
  options.max_file_bytes = 10;
  const validation v = check(header + "events: []\n", options);
  REQUIRE(v.diagnostics.size() == 1);
  CHECK(format_text(v.diagnostics[0]) == "input: error: file larger than the limit of 10 bytes [too-large]");
  CHECK_FALSE(v.valid(false));
  CHECK_FALSE(v.loaded.io_failed);  // an input error (exit 1), not an unreadable file
}

TEST_CASE("events past the event limit are refused at the first one past it", "[limits]") {
  load_options options;
  options.max_events = 2;
  const validation v = check(header + "events:\n  - {id: a, title: A, date: 2015}\n  - {id: b, title: B, date: 2015}\n"
                                      "  - {id: c, title: C, date: 2015}\n",
                             options);
  REQUIRE(v.diagnostics.size() == 1);
  CHECK(format_text(v.diagnostics[0]) == "input:7:5: error: more events than the limit of 2 [too-large]");
}

TEST_CASE("the event limit counts the events of all files together", "[limits]") {
  memory_reader reader;
  reader.add("a", header + "events:\n  - {id: a, title: A, date: 2015}\n");
  reader.add("b", "timeline: u\ntitle: U\nevents:\n  - {id: b, title: B, date: 2015}\n");
  load_options options;
  options.max_events = 1;
  const validation v = validate({"a", "b"}, reader, options);
  REQUIRE(v.diagnostics.size() == 1);
  CHECK(format_text(v.diagnostics[0]) == "b:4:5: error: more events than the limit of 1 (all files together) [too-large]");
}

TEST_CASE("a conflict at the end of a long chain shows only the chain's last links", "[limits][order]") {
  // A 300-link chain feeding 300 leaves: each leaf conflicts through the whole chain.
  std::string yaml = header + "events:\n  - {id: a0, title: A, date: 2020}\n";
  for (int i = 1; i < 300; ++i) {
    yaml += "  - {id: a" + std::to_string(i) + ", title: A, date: the 21st century, caused_by: [a" +
            std::to_string(i - 1) + "]}\n";
  }
  for (int i = 0; i < 300; ++i) yaml += "  - {id: l" + std::to_string(i) + ", title: L, date: 2010, caused_by: [a299]}\n";
  const validation v = check(yaml);
  CHECK(count_code(v, "causal-order") == 300);
  for (const diagnostic& d : v.diagnostics) {
    CHECK(d.message.size() < 1500);
  }
  CHECK_THAT(v.diagnostics.front().message,
             Catch::StartsWith("'l0' cannot begin before 2020: ... 'a284' (21st century) causes 'a285'"));
  CHECK_THAT(v.diagnostics.front().message, Catch::EndsWith("which causes 'l0' (2010)"));
}

TEST_CASE("thousands of small cycles are each reported", "[limits][order]") {
  std::string yaml = header + "events:\n";
  for (int i = 0; i < 4000; i += 2) {
    const std::string a = "e" + std::to_string(i), b = "e" + std::to_string(i + 1);
    yaml += "  - {id: " + a + ", title: E, date: 2015, causes: [" + b + "]}\n";
    yaml += "  - {id: " + b + ", title: E, date: 2015, causes: [" + a + "]}\n";
  }
  CHECK(count_code(check(yaml), "causal-cycle") == 2000);
}

TEST_CASE("a header of thousands of bad actors reports each of them", "[limits][schema]") {
  std::string yaml = header + "actors:\n";
  for (int i = 0; i < 5000; ++i) yaml += "  p" + std::to_string(i) + ": {nam: P}\n";
  yaml += "events: []\n";
  const validation v = check(yaml);
  CHECK(count_code(v, "schema") == 5000);
  CHECK(format_text(v.diagnostics[0]) == "input:5:8: error: unknown field 'nam', did you mean 'name'? [schema]");
}

TEST_CASE("a long id and a reference one character off it get a hint, quickly", "[limits]") {
  // Half a million characters each: a full edit-distance table would have 2.5e11 cells.
  const std::string id = std::string(500000, 'a') + "b", typo = std::string(500000, 'a') + "c";
  const validation v = check(header + "events:\n  - {id: " + id + ", title: A, date: 2015}\n" +
                             "  - {id: x, title: X, date: 2016, after: [" + typo + "]}\n");
  REQUIRE(v.diagnostics.size() == 1);
  CHECK(v.diagnostics[0].code == "unknown-reference");
  CHECK(v.diagnostics[0].hint == "did you mean '" + id + "'?");
}

TEST_CASE("an id of 500,000 characters is checked in linear time, without a stack overflow", "[limits][schema]") {
  // The pattern matcher (engine/src/input/pattern.cpp) does not recurse per character.
  CHECK(check(header + "events:\n  - {id: " + std::string(500000, 'a') + ", title: A, date: 2015}\n")
            .diagnostics.empty());
  const validation v = check(header + "events:\n  - {id: " + std::string(500000, 'a') + "B, title: A, date: 2015}\n");
  REQUIRE(v.diagnostics.size() == 1);
  CHECK(v.diagnostics[0].message ==
        "'id' must be an id: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
}

TEST_CASE("a spelling hint between two long names costs their length, not its square", "[limits]") {
  std::string id(1'000'000, 'a'), typo = id;
  id.back() = 'b';
  typo.back() = 'c';
  CHECK(spellcheck(typo, {id}) == id);
}

TEST_CASE("thousands of claims with distinct series are each checked", "[limits][claims]") {
  std::string yaml = header + "events:\n";
  for (int i = 0; i < 5000; ++i) {
    yaml += "  - {id: c" + std::to_string(i) + ", title: C, date: 2015, kind: k" + std::to_string(i) +
            ", claims: [{first_in: 1 year}]}\n";
  }
  CHECK(count_code(check(yaml), "claim-unverifiable") == 5000);
}

TEST_CASE("a line longer than the line limit is refused before it is parsed", "[limits]") {
  load_options options;
  options.max_line_bytes = 64;
  const validation v = check(header + "events: []\ndescription: " + std::string(100, 'x') + "\n", options);
  REQUIRE(v.diagnostics.size() == 1);
  CHECK(format_text(v.diagnostics[0]) == "input:5:1: error: line longer than the limit of 64 bytes [too-large]");
}

TEST_CASE("the memory budget stops a huge entry at the node that crosses it", "[limits]") {
  load_options options;
  options.memory_base = 0;
  options.memory_per_byte = 4;  // 4 bytes of nodes per byte of file: a node of a list item needs more
  std::string list;
  for (int i = 0; i < 2000; ++i) list += "    1,\n";
  const validation v = check(header + "events: []\nsources:\n  s: {title: [\n" + list + "    1]}\n", options);
  REQUIRE(count_code(v, "too-large") == 1);
  CHECK(v.diagnostics[0].message.find("of memory (the limit for a file of this size)") != std::string::npos);
  CHECK(v.diagnostics[0].line > 6);  // where the budget ran out, not the file's start
  // The same list within a larger budget is read (and then refused by the schema as a title).
  const validation ok = check(header + "events: []\nsources:\n  s: {title: [\n" + list + "    1]}\n");
  CHECK(count_code(ok, "too-large") == 0);
}

TEST_CASE("many top-level keys and many files stay linear", "[limits]") {
  std::string keys = header + "events: []\n";
  for (int i = 0; i < 20000; ++i) keys += "unknown" + std::to_string(i) + ": 1\n";
  CHECK(count_code(check(keys), "schema") == 20000);
  memory_reader reader;
  std::vector<std::string> files;
  for (int i = 0; i < 3000; ++i) {
    files.push_back("f" + std::to_string(i));
    reader.add(files.back(), "events:\n  - {id: e" + std::to_string(i) + ", title: T, date: 2015-11-23}\n");
  }
  const validation v = validate(files, reader, {});
  CHECK(v.valid(false));
  CHECK(v.loaded.tl.events.size() == 3000);
}

namespace {

// A header anchoring a scalar of `size` bytes, and `events` events whose titles alias it.
std::string alias_amplifier(std::size_t size, int events) {
  std::string yaml = header + "description: &big " + std::string(size, 'x') + "\nevents:\n";
  for (int i = 0; i < events; ++i) yaml += "  - {id: e" + std::to_string(i) + ", title: *big, date: 2015}\n";
  return yaml;
}

}  // namespace

TEST_CASE("aliases may copy only so many bytes: one big scalar aliased by many events stops at the alias", "[limits]") {
  // Each copy of the anchored scalar counts its bytes: the anchor's own copy and each
  // alias's. The node limit does not see this (one node per alias).
  load_options options;
  options.alias_memory_base = 100'000;
  options.alias_memory_per_byte = 0;
  const validation v = check(alias_amplifier(10'000, 200), options);
  REQUIRE(v.diagnostics.size() == 1);
  // The anchor's copy and eight aliases fit; the ninth (event e8, line 14) crosses.
  CHECK(format_text(v.diagnostics[0]) ==
        "input:14:21: error: aliases copy more than 100000 bytes (the limit for files of this size, all files "
        "together) [too-large]");
  CHECK(v.loaded.tl.events.size() == 8);
  SECTION("within the budget, the same file loads") {
    options.alias_memory_base = 10'000'000;
    const validation ok = check(alias_amplifier(10'000, 200), options);
    CHECK(ok.diagnostics.empty());
    REQUIRE(ok.loaded.tl.events.size() == 200);
    CHECK(ok.loaded.tl.events[199].title.size() == 10'000);
  }
}

TEST_CASE("the alias budget counts the files of a run together and grows with their size", "[limits]") {
  // Each file anchors a 10,000-byte scalar and aliases it twice: three copies of
  // 10,072 bytes (the scalar and its node), 30,216 bytes a file.
  memory_reader reader;
  reader.add("a", alias_amplifier(10'000, 2));
  reader.add("b", "events:\n  - {id: b0, title: &t " + std::string(10'000, 'y') + ", date: 2015}\n" +
                      "  - {id: b1, title: *t, date: 2015}\n  - {id: b2, title: *t, date: 2015}\n");
  load_options options;
  options.alias_memory_base = 50'000;
  options.alias_memory_per_byte = 0;
  CHECK(validate({"a"}, reader, options).diagnostics.empty());
  CHECK(validate({"b"}, reader, options).diagnostics.empty());
  const validation both = validate({"a", "b"}, reader, options);
  REQUIRE(both.diagnostics.size() == 1);
  CHECK(format_text(both.diagnostics[0]) ==
        "b:3:21: error: aliases copy more than 50000 bytes (the limit for files of this size, all files together) "
        "[too-large]");
  // Four bytes per byte of the files: about 81,000 for the two, which copy 60,432.
  options.alias_memory_base = 0;
  options.alias_memory_per_byte = 4;
  CHECK(validate({"a", "b"}, reader, options).diagnostics.empty());
}
