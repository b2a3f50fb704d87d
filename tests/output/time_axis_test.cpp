// The time axis of the drawing: ticks from hours to millennia, in a zone; gap bands.

#include <catch2/catch.hpp>

#include "sample_timeline.hpp"
#include "output/time_axis.hpp"

using namespace annals;
using namespace annals::testing;

TEST_CASE("ticks adapt from hours to millennia", "[axis]") {
  auto first_labels = [](instant a, instant b) {
    axis::scale sc({{a, b}}, 0, 1000);
    std::vector<std::string> out;
    for (const auto& t : sc.ticks(84)) out.push_back(t.label);
    return out;
  };
  const auto hours = first_labels(day_start(2015, 11, 23), day_start(2015, 11, 23) + std::chrono::hours{10});
  REQUIRE(hours.size() >= 3);
  CHECK(hours[1].find(":00") != std::string::npos);
  const auto days = first_labels(day_start(2015, 11, 1), day_start(2015, 11, 30));
  CHECK(std::find(days.begin(), days.end(), "15 Nov") != days.end());
  const auto years = first_labels(day_start(1900, 1, 1), day_start(2000, 1, 1));
  CHECK(std::find(years.begin(), years.end(), "1950") != years.end());
  const auto millennia = first_labels(day_start(-9999, 1, 1), day_start(2000, 1, 1));
  CHECK(std::find(millennia.begin(), millennia.end(), "4001 BC") != millennia.end());
}

TEST_CASE("a long empty stretch becomes one gap band between two segments", "[axis]") {
  axis::scale sc({{day_start(2007, 10, 16), day_start(2007, 10, 17)},
                  {day_start(2015, 11, 16), day_start(2015, 11, 24)},
                  {day_start(2015, 12, 11), day_start(2015, 12, 21)}},
                 0, 1000);
  REQUIRE(sc.bands().size() == 1);
  CHECK(sc.bands()[0].from == day_start(2007, 10, 17));
  CHECK(sc.bands()[0].to == day_start(2015, 11, 16));
  REQUIRE(sc.segments().size() == 2);
  CHECK(sc.x(day_start(2015, 11, 23)) > sc.bands()[0].x1);
  CHECK(sc.x(day_start(2015, 11, 23)) < sc.x(day_start(2015, 12, 15)));
}

TEST_CASE("a few hours get ticks at whole minutes of the zone's clock", "[axis]") {
  const instant start = day_start(2017, 2, 28) + std::chrono::hours{17} + std::chrono::minutes{30};  // 09:30 in Los Angeles
  axis::scale sc({{start, start + std::chrono::hours{4} + std::chrono::minutes{25}}}, 0, 1000);
  const zone la = find_zone("America/Los_Angeles");
  REQUIRE(la != nullptr);
  std::vector<std::string> labels;
  for (const auto& t : sc.ticks(84, la)) labels.push_back(t.label);
  REQUIRE(labels.size() >= 8);
  CHECK(labels[0] == "28 Feb 2017, 09:00");  // the first names its day
  CHECK(std::find(labels.begin(), labels.end(), "09:30") != labels.end());
  CHECK(std::find(labels.begin(), labels.end(), "10:00") != labels.end());
  CHECK(std::find(labels.begin(), labels.end(), "13:30") != labels.end());
  // Half an hour in a narrow chart: ticks every five minutes.
  axis::scale narrow({{start, start + std::chrono::minutes{30}}}, 0, 600);
  std::vector<std::string> minutes;
  for (const auto& t : narrow.ticks(84, la)) minutes.push_back(t.label);
  CHECK(std::find(minutes.begin(), minutes.end(), "09:45") != minutes.end());
}

TEST_CASE("a window cuts the axis: no time outside it, extents wholly outside left out", "[axis]") {
  const instant from = day_start(2017, 2, 28) + std::chrono::hours{10};
  const instant to = day_start(2017, 2, 28) + std::chrono::hours{12};
  axis::scale sc({{day_start(2017, 2, 27), day_start(2017, 3, 2)},  // runs past both ends
                  {from + std::chrono::minutes{30}, from + std::chrono::minutes{31}},
                  {day_start(2017, 3, 6), day_start(2017, 3, 7)}},  // wholly after
                 0, 1000, {from, to});
  CHECK(sc.first() == from);
  CHECK(sc.last() == to);
  CHECK(sc.bands().empty());
  CHECK(sc.x(from) == Approx(0));
  CHECK(sc.x(to) == Approx(1000));
  // Events inside the window, with room around them but none beyond it.
  axis::scale inside({{from + std::chrono::minutes{30}, from + std::chrono::minutes{90}}}, 0, 1000, {from, to});
  CHECK(inside.first() >= from);
  CHECK(inside.first() < from + std::chrono::minutes{30});
  CHECK(inside.last() <= to);
  CHECK(inside.last() > from + std::chrono::minutes{90});
}

TEST_CASE("the hours of an incident keep their width beside follow-ups days later", "[axis]") {
  const instant start = day_start(2017, 2, 28) + std::chrono::hours{17} + std::chrono::minutes{30};
  std::vector<axis::extent> extents;
  for (int k = 0; k < 15; ++k) {  // an event every 17 minutes, each written to the minute
    const instant at = start + std::chrono::minutes{17 * k};
    extents.push_back({at, at + std::chrono::seconds{59}});
  }
  // Two days of Los Angeles, 08:00Z to 07:59:59Z: by the rule for long gaps alone, the
  // days between would be drawn to scale.
  for (int day : {3, 6}) {
    const instant from = day_start(2017, 3, static_cast<unsigned>(day)) + std::chrono::hours{8};
    extents.push_back({from, from + std::chrono::hours{24} - std::chrono::seconds{1}});
  }
  axis::scale sc(extents, 0, 1000);
  REQUIRE(!sc.bands().empty());
  CHECK(sc.bands()[0].from == start + std::chrono::minutes{17 * 14} + std::chrono::seconds{59});
  REQUIRE(sc.segments().size() == sc.bands().size() + 1);
  const auto width = [](const axis::segment& s) { return s.x1 - s.x0; };
  for (std::size_t k = 1; k < sc.segments().size(); ++k) CHECK(width(sc.segments()[0]) > 3 * width(sc.segments()[k]));
}
