// render --format json is described by schemas/render.schema.json: real output, from the
// fixture and from every approved golden JSON, must validate against it.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "annals/render.hpp"
#include "input/schema_oracle.hpp"
#include "render_fixture.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path source_dir = ANNALS_SOURCE_DIR;

nlohmann::json read_json(const fs::path& p) {
  std::ifstream in(p);
  return nlohmann::json::parse(in);
}

// The validation errors of `doc`, one line each; empty when it is valid.
std::string validate(const nlohmann::json& doc) {
  static const nlohmann::json schema_doc = read_json(source_dir / "schemas" / "render.schema.json");
  return annals::testing::schema_problems(schema_doc, doc);
}

}  // namespace

TEST_CASE("json output of the render fixture validates against the render schema", "[render][json][schema]") {
  const auto f = annals::testing::make_fixture();
  const auto out = annals::render_to_string("json", f.tl, f.chron, {});
  REQUIRE(out);
  CHECK(validate(nlohmann::json::parse(*out)) == "");
}

TEST_CASE("every approved json output validates against the render schema", "[render][json][schema]") {
  std::size_t checked = 0;
  for (const auto& entry : fs::directory_iterator(source_dir / "tests" / "golden")) {
    if (entry.path().extension() != ".json") continue;
    INFO(entry.path().string());
    CHECK(validate(read_json(entry.path())) == "");
    ++checked;
  }
  CHECK(checked > 0);
}

TEST_CASE("the render schema rejects output that breaks its contract", "[render][json][schema]") {
  const auto f = annals::testing::make_fixture();
  auto doc = nlohmann::json::parse(*annals::render_to_string("json", f.tl, f.chron, {}));
  doc["events"][0]["date"]["earliest"] = "23 November";
  CHECK(validate(doc) != "");
  doc = nlohmann::json::parse(*annals::render_to_string("json", f.tl, f.chron, {}));
  doc["events"][0].erase("id");
  CHECK(validate(doc) != "");
}
