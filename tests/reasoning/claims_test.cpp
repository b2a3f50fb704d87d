#include "annals/claims.hpp"

#include <catch2/catch.hpp>

#include "reasoning/claim_index.hpp"
#include "gaps_fixture.hpp"

using namespace annals;
using namespace annals::testing;

namespace {

// Adds `first_in: text` with the series of Putin's visits to Tehran.
void claim_on(timeline_builder& b, event& e, duration d, std::string text) {
  series_selector s;
  s.kind = b.tl.names.intern("visit");
  s.actors = {b.tl.names.intern("putin")};
  s.place = b.tl.names.intern("tehran");
  e.claims.push_back(claim{d, std::move(text), duration_bound::in, no_symbol, s, source_pos{0, e.pos.line + 7, 9}});
}

std::vector<std::string> check(const timeline_builder& b) {
  std::vector<diagnostic> ds;
  check_claims(b.tl, b.chron(), ds);
  std::vector<std::string> out;
  for (const diagnostic& d : ds) out.push_back(format_text(d));
  return out;
}

using lines = std::vector<std::string>;

}  // namespace

TEST_CASE("the seed claim 'first in eight years' holds", "[claims]") {
  timeline_builder b;
  b.add("putin-tehran-2007", on(2007, 10, 16));
  claim_on(b, b.add("putin-tehran-2015", on(2015, 11, 23)), duration{8, 0, 0, 0}, "eight years");
  CHECK(check(b).empty());
}

TEST_CASE("a claim holds from D up to, not including, D plus one unit", "[claims]") {
  timeline_builder b;
  b.add("earlier", on(2007, 11, 23));
  event& at_8 = b.add("at-8-years", on(2015, 11, 23));
  claim_on(b, at_8, duration{8, 0, 0, 0}, "8 years");
  CHECK(check(b).empty());
  SECTION("a day short of 8 years fails") {
    b.bounds[0] = on(2007, 11, 24);
    CHECK(check(b) == lines{"input:20:9: error: claim 'first_in: 8 years' does not hold: the gap from 'earlier' "
                            "is 7 years, 11 months and 30 days (2921 days); did you mean 'first_in: 7 years'? "
                            "[claim-mismatch]"});
  }
  SECTION("9 years exactly fails") {
    b.bounds[0] = on(2006, 11, 23);
    CHECK(check(b) == lines{"input:20:9: error: claim 'first_in: 8 years' does not hold: the gap from 'earlier' "
                            "is 9 years (3287 days); did you mean 'first_in: 9 years'? [claim-mismatch]"});
  }
}

TEST_CASE("a claim that does not hold shows the real gap", "[claims]") {
  timeline_builder b;
  b.add("putin-tehran-2007", on(2007, 10, 16));
  b.add("putin-tehran-2012", on(2012, 6, 1));
  claim_on(b, b.add("putin-tehran-2015", on(2015, 11, 23)), duration{8, 0, 0, 0}, "eight years");
  CHECK(check(b) == lines{"input:30:9: error: claim 'first_in: eight years' does not hold: the gap from "
                          "'putin-tehran-2012' is 3 years, 5 months and 22 days (1270 days); did you mean "
                          "'first_in: 3 years'? [claim-mismatch]"});
}

TEST_CASE("a claim with no earlier event in its series cannot be verified", "[claims]") {
  timeline_builder b;
  b.add("putin-moscow-2007", on(2007, 10, 16), "visit", {"putin"}, "moscow");
  claim_on(b, b.add("putin-tehran-2015", on(2015, 11, 23)), duration{8, 0, 0, 0}, "eight years");
  CHECK(check(b) == lines{"input:20:9: warning: claim 'first_in: eight years' cannot be checked: no earlier "
                          "event in the series 'kind=visit actor=putin place=tehran' [claim-unverifiable]"});
}

