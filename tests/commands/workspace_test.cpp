// The workspace an editor's files live in: after any change, what it reports is what
// `annals validate` reports on the same files (ranges included), though it re-reads only
// the parts of a file that changed.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "annals/memory_reader.hpp"
#include "annals/workspace.hpp"

namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// What `annals validate` says of these files with these texts.
std::vector<annals::diagnostic> validated(const std::vector<std::pair<std::string, std::string>>& files) {
  annals::memory_reader reader;
  std::vector<std::string> paths;
  for (const auto& [path, text] : files) {
    reader.add(path, text);
    paths.push_back(path);
  }
  return annals::validate(paths, reader, {}).diagnostics;
}

std::string listed(const std::vector<annals::diagnostic>& ds) {
  std::string out;
  for (const auto& d : ds) {
    out += annals::format_text(d) + " .. " + std::to_string(d.end_line) + ":" + std::to_string(d.end_column) + "\n";
  }
  return out;
}

constexpr const char* visits = R"(title: visits
reference: 2015-11-25
actors:
  putin: {name: Vladimir Putin}
events:
  - id: visit-2007
    title: Putin visits Tehran
    date: 2007-10-16
    actors: [putin]
  - id: visit-2015
    title: Putin visits Tehran again
    date: 2015-11-23
    actors: [putin]
    after: [visit-2007]
  - id: talks
    title: Talks
    date: "mid-December 2015"
)";

}  // namespace

TEST_CASE("the workspace reports what validate reports on every bundled timeline and fuzz seed", "[workspace]") {
  const std::filesystem::path root = ANNALS_SOURCE_DIR;
  std::vector<std::filesystem::path> files;
  for (const auto& dir : {root / "timelines", root / "tests/fuzz/corpus/load_fuzz"}) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) files.push_back(entry.path());
  }
  REQUIRE(files.size() > 20);
  for (const auto& file : files) {
    INFO(file.string());
    const std::string text = slurp(file);
    annals::workspace ws;
    ws.set("f.yaml", text);
    CHECK(listed(ws.check().diagnostics) == listed(validated({{"f.yaml", text}})));
  }
}

TEST_CASE("after a one-line change the workspace reports what a fresh validate does", "[workspace]") {
  annals::workspace ws;
  ws.set("v.yaml", visits);
  CHECK(ws.check().diagnostics.empty());
  // A date broken: its error, with the range of the date.
  std::string broken = visits;
  broken.replace(broken.find("2015-11-23"), 10, "2015-13-23");
  ws.set("v.yaml", broken);
  const auto after = ws.check().diagnostics;  // a copy: a change ends the check it came from
  REQUIRE(after.size() == 1);
  CHECK(after[0].code == "invalid-date");
  CHECK(listed(after) == listed(validated({{"v.yaml", broken}})));
  CHECK(after[0].end_line == after[0].line);
  // Lines added above: the kept events move with them.
  const std::string moved = "# a comment\n# another\n" + broken;
  ws.set("v.yaml", moved);
  CHECK(listed(ws.check().diagnostics) == listed(validated({{"v.yaml", moved}})));
  CHECK(ws.check().diagnostics.at(0).line == after[0].line + 2);
  // Broken mid-edit (a YAML error), then mended.
  std::string half = moved;
  half.replace(half.find("title: Talks"), 12, "title: [Talks");
  ws.set("v.yaml", half);
  CHECK(listed(ws.check().diagnostics) == listed(validated({{"v.yaml", half}})));
  CHECK(ws.check().diagnostics.front().code == "yaml-syntax");
  ws.set("v.yaml", visits);
  CHECK(ws.check().diagnostics.empty());
}

TEST_CASE("the workspace checks its files together", "[workspace]") {
  annals::workspace ws;
  const std::string later = "title: later\nevents:\n  - {id: later, title: Later, date: 2016-01-01, after: [visit-2015]}\n";
  ws.set("later.yaml", later);
  REQUIRE(ws.check().diagnostics.size() == 1);
  CHECK(ws.check().diagnostics[0].code == "unknown-reference");
  ws.set("v.yaml", visits);
  CHECK(ws.check().diagnostics.empty());
  CHECK(ws.paths() == std::vector<std::string>{"later.yaml", "v.yaml"});
  ws.remove("v.yaml");
  CHECK(ws.check().diagnostics.size() == 1);
  CHECK(ws.text("v.yaml") == nullptr);
  REQUIRE(ws.tree("later.yaml") != nullptr);
  CHECK(ws.tree("later.yaml")->events.size() == 1);
}

TEST_CASE("a diagnostic's range is the YAML token at its position", "[workspace][ranges]") {
  const std::string text =
      "title: x\n"
      "events:\n"
      "  - {id: a, title: \"A \\\" b\", date: 2015-13-45, tags: [x, y]}\n"
      "  - id: b\n"
      "    titel: B  # a comment\n"
      "    date: 'it''s'\n";
  auto at = [&](std::uint32_t line, std::uint32_t column) {
    std::vector<annals::diagnostic> ds{{annals::severity::error, "c", "f", line, column, "m", ""}};
    annals::add_ranges(ds, "f", text);
    return std::to_string(ds[0].end_line) + ":" + std::to_string(ds[0].end_column);
  };
  CHECK(at(3, 36) == "3:46");  // 2015-13-45 in a flow mapping, up to the comma
  CHECK(at(3, 20) == "3:28");  // "A \" b", its escaped quote inside
  CHECK(at(3, 54) == "3:60");  // [x, y]
  CHECK(at(5, 5) == "5:10");   // the key titel, up to its colon
  CHECK(at(5, 12) == "5:13");  // B, not the comment
  CHECK(at(6, 11) == "6:18");  // 'it''s'
  CHECK(at(9, 1) == "0:0");    // past the end: a point
}
