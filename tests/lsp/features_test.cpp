// What the server offers on a timeline with errors: diagnostics for every file, hover,
// completion, definitions, references and code actions.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "lsp_client.hpp"

using annals::testing::lsp_client;
using json = nlohmann::json;

namespace {

const std::string uri = "file:///nonexistent/annals-lsp/a.yaml";

// Lines (0-based) as the comments say.
const std::string broken =
    "timeline: t\n"                                  // 0
    "reference: 2015-11-25\n"                        // 1
    "actors:\n"                                      // 2
    "  putin: {name: Vladimir Putin}\n"              // 3
    "events:\n"                                      // 4
    "  - id: visit\n"                                // 5
    "    title: Putin visits Tehran\n"               // 6
    "    date: 2015-11-23\n"                         // 7
    "    kind: visit\n"                              // 8
    "    actors: [putin]\n"                          // 9
    "  - id: ban\n"                                  // 10
    "    title: Ban lifted\n"                        // 11
    "    date: Novembr 24th\n"                       // 12
    "    caused_by: [vist]\n"                        // 13
    "    tittle: x\n"                                // 14
    "  - id: meet\n"                                 // 15
    "    title: A meeting\n"                         // 16
    "    date: {on: 11 July, 2017, tz: UTC}\n"       // 17
    "  - id: later\n"                                // 18
    "    title: Later\n"                             // 19
    "    date: 2023-11-23\n"                         // 20
    "    kind: visit\n"                              // 21
    "    actors: [putin]\n"                          // 22
    "    caused_by: [visit]\n"                       // 23
    "    claims:\n"                                  // 24
    "      - first_in: 9 years\n"                    // 25
    "        series: {kind: visit, actors: [putin]}\n";  // 26

const json* find_code(const json& list, const std::string& code) {
  for (const json& d : list)
    if (d["code"] == code) return &d;
  return nullptr;
}

json range(unsigned l0, unsigned c0, unsigned l1, unsigned c1) {
  return {{"start", {{"line", l0}, {"character", c0}}}, {"end", {{"line", l1}, {"character", c1}}}};
}

// The text after applying a code action's one edit.
std::string apply(const std::string& text, const json& action) {
  const json& edits = action["edit"]["changes"][uri];
  REQUIRE(edits.size() == 1);
  const json& r = edits[0]["range"];
  REQUIRE(r["start"]["line"] == r["end"]["line"]);
  std::size_t line_start = 0;
  for (int l = 0; l < r["start"]["line"].get<int>(); ++l) line_start = text.find('\n', line_start) + 1;
  const std::size_t a = line_start + r["start"]["character"].get<std::size_t>();
  const std::size_t b = line_start + r["end"]["character"].get<std::size_t>();
  return text.substr(0, a) + edits[0]["newText"].get<std::string>() + text.substr(b);
}

}  // namespace

TEST_CASE("every diagnostic is published with its range, severity, code and hint", "[lsp][diagnostics]") {
  lsp_client c;
  c.open(uri, broken);
  const json& ds = c.diagnostics.at(uri);
  REQUIRE(ds.size() == 5);
  for (const json& d : ds) {
    CHECK(d["source"] == "annals");
    CHECK(d["severity"] == 1);
  }
  const json* ref = find_code(ds, "unknown-reference");
  REQUIRE(ref);
  CHECK((*ref)["message"] == "unknown event 'vist'; did you mean 'visit'?");
  CHECK((*ref)["range"] == range(13, 16, 13, 20));
  const json* schema = find_code(ds, "schema");
  REQUIRE(schema);
  CHECK((*schema)["range"]["start"] == json{{"line", 14}, {"character", 4}});
}

TEST_CASE("a change in one file clears the errors it caused in another", "[lsp][diagnostics]") {
  lsp_client c;
  const std::string a = "file:///nonexistent/annals-lsp/a.yaml", b = "file:///nonexistent/annals-lsp/b.yaml";
  c.open(a, "events:\n  - id: one\n    title: One\n    date: 2015\n    caused_by: [two]\n");
  REQUIRE(c.diagnostics.at(a).size() == 1);
  CHECK(c.diagnostics.at(a)[0]["code"] == "unknown-reference");
  c.open(b, "events:\n  - id: two\n    title: Two\n    date: 2014\n");
  CHECK(c.diagnostics.at(a).empty());
  CHECK(c.diagnostics.at(b).empty());
  SECTION("and a file broken mid-edit keeps the others checked") {
    c.change(b, "events:\n  - id: two\n    title: [Two\n");
    REQUIRE_FALSE(c.diagnostics.at(b).empty());
    CHECK(c.diagnostics.at(b)[0]["code"] == "yaml-syntax");
    c.change(a, "events:\n  - id: one\n    title: One\n    date: 20155-99\n");
    CHECK_FALSE(c.diagnostics.at(a).empty());
  }
  SECTION("closing a file that is not on disk forgets it") {
    c.notify("textDocument/didClose", {{"textDocument", {{"uri", b}}}});
    CHECK(c.diagnostics.at(b).empty());
    CHECK(c.diagnostics.at(a).size() == 1);
  }
}

