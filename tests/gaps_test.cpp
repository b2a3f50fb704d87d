#include "annals/gaps.hpp"

#include <catch2/catch.hpp>

#include "gaps_fixture.hpp"

using namespace annals;
using namespace annals::testing;

namespace {

series_selector select(const timeline& tl, std::string_view text) {
  const selector_result r = parse_selector(text, tl);
  REQUIRE(r.ok());
  return r.value;
}

gap_report gaps_of(const timeline_builder& b, gap_options o = {}) { return find_gaps(b.tl, b.chron(), o); }

std::string id(const timeline& tl, std::uint32_t e) { return std::string(tl.names.name(tl.events[e].id)); }

}  // namespace

TEST_CASE("the seed gap is 2960 days, P8Y1M7D, 8 years, 1 month and 7 days", "[gaps]") {
  timeline_builder b;
  b.add("putin-tehran-2007", on(2007, 10, 16));
  b.add("putin-tehran-2015", on(2015, 11, 23));
  b.add("ban-lifted", on(2015, 11, 23), "decree", {"putin"}, "");
  gap_options o;
  o.series = select(b.tl, "kind=visit actor=putin place=tehran");
  const gap_report r = gaps_of(b, o);
  REQUIRE(r.gaps.size() == 1);
  const gap& g = r.gaps[0];
  CHECK(r.series[g.series] == "kind=visit actor=putin place=tehran");
  CHECK(id(b.tl, g.from) == "putin-tehran-2007");
  CHECK(id(b.tl, g.to) == "putin-tehran-2015");
  CHECK(g.span.min_days == 2960);
  CHECK(g.span.max_days == 2960);
  CHECK(to_iso(g.span.shortest) == "P8Y1M7D");
  CHECK(gap_text(g.span) == "8 years, 1 month and 7 days");
  CHECK(format_gaps_text(r, b.tl) ==
        "kind=visit actor=putin place=tehran\n"
        "  putin-tehran-2007 → putin-tehran-2015  2007-10-16 → 2015-11-23  8 years, 1 month and 7 days (2960 days)\n");
  CHECK(format_gaps_json(r, b.tl) == R"({
  "gaps": [
    {
      "series": "kind=visit actor=putin place=tehran",
      "from": "putin-tehran-2007",
      "to": "putin-tehran-2015",
      "from_date": "2007-10-16",
      "to_date": "2015-11-23",
      "min_days": 2960,
      "max_days": 2960,
      "duration": "P8Y1M7D",
      "max_duration": "P8Y1M7D",
      "text": "8 years, 1 month and 7 days",
      "approximate": false
    }
  ],
  "quiet": []
}
)");
}

TEST_CASE("day counts are exact across leap years", "[gaps]") {
  timeline_builder b;
  b.add("a", on(2015, 2, 28));
  b.add("b", on(2016, 3, 1));  // 2016-02-29 lies between
  b.add("c", on(2100, 3, 1));  // 2100 is not a leap year, 2000 was
  const gap_report r = gaps_of(b);
  REQUIRE(r.gaps.size() == 2);
  CHECK(r.series[0] == "all");
  CHECK(r.gaps[0].span.min_days == 367);
  CHECK(to_english(r.gaps[0].span.shortest) == "1 year and 2 days");
  CHECK(r.gaps[1].span.min_days == 30680);  // 84 years, 21 of them leap
  CHECK(to_iso(r.gaps[1].span.shortest) == "P84Y");
}

TEST_CASE("a gap from the end of a month counts whole months to the clamped day", "[gaps]") {
  timeline_builder b;
  b.add("a", on(2015, 1, 31));
  b.add("b", on(2015, 2, 28));
  const gap_report r = gaps_of(b);
  REQUIRE(r.gaps.size() == 1);
  CHECK(r.gaps[0].span.min_days == 28);
  CHECK(gap_text(r.gaps[0].span) == "1 month");
}

