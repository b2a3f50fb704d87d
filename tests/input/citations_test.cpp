// Citations with pages (issue 21): a source's author, year and publisher; an event cites
// a source by id or as {id, page | pages, note}; every format shows where (text the short
// form, markdown and html numbered notes and a bibliography, csv and JSON the locators),
// and validate refuses a bad locator at its position.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"

using annals::testing::cli_dir;
using annals::testing::run_cli;
using annals::testing::run_cli_clean;

namespace {

constexpr const char* persia = R"(title: Persia
sources:
  browne: {author: "Browne, E. G.", year: 1910, title: "The Persian Revolution of 1905–1909", publisher: Cambridge University Press, url: "https://example.org/browne"}
  kazemzadeh: {author: Firuz Kazemzadeh, year: 1968, title: Russia and Britain in Persia}
  diary: {title: A diary}
events:
  - id: majlis
    title: The first Majlis opens
    date: 7 October 1906
    sources: [browne, {id: browne, page: 201}, {id: kazemzadeh, pages: 45-47, note: on the franchise}]
  - id: bombardment
    title: The Majlis is bombarded
    date: 23 June 1908
    sources: [{id: browne, page: 201}, diary]
)";

std::string with_sources(const std::string& list) {
  return "sources:\n  browne: {author: \"Browne, E. G.\", year: 1910, title: The Persian Revolution}\n"
         "events:\n  - id: a\n    title: A\n    date: 1906\n    sources: " + list + "\n";
}

}  // namespace

TEST_CASE("text gives each citation's short form with its page", "[citations]") {
  cli_dir dir("citations-text");
  dir.write("persia.yaml", persia);
  const auto r = run_cli_clean(dir, {"render", "persia.yaml"});
  CHECK(r.out.find("source: Browne 1910\n") != std::string::npos);
  CHECK(r.out.find("source: Browne 1910, p. 201\n") != std::string::npos);
  CHECK(r.out.find("source: Kazemzadeh 1968, pp. 45\u201347; on the franchise\n") != std::string::npos);
  CHECK(r.out.find("source: A diary\n") != std::string::npos);  // no author, no page: the title
}

TEST_CASE("markdown numbers a note for each distinct citation and ends with the sources", "[citations]") {
  cli_dir dir("citations-markdown");
  dir.write("persia.yaml", persia);
  const auto r = run_cli_clean(dir, {"render", "--format", "markdown", "persia.yaml"});
  CHECK(r.out.find("  - sources: [Browne 1910](https://example.org/browne)[^1]; [Browne 1910, p. 201]"
                   "(https://example.org/browne)[^2]; Kazemzadeh 1968, pp. 45\u201347; on the franchise[^3]\n") !=
        std::string::npos);
  CHECK(r.out.find("  - sources: [Browne 1910, p. 201](https://example.org/browne)[^2]; A diary[^4]\n") !=
        std::string::npos);  // the same note
  CHECK(r.out.find("## Sources\n\n- A diary.\n- Browne, E. G. (1910). [The Persian Revolution of 1905–1909]"
                   "(https://example.org/browne). Cambridge University Press.\n- Firuz Kazemzadeh (1968). Russia "
                   "and Britain in Persia.\n") != std::string::npos);
  // A source's first note is its full entry, its later ones the short form.
  CHECK(r.out.find("[^1]: Browne, E. G. (1910). The Persian Revolution of 1905–1909. Cambridge University Press.\n") !=
        std::string::npos);
  CHECK(r.out.find("[^2]: Browne 1910, p. 201.\n") != std::string::npos);
  CHECK(r.out.find("[^3]: Firuz Kazemzadeh (1968). Russia and Britain in Persia. pp. 45\u201347. on the franchise\n") !=
        std::string::npos);
}

TEST_CASE("html links each citation to its numbered note, then lists the sources", "[citations]") {
  cli_dir dir("citations-html");
  dir.write("persia.yaml", persia);
  const auto r = run_cli_clean(dir, {"render", "--format", "html", "persia.yaml"});
  CHECK(r.out.find("Browne 1910, p. 201</bdi></a><sup><a href=\"#note-2\">[2]</a></sup>") != std::string::npos);
  CHECK(r.out.find("<li id=\"note-1\"><bdi>Browne, E. G. (1910). The Persian Revolution of 1905–1909. Cambridge University "
                   "Press.</bdi></li>") != std::string::npos);
  CHECK(r.out.find("<li id=\"note-2\"><bdi>Browne 1910, p. 201.</bdi></li>") != std::string::npos);
  CHECK(r.out.find("<h2>Sources</h2>") != std::string::npos);
  CHECK(r.out.find("<li dir=\"auto\">Firuz Kazemzadeh (1968). <cite><bdi>Russia and Britain in Persia</bdi></cite>.</li>") !=
        std::string::npos);
}

