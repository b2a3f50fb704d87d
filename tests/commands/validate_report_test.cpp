// validate's report formats through the command line: SARIF checked against the official
// SARIF 2.1.0 schema, GitHub workflow commands with hostile file names and messages, the
// report alone on standard output and the summary on standard error.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "annals/validate.hpp"
#include "cli_run.hpp"
#include "input/schema_oracle.hpp"
#include "model/diagnostic_codes.hpp"
#include "output/escape.hpp"

using annals::testing::cli_dir;
using annals::testing::run_cli;
using json = nlohmann::json;

namespace {

// The problems of the SARIF document `doc` against tests/data/sarif/sarif-schema-2.1.0.json
// (OASIS, draft-04), one line each; empty when it is valid.
std::string sarif_problems(const json& doc) {
  static const json schema_doc = [] {
    std::ifstream in(std::filesystem::path(ANNALS_SOURCE_DIR) / "tests/data/sarif/sarif-schema-2.1.0.json");
    return json::parse(in);
  }();
  return annals::testing::schema_problems(schema_doc, doc, valijson::SchemaParser::kDraft4);
}

// A warning (an event after its actor's death) and an error after characters of two and
// four UTF-8 bytes (one and two UTF-16 code units): the error's SARIF columns are 3 less
// than its byte columns.
constexpr const char* problems = R"(timeline: visits
actors:
  shah: {name: The Shah, born: 1919, died: 1980}
events:
  - {id: a, title: A, date: 2015-11-23, actors: [shah]}
  - {id: b, title: "é 𝄞", date: Smarch 2015}
)";

json sarif_of(const cli_dir& dir, const std::vector<std::string>& files, int status = 1) {
  std::vector<std::string> args{"validate", "--format", "sarif"};
  args.insert(args.end(), files.begin(), files.end());
  const auto r = run_cli(dir, args);
  CHECK(r.status == status);
  return json::parse(r.out);
}

std::vector<std::string> fingerprints(const json& sarif) {
  std::vector<std::string> out;
  for (const json& r : sarif["runs"][0]["results"]) out.push_back(r["partialFingerprints"]["annals/v1"]);
  return out;
}

}  // namespace

TEST_CASE("validate --format sarif is SARIF 2.1.0 that the official schema accepts", "[validate][sarif][cli]") {
  cli_dir dir("validate-sarif");
  dir.write("my visits.yaml", problems);
  const json doc = sarif_of(dir, {"my visits.yaml", "missing.yaml"}, 2);
  CHECK(sarif_problems(doc).empty());
  CHECK(doc["version"] == "2.1.0");
  const json& run = doc["runs"][0];
  CHECK(run["tool"]["driver"]["name"] == "annals");
  CHECK(run["automationDetails"]["id"] == "annals/validate/");
  CHECK(run["columnKind"] == "utf16CodeUnits");

  SECTION("one rule per diagnostic code, with its description and help") {
    const json& rules = run["tool"]["driver"]["rules"];
    REQUIRE(rules.size() == annals::diagnostic_codes().size());
    for (std::size_t i = 0; i < rules.size(); ++i) {
      const annals::diagnostic_code& c = annals::diagnostic_codes()[i];
      CHECK(rules[i]["id"] == c.code);
      CHECK(rules[i]["fullDescription"]["text"] == c.description);
      CHECK(rules[i]["help"]["markdown"] == c.help);
      CHECK(!rules[i]["shortDescription"]["text"].get<std::string>().empty());
      CHECK(!rules[i]["help"]["text"].get<std::string>().empty());
    }
    const json& unparsed = rules[annals::find_diagnostic_code("unparsed-date") - annals::diagnostic_codes().data()];
    CHECK(unparsed["help"]["text"].get<std::string>().find('`') == std::string::npos);
    CHECK(unparsed["defaultConfiguration"]["level"] == "error");
  }

  SECTION("results name their rule, level, message and region") {
    const json& results = run["results"];
    REQUIRE(results.size() == 3);
    for (const json& r : results) CHECK(run["tool"]["driver"]["rules"][r["ruleIndex"].get<int>()]["id"] == r["ruleId"]);
    CHECK(results[0]["ruleId"] == "outside-lifespan");
    CHECK(results[0]["level"] == "warning");
    CHECK(results[1]["ruleId"] == "unparsed-date");
    CHECK(results[1]["level"] == "error");
    CHECK(results[1]["message"]["text"] == "cannot read date 'Smarch 2015': unexpected 'Smarch'; did you mean 'march'?");
    const json& where = results[1]["locations"][0]["physicalLocation"];
    CHECK(where["artifactLocation"] == json{{"uri", "my%20visits.yaml"}, {"uriBaseId", "%SRCROOT%"}});
    // The byte columns of the JSON report, converted: 3 bytes fewer than code units before them.
    const auto r = run_cli(dir, {"validate", "--format", "json", "my visits.yaml"});
    const json d = json::parse(r.out)["diagnostics"][1];
    const json& region = where["region"];
    CHECK(region["startLine"] == d["line"]);
    CHECK(region["startColumn"] == d["column"].get<int>() - 3);
    CHECK(region["endLine"] == d["end_line"]);
    CHECK(region["endColumn"] == d["end_column"].get<int>() - 3);
  }

  SECTION("a file that cannot be read has a location without a region") {
    const json& io = run["results"][2];
    CHECK(io["ruleId"] == "io-error");
    CHECK(io["locations"][0]["physicalLocation"] == json{{"artifactLocation", {{"uri", "missing.yaml"}, {"uriBaseId", "%SRCROOT%"}}}});
  }
}

