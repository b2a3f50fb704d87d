// The time axis of the drawing: ticks from hours to millennia, in a zone; gap bands.

#include <catch2/catch.hpp>

#include "sample_timeline.hpp"
#include "output/time_axis.hpp"
#include "time/civil.hpp"
#include "time/zones.hpp"

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
  CHECK(std::find(millennia.begin(), millennia.end(), "4000 BC") != millennia.end());
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

namespace {

std::vector<std::string> labels_of(const std::vector<axis::tick>& ticks) {
  std::vector<std::string> out;
  for (const auto& t : ticks) out.push_back(t.label);
  return out;
}

// An extent of one whole day, as a day-dated event gives the scale.
axis::extent one_day(int y, unsigned m, unsigned d) {
  return {day_start(y, m, d), day_start(y, m, d) + std::chrono::seconds{86399}, 120, 4 * 86400};
}

// One day drawn in pixels, in each segment.
std::vector<double> day_widths(const axis::scale& sc) {
  std::vector<double> out;
  for (const auto& s : sc.segments()) {
    out.push_back((s.x1 - s.x0) * 86400.0 / static_cast<double>((s.to - s.from).count()));
  }
  return out;
}

}  // namespace

TEST_CASE("year ticks fall on round years as historians count them, with no year 0", "[axis]") {
  SECTION("centuries before and after Christ") {
    axis::scale sc({{day_start(-849, 1, 1), day_start(450, 12, 31)}}, 0, 1000);
    const auto labels = labels_of(sc.ticks(84));
    // The BC year's own number is round; AD 1 follows 100 BC as its next year does.
    CHECK(labels == std::vector<std::string>{"800 BC", "600 BC", "400 BC", "200 BC", "AD 1", "AD 200", "AD 400"});
  }
  SECTION("decades BC") {
    axis::scale sc({{day_start(-219, 1, 1), day_start(-149, 12, 31)}}, 0, 1000);
    const auto labels = labels_of(sc.ticks(84));
    CHECK(labels == std::vector<std::string>{"220 BC", "210 BC", "200 BC", "190 BC", "180 BC", "170 BC", "160 BC", "150 BC"});
  }
  SECTION("centuries") {
    axis::scale sc({{day_start(1013, 1, 1), day_start(1987, 1, 1)}}, 0, 1000);
    const auto labels = labels_of(sc.ticks(84));
    REQUIRE(labels.size() >= 4);
    for (const auto& l : labels) CHECK(std::stoi(l) % 100 == 0);
  }
  SECTION("millennia reach AD 1 across the eras") {
    axis::scale sc({{day_start(-9999, 1, 1), day_start(2000, 1, 1)}}, 0, 1000);
    const auto labels = labels_of(sc.ticks(84));
    CHECK(std::find(labels.begin(), labels.end(), "4000 BC") != labels.end());
    CHECK(std::find(labels.begin(), labels.end(), "AD 1") != labels.end());
    CHECK(std::find(labels.begin(), labels.end(), "4001 BC") == labels.end());
  }
}

TEST_CASE("month and hour ticks fall on round months and hours", "[axis]") {
  SECTION("quarters") {
    axis::scale sc({{day_start(2015, 1, 10), day_start(2016, 12, 20)}}, 0, 1000);
    const auto ticks = sc.ticks(84);
    REQUIRE(ticks.size() >= 4);
    for (const auto& t : ticks) {
      const auto d = civil::civil_from_days(civil::day_of(t.at));
      CHECK(d.d == 1);
      CHECK((d.m - 1) % 3 == 0);
      CHECK(t.at == civil::day_start(civil::day_of(t.at)));
    }
    CHECK(labels_of(ticks)[0] == "2015");
    CHECK(labels_of(ticks)[1] == "Apr");
    CHECK(std::find_if(ticks.begin(), ticks.end(), [](const axis::tick& t) { return t.label == "2016"; }) != ticks.end());
  }
  SECTION("hours") {
    const instant from = day_start(2015, 11, 23) + std::chrono::minutes{30};
    axis::scale sc({{from, from + std::chrono::hours{43}}}, 0, 1000);
    const auto labels = labels_of(sc.ticks(84));
    REQUIRE(labels.size() >= 5);
    CHECK(labels[0] == "23 Nov 2015, 00:00");
    CHECK(std::find(labels.begin(), labels.end(), "24 Nov") != labels.end());
    for (std::size_t k = 1; k < labels.size(); ++k) {
      if (labels[k] == "24 Nov") continue;
      CHECK(std::stoi(labels[k].substr(0, 2)) % 6 == 0);
      CHECK(labels[k].substr(2) == ":00");
    }
  }
}

TEST_CASE("day ticks fall on local midnights east of UTC, labelled with the local day", "[axis]") {
  const zone tehran = find_zone("Asia/Tehran");
  REQUIRE(tehran != nullptr);
  // 23 Nov 2015 in Tehran (+03:30): from 22 Nov 20:30 UTC.
  const instant local_23 = day_start(2015, 11, 22) + std::chrono::hours{20} + std::chrono::minutes{30};
  const auto at_local_midnight = [&](const axis::tick& t) { return detail::local_seconds(tehran, t.at) % 86400 == 0; };
  SECTION("a week") {
    axis::scale sc({{local_23, local_23 + std::chrono::days{6} - std::chrono::seconds{1}}}, 0, 1000);
    const auto ticks = sc.ticks(84, tehran);
    REQUIRE(ticks.size() >= 3);
    for (const auto& t : ticks) CHECK(at_local_midnight(t));
    const auto the_24th = std::find_if(ticks.begin(), ticks.end(), [](const axis::tick& t) { return t.label == "24 Nov"; });
    REQUIRE(the_24th != ticks.end());
    CHECK(the_24th->at == local_23 + std::chrono::days{1});
  }
  SECTION("a lone day beside a long gap: its stretch is named at a midnight, never at its middle") {
    axis::scale sc({{local_23, local_23 + std::chrono::days{1} - std::chrono::seconds{1}, 120, 4 * 86400},
                    {local_23 + std::chrono::days{2000}, local_23 + std::chrono::days{2001} - std::chrono::seconds{1}, 120, 4 * 86400}},
                   0, 1000);
    REQUIRE(sc.bands().size() == 1);
    const auto ticks = sc.ticks(84, tehran);
    REQUIRE(!ticks.empty());
    for (const auto& t : ticks) CHECK(at_local_midnight(t));
    CHECK((ticks[0].label == "23 Nov 2015" || ticks[0].label == "24 Nov 2015"));
    CHECK(ticks[0].x >= sc.segments()[0].x0);
  }
}

