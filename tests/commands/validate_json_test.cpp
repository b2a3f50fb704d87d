// `annals validate --format json` through the command line: the whole text of the report
// (`valid`, `errors`, `warnings`, `diagnostics`, each with its range and its hint apart),
// its exit status, and only the summary on standard error.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"

using annals::testing::cli_dir;
using annals::testing::run_cli;
using annals::testing::run_cli_clean;

namespace {

// An actor's lifespan makes a warning; a date annals cannot read (with quotes in it, which
// the JSON must escape) makes an error.
constexpr const char* lifespan = R"(timeline: visits
actors:
  shah: {name: The Shah, born: 1919, died: 1980}
events:
  - {id: a, title: A, date: 2015-11-23, actors: [shah]}
)";

constexpr const char* outside_lifespan =
    R"({"file": "warn.yaml", "line": 5, "column": 29, "end_line": 5, "end_column": 39, "severity": "warning", )"
    R"j("code": "outside-lifespan", "message": "event 'a' (23 Nov 2015) is after the death of actor 'shah' (The Shah, 1919 – 1980)", )j"
    R"("hint": ""})";

}  // namespace

TEST_CASE("validate --format json reports an error and a warning, every field exact", "[validate][json][cli]") {
  cli_dir dir("validate-json-bad");
  dir.write("warn.yaml", std::string(lifespan) + "  - {id: b, title: B, date: \"Smarch \\\"32\\\" 2015\"}\n");
  const auto r = run_cli(dir, {"validate", "--format", "json", "warn.yaml"});
  CHECK(r.status == 1);
  CHECK(r.err == "1 error, 1 warning\n");
  CHECK(r.out == std::string(R"({"valid": false, "errors": 1, "warnings": 1, "diagnostics": [)") + outside_lifespan +
                     R"(, {"file": "warn.yaml", "line": 6, "column": 30, "end_line": 6, "end_column": 49, "severity": "error", )"
                     R"("code": "unparsed-date", "message": "cannot read date 'Smarch \"32\" 2015': unexpected 'Smarch'", )"
                     R"("hint": "did you mean 'march'?"}]})"
                     "\n");
  // The text is JSON, and says what the text report says.
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["diagnostics"][1]["message"] == "cannot read date 'Smarch \"32\" 2015': unexpected 'Smarch'");
  CHECK(doc["diagnostics"][1]["hint"] == "did you mean 'march'?");
}

TEST_CASE("validate --format json of a clean file is valid with no diagnostics", "[validate][json][cli]") {
  cli_dir dir("validate-json-clean");
  dir.write("clean.yaml", "timeline: clean\nevents:\n  - {id: a, title: A, date: 2015-11-23}\n");
  const auto r = run_cli(dir, {"validate", "--format", "json", "clean.yaml"});
  CHECK(r.status == 0);
  CHECK(r.err == "no problems found\n");
  CHECK(r.out == "{\"valid\": true, \"errors\": 0, \"warnings\": 0, \"diagnostics\": []}\n");
}

TEST_CASE("validate --format json: a warning alone is valid, and invalid under --strict", "[validate][json][cli]") {
  cli_dir dir("validate-json-warning");
  dir.write("warn.yaml", lifespan);
  const std::string report = std::string(R"("errors": 0, "warnings": 1, "diagnostics": [)") + outside_lifespan + "]}\n";
  SECTION("without --strict") {
    const auto r = run_cli(dir, {"validate", "--format", "json", "warn.yaml"});
    CHECK(r.status == 0);
    CHECK(r.err == "0 errors, 1 warning\n");
    CHECK(r.out == R"({"valid": true, )" + report);
  }
  SECTION("with --strict") {
    const auto r = run_cli(dir, {"validate", "--format", "json", "--strict", "warn.yaml"});
    CHECK(r.status == 1);
    CHECK(r.err == "0 errors, 1 warning\n");
    CHECK(r.out == R"({"valid": false, )" + report);
  }
}

TEST_CASE("validate --format json of a missing file is an io-error, exit 2", "[validate][json][cli]") {
  cli_dir dir("validate-json-missing");
  const auto r = run_cli(dir, {"validate", "--format", "json", "missing.yaml"});
  CHECK(r.status == 2);
  CHECK(r.err == "1 error, 0 warnings\n");
  CHECK(r.out == R"({"valid": false, "errors": 1, "warnings": 0, "diagnostics": [{"file": "missing.yaml", "line": 0, )"
                 R"("column": 0, "end_line": 0, "end_column": 0, "severity": "error", "code": "io-error", "message": "no such file", )"
                 R"("hint": ""}]})"
                 "\n");
}