TEST_CASE("validate --format sarif of a clean file has no results and is valid SARIF", "[validate][sarif][cli]") {
  cli_dir dir("validate-sarif-clean");
  dir.write("clean.yaml", "timeline: clean\nevents:\n  - {id: a, title: A, date: 2015-11-23}\n");
  const auto r = run_cli(dir, {"validate", "--format", "sarif", "clean.yaml"});
  CHECK(r.status == 0);
  CHECK(r.err == "no problems found\n");
  const json doc = json::parse(r.out);
  CHECK(sarif_problems(doc).empty());
  CHECK(doc["runs"][0]["results"] == json::array());
}

TEST_CASE("SARIF locations: an absolute path is a file URI, ./ is dropped, odd names are percent-encoded",
          "[validate][sarif][cli]") {
  cli_dir dir("validate-sarif-paths");
  dir.write("a#1:b%.yaml", "events:\n  - {id: a, title: A, date: Smarch 2015}\n");
  dir.write("x.yaml", "events:\n  - {id: b, title: B, date: Smarch 2015}\n");
  const json doc = sarif_of(dir, {"./a#1:b%.yaml", dir / "x.yaml"});
  CHECK(sarif_problems(doc).empty());
  const json& results = doc["runs"][0]["results"];
  REQUIRE(results.size() == 2);
  CHECK(results[0]["locations"][0]["physicalLocation"]["artifactLocation"] ==
        json{{"uri", "a%231%3Ab%25.yaml"}, {"uriBaseId", "%SRCROOT%"}});
  CHECK(results[1]["locations"][0]["physicalLocation"]["artifactLocation"] == json{{"uri", "file://" + annals::uri_path(dir / "x.yaml")}});
}

TEST_CASE("SARIF fingerprints survive lines added above a problem and tell apart identical lines",
          "[validate][sarif][cli]") {
  cli_dir dir("validate-sarif-fingerprints");
  const std::string events = "  - {id: a, title: A, date: Smarch 2015}\n  - {id: b, title: B, date: Smarch 2015}\n"
                             "  - {id: c, title: C, date: Smarch 2016}\n";
  dir.write("t.yaml", "events:\n" + events);
  const auto before = fingerprints(sarif_of(dir, {"t.yaml"}));
  REQUIRE(before.size() == 3);
  CHECK(before[0] != before[1]);
  CHECK(before[1] != before[2]);
  CHECK(fingerprints(sarif_of(dir, {"t.yaml"})) == before);  // the same in every run
  dir.write("t.yaml", "# a comment\n\nevents:\n\n" + events);
  CHECK(fingerprints(sarif_of(dir, {"t.yaml"})) == before);
  dir.write("t.yaml", "events:\n  - {id: a, title: A, date: Smarch 2014}\n" + events.substr(events.find("  - {id: b")));
  const auto edited = fingerprints(sarif_of(dir, {"t.yaml"}));
  CHECK(edited[0] != before[0]);  // the offending line itself changed
  CHECK(edited[2] == before[2]);
}

TEST_CASE("SARIF of standard input converts its columns from the text read", "[validate][sarif][cli]") {
  cli_dir dir("validate-sarif-stdin");
  dir.write("in.yaml", problems);
  CHECK(annals::testing::run_sh("cd '" + dir.path.string() + "' && \"$ANNALS\" validate --format sarif - < in.yaml > out.json 2>/dev/null") == 1);
  const std::string out = annals::testing::cli_slurp(dir.path / "out.json");
  const json doc = json::parse(out);
  CHECK(sarif_problems(doc).empty());
  const json& region = doc["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"];
  CHECK(region["startColumn"] == std::string(R"(  - {id: b, title: "é 𝄞", date: )").size() + 1 - 3);
}