TEST_CASE("a known day is drawn about as wide on both sides of a band", "[axis]") {
  // A lone day in 2007; then a month-by-month chronology of two years.
  std::vector<axis::extent> extents{one_day(2007, 10, 16)};
  for (int k = 0; k < 24; ++k) extents.push_back(one_day(2014 + k / 12, static_cast<unsigned>(k % 12 + 1), 5));
  axis::scale sc(extents, 0, 1000);
  REQUIRE(sc.bands().size() == 1);
  const auto w = day_widths(sc);
  const double widest = *std::max_element(w.begin(), w.end()), narrowest = *std::min_element(w.begin(), w.end());
  // Wider than a mark only where every stretch draws a day so wide, within the ratio.
  CHECK(widest <= std::max(axis::unit_px, axis::max_scale_ratio * narrowest) + 1e-9);
  CHECK(sc.x(day_start(2007, 10, 17)) - sc.x(day_start(2007, 10, 16)) < 9);  // drawn as a mark, not a bar
}

TEST_CASE("a busy stretch is given room though the years around it are not empty", "[axis]") {
  // A chronology of 1979-2015 with an event every few years, and 28 events in Feb-Sep 2010.
  std::vector<axis::extent> extents;
  for (int y : {1979, 1980, 1981, 1988, 1989, 1997, 2001, 2005, 2009, 2013, 2015}) extents.push_back(one_day(y, 6, 1));
  const instant busy0 = day_start(2010, 2, 1);
  for (int k = 0; k < 28; ++k) {
    const instant at = busy0 + std::chrono::days{8 * k};
    extents.push_back({at, at + std::chrono::seconds{86399}, 120, 4 * 86400});
  }
  axis::scale sc(extents, 0, 1000);
  const double per_event = (sc.x(busy0 + std::chrono::days{8 * 27}) - sc.x(busy0)) / 27;
  CHECK(per_event >= 15);
  CHECK(sc.bands().size() <= 3);
  // And each stretch stays linear: the busy one is a stretch of its own.
  bool own = false;
  for (const auto& s : sc.segments()) own = own || (s.from <= busy0 && s.to >= busy0 + std::chrono::days{8 * 27} && s.to < day_start(2013, 1, 1));
  CHECK(own);
}

TEST_CASE("events spread evenly over the years leave nothing out", "[axis]") {
  std::vector<axis::extent> extents;
  for (int y = 1900; y <= 1950; y += 2) extents.push_back(one_day(y, 3, 1));
  axis::scale sc(extents, 0, 1000);
  CHECK(sc.bands().empty());
  CHECK(sc.segments().size() == 1);
}

TEST_CASE("any set of extents gives ordered segments within the width, monotonic positions and ticks inside", "[axis]") {
  std::uint64_t seed = 23;
  auto next = [&](std::int64_t n) {  // a fixed sequence: the same cases every run
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::int64_t>((seed >> 33) % static_cast<std::uint64_t>(n));
  };
  const zone tehran = find_zone("Asia/Tehran");
  for (int round = 0; round < 200; ++round) {
    const std::int64_t scale_s = std::int64_t{60} << next(30);  // a minute to millennia
    const instant base = day_start(static_cast<int>(next(4000)) - 1000, 1, 1);
    std::vector<axis::extent> extents;
    const auto count = 1 + next(60);
    for (std::int64_t k = 0; k < count; ++k) {
      const instant lo = base + std::chrono::seconds{next(scale_s)};
      extents.push_back({lo, lo + std::chrono::seconds{next(1 + scale_s / (1 + next(50)))}, static_cast<double>(next(200)),
                         next(4 * 86400)});
    }
    axis::scale sc(extents, 100, 1100);
    INFO("round " << round);
    REQUIRE(!sc.segments().empty());
    CHECK(sc.bands().size() == sc.segments().size() - 1);
    CHECK(sc.bands().size() <= 3);
    CHECK(sc.segments().front().x0 == Approx(100));
    CHECK(sc.segments().back().x1 <= 1100 + 1e-6);
    for (std::size_t k = 0; k < sc.segments().size(); ++k) {
      const auto& s = sc.segments()[k];
      CHECK(s.from < s.to);
      CHECK(s.x0 < s.x1);
      if (k > 0) CHECK(sc.segments()[k - 1].to < s.from);
    }
    double last_x = -1e18;
    for (const auto& e : extents) CHECK(sc.x(e.lo) <= sc.x(e.hi) + 1e-9);
    for (const auto& t : sc.ticks(84, round % 2 ? tehran : nullptr)) {
      CHECK(!t.label.empty());
      CHECK(t.x >= last_x);
      CHECK(t.at >= sc.first());
      CHECK(t.at <= sc.last());
      last_x = t.x;
    }
  }
}