TEST_CASE("incremental changes edit the buffer at UTF-16 positions", "[lsp][diagnostics]") {
  lsp_client c;
  c.open(uri, "events:\n  - id: é\n    title: Événement\n    date: 2015\n");
  const json change = {{"range", range(2, 12, 2, 20)}, {"text", "x"}};
  c.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}}}, {"contentChanges", {change}}});
  const json h = c.result("textDocument/hover", lsp_client::at(uri, 1, 9));
  REQUIRE(h.is_object());
  CHECK(h["contents"]["value"].get<std::string>().find("**Éx**") != std::string::npos);
}

TEST_CASE("hover on a date shows its interval, label and what links inferred", "[lsp][hover]") {
  lsp_client c;
  c.open(uri, broken);
  const json h = c.result("textDocument/hover", lsp_client::at(uri, 7, 12));
  REQUIRE(h.is_object());
  const std::string text = h["contents"]["value"];
  CHECK(text.find("from 2015-11-23 to 2015-11-23") == std::string::npos);
  CHECK(text.find("2015-11-23, to the day: 23 Nov 2015") != std::string::npos);
  CHECK(text.find("- caused 'later': Later") != std::string::npos);
  SECTION("a date narrowed by a link says so") {
    c.change(uri, "events:\n  - id: a\n    title: A\n    date: 2015-11\n    causes: [b]\n"
                  "  - id: b\n    title: B\n    date: 2015-11~\n");
    const json n = c.result("textDocument/hover", lsp_client::at(uri, 7, 11));
    REQUIRE(n.is_object());
    CHECK(n["contents"]["value"].get<std::string>().find("inferred from its links: ") != std::string::npos);
  }
}

TEST_CASE("hover on an id shows what it names", "[lsp][hover]") {
  lsp_client c;
  c.open(uri, broken);
  const json actor = c.result("textDocument/hover", lsp_client::at(uri, 9, 14));
  REQUIRE(actor.is_object());
  CHECK(actor["contents"]["value"].get<std::string>().starts_with("**Vladimir Putin** (actor 'putin')"));
  CHECK(actor["range"] == range(9, 13, 9, 18));
  const json event = c.result("textDocument/hover", lsp_client::at(uri, 23, 19));
  REQUIRE(event.is_object());
  CHECK(event["contents"]["value"].get<std::string>().starts_with("**Putin visits Tehran** (event 'visit')"));
  const json unknown = c.result("textDocument/hover", lsp_client::at(uri, 13, 18));
  CHECK(unknown["contents"]["value"] == "no event 'vist' is defined");
  CHECK(c.result("textDocument/hover", lsp_client::at(uri, 6, 14)).is_null());  // a title
}

TEST_CASE("hover on a field says what the schema says of it", "[lsp][hover]") {
  lsp_client c;
  c.open(uri, broken);
  const json link = c.result("textDocument/hover", lsp_client::at(uri, 13, 6));
  REQUIRE(link.is_object());
  CHECK(link["contents"]["value"].get<std::string>().starts_with(
      "**caused_by**: a link, read from this event as 'caused by', from the other as 'caused'\n\n"));
  const json timeline = c.result("textDocument/hover", lsp_client::at(uri, 0, 3));
  REQUIRE(timeline.is_object());
  CHECK(timeline["contents"]["value"].get<std::string>().starts_with("**timeline**\n\nThe timeline's id"));
}

TEST_CASE("completion offers fields, ids, link kinds, values and date forms", "[lsp][completion]") {
  lsp_client c;
  const auto labels = [](const json& items) {
    std::vector<std::string> out;
    for (const json& i : items) out.push_back(i["label"]);
    return out;
  };
  c.open(uri, broken);
  SECTION("event fields from the schema, link kinds with their words") {
    c.change(uri, broken + "  - id: new\n    ti\n");
    const json items = c.result("textDocument/completion", lsp_client::at(uri, 28, 6));
    const auto l = labels(items);
    CHECK(std::find(l.begin(), l.end(), "title") != l.end());
    CHECK(std::find(l.begin(), l.end(), "milestone") != l.end());
    bool caused_by = false;
    for (const json& i : items) {
      if (i["label"] == "caused_by") caused_by = i["detail"] == "link: caused by (the other event: caused)";
    }
    CHECK(caused_by);
  }
  SECTION("event ids in a link") {
    const auto l = labels(c.result("textDocument/completion", lsp_client::at(uri, 13, 16)));
    CHECK(l == std::vector<std::string>{"visit", "ban", "meet", "later"});
  }
  SECTION("actor ids in actors") {
    CHECK(labels(c.result("textDocument/completion", lsp_client::at(uri, 9, 13))) == std::vector<std::string>{"putin"});
  }
  SECTION("enumerated values") {
    c.change(uri, broken + "    milestone: \n");
    const auto l = labels(c.result("textDocument/completion", lsp_client::at(uri, 27, 15)));
    CHECK(l.front() == "impact_start");
  }
  SECTION("date forms, each read against the file's reference") {
    const json items = c.result("textDocument/completion", lsp_client::at(uri, 20, 10));
    bool november = false;
    for (const json& i : items) {
      if (i["label"] == "November 23rd") november = i["detail"].get<std::string>().starts_with("2015-11-23");
    }
    CHECK(november);
  }
}