TEST_CASE("csv and JSON keep the locators", "[citations]") {
  cli_dir dir("citations-data");
  dir.write("persia.yaml", persia);
  const auto csv = run_cli_clean(dir, {"render", "--format", "csv", "persia.yaml"});
  CHECK(csv.out.find(",browne; browne p. 201; kazemzadeh pp. 45\u201347 (on the franchise),") != std::string::npos);
  const auto r = run_cli_clean(dir, {"render", "--format", "json", "persia.yaml"});
  const auto j = nlohmann::json::parse(r.out);
  const auto& cites = j["events"][0]["citations"];
  REQUIRE(cites.size() == 3);
  CHECK(cites[0] == nlohmann::json{{"source", "browne"}, {"text", "Browne 1910"}});
  CHECK(cites[1]["page"] == "201");
  CHECK(cites[2]["pages"] == "45-47");
  CHECK(cites[2]["note"] == "on the franchise");
  CHECK(j["timeline"]["sources"][0]["author"] == "Browne, E. G.");
  CHECK(j["timeline"]["sources"][0]["year"] == "1910");
  CHECK(j["timeline"]["sources"][0]["publisher"] == "Cambridge University Press");
}

TEST_CASE("csv keeps each source's reading of a disputed date", "[citations]") {
  cli_dir dir("citations-readings");
  dir.write("a.yaml", "sources:\n  varro: {title: Varro}\n  cato: {title: Cato}\nevents:\n"
                      "  - {id: founding, title: Rome, date: {sources: {varro: 753 BC, cato: 751 BC}}}\n");
  const auto r = run_cli(dir, {"render", "--format", "csv", "a.yaml"});
  CHECK(r.status == 0);
  CHECK(r.out.find(",readings\r\n") != std::string::npos);
  CHECK(r.out.find(",Varro: 753 BC; Cato: 751 BC\r\n") != std::string::npos);
}

TEST_CASE("a bad citation is an error at its position", "[citations]") {
  cli_dir dir("citations-bad");
  const auto validate = [&](const std::string& list) {
    dir.write("a.yaml", with_sources(list));
    return run_cli(dir, {"validate", "a.yaml"});
  };
  SECTION("an unknown source") {
    const auto r = validate("[{id: brown, page: 3}]");
    CHECK(r.status == 1);
    CHECK(r.out.find("a.yaml:7:20: error: unknown source 'brown'; did you mean 'browne'? [unknown-reference]") != std::string::npos);
    CHECK(r.out.find("did you mean 'browne'?") != std::string::npos);
  }
  SECTION("page and pages together") {
    const auto r = validate("[{id: browne, page: 3, pages: 3-4}]");
    CHECK(r.status == 1);
    CHECK(r.out.find("a.yaml:7:44: error: a citation takes 'page' or 'pages', not both; one page: page: 201; a range: pages: "
                      "201-203 [invalid-citation]") !=
          std::string::npos);
  }
  SECTION("a range in page") {
    const auto r = validate("[{id: browne, page: 45-47}]");
    CHECK(r.status == 1);
    CHECK(r.out.find("a.yaml:7:34: error: 'page' holds one page, not '45-47'; a range of pages goes in 'pages': pages: "
                      "45-47 [invalid-citation]") != std::string::npos);
    CHECK(r.out.find("pages: 45-47") != std::string::npos);
  }
  SECTION("a range that ends before it begins") {
    const auto r = validate("[{id: browne, pages: 47-45}]");
    CHECK(r.status == 1);
    CHECK(r.out.find("a.yaml:7:35: error: the page range '47-45' ends before it begins; write the first and last page: "
                      "pages: 45-47; one page goes in 'page' [invalid-citation]") !=
          std::string::npos);
  }
  SECTION("pages that are not a range") {
    const auto r = validate("[{id: browne, pages: 45}]");
    CHECK(r.status == 1);
    CHECK(r.out.find("'pages' must be a range of pages such as 45-47; write the first") != std::string::npos);
  }
  SECTION("a misspelt locator") {
    const auto r = validate("[{id: browne, pgae: 3}]");
    CHECK(r.status == 1);
    CHECK(r.out.find("unknown field 'pgae', did you mean 'page'?") != std::string::npos);
  }
  SECTION("a citation without its id") {
    const auto r = validate("[{page: 3}]");
    CHECK(r.status == 1);
    CHECK(r.out.find("missing required field 'id'") != std::string::npos);
  }
  SECTION("a source url that is not http(s)") {
    dir.write("a.yaml", "sources:\n  b: {title: B, author: A, url: \"javascript:alert(1)\"}\nevents: []\n");
    const auto r = run_cli(dir, {"validate", "a.yaml"});
    CHECK(r.status == 1);
    CHECK(r.out.find("[unsafe-url]") != std::string::npos);
  }
  SECTION("a good citation passes") {
    CHECK(validate("[browne, {id: browne, page: xii}, {id: browne, pages: 45\u201347, note: a note}]").status == 0);
  }
}
