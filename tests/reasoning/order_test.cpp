#include "annals/order.hpp"

#include <catch2/catch.hpp>

#include "timeline_builder.hpp"

using namespace annals;
using annals::test::at;
using annals::test::in_month;
using annals::test::in_year;
using annals::test::on;
using annals::test::timeline_builder;
using rel = relative_date::relation;

namespace {

std::string numbered(int i) {
  std::string id = "e";
  id += std::to_string(i);
  return id;
}

std::vector<std::string> texts(const std::vector<diagnostic>& ds) {
  std::vector<std::string> out;
  for (const diagnostic& d : ds) out.push_back(format_text(d));
  return out;
}

std::vector<std::string> ids(const timeline& tl, const chronology& ch) {
  std::vector<std::string> out;
  for (std::uint32_t i : ch.order) out.emplace_back(tl.names.name(tl.events[i].id));
  return out;
}

const event_bounds& bounds_of(const timeline& tl, const chronology& ch, std::string_view id) {
  return ch.bounds[*tl.find_event(id)];
}

constexpr std::chrono::seconds second{1};

}  // namespace

TEST_CASE("an effect dated before its cause is a causal-order error naming the link and both dates", "[order]") {
  timeline_builder b;
  b.add("a", on(2015, 11, 23), "2015-11-23");
  b.add("b", on(2015, 11, 20), "2015-11-20");
  b.link("a", link_kind::causes, "b");
  const timeline tl = b.build();
  std::vector<diagnostic> ds;
  order_events(tl, ds);
  CHECK(texts(ds) == std::vector<std::string>{
                         "input:3:5: error: 'b' cannot begin before 23 Nov 2015: 'a' (23 Nov 2015) causes 'b' "
                         "(20 Nov 2015) [causal-order]"});
}

TEST_CASE("a contradiction through a chain of links names every link and date of the chain", "[order]") {
  timeline_builder b;
  b.add("visit", on(2015, 11, 23), "November 23rd");
  b.add("decree", in_month(2015, 11), "November 2015");
  b.add("credit", on(2015, 11, 20), "2015-11-20");
  b.link("decree", link_kind::caused_by, "visit");
  b.link("decree", link_kind::enables, "credit");
  const timeline tl = b.build();
  std::vector<diagnostic> ds;
  const chronology ch = order_events(tl, ds);
  CHECK(texts(ds) == std::vector<std::string>{
                         "input:4:5: error: 'credit' cannot begin before 23 Nov 2015: 'visit' (23 Nov 2015) causes "
                         "'decree' (Nov 2015), which enables 'credit' (20 Nov 2015) [causal-order]"});
  SECTION("the events of a contradiction keep their stated bounds") {
    const event_bounds& credit = bounds_of(tl, ch, "credit");
    CHECK(credit.start_min == at(2015, 11, 20));
    CHECK(credit.end_max == at(2015, 11, 21) - second);
    CHECK_FALSE(ch.narrowed[2]);
  }
}

TEST_CASE("a part outside its whole is a causal-order error", "[order]") {
  timeline_builder b;
  b.add("summit", in_month(2015, 11), "November 2015");
  b.add("speech", on(2015, 12, 5), "2015-12-05");
  b.link("speech", link_kind::part_of, "summit");
  const timeline tl = b.build();
  std::vector<diagnostic> ds;
  order_events(tl, ds);
  CHECK(texts(ds) == std::vector<std::string>{
                         "input:2:5: error: 'summit' cannot end before 5 Dec 2015: 'speech' (5 Dec 2015) is part of "
                         "'summit' (Nov 2015) [causal-order]"});
}

TEST_CASE("a vague date is narrowed by its links and its stated bounds are kept apart", "[order]") {
  // A diamond: top causes left and right, both cause bottom.
  timeline_builder b;
  b.add("top", on(2015, 11, 5), "2015-11-05");
  b.add("left", in_year(2015), "2015");
  b.add("right", in_year(2015), "2015");
  b.add("bottom", on(2015, 11, 10), "2015-11-10");
  b.link("top", link_kind::causes, "left").link("top", link_kind::causes, "right");
  b.link("left", link_kind::causes, "bottom").link("bottom", link_kind::caused_by, "right");
  const timeline tl = b.build();
  std::vector<diagnostic> ds;
  const chronology ch = order_events(tl, ds);
  CHECK(ds.empty());
  for (std::string_view id : {"left", "right"}) {
    const event_bounds& m = bounds_of(tl, ch, id);
    CHECK(m.start_min == at(2015, 11, 5));
    CHECK(m.start_max == at(2015, 11, 11) - second);
    CHECK(m.end_max == at(2016, 1, 1) - second);  // an effect may outlast its cause's effects
    CHECK(ch.narrowed[*tl.find_event(id)]);
    CHECK(tl.events[*tl.find_event(id)].date == in_year(2015));  // stated, untouched
  }
  CHECK_FALSE(ch.narrowed[0]);
  CHECK_FALSE(ch.narrowed[3]);
  CHECK(ids(tl, ch) == std::vector<std::string>{"top", "left", "right", "bottom"});
}

