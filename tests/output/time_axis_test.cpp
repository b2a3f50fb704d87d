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
