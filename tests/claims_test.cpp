#include "annals/claims.hpp"

#include <catch2/catch.hpp>

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
  e.claims.push_back(claim{d, std::move(text), false, no_symbol, s, source_pos{0, e.pos.line + 7, 9}});
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
