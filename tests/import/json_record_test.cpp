#include <catch2/catch.hpp>

#include <string>
#include <tuple>
#include <vector>

#include "import/json_record.hpp"

using namespace annals;

TEST_CASE("the JSON Lines reader gives each node its column in characters", "[json]") {
  json_read r;
  read_json(R"({"é":"x", "date" : ["a", {"b": -0.5}]})", 7, r, json_text::line_record);
  REQUIRE(r.ok());
  const record* date = r.value.get("date");
  REQUIRE(date);
  CHECK(date->line == 7);
  CHECK(date->column == 20);  // é is one character
  CHECK(date->children.at(1).get("b")->text == "-0.5");
  CHECK(date->children.at(1).get("b")->plain);
  CHECK_FALSE(r.value.get("é")->plain);
  REQUIRE(r.members.size() == 2);
  CHECK(r.members[1].key == "date");
  SECTION("bad input stops at its column") {
    for (const auto& [text, column, code] : std::vector<std::tuple<std::string, int, std::string>>{
             {R"({"a":01})", 6, "json-syntax"},
             {R"({"a":"x)", 6, "json-syntax"},
             {R"({"a":1,"a":2})", 8, "duplicate-key"},
             {R"({"a":"\ud800"})", 7, "json-syntax"},
             {"{\"a\":\"\xff\"}", 7, "json-syntax"},
             {R"({"a":[1,]})", 9, "json-syntax"},
             {R"({"a":1} x)", 9, "json-syntax"},
             {R"([1])", 1, "not-an-object"},
             {R"({"a":tru})", 6, "json-syntax"},
         }) {
      read_json(text, 1, r, json_text::line_record);
      INFO(text);
      CHECK_FALSE(r.ok());
      CHECK(r.error_column == static_cast<std::uint32_t>(column));
      CHECK(r.error_code == code);
    }
  }
  SECTION("nesting past the limit is refused") {
    read_json("{\"a\":" + std::string(100, '[') + std::string(100, ']') + "}", 1, r, json_text::line_record);
    CHECK(r.error_code == "too-deep");
  }
}

TEST_CASE("a JSON document over many lines gives each node its line and column", "[json]") {
  json_read r;
  read_json("\xEF\xBB\xBF{\n  \"events\": [\n    {\"year\": 1917,\n     \"text\": \"é\"}\n  ]\n}\n", 1, r);
  REQUIRE(r.ok());
  const record* events = r.value.get("events");
  REQUIRE(events);
  CHECK(events->line == 2);
  CHECK(events->column == 13);
  const record& first = events->children.at(0);
  CHECK(first.line == 3);
  CHECK(first.get("year")->line == 3);
  CHECK(first.get("year")->column == 14);
  CHECK(first.get("text")->line == 4);
  CHECK(first.get("text")->column == 14);
  SECTION("a top-level array is a document too") {
    read_json("[1,\n 2]", 1, r);
    REQUIRE(r.ok());
    CHECK(r.value.children.at(1).line == 2);
  }
  SECTION("an error names its line and column") {
    read_json("{\n  \"a\": 1,\n  \"b\": }\n", 1, r);
    CHECK_FALSE(r.ok());
    CHECK(r.error_line == 3);
    CHECK(r.error_column == 8);
    read_json("{\"a\": [1, 2\n", 1, r);
    CHECK(r.error_line == 2);
    CHECK(r.error.find("the end of the input") != std::string::npos);
    read_json("", 1, r);
    CHECK_FALSE(r.ok());
  }
}
