// The drawing as svg: uncertainty drawn as it is known, a legend of only what was drawn,
// right-to-left text isolated.

#include <catch2/catch.hpp>

#include "cli_run.hpp"

using namespace annals::testing;

namespace {

std::size_t count(const std::string& hay, std::string_view needle) {
  std::size_t n = 0;
  for (auto p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + needle.size())) ++n;
  return n;
}

std::string svg_of(const char* name, const char* yaml) {
  const cli_dir dir(name);
  dir.write("t.yaml", yaml);
  const cli_result r = run_cli(dir, {"render", "t.yaml", "--format", "svg"});
  REQUIRE(r.status == 0);
  return r.out;
}

}  // namespace

TEST_CASE("a qualifier's widening is drawn faded around the stated dates, and the legend says so", "[render][svg]") {
  const std::string svg = svg_of("svg-widened", R"(timeline: w
events:
  - {id: a, title: Founded, date: c. 1500}
  - {id: b, title: Reformed, date: 1530}
  - {id: c, title: Ended, date: 1560}
)");
  const std::string marks = svg.substr(svg.find("<g class=\"events\">"));
  CHECK(count(marks.substr(0, marks.find("<g class=\"legend\">")), "class=\"widened\"") == 1);
  CHECK(svg.find("widened by c., about or ?") != std::string::npos);
  CHECK(count(svg, "class=\"mark hollow\"") == 1);
  // Nothing in this drawing is inferred, cut, or left out: the legend does not offer them.
  CHECK(svg.find("narrowed by links") == std::string::npos);
  CHECK(svg.find("time left out") == std::string::npos);
  CHECK(svg.find("goes on past the window") == std::string::npos);
}

TEST_CASE("a gap band, and only then, is in the legend", "[render][svg]") {
  const std::string svg = svg_of("svg-band", R"(timeline: g
events:
  - {id: a, title: One, date: 2007-10-16}
  - {id: b, title: Two, date: 2007-10-17}
  - {id: c, title: Three, date: 2015-11-23}
  - {id: d, title: Four, date: 2015-11-24}
)");
  CHECK(count(svg, "<g class=\"band\">") == 1);
  CHECK(svg.find("time left out (no events)") != std::string::npos);
}

TEST_CASE("right-to-left names are isolated, so actor and place keep their order", "[render][svg]") {
  const std::string svg = svg_of("svg-rtl", R"(timeline: r
actors:
  majles: {name: مجلس شورای ملی}
places:
  tehran: {name: "تهران، ایران"}
events:
  - {id: a, title: Opening of the Majles, date: 1906-10-07, actors: [majles], place: tehran}
)");
  // FSI … PDI around each right-to-left name, in the tooltip and the lane name.
  CHECK(svg.find(" · \u2068مجلس شورای ملی\u2069 · \u2068تهران، ایران\u2069") != std::string::npos);
  CHECK(svg.find(">\u2068مجلس شورای ملی\u2069<") != std::string::npos);
  CHECK(svg.find("\u2068Opening") == std::string::npos);  // left-to-right text is left as it is
}

TEST_CASE("a crowded lane keeps twelve rows of labels and draws the other marks alone", "[render][svg]") {
  std::string yaml = "timeline: crowd\nevents:\n";
  for (int k = 0; k < 200; ++k) {
    yaml += "  - {id: e" + std::to_string(k) + ", title: A long title for event number " + std::to_string(k) +
            ", date: " + std::to_string(1 + k % 28) + " November 2015}\n";
  }
  const std::string svg = svg_of("svg-crowd", yaml.c_str());
  CHECK(count(svg, "<g class=\"event\"") == 200);  // every event has its mark
  const std::size_t labels = count(svg, "A long title for event number");
  CHECK(labels < 400);  // tooltips hold all 200; the labels drawn are fewer
  CHECK(labels > 200);
  // One lane of twelve rows of 36 units, whatever the number of events.
  const auto h = svg.find("height=\"");
  CHECK(std::stod(svg.substr(h + 8)) < 700);
}