TEST_CASE("go to definition and find references for ids across files", "[lsp][navigation]") {
  lsp_client c;
  const std::string b = "file:///nonexistent/annals-lsp/b.yaml";
  c.open(uri, broken);
  c.open(b, "events:\n  - id: other\n    title: Other\n    date: 2016\n    after: [visit]\n    actors: [putin]\n");
  const json def = c.result("textDocument/definition", lsp_client::at(b, 4, 14));
  REQUIRE(def.size() == 1);
  CHECK(def[0]["uri"] == uri);
  CHECK(def[0]["range"] == range(5, 8, 5, 13));
  const json actor = c.result("textDocument/definition", lsp_client::at(b, 5, 14));
  REQUIRE(actor.size() == 1);
  CHECK(actor[0]["range"] == range(3, 2, 3, 7));
  const json refs = c.result("textDocument/references",
                             {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 5}, {"character", 11}}},
                              {"context", {{"includeDeclaration", false}}}});
  REQUIRE(refs.size() == 2);
  CHECK(refs[0]["range"] == range(23, 16, 23, 21));
  CHECK(refs[1]["uri"] == b);
}

TEST_CASE("code actions apply the fixes the diagnostics suggest", "[lsp][code-actions]") {
  lsp_client c;
  c.open(uri, broken);
  const auto actions = [&](unsigned line) {
    return c.result("textDocument/codeAction", {{"textDocument", {{"uri", uri}}},
                                                {"range", range(line, 0, line, 0)},
                                                {"context", {{"diagnostics", json::array()}}}});
  };
  const auto fixed_line = [&](unsigned line) {
    const json a = actions(line);
    REQUIRE(a.size() == 1);
    CHECK(a[0]["kind"] == "quickfix");
    const std::string text = apply(broken, a[0]);
    std::size_t at = 0;
    for (unsigned l = 0; l < line; ++l) at = text.find('\n', at) + 1;
    return text.substr(at, text.find('\n', at) - at);
  };
  CHECK(fixed_line(13) == "    caused_by: [visit]");
  CHECK(fixed_line(14) == "    title: x");
  CHECK(fixed_line(12) == "    date: november 24th");
  CHECK(fixed_line(17) == "    date: {on: \"11 July, 2017\", tz: UTC}");
  CHECK(fixed_line(25) == "      - first_in: 8 years");
  CHECK(actions(6).empty());
}

TEST_CASE("the event files of the workspace folder are loaded and checked at initialize", "[lsp][diagnostics]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(ANNALS_BINARY_DIR) / "test-scratch" / "lsp-workspace";
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  fs::create_directories(dir / ".git");
  std::ofstream(dir / "a.yaml") << "events:\n  - id: one\n    title: One\n    date: 2015\n    caused_by: [two]\n";
  std::ofstream(dir / "sub" / "b.yml") << "events:\n  - id: two\n    title: Two\n    date: 2014\n    kind: Bad Kind\n";
  std::ofstream(dir / "ci.yaml") << "on: push\njobs: {}\n";  // not an event file
  std::ofstream(dir / ".git" / "c.yaml") << "events: []\n";
  lsp_client c(json{{"rootUri", "file://" + dir.string()}});
  const std::string a = "file://" + (dir / "a.yaml").string(), b = "file://" + (dir / "sub" / "b.yml").string();
  CHECK(c.diagnostics.size() == 2);
  CHECK(c.diagnostics.at(a).empty());  // 'two' is in sub/b.yml
  REQUIRE(c.diagnostics.at(b).size() == 1);
  SECTION("an open buffer wins over the disk, and closing it goes back to the disk") {
    c.open(a, "events:\n  - id: one\n    title: One\n    date: 2015\n    caused_by: [three]\n");
    CHECK(c.diagnostics.at(a).size() == 1);
    c.notify("textDocument/didClose", {{"textDocument", {{"uri", a}}}});
    CHECK(c.diagnostics.at(a).empty());
  }
  fs::remove_all(dir);
}