TEST_CASE("a claim with vague dates holds when some dates within the bounds make it hold", "[claims]") {
  SECTION("an earlier visit known only as 2007 may be 8 years before") {
    timeline_builder b;
    b.add("earlier", within(at(2007, 1, 1), at(2007, 12, 31)));
    claim_on(b, b.add("later", on(2015, 11, 23)), duration{8, 0, 0, 0}, "8 years");
    CHECK(check(b).empty());
  }
  SECTION("a later visit known only as 2015 may be 8 years after") {
    timeline_builder b;
    b.add("earlier", on(2007, 12, 15));
    claim_on(b, b.add("later", within(at(2015, 1, 1), at(2015, 12, 31))), duration{8, 0, 0, 0}, "8 years");
    CHECK(check(b).empty());
  }
  SECTION("no date within the bounds makes 2010 eight years before 2015") {
    timeline_builder b;
    b.add("earlier", within(at(2010, 1, 1), at(2010, 12, 31)));
    claim_on(b, b.add("later", on(2015, 11, 23)), duration{8, 0, 0, 0}, "8 years");
    CHECK(check(b) == lines{"input:20:9: error: claim 'first_in: 8 years' does not hold: the gap from 'earlier' "
                            "is between 4 and 5 years (1788 to 2152 days) [claim-mismatch]"});
  }
  SECTION("an earlier visit with an open start may be long enough") {
    timeline_builder b;
    b.add("earlier", within(open_start, at(2007, 12, 31)));
    claim_on(b, b.add("later", on(2015, 11, 23)), duration{8, 0, 0, 0}, "8 years");
    CHECK(check(b).empty());
  }
}

TEST_CASE("a claim in months counts up to the next month", "[claims]") {
  timeline_builder b;
  b.add("earlier", on(2015, 1, 31));
  claim_on(b, b.add("later", on(2015, 4, 29)), duration{0, 2, 0, 0}, "two months");
  CHECK(check(b).empty());  // 2 months and 29 days: at least 2 months, under 3
  b.bounds[1] = on(2015, 4, 30);
  CHECK(check(b).size() == 1);  // 3 months exactly
}

namespace {

// Adds `first_since: since` with the series of Putin's visits to Tehran.
void since_on(timeline_builder& b, event& e, std::string_view since) {
  series_selector s;
  s.kind = b.tl.names.intern("visit");
  s.actors = {b.tl.names.intern("putin")};
  s.place = b.tl.names.intern("tehran");
  e.claims.push_back(claim{{}, "", duration_bound::in, b.tl.names.intern(since), s, source_pos{0, e.pos.line + 7, 9}});
}

// "f12": appended, not "f" + text (GCC 12 warns falsely on that).
std::string numbered(std::string prefix, int i) {
  prefix += std::to_string(i);
  return prefix;
}

}  // namespace

TEST_CASE("first_since holds when no event of the series certainly lies between", "[claims]") {
  timeline_builder b;
  b.add("blowout", on(1979, 6, 3));
  b.add("elsewhere", on(1990, 1, 1), "visit", {"putin"}, "moscow");  // not of the series
  b.add("maybe", within(at(1979, 1, 1), at(1979, 12, 31)));          // may be before the blowout
  since_on(b, b.add("spill", on(2010, 4, 20)), "blowout");
  CHECK(check(b).empty());
}

// The fixture's events have no written date: their labels read "undated".
TEST_CASE("first_since names the first event of the series, in order, that lies between", "[claims]") {
  timeline_builder b;
  b.add("blowout", on(1979, 6, 3));
  b.add("later", on(2001, 1, 1));
  b.add("earlier", on(1990, 1, 1));
  since_on(b, b.add("spill", on(2010, 4, 20)), "blowout");
  CHECK(check(b) ==
        lines{"input:40:9: error: claim 'first_since: blowout' does not hold: 'earlier' (1 Jan 1990) "
              "of the series 'kind=visit actor=putin place=tehran' comes between [claim-mismatch]"});
}

TEST_CASE("first_since of an event that comes after is claim-mismatch", "[claims]") {
  timeline_builder b;
  since_on(b, b.add("spill", on(2010, 4, 20)), "blowout");
  b.add("blowout", on(2011, 6, 3));
  CHECK(check(b) ==
        lines{"input:10:9: error: claim 'first_since: blowout' does not hold: 'blowout' (3 Jun 2011) "
              "comes after this event [claim-mismatch]"});
}