TEST_CASE("after and before order one event's end before another's start", "[order]") {
  timeline_builder b;
  b.add("talks", in_month(2015, 11), "November 2015");
  b.add("deal", on(2015, 11, 12), "2015-11-12");
  b.add("rumour", in_month(2015, 11), "November 2015");
  b.link("talks", link_kind::before, "deal");
  b.link("rumour", link_kind::after, "deal");
  const timeline tl = b.build();
  std::vector<diagnostic> ds;
  const chronology ch = order_events(tl, ds);
  CHECK(ds.empty());
  CHECK(bounds_of(tl, ch, "talks").end_max == at(2015, 11, 13) - second);
  CHECK(bounds_of(tl, ch, "talks").start_max == at(2015, 11, 13) - second);
  CHECK(bounds_of(tl, ch, "rumour").start_min == at(2015, 11, 12));
  CHECK(ids(tl, ch) == std::vector<std::string>{"talks", "deal", "rumour"});
}

TEST_CASE("a relative date is its anchor shifted, keeping the anchor's uncertainty", "[order]") {
  timeline_builder b;
  b.add("visit", in_month(2015, 11), "November 2015");
  b.add_relative("decree", rel::after, "visit", duration{0, 0, 3, 0}, "after visit by P3D");
  b.add_relative("credit", rel::after, "decree", duration{0, 0, 2, 0}, "after decree by P2D");
  b.add_relative("rumour", rel::before, "credit", duration{0, 0, 1, 0}, "before credit by P1D");
  const timeline tl = b.build();
  std::vector<diagnostic> ds;
  const chronology ch = order_events(tl, ds);
  CHECK(ds.empty());
  SECTION("relative dates on relative dates add up") {
    const event_bounds& credit = bounds_of(tl, ch, "credit");
    CHECK(credit.start_min == at(2015, 11, 6));
    CHECK(credit.end_max == at(2015, 12, 6) - second);
    CHECK(ch.narrowed[2]);
  }
  SECTION("before with a duration shifts earlier") {
    const event_bounds& rumour = bounds_of(tl, ch, "rumour");
    CHECK(rumour.start_min == at(2015, 11, 5));
    CHECK(rumour.end_max == at(2015, 12, 5) - second);
  }
  SECTION("a calendar duration follows the calendar") {
    timeline_builder m;
    m.add("start", on(2015, 1, 31), "2015-01-31");
    m.add_relative("month-later", rel::after, "start", duration{0, 1, 0, 0}, "after start by P1M");
    const timeline mt = m.build();
    std::vector<diagnostic> none;
    CHECK(bounds_of(mt, order_events(mt, none), "month-later").start_min == at(2015, 2, 28));
  }
}

TEST_CASE("after and during without a duration only bound the relative date", "[order]") {
  timeline_builder b;
  b.add("war", in_year(2015), "2015");
  b.add("truce", on(2015, 6, 1), "2015-06-01");
  b.add_relative("battle", rel::during, "war", std::nullopt, "during war");
  b.link("battle", link_kind::before, "truce");
  b.add_relative("aftermath", rel::after, "truce", std::nullopt, "after truce");
  const timeline tl = b.build();
  std::vector<diagnostic> ds;
  const chronology ch = order_events(tl, ds);
  CHECK(ds.empty());
  CHECK(bounds_of(tl, ch, "battle").start_min == at(2015, 1, 1));
  CHECK(bounds_of(tl, ch, "battle").end_max == at(2015, 6, 2) - second);
  CHECK(bounds_of(tl, ch, "aftermath").start_min == at(2015, 6, 1));
  CHECK(bounds_of(tl, ch, "aftermath").end_max == open_end);
}

TEST_CASE("a chain of 100,000 relative dates propagates without deep recursion", "[order]") {
  timeline_builder b;
  b.add("e0", on(2000, 1, 1), "2000-01-01");
  for (int i = 1; i <= 100000; ++i) {
    b.add_relative(numbered(i), rel::after, numbered(i - 1), duration{0, 0, 0, 60},
                   "after by PT1M");
  }
  const timeline tl = b.build();
  std::vector<diagnostic> ds;
  const chronology ch = order_events(tl, ds);
  CHECK(ds.empty());
  CHECK(ch.bounds.back().start_min == at(2000, 1, 1) + std::chrono::minutes{100000});
  CHECK(ch.order.front() == 0);
  CHECK(ch.order.back() == 100000);
}

