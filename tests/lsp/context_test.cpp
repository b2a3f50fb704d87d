#include "lsp/context.hpp"

#include <catch2/catch.hpp>

using namespace annals::lsp;

namespace {

const std::string file =
    "actors:\n"                              // 0
    "  putin: {name: Vladimir Putin}\n"      // 1
    "events:\n"                              // 2
    "  - id: visit\n"                        // 3
    "    title: A visit\n"                   // 4
    "    actors: [putin, rouhani]\n"         // 5
    "    date: {after: ban, by: 3 days}\n"   // 6
    "    caused_by:\n"                       // 7
    "      - ban\n"                          // 8
    "    claims:\n"                          // 9
    "      - first_since: ban\n"             // 10
    "        series: {actors: [putin]}\n"    // 11
    "    ti\n";                              // 12

context at(unsigned line, unsigned column) { return context_at(line_index(file), line, column); }

}  // namespace

TEST_CASE("the path at a position is read from the text's indentation and flow collections", "[lsp][context]") {
  CHECK(at(3, 9).path == yaml_path{"events", "-", "id"});
  CHECK(at(3, 9).word == "visit");
  CHECK(id_at(at(3, 9).path, false) == id_kind::event);
  CHECK(at(5, 22).path == yaml_path{"events", "-", "actors", "-"});
  CHECK(at(5, 22).word == "rouhani");
  CHECK(id_at(at(5, 14).path, false) == id_kind::actor);
  CHECK(at(6, 19).path == yaml_path{"events", "-", "date", "after"});
  CHECK(id_at(at(6, 19).path, false) == id_kind::event);
  CHECK(at(8, 9).path == yaml_path{"events", "-", "caused_by", "-"});
  CHECK(id_at(at(8, 9).path, false) == id_kind::event);
  CHECK(at(10, 22).path == yaml_path{"events", "-", "claims", "-", "first_since"});
  CHECK(at(11, 31).path == yaml_path{"events", "-", "claims", "-", "series", "actors", "-"});
  CHECK(id_at(at(11, 31).path, false) == id_kind::actor);
  SECTION("a key being typed") {
    const context c = at(12, 6);
    CHECK(c.at_key);
    CHECK(c.path == yaml_path{"events", "-"});
    CHECK(c.word == "ti");
  }
  SECTION("a key of a header mapping defines an id") {
    bool defines = false;
    const context c = at(1, 4);
    CHECK(c.at_key);
    CHECK(c.path == yaml_path{"actors"});
    CHECK(id_at(c.path, true, &defines) == id_kind::actor);
    CHECK(defines);
  }
  SECTION("a flow mapping's key") {
    const context c = at(6, 30);
    CHECK(c.path == yaml_path{"events", "-", "date", "by"});
    const context k = at(6, 16);
    CHECK(k.at_key);
    CHECK(k.path == yaml_path{"events", "-", "date"});
  }
}

TEST_CASE("a scalar ends where YAML ends it", "[lsp][context]") {
  CHECK(scalar_end("date: 2015-11-23 # c", 6) == 16);
  CHECK(scalar_end("[putin, rouhani]", 1) == 6);
  CHECK(scalar_end("x: 'it''s', y", 3) == 10);
  CHECK(scalar_end("x: \"a\\\"b\" z", 3) == 9);
}
