// `annals normalize`: JSON Lines in, each line back with its normalized date and its
// diagnostics, a record at a time.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "annals/commands.hpp"
#include "cli_run.hpp"

using namespace annals;
using annals::testing::cli_dir;
using annals::testing::run_cli;
using annals::testing::run_sh;
using nlohmann::json;

namespace {

struct normalized {
  std::vector<json> lines;  // each output line, parsed
  std::string text;
  outcome status;
};

normalized run(const std::string& input, std::string reference = "", std::size_t max_line = 1 << 20) {
  std::istringstream in(input);
  std::ostringstream out;
  normalize_args a;
  a.reference = std::move(reference);
  a.max_line_bytes = max_line;
  const outcome status = normalize_lines(in, "events.jsonl", a, out);
  normalized n{{}, out.str(), status};
  std::istringstream lines(n.text);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) n.lines.push_back(json::parse(line));  // a blank line is given back blank
  }
  return n;
}

// The codes of a line's diagnostics, each with its line and column: "unparsed-date@3:49".
std::vector<std::string> codes(const json& line) {
  std::vector<std::string> out;
  for (const json& d : line.at("diagnostics"))
    out.push_back(d.at("code").get<std::string>() + "@" + std::to_string(d.at("line").get<int>()) + ":" +
                  std::to_string(d.at("column").get<int>()));
  return out;
}

}  // namespace

TEST_CASE("normalize writes each record back with its normalized date, its own fields kept", "[normalize]") {
  const normalized n = run(
      R"({"id":"putin-tehran","title":"Putin visits Tehran","date":"23 November 2015","actors":["putin"],"gdelt":{"tone":-1.5e0,"urls":["u",null,true]}})"
      "\n",
      "2015-11-25");
  REQUIRE(n.lines.size() == 1);
  CHECK(n.status == outcome::ok);
  const json& line = n.lines[0];
  CHECK(line.at("diagnostics") == json::array());
  CHECK(line.at("date").at("input") == "23 November 2015");
  CHECK(line.at("date").at("earliest") == "2015-11-23");
  CHECK(line.at("date").at("latest") == "2015-11-23");
  CHECK(line.at("date").at("precision") == "day");
  CHECK(line.at("date").at("label") == "23 Nov 2015");
  CHECK(line.at("date").at("utc").at("latest") == "2015-11-23T23:59:59Z");
  // Unknown fields pass through byte for byte: numbers as written.
  CHECK(n.text.find(R"("gdelt":{"tone":-1.5e0,"urls":["u",null,true]})") != std::string::npos);
  CHECK(n.text.find(R"({"id":"putin-tehran","title":"Putin visits Tehran","date":{)") == 0);
}

TEST_CASE("normalize keeps the input's order and writes a line for every record", "[normalize]") {
  std::string input;
  for (int i = 0; i < 50; ++i)
    input += R"({"id":"e)" + std::to_string(i) + R"(","title":"t","date":")" + std::to_string(1900 + i) + "\"}\n";
  const normalized n = run(input, "2000-01-01");
  REQUIRE(n.lines.size() == 50);
  for (int i = 0; i < 50; ++i) {
    CHECK(n.lines[i].at("id") == "e" + std::to_string(i));
    CHECK(n.lines[i].at("date").at("earliest") == std::to_string(1900 + i) + "-01-01");
  }
}

TEST_CASE("a record's own reference comes before --reference", "[normalize]") {
  const std::string input = R"({"id":"a","title":"t","date":"next Friday","reference":"2015-11-25"})"
                            "\n"
                            R"({"id":"b","title":"t","date":"next Friday"})"
                            "\n";
  const normalized n = run(input, "2020-06-15");
  REQUIRE(n.lines.size() == 2);
  CHECK(n.lines[0].at("date").at("earliest") == "2015-11-27");
  CHECK(n.lines[0].at("reference") == "2015-11-25");
  CHECK(n.lines[1].at("date").at("earliest") == "2020-06-19");
  CHECK(n.status == outcome::ok);
}

