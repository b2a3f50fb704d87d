// The loader checks files against schemas/timeline.schema.json with its own compiled
// checks (engine/src/input/schema.cpp); valijson, a full JSON Schema validator, is the
// oracle here: both must agree on every document.
#include <catch2/catch.hpp>
#include <filesystem>

#include "annals/event.hpp"
#include "annals/memory_reader.hpp"
#include "annals/validate.hpp"
#include "input/schema_oracle.hpp"
#include "model/link_table.hpp"

using namespace annals;
using namespace annals::testing;
using json = nlohmann::json;

namespace {

std::string read(const std::filesystem::path& p) { return read_text(p); }

bool valijson_accepts(const std::string& yaml) {
  static const json schema_doc = schema_file("timeline.schema.json");
  return valijson_validates(schema_doc, to_json(YAML::Load(yaml)));
}

bool annals_accepts(const std::string& yaml) {
  memory_reader reader;
  reader.add("input", yaml);
  const auto result = load({"input"}, reader, {});
  return std::none_of(result.diagnostics.begin(), result.diagnostics.end(),
                      [](const diagnostic& d) { return d.code == "schema"; });
}

}  // namespace

TEST_CASE("the loader and valijson agree on every bundled timeline", "[schema]") {
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(ANNALS_SOURCE_DIR) / "timelines")) {
    if (entry.path().extension() != ".yaml") continue;
    const std::string yaml = read(entry.path());
    INFO(entry.path().string());
    CHECK(valijson_accepts(yaml));
    CHECK(annals_accepts(yaml));
  }
}

TEST_CASE("the loader and valijson agree on documents the schema rejects or accepts", "[schema]") {
  const char* const event = "events:\n  - {id: a, title: A, date: 2015-11-23";
  const std::vector<std::pair<std::string, bool>> cases = {
      {std::string(event) + "}\n", true},
      {std::string(event) + ", titel: x}\n", false},
      {"events:\n  - {id: a, date: 2015}\n", false},
      {"events:\n  - {id: Bad, title: A, date: 2015}\n", false},
      {"events:\n  - {id: a, title: [x], date: 2015}\n", false},
      {"events:\n  - {id: a, title: 1917, date: 2015}\n", true},
      {"events:\n  - {id: a, title: A, date: {}}\n", false},
      {"events:\n  - {id: a, title: A, date: {on: 1917-10-25, calendar: julian}}\n", true},
      {"events:\n  - {id: a, title: A, date: {on: 1917-10-25, calendar: mayan}}\n", false},
      {"events:\n  - {id: a, title: A, date: {on: 1917, when: x}}\n", false},
      {"events:\n  - {id: a, title: A, date: 2015, actors: putin}\n", false},
      {"events:\n  - {id: a, title: A, date: 2015, part_of: [b]}\n", false},
      {"events:\n  - {id: a, title: A, date: 2015, claims: [{series: {}}]}\n", false},
      {"events:\n  - {id: a, title: A, date: 2015, claims: [{first_in: 8 years, series: {kind: v, actor: p}}]}\n", false},
      {"events:\n  - {id: a, title: A, date: 2015, tags: [x, 2015, true]}\n", true},
      {"reference: 2015-11-25\nevents: []\n", true},
      {"reference: 25 November\nevents: []\n", false},
      {"timeline: Not An Id\nevents: []\n", false},
      {"actors: {putin: {name: P, age: 3}}\nevents: []\n", false},
      {"actors: {Putin: {name: P}}\nevents: []\n", false},
      {"places: {tehran: {name: Tehran, country: Iran}}\nevents: []\n", true},
      {"sources: {s: {title: T, url: 'https://x', date: 2015}}\nevents: []\n", true},
      {"events: {a: 1}\n", false},
      {"title: T\n", false},
      {"title: T\nevents: []\nextra: 1\n", false},
  };
  for (const auto& [yaml, valid] : cases) {
    INFO(yaml);
    CHECK(valijson_accepts(yaml) == valid);
    CHECK(annals_accepts(yaml) == valid);
  }
}

TEST_CASE("the schemas list exactly the link kinds of the link table", "[schema][links]") {
  const std::filesystem::path schemas = std::filesystem::path(ANNALS_SOURCE_DIR) / "schemas";
  const json timeline = json::parse(read(schemas / "timeline.schema.json"));
  const json& event = timeline["definitions"]["event"]["properties"];
  std::vector<std::string> fields;
  for (const link_info& k : link_kinds()) {
    INFO(k.field);
    fields.emplace_back(k.field);
    REQUIRE(event.contains(std::string(k.field)));
    // part_of names its one whole; every other link a list of events.
    CHECK(event[std::string(k.field)]["$ref"] == (k.field == "part_of" ? "#/definitions/id" : "#/definitions/ids"));
    CHECK(info(k.converse).converse == parse_link_kind(k.field));
  }
  // No other field of an event names events.
  for (const auto& [name, spec] : event.items()) {
    const bool names_ids = spec.value("$ref", "") == "#/definitions/ids" || spec.value("$ref", "") == "#/definitions/id";
    const bool entity = name == "id" || name == "kind" || name == "actors" || name == "place" || name == "sources";
    if (names_ids && !entity) CHECK(std::find(fields.begin(), fields.end(), name) != fields.end());
  }
  const json render = json::parse(read(schemas / "render.schema.json"));
  CHECK(render["definitions"]["link"]["properties"]["kind"]["enum"] == json(fields));
}