TEST_CASE("a chain of 100,000 backward relative dates propagates too", "[order]") {
  timeline_builder b;
  b.add("e0", on(2000, 1, 1), "2000-01-01");
  for (int i = 1; i <= 100000; ++i) {
    b.add_relative(numbered(i), rel::before, numbered(i - 1), duration{0, 0, 0, 60},
                   "before by PT1M");
  }
  const timeline tl = b.build();
  std::vector<diagnostic> ds;
  const chronology ch = order_events(tl, ds);
  CHECK(ds.empty());
  CHECK(ch.bounds.back().start_min == at(2000, 1, 1) - std::chrono::minutes{100000});
  CHECK(ch.order.front() == 100000);
}

TEST_CASE("two events that cause each other are a causal-cycle listing both", "[order]") {
  timeline_builder b;
  b.add("a", on(2015, 11, 23), "2015-11-23");
  b.add("b", on(2015, 11, 23), "2015-11-23");
  b.link("a", link_kind::causes, "b").link("b", link_kind::causes, "a");
  const timeline tl = b.build();
  std::vector<diagnostic> ds;
  const chronology ch = order_events(tl, ds);
  CHECK(texts(ds) == std::vector<std::string>{"input:2:5: error: cycle of links: 'a' → 'b' → 'a' [causal-cycle]"});
  CHECK(ch.order.size() == 2);
}

TEST_CASE("a cycle through many links and relative dates is listed in order", "[order]") {
  timeline_builder b;
  b.add("a", in_year(2015), "2015");
  b.add("b", in_year(2015), "2015");
  b.add("c", in_year(2015), "2015");
  b.add_relative("d", rel::after, "c", duration{0, 0, 1, 0}, "after c by P1D");
  b.add("e", in_year(2015), "2015");  // outside the cycle
  b.link("a", link_kind::enables, "b").link("c", link_kind::responds_to, "b");
  b.link("d", link_kind::before, "a").link("e", link_kind::after, "a");
  const timeline tl = b.build();
  std::vector<diagnostic> ds;
  const chronology ch = order_events(tl, ds);
  CHECK(texts(ds) == std::vector<std::string>{
                         "input:2:5: error: cycle of links: 'a' → 'b' → 'c' → 'd' → 'a' [causal-cycle]"});
  CHECK(find_cycles(tl) == std::vector<std::vector<std::uint32_t>>{{0, 1, 2, 3}});
  CHECK(ch.order.size() == 5);
}

TEST_CASE("an event that causes itself is a cycle of one", "[order]") {
  timeline_builder b;
  b.add("a", in_year(2015), "2015");
  b.link("a", link_kind::caused_by, "a");
  const timeline tl = b.build();
  std::vector<diagnostic> ds;
  order_events(tl, ds);
  CHECK(texts(ds) == std::vector<std::string>{"input:2:5: error: cycle of links: 'a' → 'a' [causal-cycle]"});
}

TEST_CASE("a part that causes its whole is no cycle", "[order]") {
  timeline_builder b;
  b.add("war", in_year(2015), "2015");
  b.add("first-shot", in_month(2015, 3), "March 2015");
  b.link("first-shot", link_kind::part_of, "war").link("first-shot", link_kind::causes, "war");
  const timeline tl = b.build();
  std::vector<diagnostic> ds;
  const chronology ch = order_events(tl, ds);
  CHECK(ds.empty());
  // Each begins no earlier than the other: both begin together, in March.
  CHECK(bounds_of(tl, ch, "war").start_min == at(2015, 3, 1));
  CHECK(bounds_of(tl, ch, "war").start_max == at(2015, 4, 1) - second);
}

TEST_CASE("ties are ordered by latest, then by links, then by file order", "[order]") {
  timeline_builder b;
  b.add("second", on(2015, 11, 23), "2015-11-23");
  b.add("month", in_month(2015, 11), "November 2015");
  b.add("third", on(2015, 11, 23), "2015-11-23");
  b.add("first", on(2015, 11, 23), "2015-11-23");
  b.add("early", on(2015, 11, 1), "2015-11-01");
  b.link("first", link_kind::causes, "second");
  const timeline tl = b.build();
  std::vector<diagnostic> ds;
  const chronology ch = order_events(tl, ds);
  CHECK(ds.empty());
  // "second" follows the chain of links from "first"; "third" comes before
  // "first" by file order, as nothing orders them.
  CHECK(ids(tl, ch) == std::vector<std::string>{"early", "month", "third", "first", "second"});
  SECTION("overlapping neighbours that no link joins are order-uncertain") {
    auto uncertain = [&](std::string_view id) { return static_cast<bool>(ch.order_uncertain[*tl.find_event(id)]); };
    CHECK(uncertain("early"));  // within the month
    CHECK(uncertain("month"));
    CHECK(uncertain("third"));  // the same day as first
    CHECK(uncertain("first"));
    CHECK_FALSE(uncertain("second"));  // first causes it
  }
  SECTION("the same input gives the same order") {
    std::vector<diagnostic> again;
    CHECK(order_events(tl, again).order == ch.order);
  }
}