TEST_CASE("a record without a reference, and no --reference, is an error in its line: no clock is read", "[normalize]") {
  const std::string input = R"({"id":"a","title":"t","date":"next Friday"})"
                            "\n"
                            R"({"id":"b","title":"t","date":"2015-11-23","reference":"2015-11-25"})"
                            "\n";
  const normalized n = run(input);
  REQUIRE(n.lines.size() == 2);
  CHECK(n.status == outcome::input_error);
  CHECK(codes(n.lines[0]) == std::vector<std::string>{"no-reference@1:1"});
  CHECK(n.lines[0].at("date") == "next Friday");  // as written: nothing to read it against
  CHECK(codes(n.lines[1]).empty());
  CHECK(n.lines[1].at("date").at("earliest") == "2015-11-23");
}

TEST_CASE("a bad reference or zone of a record is an error at its field, its date left as written", "[normalize]") {
  const normalized n = run(R"({"id":"a","title":"t","date":"next Friday","reference":"Nevember 2015"})"
                           "\n"
                           R"({"id":"b","title":"t","date":"2015-11-23T10:00","timezone":"Mars/Olympus"})"
                           "\n",
                           "2015-11-25");
  REQUIRE(n.lines.size() == 2);
  CHECK(n.status == outcome::input_error);
  CHECK(codes(n.lines[0]) == std::vector<std::string>{"schema@1:56", "missing-reference@1:42"});
  CHECK(n.lines[0].at("date") == "next Friday");
  CHECK(codes(n.lines[1]).at(0) == "unknown-timezone@2:60");
  CHECK(n.lines[1].at("date") == "2015-11-23T10:00");
}

TEST_CASE("a date that cannot be read stays as written, with its diagnostic at its column", "[normalize]") {
  const normalized n = run(R"({"id":"c","title":"Bad date","date":"the 45th of Nevember"})"
                           "\n",
                           "2015-11-25");
  REQUIRE(n.lines.size() == 1);
  CHECK(n.status == outcome::input_error);
  CHECK(n.lines[0].at("date") == "the 45th of Nevember");
  REQUIRE(n.lines[0].at("diagnostics").size() == 1);
  const json& d = n.lines[0].at("diagnostics")[0];
  CHECK(d.at("code") == "unparsed-date");
  CHECK(d.at("file") == "events.jsonl");
  CHECK(d.at("line") == 1);
  CHECK(d.at("column") == 50);  // at 'Nevember'
  CHECK(d.at("hint") == "did you mean 'november'?");
}

TEST_CASE("a line that is not JSON carries json-syntax at its column, and the others go on", "[normalize]") {
  const std::string input = R"({"id":"a","title":"t","date":"2015-11-23"})"
                            "\n"
                            R"({"id":"b","title":"t" "date":"2015"})"
                            "\n"
                            "not json\n"
                            R"({"id":"c","title":"\u00e9t\u00e9","date":"2015-11-24"})"
                            "\n";
  const normalized n = run(input, "2015-11-25");
  REQUIRE(n.lines.size() == 4);
  CHECK(n.status == outcome::input_error);
  CHECK(codes(n.lines[0]).empty());
  CHECK(codes(n.lines[1]) == std::vector<std::string>{"json-syntax@2:23"});
  CHECK(n.lines[1].at("input") == R"({"id":"b","title":"t" "date":"2015"})");
  CHECK(n.lines[1].at("diagnostics")[0].at("message") == "expected ',' or '}', found '\"'");
  CHECK(codes(n.lines[2]) == std::vector<std::string>{"not-an-object@3:1"});
  CHECK(codes(n.lines[3]).empty());
  CHECK(n.lines[3].at("title") == "été");
}

TEST_CASE("a line over the limit is line-too-long, unread, and the next is read", "[normalize]") {
  const std::string big = R"({"id":"a","title":")" + std::string(300, 'x') + R"(","date":"2015"})";
  const normalized n = run(big + "\n" + R"({"id":"b","title":"t","date":"2016"})" + "\n", "2015-11-25", 200);
  REQUIRE(n.lines.size() == 2);
  CHECK(codes(n.lines[0]) == std::vector<std::string>{"line-too-long@1:1"});
  CHECK(n.lines[0].size() == 1);  // nothing of it is kept
  CHECK(n.lines[1].at("date").at("earliest") == "2016-01-01");
}