TEST_CASE("validate --format github writes a workflow command per problem", "[validate][github][cli]") {
  cli_dir dir("validate-github");
  dir.write("v.yaml", problems);
  const auto r = run_cli(dir, {"validate", "--format", "github", "v.yaml", "gone.yaml"});
  CHECK(r.status == 2);
  CHECK(r.err == "2 errors, 1 warning\n");
  const json d = json::parse(run_cli(dir, {"validate", "--format", "json", "v.yaml"}).out)["diagnostics"];
  const auto range = [](const json& x) {
    std::string out = "line=" + std::to_string(x["line"].get<int>());
    if (x["end_line"] != x["line"] || x["end_column"] != x["column"]) out += ",endLine=" + std::to_string(x["end_line"].get<int>());
    out += ",col=" + std::to_string(x["column"].get<int>());
    if (x["end_line"] != x["line"] || x["end_column"] != x["column"]) out += ",endColumn=" + std::to_string(x["end_column"].get<int>());
    return out;
  };
  CHECK(r.out == "::warning file=v.yaml," + range(d[0]) +
                     ",title=annals outside-lifespan::event 'a' (23 Nov 2015) is after the death of actor 'shah' (The Shah, 1919 – 1980)\n"
                     "::error file=v.yaml," + range(d[1]) +
                     ",title=annals unparsed-date::cannot read date 'Smarch 2015': unexpected 'Smarch'; did you mean 'march'?\n"
                     "::error file=gone.yaml,title=annals io-error::no such file\n");
}

TEST_CASE("validate --format github escapes hostile file names and messages", "[validate][github][cli]") {
  cli_dir dir("validate-github-hostile");
  // A name with every character that ends a property or a command, and a message with a
  // percent sign and a line break the YAML writes as \n.
  const std::string name = "a,line=9:b%\n::error::forged.yaml";
  dir.write(name, "events:\n  - {id: a, title: A, date: \"50% of\\n::error file=x::2015\"}\n");
  const auto r = run_cli(dir, {"validate", "--format", "github", name});
  CHECK(r.status == 1);
  CHECK(r.out == "::error file=a%2Cline=9%3Ab%25%0A%3A%3Aerror%3A%3Aforged.yaml,line=2,endLine=2,col=32,endColumn=59,title=annals unparsed-date::"
                 "cannot read date '50%25 of\\n::error file=x::2015': unexpected '%25'; write a date such as '2015-11-23', "
                 "'November 23, 2015', 'mid-December' or 'the past week'\n");
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);  // one command: nothing forged a second
}

TEST_CASE("validate writes only the report on standard output and the summary on standard error",
          "[validate][cli]") {
  cli_dir dir("validate-summary");
  dir.write("v.yaml", problems);
  dir.write("clean.yaml", "events: []\n");
  const auto r = run_cli(dir, {"validate", "v.yaml"});
  CHECK(r.status == 1);
  CHECK(r.out ==
        "v.yaml:5:29: warning: event 'a' (23 Nov 2015) is after the death of actor 'shah' (The Shah, 1919 – 1980) [outside-lifespan]\n"
        "v.yaml:6:37: error: cannot read date 'Smarch 2015': unexpected 'Smarch'; did you mean 'march'? [unparsed-date]\n");
  CHECK(r.err == "1 error, 1 warning\n");
  const auto clean = run_cli(dir, {"validate", "clean.yaml"});
  CHECK(clean.status == 0);
  CHECK(clean.out.empty());
  CHECK(clean.err == "no problems found\n");
  for (const annals::report_format_row& f : annals::report_formats()) {
    INFO(f.name);
    CHECK(run_cli(dir, {"validate", "--format", std::string(f.name), "v.yaml"}).err == "1 error, 1 warning\n");
  }
}

TEST_CASE("validate --format with an unknown format is a usage error that names the formats", "[validate][cli]") {
  cli_dir dir("validate-unknown-format");
  dir.write("clean.yaml", "events: []\n");
  const auto r = run_cli(dir, {"validate", "--format", "xml", "clean.yaml"});
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err == "annals validate: unknown format 'xml' (use text, json, sarif or github)\n"
                 "(see 'annals validate --help')\n");
  CHECK(annals::report_format_names() == "text, json, sarif or github");
}