TEST_CASE("a vague date on either side gives a range of days", "[gaps]") {
  SECTION("the earlier event known only to its year") {
    timeline_builder b;
    b.add("a", within(at(2007, 1, 1), at(2007, 12, 31)));
    b.add("b", on(2015, 11, 23));
    const gap_span s = gaps_of(b).gaps.at(0).span;
    CHECK(s.min_days == (day(2015, 11, 23) - day(2007, 12, 31)).count());
    CHECK(s.max_days == (day(2015, 11, 23) - day(2007, 1, 1)).count());
    CHECK(s.from == day(2007, 12, 31));
    CHECK(s.to == day(2015, 11, 23));
    CHECK(to_iso(s.shortest) == "P7Y10M23D");
    CHECK(to_iso(*s.longest) == "P8Y10M22D");
    CHECK(gap_text(s) == "between 7 and 8 years");
  }
  SECTION("the later event known only to its month") {
    timeline_builder b;
    b.add("a", on(2007, 10, 16));
    b.add("b", within(at(2015, 11, 1), at(2015, 11, 30)));
    const gap_span s = gaps_of(b).gaps.at(0).span;
    CHECK(s.min_days == 2938);
    CHECK(s.max_days == 2967);
    CHECK(gap_text(s) == "between 8 years and 8 years, 1 month");
  }
  SECTION("an approximate end says about") {
    timeline_builder b;
    b.add("a", on(2007, 10, 16)).date.approximate = true;
    b.add("b", on(2015, 11, 23));
    CHECK(gap_text(gaps_of(b).gaps.at(0).span) == "about 8 years, 1 month and 7 days");
  }
  SECTION("an approximate range says about, from and to") {
    timeline_builder b;
    b.add("a", within(at(2006, 1, 1), at(2008, 12, 31))).date.approximate = true;
    b.add("b", on(2015, 11, 23));
    CHECK(gap_text(gaps_of(b).gaps.at(0).span) == "about 6 to 9 years");
  }
  SECTION("an open start gives no upper bound") {
    timeline_builder b;
    b.add("a", within(open_start, at(2006, 12, 31)));
    b.add("b", on(2015, 11, 23));
    const gap_span s = gaps_of(b).gaps.at(0).span;
    CHECK_FALSE(s.max_days);
    CHECK(gap_text(s) == "at least 8 years, 10 months and 23 days");
  }
}

TEST_CASE("a gap runs from the end of a span, not its start", "[gaps]") {
  timeline_builder b;
  b.add("summit", from_to(at(2007, 10, 14), at(2007, 10, 16)));
  b.add("visit", on(2015, 11, 23));
  const gap_span s = gaps_of(b).gaps.at(0).span;
  CHECK(s.min_days == 2960);
  CHECK(s.exact());
}

TEST_CASE("gaps lie between events, not inside them", "[gaps]") {
  timeline_builder b;
  b.add("war", from_to(at(2000, 1, 1), at(2010, 12, 31)));
  b.add("battle", on(2005, 6, 1));
  b.add("treaty", on(2011, 1, 10));
  const gap_report r = gaps_of(b);
  // The battle lies inside the war: no "0 days" gap. The war outlasts it, so the gap runs from the war's end.
  REQUIRE(r.gaps.size() == 1);
  CHECK(id(b.tl, r.gaps[0].from) == "war");
  CHECK(id(b.tl, r.gaps[0].to) == "treaty");
  CHECK(r.gaps[0].span.min_days == 10);
}

TEST_CASE("events on the same day overlap: no gap row, one that may follow later has a range from zero", "[gaps]") {
  timeline_builder b;
  b.add("morning", on(2015, 11, 23));
  b.add("evening", on(2015, 11, 23));
  b.add("later", within(at(2015, 11, 23), at(2015, 11, 30)));
  const gap_report r = gaps_of(b);
  REQUIRE(r.gaps.size() == 1);
  CHECK(id(b.tl, r.gaps[0].to) == "later");
  CHECK(r.gaps[0].span.min_days == 0);  // it may have begun the same day, never a negative gap
  CHECK(r.gaps[0].span.max_days == 7);
}

TEST_CASE("a series with one event has no gaps", "[gaps]") {
  timeline_builder b;
  b.add("only", on(2015, 11, 23));
  b.add("other", on(2016, 1, 1), "meeting");
  gap_options o;
  o.series = select(b.tl, "kind=visit");
  const gap_report r = gaps_of(b, o);
  CHECK(r.gaps.empty());
  CHECK(format_gaps_text(r, b.tl) == "no gaps\n");
}