TEST_CASE("references to other records are not checked across a stream", "[normalize]") {
  // Actors, places, sources and links name what another record, or none, defines.
  const normalized n = run(R"({"id":"b","title":"t","date":"2015-11-24","actors":["putin"],"place":"tehran","after":["a"]})"
                           "\n",
                           "2015-11-25");
  REQUIRE(n.lines.size() == 1);
  CHECK(codes(n.lines[0]).empty());
  CHECK(n.status == outcome::ok);
}

TEST_CASE("the schema's checks apply to a record's event fields", "[normalize]") {
  const normalized n = run(R"({"id":"Bad Id","title":"t","date":"2015-11-24","kind":7})"
                           "\n",
                           "2015-11-25");
  REQUIRE(n.lines.size() == 1);
  CHECK(n.status == outcome::input_error);
  CHECK_FALSE(codes(n.lines[0]).empty());
}

TEST_CASE("a record's diagnostics field is replaced, never given twice", "[normalize]") {
  const normalized n = run(R"({"id":"d","diagnostics":["old"],"title":"x","date":"2015-11-23"})"
                           "\n",
                           "2015-11-25");
  REQUIRE(n.lines.size() == 1);
  CHECK(n.text.find("\"diagnostics\"") == n.text.rfind("\"diagnostics\""));
  CHECK(n.lines[0].at("diagnostics") == json::array());
  CHECK(n.lines[0].at("date").at("earliest") == "2015-11-23");
}

TEST_CASE("a record's timezone is its zone, as a file's is its events'", "[normalize]") {
  const normalized n = run(R"({"id":"f","title":"t","date":"2015-11-23T10:30","timezone":"Asia/Tehran"})"
                           "\n",
                           "2015-11-25");
  REQUIRE(n.lines.size() == 1);
  CHECK(codes(n.lines[0]).empty());
  CHECK(n.lines[0].at("date").at("zone") == "Asia/Tehran");
  CHECK(n.lines[0].at("date").at("utc").at("earliest") == "2015-11-23T07:00:00Z");
}

TEST_CASE("a relative date keeps its relation: its anchor may be in another record", "[normalize]") {
  const normalized n = run(R"({"id":"e","title":"t","date":{"after":"a","by":"P3D"}})"
                           "\n",
                           "2015-11-25");
  REQUIRE(n.lines.size() == 1);
  CHECK(codes(n.lines[0]).empty());
  CHECK(n.lines[0].at("date").at("earliest").is_null());
  CHECK(n.lines[0].at("date").at("relative") == json{{"relation", "after"}, {"anchor", "a"}, {"by", "P3D"}});
}

TEST_CASE("blank lines are skipped, a last line without its newline is read, CRLF is accepted", "[normalize]") {
  const normalized n = run("\n" R"({"id":"a","title":"t","date":"2015"})" "\r\n\n" R"({"id":"b","title":"t","date":"2016"})",
                           "2015-11-25");
  REQUIRE(n.lines.size() == 2);
  CHECK(n.lines[1].at("date").at("earliest") == "2016-01-01");
  CHECK(codes(n.lines[0]).empty());
}