TEST_CASE("many claims on one day each find the earlier event past the others of that day", "[claims]") {
  timeline_builder b;
  b.add("first", on(2014, 11, 23));
  for (int i = 0; i < 2000; ++i) {
    claim_on(b, b.add(numbered("same-day-", i), on(2015, 11, 23)), duration{1, 0, 0, 0}, "1 year");
  }
  CHECK(check(b).empty());
  b.bounds[0] = on(2015, 11, 23);  // now no member begins before them
  CHECK(check(b).size() == 2000);
}

TEST_CASE("a chain of first_since on one vague date holds throughout", "[claims]") {
  timeline_builder b;
  b.add("f0", within(at(2015, 1, 1), at(2015, 12, 31)));
  for (int i = 1; i < 2000; ++i) {
    since_on(b, b.add(numbered("f", i), within(at(2015, 1, 1), at(2015, 12, 31))), numbered("f", i - 1));
  }
  CHECK(check(b).empty());
}

// The index answers what a scan of the series would: checked against one on random
// members with few distinct bounds (ties everywhere) and members out of start order.
TEST_CASE("the series index answers as a scan of the series would", "[claims]") {
  std::uint32_t seed = 19;
  auto next = [&](std::uint32_t below) {
    seed = seed * 1664525u + 1013904223u;
    return (seed >> 8) % below;
  };
  for (int round = 0; round < 200; ++round) {
    const std::uint32_t events = 1 + next(40);
    chronology c;
    c.order.resize(events);
    std::iota(c.order.begin(), c.order.end(), 0u);
    for (std::uint32_t i = events; i > 1; --i) std::swap(c.order[i - 1], c.order[next(i)]);
    for (std::uint32_t e = 0; e < events; ++e) {
      const instant s0 = at(2015, 1, 1 + next(6)), s1 = s0 + std::chrono::days{next(3)};
      c.bounds.push_back({s0, s1, s1, s1 + std::chrono::days{next(3)}});
    }
    detail::series_members x;
    for (std::uint32_t r = 0; r < events; ++r) {
      if (next(4) == 0) continue;  // not a member
      x.ranks.push_back(r);
      x.events.push_back(c.order[r]);
    }
    std::vector<detail::earlier_question> earlier;
    std::vector<detail::between_question> between;
    for (std::uint32_t q = 0; q < 20; ++q) {
      earlier.push_back({next(events + 1), at(2015, 1, 1 + next(8)), 0});
      // Bounds from two events, or any (then the two excluded may lie between themselves).
      const std::uint32_t from = next(events), to = next(events);
      if (next(2) == 0) {
        between.push_back({c.bounds[from].start_max, c.bounds[to].start_min, from, to, 0});
      } else {
        between.push_back(
            {at(2014, 12, 31) + std::chrono::days{next(8)}, at(2015, 1, 1 + next(10)), from, to, 0});
      }
    }
    detail::answer(x, c, earlier);
    detail::answer(x, c, between);
    for (const detail::earlier_question& q : earlier) {
      auto before = static_cast<std::uint32_t>(std::lower_bound(x.ranks.begin(), x.ranks.end(), q.rank) -
                                               x.ranks.begin());
      while (before > 0 && c.bounds[x.events[before - 1]].start_min >= q.start_min) --before;
      CHECK(q.answer == before);
    }
    for (const detail::between_question& q : between) {
      std::uint32_t first = detail::no_member;
      for (std::uint32_t m : x.events) {
        if (m != q.from && m != q.to && c.bounds[m].start_min > q.after && c.bounds[m].start_max < q.before) {
          first = m;
          break;
        }
      }
      CHECK(q.answer == first);
    }
  }
}

