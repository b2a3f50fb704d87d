// Lanes: an event in the lane of every actor it has, colours stable from the ids and
// readable as text on the page.

#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <regex>

#include "cli_run.hpp"
#include "output/lanes.hpp"

using namespace annals;
using namespace annals::testing;

namespace {

// WCAG 2 relative luminance and contrast ratio.
double luminance(std::string_view hex) {
  double sum = 0;
  const double weight[] = {0.2126, 0.7152, 0.0722};
  for (int k = 0; k < 3; ++k) {
    const double c = std::stoi(std::string(hex.substr(1 + 2 * k, 2)), nullptr, 16) / 255.0;
    sum += weight[k] * (c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4));
  }
  return sum;
}
double contrast(std::string_view a, std::string_view b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// Lane name -> colour, as the svg draws them.
std::map<std::string, std::string> lane_colours(const std::string& svg) {
  std::map<std::string, std::string> out;
  static const std::regex lane(R"re(class="lane-name" x="16" y="[0-9.]+" style="fill:(#[0-9a-f]{6})">([^<]+)<)re");
  for (std::sregex_iterator it(svg.begin(), svg.end(), lane), end; it != end; ++it) out[(*it)[2]] = (*it)[1];
  return out;
}

const char* two_actors = R"(timeline: lanes
title: Lanes
actors:
  putin: {name: Vladimir Putin}
  rouhani: {name: Hassan Rouhani}
  khamenei: {name: Ali Khamenei}
events:
  - {id: talks, title: Talks, date: 2015-11-23, actors: [putin, rouhani]}
  - {id: meeting, title: Meeting, date: 2015-11-23, actors: [putin, khamenei]}
  - {id: decree, title: Decree, date: 2015-11-16, actors: [putin]}
)";

}  // namespace

TEST_CASE("every lane colour reads as text on the page and on a shaded lane", "[render][svg][lanes]") {
  for (std::string_view c : svg::lane_palette()) {
    CHECK(contrast(c, "#ffffff") >= 4.5);
    CHECK(contrast(c, "#f9f8f5") >= 4.5);
  }
}

TEST_CASE("an event is drawn in the lane of each of its actors, its own mark once", "[render][svg][lanes]") {
  const cli_dir dir("lanes-actors");
  dir.write("l.yaml", two_actors);
  const std::string svg = run_cli(dir, {"render", "l.yaml", "--format", "svg"}).out;
  const auto lanes = lane_colours(svg);
  CHECK(lanes.size() == 3);  // Khamenei and Rouhani have lanes though neither is anyone's first actor
  CHECK(lanes.count("Ali Khamenei") == 1);
  CHECK(lanes.count("Hassan Rouhani") == 1);
  std::size_t own = 0, copies = 0;
  for (auto p = svg.find("<g class=\"event\""); p != std::string::npos; p = svg.find("<g class=\"event\"", p + 1)) ++own;
  for (auto p = svg.find("<g class=\"also\""); p != std::string::npos; p = svg.find("<g class=\"also\"", p + 1)) ++copies;
  CHECK(own == 3);
  CHECK(copies == 2);
  CHECK(svg.find("its own mark is in the lane of Vladimir Putin") != std::string::npos);
  CHECK(svg.find("also in this lane") != std::string::npos);  // the legend says what a copy is
}

TEST_CASE("an actor keeps its colour under any filter", "[render][svg][lanes]") {
  const cli_dir dir("lanes-colours");
  dir.write("l.yaml", two_actors);
  const auto all = lane_colours(run_cli(dir, {"render", "l.yaml", "--format", "svg"}).out);
  const auto one = lane_colours(run_cli(dir, {"render", "l.yaml", "--format", "svg", "--actor", "khamenei"}).out);
  const auto late = lane_colours(run_cli(dir, {"render", "l.yaml", "--format", "svg", "--from", "2015-11-20"}).out);
  REQUIRE(one.count("Ali Khamenei") == 1);
  CHECK(one.at("Ali Khamenei") == all.at("Ali Khamenei"));
  CHECK(one.at("Vladimir Putin") == all.at("Vladimir Putin"));
  for (const auto& [name, colour] : late) CHECK(colour == all.at(name));
  // Three actors, three colours.
  CHECK(all.at("Ali Khamenei") != all.at("Vladimir Putin"));
  CHECK(all.at("Hassan Rouhani") != all.at("Vladimir Putin"));
}
