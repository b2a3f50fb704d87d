#include "annals/gaps.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "annals/commands.hpp"
#include "annals/memory_reader.hpp"
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
        "  putin-tehran-2007 → putin-tehran-2015  16 Oct 2007 → 23 Nov 2015  8 years, 1 month and 7 days (2960 days)\n");
  CHECK(format_gaps_json(r, b.tl) == R"({
  "gaps": [
    {
      "series": "kind=visit actor=putin place=tehran",
      "from": "putin-tehran-2007",
      "to": "putin-tehran-2015",
      "from_date": "2007-10-16",
      "to_date": "2015-11-23",
      "from_time": null,
      "to_time": null,
      "min_days": 2960,
      "max_days": 2960,
      "min_seconds": null,
      "max_seconds": null,
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
  CHECK(format_gaps_text(r, b.tl).find("quiet periods\n  1 Jan 2001 → 1 Jan 2010  9 years (3287 days)\n") !=
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

// Gaps between times of day, through the command: in hours and minutes, between the
// times as written (issue 20).
namespace {

struct command_result {
  outcome status;
  std::string out, err;
};

command_result run_gaps_on(const std::string& yaml, gaps_args a) {
  memory_reader reader;
  reader.add("incident.yaml", yaml);
  a.files = {"incident.yaml"};
  std::ostringstream out, err;
  command_env env{reader, out, err, {}};
  const outcome status = run_gaps(a, env);
  return {status, out.str(), err.str()};
}

// An outage written in Pacific time. By hand: the updates are 10:01, 10:21 (20 minutes
// later), 11:17 (56 minutes later) and 13:15 (1 hour 58 minutes later); every event in
// order is 09:37, 10:01, 10:21, 11:17, 13:15, 13:54, so the stretches with no event are
// 24, 20, 56, 118 and 39 minutes.
constexpr const char* outage = R"(timeline: s3
title: Storage outage
timezone: America/Los_Angeles
events:
  - {id: impact, title: Errors begin, date: 2017-02-28T09:37, kind: outage, milestone: impact_start}
  - {id: update-1, title: First status update, date: 2017-02-28T10:01, kind: update}
  - {id: update-2, title: Second status update, date: 2017-02-28T10:21, kind: update}
  - {id: update-3, title: Third status update, date: 2017-02-28T11:17, kind: update}
  - {id: update-4, title: Fourth status update, date: 2017-02-28T13:15, kind: update}
  - {id: resolved, title: Recovered, date: 2017-02-28T13:54, kind: outage, milestone: resolved}
)";

gaps_args series(std::string s) {
  gaps_args a;
  a.series = std::move(s);
  return a;
}

}  // namespace

TEST_CASE("gaps between times of day are minutes and hours between the times as written", "[gaps][cli]") {
  SECTION("text") {
    const command_result r = run_gaps_on(outage, series("kind=update"));
    CHECK(r.status == outcome::ok);
    CHECK(r.err.empty());
    CHECK(r.out ==
          "kind=update\n"
          "  update-1 → update-2  28 Feb 2017 10:01 PST → 28 Feb 2017 10:21 PST  20 minutes\n"
          "  update-2 → update-3  28 Feb 2017 10:21 PST → 28 Feb 2017 11:17 PST  56 minutes\n"
          "  update-3 → update-4  28 Feb 2017 11:17 PST → 28 Feb 2017 13:15 PST  1 hour 58 minutes\n");
  }
  SECTION("json: seconds beside the days, the times as written in UTC") {
    gaps_args a = series("kind=update");
    a.format = "json";
    a.min = "1 hour";
    const command_result r = run_gaps_on(outage, a);
    CHECK(r.status == outcome::ok);
    CHECK(r.out == R"({
  "gaps": [
    {
      "series": "kind=update",
      "from": "update-3",
      "to": "update-4",
      "from_date": "2017-02-28",
      "to_date": "2017-02-28",
      "from_time": "2017-02-28T19:17:00Z",
      "to_time": "2017-02-28T21:15:00Z",
      "min_days": 0,
      "max_days": 0,
      "min_seconds": 7080,
      "max_seconds": 7080,
      "duration": "PT1H58M",
      "max_duration": "PT1H58M",
      "text": "1 hour 58 minutes",
      "approximate": false
    }
  ],
  "quiet": []
}
)");
  }
  SECTION("--by groups them the same way") {
    gaps_args a;
    a.by = "kind";
    const command_result r = run_gaps_on(outage, a);
    CHECK(r.out ==
          "kind=outage\n"
          "  impact → resolved  28 Feb 2017 09:37 PST → 28 Feb 2017 13:54 PST  4 hours 17 minutes\n"
          "kind=update\n"
          "  update-1 → update-2  28 Feb 2017 10:01 PST → 28 Feb 2017 10:21 PST  20 minutes\n"
          "  update-2 → update-3  28 Feb 2017 10:21 PST → 28 Feb 2017 11:17 PST  56 minutes\n"
          "  update-3 → update-4  28 Feb 2017 11:17 PST → 28 Feb 2017 13:15 PST  1 hour 58 minutes\n");
  }
}

TEST_CASE("quiet periods between times of day are found by --quiet, in hours and minutes", "[gaps][cli]") {
  gaps_args a;
  a.quiet = "1 hour";
  CHECK(run_gaps_on(outage, a).out ==
        "no gaps\n"
        "quiet periods\n"
        "  28 Feb 2017 11:17 PST → 28 Feb 2017 13:15 PST  1 hour 58 minutes\n");
  a.quiet = "30 minutes";
  CHECK(run_gaps_on(outage, a).out ==
        "no gaps\n"
        "quiet periods\n"
        "  28 Feb 2017 10:21 PST → 28 Feb 2017 11:17 PST  56 minutes\n"
        "  28 Feb 2017 11:17 PST → 28 Feb 2017 13:15 PST  1 hour 58 minutes\n"
        "  28 Feb 2017 13:15 PST → 28 Feb 2017 13:54 PST  39 minutes\n");
  a.quiet = "2 hours";  // 1 hour 58 minutes is not 2 hours
  CHECK(run_gaps_on(outage, a).out == "no gaps\n");
  a.quiet = "118 minutes";
  a.format = "json";
  const nlohmann::json j = nlohmann::json::parse(run_gaps_on(outage, a).out);
  REQUIRE(j["quiet"].size() == 1);
  CHECK(j["quiet"][0]["min_seconds"] == 7080);
  CHECK(j["quiet"][0]["from_time"] == "2017-02-28T19:17:00Z");
}

TEST_CASE("a quiet time of minutes after a day-only event is measured from the day's last second", "[gaps][cli]") {
  // 'day' may end at 23:59:59 on 31 January: the events at 23:40 and 00:00 leave no 30
  // minutes surely free; 02:00 on 1 February leaves two hours after the day's end.
  constexpr const char* mixed = R"(timeline: outage
timezone: UTC
events:
  - {id: day, title: Day, date: 2017-01-31}
  - {id: a, title: A, date: "2017-01-31T23:40"}
  - {id: b, title: B, date: "2017-02-01T00:00"}
)";
  gaps_args a;
  a.quiet = "30 minutes";
  CHECK(run_gaps_on(mixed, a).out == "no gaps\n");
  const std::string later = std::string(mixed) + "  - {id: c, title: C, date: \"2017-02-01T02:00\"}\n";
  a.format = "json";
  const nlohmann::json j = nlohmann::json::parse(run_gaps_on(later, a).out);
  REQUIRE(j["quiet"].size() == 1);
  CHECK(j["quiet"][0]["from"] == "b");
  CHECK(j["quiet"][0]["to"] == "c");
  CHECK(j["quiet"][0]["min_seconds"] == 7200);
}

TEST_CASE("a time written to the minute ends at that minute, and readings give whole-minute ranges", "[gaps][cli]") {
  // By hand: a page at 13:45 or 13:46 (two sources) and an update at 14:05 are 19 or 20
  // minutes apart, not 19:01 to 20:59; a span 09:37 to 11:37 ends at 11:37, 3 minutes
  // before 11:40; 23:50 to 00:10 the next day is 20 minutes; 01:50 PST to 03:10 PDT on
  // the night the clocks go forward is 20 minutes; 10:00:00 to 10:00:45 is 45 seconds.
  constexpr const char* written = R"(timeline: outage
timezone: America/Los_Angeles
sources:
  a: {title: A}
  b: {title: B}
events:
  - {id: page, title: Paged, date: {sources: {a: 2019-07-02T13:45, b: 2019-07-02T13:46}}, tags: [readings]}
  - {id: update, title: Update, date: 2019-07-02T14:05, tags: [readings]}
  - {id: span, title: Degraded, date: 2019-07-03T09:37/2019-07-03T11:37, tags: [span]}
  - {id: after-span, title: Next, date: 2019-07-03T11:40, tags: [span]}
  - {id: late, title: Late, date: 2019-07-04T23:50, tags: [midnight]}
  - {id: early, title: Early, date: 2019-07-05T00:10, tags: [midnight]}
  - {id: before-dst, title: Before, date: 2017-03-12T01:50, tags: [dst]}
  - {id: after-dst, title: After, date: 2017-03-12T03:10, tags: [dst]}
  - {id: s1, title: S1, date: 2019-07-06T10:00:00, tags: [seconds]}
  - {id: s2, title: S2, date: 2019-07-06T10:00:45, tags: [seconds]}
)";
  gaps_args a;
  a.by = "tag";
  const command_result r = run_gaps_on(written, a);
  CHECK(r.err.find("error") == std::string::npos);
  CHECK(r.out ==
        "tag=dst\n"
        "  before-dst → after-dst  12 Mar 2017 01:50 PST → 12 Mar 2017 03:10 PDT  20 minutes\n"
        "tag=midnight\n"
        "  late → early  4 Jul 2019 23:50 PDT → 5 Jul 2019 00:10 PDT  20 minutes\n"
        "tag=readings\n"
        "  page → update  2 Jul 2019 13:46 PDT → 2 Jul 2019 14:05 PDT  between 19 and 20 minutes\n"
        "tag=seconds\n"
        "  s1 → s2  6 Jul 2019 10:00:00 PDT → 6 Jul 2019 10:00:45 PDT  45 seconds\n"
        "tag=span\n"
        "  span → after-span  3 Jul 2019 11:37 PDT → 3 Jul 2019 11:40 PDT  3 minutes\n");
  a.format = "json";
  const nlohmann::json j = nlohmann::json::parse(run_gaps_on(written, a).out);
  const nlohmann::json& readings = j["gaps"][2];
  CHECK(readings["from"] == "page");
  CHECK(readings["min_seconds"] == 1140);
  CHECK(readings["max_seconds"] == 1200);
  CHECK(readings["duration"] == "PT19M");
  CHECK(readings["max_duration"] == "PT20M");
  CHECK(j["gaps"][1]["from_date"] == "2019-07-04");
  CHECK(j["gaps"][1]["to_date"] == "2019-07-05");
  CHECK(j["gaps"][1]["min_days"] == 0);
}