// A series is read from its values' lists: the events on all of them are those it matches.
TEST_CASE("a series read from its values' lists holds the events it matches", "[claims]") {
  std::uint32_t seed = 7;
  auto next = [&](std::uint32_t below) {
    seed = seed * 1664525u + 1013904223u;
    return (seed >> 8) % below;
  };
  const std::vector<std::string_view> kinds = {"visit", "talk"}, actors = {"putin", "rouhani", "xi"},
                                      places = {"tehran", "moscow"}, tags = {"gas", "oil", "arms"};
  timeline_builder b;
  for (int i = 0; i < 300; ++i) {
    std::initializer_list<std::string_view> who[] = {{}, {"putin"}, {"rouhani", "putin"}, {"xi", "xi"}};
    event& e =
        b.add(numbered("e", i), on(2015, 1, 1 + next(28)), kinds[next(2)], who[next(4)], places[next(2)]);
    for (std::uint32_t t = next(4); t > 0; --t)
      e.tags = b.tl.store.append(e.tags, b.tl.names.intern(tags[next(3)]));
    if (next(5) == 0) e.place = no_symbol;
  }
  const chronology c = b.chron();
  const detail::postings lists(b.tl, c);
  for (int round = 0; round < 300; ++round) {
    series_selector s;
    if (next(2)) s.kind = b.tl.names.intern(kinds[next(2)]);
    if (next(2)) s.place = b.tl.names.intern(places[next(2)]);
    for (std::uint32_t a = next(3); a > 0; --a) s.actors.push_back(b.tl.names.intern(actors[next(3)]));
    for (std::uint32_t t = next(3); t > 0; --t) s.tags.push_back(b.tl.names.intern(tags[next(3)]));
    if (next(10) == 0) s.tags.push_back(b.tl.names.intern("never-used"));
    const detail::series_members x = detail::members_of(c, lists.lists(s));
    std::vector<std::uint32_t> expected;
    for (std::uint32_t r = 0; r < c.order.size(); ++r) {
      if (matches(b.tl.events[c.order[r]], s)) expected.push_back(c.order[r]);
    }
    CHECK(x.events == expected);
  }
}

TEST_CASE("claims that would read more of their series than the limit are too-large, not checked",
          "[claims]") {
  timeline_builder b;
  b.add("putin-tehran-2007", on(2007, 10, 16));
  // Putin's visits to Tehran: the 2 events of its rarest value, looked up in its 3 lists.
  claim_on(b, b.add("putin-tehran-2015", on(2015, 11, 23)), duration{1, 0, 0, 0}, "1 year");
  event& moscow = b.add("putin-moscow-2016", on(2016, 1, 1), "visit", {"putin"}, "moscow");
  series_selector visits, in_moscow;
  visits.kind = b.tl.names.intern("visit");  // 3 events more: past the limit of 8
  in_moscow.place = b.tl.names.intern("moscow");
  moscow.claims.push_back(
      claim{duration{5, 0, 0, 0}, "5 years", duration_bound::in, no_symbol, visits, source_pos{0, 28, 9}});
  moscow.claims.push_back(
      claim{duration{5, 0, 0, 0}, "5 years", duration_bound::in, no_symbol, in_moscow, source_pos{0, 29, 9}});
  claim_on(b, moscow, duration{1, 0, 0, 0}, "1 year");  // a series already read is still checked
  std::vector<diagnostic> ds;
  check_claims(b.tl, b.chron(), ds, 8);
  std::vector<std::string> seen;
  for (const diagnostic& d : ds) seen.push_back(format_text(d));
  CHECK(seen ==
        lines{"input:20:9: error: claim 'first_in: 1 year' does not hold: the gap from 'putin-tehran-2007' "
              "is 8 years, 1 month and 7 days (2960 days); did you mean 'first_in: 8 years'? "
              "[claim-mismatch]",
              "input:28:9: error: checking claims reads more than the limit of 8 events of their series "
              "in one run: the claims on this series and on those first named after it are not checked "
              "[too-large]",
              "input:30:9: error: claim 'first_in: 1 year' does not hold: the gap from 'putin-tehran-2015' "
              "is 1 month and 9 days (39 days) [claim-mismatch]"});
  CHECK(claim_reading_limit(1000) == 100'016'000);
}