TEST_CASE("annals normalize exits 0, 1 and 2 and writes atomically with -o", "[normalize][cli]") {
  cli_dir dir("normalize");
  dir.write("clean.jsonl", R"({"id":"a","title":"t","date":"23 November 2015"})" "\n");
  dir.write("dirty.jsonl", R"({"id":"a","title":"t","date":"next Friday"})" "\n" R"({"id":"b","title":"t","date":"2015"})" "\n");
  SECTION("clean: 0") {
    const auto r = run_cli(dir, {"normalize", "clean.jsonl", "--reference", "2015-11-25"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("\"earliest\":\"2015-11-23\"") != std::string::npos);
  }
  SECTION("diagnostics: 1, the output still complete") {
    const auto r = run_cli(dir, {"normalize", "dirty.jsonl", "-o", "out.jsonl"});
    CHECK(r.status == 1);
    const std::string out = annals::testing::cli_slurp(dir.path / "out.jsonl");
    CHECK(std::count(out.begin(), out.end(), '\n') == 2);
    CHECK(out.find("no-reference") != std::string::npos);
  }
  SECTION("usage and I/O errors: 2, nothing written") {
    CHECK(run_cli(dir, {"normalize", "missing.jsonl", "--reference", "2015-11-25", "-o", "out.jsonl"}).status == 2);
    CHECK(run_cli(dir, {"normalize", "clean.jsonl", "--reference", "Nevember", "-o", "out.jsonl"}).status == 2);
    CHECK(run_cli(dir, {"normalize", "clean.jsonl", "dirty.jsonl"}).status == 2);
    CHECK(run_cli(dir, {"normalize", "clean.jsonl", "--bogus"}).status == 2);
    CHECK_FALSE(std::filesystem::exists(dir.path / "out.jsonl"));
  }
  SECTION("a directory: 2") {
    std::filesystem::create_directory(dir.path / "folder");
    const auto r = run_cli(dir, {"normalize", "folder", "--reference", "2015-11-25"});
    CHECK(r.status == 2);
    CHECK(r.err.find("is a directory") != std::string::npos);
  }
  SECTION("standard input") {
    CHECK(run_sh("printf '%s\\n' '{\"id\":\"a\",\"title\":\"t\",\"date\":\"2015\"}' | \"$ANNALS\" normalize - "
                 "--reference 2015-11-25 | grep -q '\"earliest\":\"2015-01-01\"'") == 0);
  }
}

TEST_CASE("annals normalize streams: a stream larger than its memory limit goes through", "[normalize][cli]") {
  if (annals::testing::sanitized) return;
  // 130 MB of records through a process allowed 40 MB of address space in all.
  const std::string padding(1260, 'p');
  const int status = run_sh("yes '{\"id\":\"a\",\"title\":\"t\",\"date\":\"2015-11-23\",\"pad\":\"" + padding +
                            "\"}' | head -n 100000 | (ulimit -v 40000; \"$ANNALS\" normalize - --reference 2015-11-25) "
                            "| grep -c '\"diagnostics\":\\[\\]}$' | grep -qx 100000");
  CHECK(status == 0);
}

TEST_CASE("a record's line does not depend on the records around it", "[normalize]") {
  // Records are built in small batches: ids given twice, a relative date beside its
  // anchor, errors among them, all come out as each would alone.
  std::vector<std::string> lines;
  for (int i = 0; i < 150; ++i) {
    const std::string n = std::to_string(i);
    switch (i % 5) {
      case 0: lines.push_back(R"({"id":"same","title":"t","date":"2015-)" + std::to_string(10 + i % 3) + R"("})"); break;
      case 1: lines.push_back(R"({"id":"r)" + n + R"(","title":"t","date":{"after":"same","by":"P1M"}})"); break;
      case 2: lines.push_back(R"({"id":"m)" + n + R"(","title":"t","date":"2015-11"})"); break;
      case 3: lines.push_back(R"({"id":"b)" + n + R"(","title":"t","date":"the 45th"})"); break;
      default: lines.push_back(R"({"id":"z)" + n + R"(","title":"t","date":"next Friday","reference":"2015-11-)" +
                               std::to_string(1 + i % 28) + R"("})");
    }
  }
  std::string all;
  for (const std::string& l : lines) all += l + "\n";
  const normalized together = run(all, "2015-11-25");
  REQUIRE(together.lines.size() == lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const normalized alone = run(lines[i] + "\n", "2015-11-25");
    json expected = alone.lines.at(0), got = together.lines[i];
    // Positions differ: line 1 alone, line i + 1 together.
    for (json* j : {&expected, &got}) {
      for (json& d : (*j)["diagnostics"]) d.erase("line"), d.erase("end_line");
    }
    INFO(lines[i]);
    CHECK(got == expected);
  }
}

TEST_CASE("normalize gives a blank line back blank, and reads past a byte order mark", "[normalize]") {
  const normalized n = run("\xEF\xBB\xBF{\"id\":\"a\",\"title\":\"t\",\"date\":\"2015\"}\n\n{\"id\":\"b\",\"title\":\"t\",\"date\":\"2016\"}\n",
                           "2015-11-25");
  CHECK(n.status == outcome::ok);
  REQUIRE(n.lines.size() == 2);
  CHECK(n.text.find("}\n\n{") != std::string::npos);  // output line 3 is input line 3
  CHECK(n.lines[0].at("date").at("earliest") == "2015-01-01");
}