TEST_CASE("grouping by keys makes a series of each combination, one per actor", "[gaps]") {
  timeline_builder b;
  b.add("v1", on(2001, 1, 1), "visit", {"putin", "lavrov"}, "tehran");
  b.add("v2", on(2002, 1, 1), "visit", {"putin"}, "tehran");
  b.add("v3", on(2003, 1, 1), "visit", {"lavrov"}, "tehran");
  b.add("v4", on(2004, 1, 1), "visit", {"lavrov"}, "moscow");
  b.add("nobody", on(2005, 1, 1), "visit", {}, "tehran");
  gap_options o;
  const series_keys_result keys = parse_series_keys("kind,actor,place");
  REQUIRE(keys.ok());
  o.by = keys.value;
  const gap_report r = gaps_of(b, o);
  REQUIRE(r.gaps.size() == 2);
  CHECK(r.series[r.gaps[0].series] == "kind=visit actor=lavrov place=tehran");
  CHECK(id(b.tl, r.gaps[0].from) == "v1");
  CHECK(id(b.tl, r.gaps[0].to) == "v3");
  CHECK(r.series[r.gaps[1].series] == "kind=visit actor=putin place=tehran");
  CHECK(r.series.size() == 2);  // lavrov in moscow has one event and no gap
}

TEST_CASE("a minimum duration keeps only gaps that may last that long", "[gaps]") {
  timeline_builder b;
  b.add("a", on(2000, 1, 1));
  b.add("b", on(2000, 3, 1));
  b.add("c", on(2005, 3, 1));
  b.add("d", within(at(2009, 1, 1), at(2010, 12, 31)));
  gap_options o;
  o.min = duration{5, 0, 0, 0};
  const gap_report r = gaps_of(b, o);
  REQUIRE(r.gaps.size() == 2);
  CHECK(id(b.tl, r.gaps[0].to) == "c");  // exactly 5 years
  CHECK(id(b.tl, r.gaps[1].to) == "d");  // 3 years 10 months to 5 years 9 months
}

TEST_CASE("quiet periods are stretches surely free of any selected event", "[gaps]") {
  timeline_builder b;
  b.add("a", on(2000, 1, 1), "visit");
  b.add("b", on(2001, 1, 1), "meeting");
  b.add("c", on(2010, 1, 1), "visit");
  b.add("d", within(at(2012, 1, 1), at(2016, 12, 31)), "meeting");
  gap_options o;
  o.quiet = duration{3, 0, 0, 0};
  const gap_report r = gaps_of(b, o);
  REQUIRE(r.quiet.size() == 1);
  CHECK(r.quiet[0].span.from == day(2001, 1, 1));
  CHECK(r.quiet[0].span.to == day(2010, 1, 1));
  CHECK(r.quiet[0].span.min_days == 3287);
  CHECK(format_gaps_text(r, b.tl).find("quiet periods\n  2001-01-01 → 2010-01-01  9 years (3287 days)\n") !=
        std::string::npos);
  SECTION("within a series selection only") {
    o.series = select(b.tl, "kind=visit");
    const gap_report v = gaps_of(b, o);
    REQUIRE(v.quiet.size() == 1);
    CHECK(v.quiet[0].span.from == day(2000, 1, 1));
  }
}

TEST_CASE("a selector names unknown keys and values with a spelling hint", "[gaps]") {
  timeline_builder b;
  b.add("a", on(2000, 1, 1));
  CHECK(parse_selector("actor=putn", b.tl).error == "unknown actor 'putn'");
  CHECK(parse_selector("actor=putn", b.tl).hint == "did you mean 'putin'?");
  CHECK(parse_selector("knd=visit", b.tl).error == "unknown series key 'knd'");
  CHECK(parse_selector("knd=visit", b.tl).hint == "did you mean 'kind'?");
  CHECK(parse_selector("visit", b.tl).error == "expected key=value in the series, got 'visit'");
  CHECK(parse_selector("", b.tl).error == "empty series selector");
  CHECK(parse_selector("actors=putin place=tehran", b.tl).ok());
  CHECK(parse_series_keys("kind,actr").error == "unknown series key 'actr'");
}

TEST_CASE("a long gap between consecutive events gets a later marker", "[gaps]") {
  timeline_builder b;
  b.add("a", on(2007, 10, 16));
  b.add("b", on(2015, 11, 23));
  b.add("c", on(2015, 12, 20));
  b.add("d", within(at(2017, 1, 1), at(2018, 12, 31))).date.approximate = true;
  const chronology c = b.chron();
  CHECK(gap_marker(b.tl, c, 0, 1) == "— 8 years later —");
  CHECK_FALSE(gap_marker(b.tl, c, 1, 2));
  CHECK(gap_marker(b.tl, c, 1, 2, duration{0, 0, 7, 0}) == "— 27 days later —");
  CHECK(gap_marker(b.tl, c, 2, 3) == "— about 1 to 3 years later —");
}