TEST_CASE("events at the same minute overlap, and dates keep counting calendar days", "[gaps][cli]") {
  // Same-day day events still overlap; a day and a time of day are counted in days.
  constexpr const char* mixed = R"(timeline: mixed
timezone: UTC
events:
  - {id: a, title: A, date: 2019-07-02T13:45Z}
  - {id: b, title: B, date: 2019-07-02T13:45Z}
  - {id: c, title: C, date: 2019-07-02}
  - {id: d, title: D, date: 2019-07-04}
  - {id: e, title: E, date: 2019-07-05T08:00Z}
)";
  const command_result r = run_gaps_on(mixed, gaps_args{});
  CHECK(r.out ==
        "all\n"
        "  c → d  2 Jul 2019 → 4 Jul 2019  2 days (2 days)\n"
        "  d → e  4 Jul 2019 → 5 Jul 2019  1 day (1 day)\n");
  gaps_args j;
  j.format = "json";
  const nlohmann::json days = nlohmann::json::parse(run_gaps_on(mixed, j).out);
  CHECK(days["gaps"][0]["min_days"] == 2);
  CHECK(days["gaps"][0]["min_seconds"].is_null());
  CHECK(days["gaps"][0]["from_time"].is_null());
}

TEST_CASE("times written with an offset show it, an approximate time says about", "[gaps][cli]") {
  // By hand: 23:50 to 10:00 ten days later is 9 days 10 hours 10 minutes; 10:30~ is
  // 10:29 to 10:31 (EDTF '~' on a minute), so 29 to 31 minutes after 10:00.
  constexpr const char* offsets = R"(events:
  - {id: b, title: B, date: 2019-07-02T23:50+03:30}
  - {id: c, title: C, date: 2019-07-12T10:00+03:30}
  - {id: d, title: D, date: "2019-07-12T10:30+03:30~"}
)";
  CHECK(run_gaps_on(offsets, gaps_args{}).out ==
        "all\n"
        "  b → c  2 Jul 2019 23:50 +03:30 → 12 Jul 2019 10:00 +03:30  9 days 10 hours 10 minutes\n"
        "  c → d  12 Jul 2019 10:00 +03:30 → 12 Jul 2019 10:29 +03:30  about 29 to 31 minutes\n");
}
