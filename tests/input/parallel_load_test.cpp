#include <catch2/catch.hpp>
#include <string>

#include "annals/memory_reader.hpp"
#include "annals/validate.hpp"

using namespace annals;

namespace {

// A timeline big enough to be cut into pieces, with every kind of content the
// pieces must agree on: entities, links across pieces, relative dates, claims,
// dates with zones, schema errors, unknown references and duplicate ids.
std::string big_timeline(std::size_t n) {
  std::string y = "timeline: big\nreference: 2015-11-25\ntimezone: Asia/Tehran\n"
                  "actors:\n  a0: {name: A0}\n  a1: {name: A1}\nplaces:\n  p0: {name: P0}\nevents:\n";
  for (std::size_t i = 0; i < n; ++i) {
    const std::string id = "e" + std::to_string(i);
    y += "  - id: " + id + "\n    title: Event " + std::to_string(i) + "\n";
    switch (i % 9) {
      case 0: y += "    date: 2015-11-23T14:00\n"; break;
      case 1: y += "    date: mid-December\n"; break;
      case 2: y += "    date: {after: e" + std::to_string(i - 1) + ", by: 3 days}\n"; break;
      case 3: y += "    date: {on: 1394-09-02, calendar: solar_hijri}\n"; break;
      case 4: y += "    date: 2015-11-2X\n    titel: typo\n"; break;
      case 5: y += "    date: 2015-02-30\n"; break;
      case 6: y += "    date: |-\n      2015-11-23\n"; break;
      default: y += "    date: 201" + std::to_string(i % 10) + "\n"; break;
    }
    y += "    kind: k" + std::to_string(i % 5) + "\n    actors: [a" + std::to_string(i % 3) + "]\n";
    if (i > 10 && i % 7 == 0) y += "    after: [e" + std::to_string(i - 10) + "]\n";
    if (i % 11 == 0) y += "    caused_by: [e" + std::to_string(i + 1500) + "]\n";
    if (i % 500 == 0) y += "    claims:\n      - first_in: 2 years\n";
    if (i % 997 == 0) y += "  - {id: " + id + ", title: Again, date: 2015}\n";
  }
  y += "title: The title comes last\n";
  return y;
}

validation run(const std::string& yaml, std::size_t threads) {
  memory_reader reader;
  reader.add("input", yaml);
  load_options options;
  options.threads = threads;
  return validate({"input"}, reader, options);
}

std::vector<std::string> ids(const timeline& tl) {
  std::vector<std::string> out;
  for (const event& e : tl.events) out.emplace_back(tl.names.name(e.id));
  return out;
}

void check_same(const std::string& yaml) {
  const validation one = run(yaml, 1);
  const validation two = run(yaml, 2);
  REQUIRE(two.loaded.tl.events.size() == one.loaded.tl.events.size());
  CHECK(ids(two.loaded.tl) == ids(one.loaded.tl));
  CHECK(two.loaded.tl.events == one.loaded.tl.events);  // symbols too: interned in the same order
  CHECK(two.loaded.tl.names.size() == one.loaded.tl.names.size());
  CHECK(two.loaded.tl.files[0].title == one.loaded.tl.files[0].title);
  CHECK(two.diagnostics == one.diagnostics);
  CHECK(two.chron.order == one.chron.order);
}

}  // namespace

TEST_CASE("a big file read in pieces on several threads gives what one thread gives", "[load][parallel]") {
  const std::string yaml = big_timeline(5000);
  check_same(yaml);
  const validation v = run(yaml, 2);
  CHECK(v.loaded.pieces >= 2);
  CHECK(v.loaded.tl.events.size() > 4000);
  CHECK(count(v.diagnostics, severity::error) > 100);  // the errors planted above are found either way
}

TEST_CASE("a file that cannot be cut safely is read whole with the same result", "[load][parallel]") {
  std::string yaml = big_timeline(3000);
  SECTION("a quoted scalar running over a line that looks like an item") {
    yaml.insert(yaml.find("  - id: e1500\n"), "  - id: quoted\n    title: \"one line\n  - id: e1500x\n    still the title\"\n    date: 2015\n");
  }
  SECTION("anchors and aliases across items") {
    yaml.insert(yaml.find("  - id: e1500\n"), "  - {id: anchored, title: A, date: 2015, tags: &t [x]}\n  - {id: alias, title: B, date: 2015, tags: *t}\n");
  }
  SECTION("a syntax error in one piece") {
    yaml.insert(yaml.find("  - id: e2500\n"), "  - id: broken\n    title: [unclosed\n");
  }
  check_same(yaml);
  CHECK(run(yaml, 2).loaded.pieces == 0);
}