TEST_CASE("linked neighbours on the same day are not order-uncertain", "[order]") {
  timeline_builder b;
  b.add("effect", on(2015, 11, 23), "2015-11-23");
  b.add("cause", on(2015, 11, 23), "2015-11-23");
  b.link("effect", link_kind::caused_by, "cause");
  const timeline tl = b.build();
  std::vector<diagnostic> ds;
  const chronology ch = order_events(tl, ds);
  CHECK(ids(tl, ch) == std::vector<std::string>{"cause", "effect"});
  CHECK_FALSE(ch.order_uncertain[0]);
  CHECK_FALSE(ch.order_uncertain[1]);
}

TEST_CASE("a span begins within its first unit and ends within its last", "[order]") {
  timeline_builder b;
  temporal_value span = on(2015, 11, 1);
  span.latest = at(2015, 12, 1) - second;
  span.interval = true;
  b.add("summit", span, "2015-11-01/2015-11-30");
  const timeline tl = b.build();
  std::vector<diagnostic> ds;
  const event_bounds got = order_events(tl, ds).bounds[0];
  CHECK(got == event_bounds{at(2015, 11, 1), at(2015, 11, 2) - second, at(2015, 11, 30), at(2015, 12, 1) - second});
}

TEST_CASE("links to unknown events are left to the loader", "[order]") {
  timeline_builder b;
  b.add("a", on(2015, 11, 23), "2015-11-23");
  b.link("a", link_kind::causes, "nowhere");
  b.add_relative("r", rel::after, "elsewhere", duration{0, 0, 1, 0}, "after elsewhere by P1D");
  const timeline tl = b.build();
  std::vector<diagnostic> ds;
  const chronology ch = order_events(tl, ds);
  CHECK(ds.empty());
  CHECK(ch.bounds[1].start_min == open_start);
}

TEST_CASE("the chronology says how links hold each start against the impact start's", "[order]") {
  timeline_builder b;
  b.add("unrelated", on(2017, 1, 31), "2017-01-31");
  b.add("reply", on(2017, 1, 31), "2017-01-31");
  b.add("page", on(2017, 1, 31), "2017-01-31");
  b.add("fix", on(2017, 1, 31), "2017-01-31");
  b.add("part", on(2017, 1, 31), "2017-01-31");
  b.add("deploy", on(2017, 1, 31), "2017-01-31");
  b.add_relative("later", rel::after, "page", duration{0, 0, 0, 600}, "10 minutes after page");
  b.link("reply", link_kind::responds_to, "page");
  b.link("fix", link_kind::after, "reply");  // through an end: the reply ends before the fix starts
  b.link("part", link_kind::part_of, "page");
  b.link("deploy", link_kind::causes, "page");
  timeline tl = b.build();
  std::vector<diagnostic> ds;
  SECTION("without an impact start there is nothing to hold against") {
    const chronology ch = order_events(tl, ds);
    CHECK(ch.impact == UINT32_MAX);
    CHECK(ch.impact_side.empty());
  }
  SECTION("the first event marked impact_start is the anchor") {
    tl.milestones.push_back({milestone::impact_start, tl.names.intern("page"), {}});
    tl.milestones.push_back({milestone::impact_start, tl.names.intern("fix"), {}});  // duplicate-milestone, not the anchor
    const chronology ch = order_events(tl, ds);
    CHECK(ds.empty());
    REQUIRE(ch.impact == *tl.find_event("page"));
    auto side = [&](std::string_view id) { return ch.impact_side[*tl.find_event(id)]; };
    CHECK(side("page") == side_same);
    CHECK(side("reply") == side_no_earlier);
    CHECK(side("fix") == side_no_earlier);
    CHECK(side("part") == side_no_earlier);  // a part starts within its whole
    CHECK(side("later") == side_no_earlier);
    CHECK(side("deploy") == side_no_later);
    CHECK(side("unrelated") == side_unknown);
  }
}
