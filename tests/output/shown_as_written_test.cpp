// Dates as written, shown as written (issue 12): each case a user met, through the whole
// path a file takes: loaded, ordered, rendered in every format that shows labels.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "annals/memory_reader.hpp"
#include "annals/render.hpp"
#include "annals/validate.hpp"
#include "output/escape.hpp"

using namespace annals;

namespace {

struct loaded {
  validation v;
  std::vector<std::string> problems;  // "code: message" of every error
};

loaded load_yaml(const std::string& yaml) {
  memory_reader reader;
  reader.add("input", yaml);
  loaded out{validate({"input"}, reader, {}), {}};
  for (const diagnostic& d : out.v.diagnostics) {
    if (d.level == severity::error) out.problems.push_back(d.code + ": " + d.message);
  }
  return out;
}

std::string render(const loaded& l, std::string_view format, render_report* report = nullptr) {
  return *render_to_string(format, l.v.loaded.tl, l.v.chron, {}, report);
}

// The formats whose labels a person reads.
constexpr std::string_view labelled[] = {"text", "markdown", "html", "svg", "csv", "mermaid", "dot", "timelinejs"};

// A label as a format writes it: mermaid spells ':' as an entity (`#58;`); dot, whose nodes
// are narrow, breaks a date in two calendars between them.
std::string written_in(std::string_view format, std::string_view label) {
  if (format == "mermaid") return escape_mermaid(label);
  std::string out(label);
  if (const std::size_t equals = out.find(" = "); format == "dot" && equals != std::string::npos)
    out.replace(equals, 1, "\\n");
  return out;
}

std::size_t count(const std::string& hay, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + needle.size())) ++n;
  return n;
}

const char* const spill = R"(timeline: spill
reference: 2010-07-20
timezone: America/Chicago
events:
  - id: blowout
    title: The well blows out
    date: 2010-04-20T21:49
  - id: rescue
    title: Search and rescue begins
    date: 20 April 2010
    caused_by: [blowout]
  - id: follow-up
    title: Three days later
    date: {after: blowout, by: 3 days}
)";

}  // namespace

TEST_CASE("a time shows as wall time in the writer's zone in every format", "[written][zone]") {
  const loaded l = load_yaml(spill);
  REQUIRE(l.problems.empty());
  for (std::string_view format : labelled) {
    INFO(format);
    const std::string out = render(l, format);
    CHECK(out.find(written_in(format, "20 Apr 2010 21:49 CDT")) != std::string::npos);
    CHECK(out.find("UTC") == std::string::npos);
  }
  const auto tjs = nlohmann::json::parse(render(l, "timelinejs"));
  CHECK(tjs["events"][0]["start_date"]["hour"] == 21);  // TimelineJS shows the fields it is given
  CHECK(tjs["events"][0]["start_date"]["day"] == 20);
  // ics and JSON keep the UTC instant.
  CHECK(render(l, "ics").find("DTSTART:20100421T024900Z") != std::string::npos);
  CHECK(render(l, "json").find("\"earliest\": \"2010-04-21T02:49:00Z\"") != std::string::npos);
}

TEST_CASE("a day in a zone is that day there: caused by a late-evening time, it is no contradiction", "[written][zone]") {
  CHECK(load_yaml(spill).problems.empty());
  // Without the zone the day is a UTC day, and a 21:49 offset time falls on the next one.
  const loaded utc = load_yaml("events:\n"
                               "  - {id: blowout, title: B, date: 2010-04-20T21:49-05:00}\n"
                               "  - {id: rescue, title: R, date: 20 April 2010, caused_by: [blowout]}\n");
  REQUIRE(utc.problems.size() == 1);
  CHECK(utc.problems[0].rfind("causal-order:", 0) == 0);
}

TEST_CASE("a relative date shows at its resolved time, under the heading where it falls", "[written][relative]") {
  const loaded l = load_yaml(spill);
  const std::string text = render(l, "text");
  CHECK(text.find("23 Apr 2010 21:49 CDT") != std::string::npos);  // three days after 21:49
  CHECK(text.find("Undated") == std::string::npos);
  CHECK(text.find("undated") == std::string::npos);
  const auto doc = nlohmann::json::parse(render(l, "json"));
  const auto& date = doc["events"][2]["date"];
  CHECK(date["earliest"] == "2010-04-24T02:49:00Z");
  CHECK(date["form"] == "relative");
  // dot ranks it where it falls, beside the spine's tick of that time, not apart as undated.
  const std::string dot = render(l, "dot");
  CHECK(dot.find("\"tick:2\" [label=\"23 Apr 2010 21:45 CDT\"]") != std::string::npos);
  CHECK(dot.find("{ rank=same; \"tick:2\"; \"follow-up\"; }") != std::string::npos);
  CHECK(dot.find("Undated") == std::string::npos);
}

TEST_CASE("a Julian date shows in its calendar with the Gregorian beside it in every format", "[written][calendar]") {
  const loaded l = load_yaml("events:\n  - {id: ides, title: Ides, date: {on: 15 March 44 BC, calendar: julian}}\n");
  REQUIRE(l.problems.empty());
  for (std::string_view format : labelled) {
    INFO(format);
    CHECK(render(l, format).find(written_in(format, "15 Mar 44 BC (Julian) = 13 Mar 44 BC")) != std::string::npos);
  }
}

TEST_CASE("qualified and mixed intervals are labelled from what was written", "[written][label]") {
  const loaded l = load_yaml("events:\n"
                             "  - {id: a, title: A, date: between c. 1500 and 1600}\n"
                             "  - {id: b, title: B, date: 2015~/2016}\n");
  const std::string text = render(l, "text");
  CHECK(text.find("c. 1500 – 1600") != std::string::npos);
  CHECK(text.find("c. 2015 – 2016") != std::string::npos);
}

TEST_CASE("headings follow the order: open starts, qualified dates and relative dates fall where they lie",
          "[written][headings]") {
  const loaded l = load_yaml("reference: 2015-11-25\n"
                             "events:\n"
                             "  - {id: old, title: Old, date: 2014-06-01}\n"
                             "  - {id: open, title: Until 2015, date: ../2015}\n"
                             "  - {id: nov, title: November, date: 2015-11-16}\n"
                             "  - {id: dec, title: About December, date: 2015-12~}\n"
                             "  - {id: late, title: Later, date: 2015-12-20}\n");
  REQUIRE(l.problems.empty());
  const std::string text = render(l, "text");
  // Each heading once, in order: the open start sits in 2015, the approximate December under Dec.
  CHECK(count(text, "\n2015\n") == 1);
  CHECK(count(text, "\n  Dec\n") == 1);
  CHECK(text.find("\n2014\n") < text.find("\n2015\n"));
  CHECK(text.find("\n  Nov\n") < text.find("\n  Dec\n"));
  CHECK(text.find("c. Dec 2015") > text.find("\n  Dec\n"));
  CHECK(text.find("until 2015") > text.find("\n2015\n"));
  const std::string mermaid = render(l, "mermaid");
  CHECK(count(mermaid, "section 2015") == 1);
  CHECK(count(mermaid, "section 2014") == 1);
  // The summary runs from the first event to the last in order.
  CHECK(render(l, "html").find("5 events · 1 Jun 2014 to 20 Dec 2015") != std::string::npos);
  CHECK(render(l, "markdown").find("5 events, 1 Jun 2014 to 20 Dec 2015.") != std::string::npos);
}

TEST_CASE("an event with no bound at all is the only one under Undated, and comes last", "[written][headings]") {
  const loaded l = load_yaml("events:\n"
                             "  - {id: a, title: A, date: 2015}\n"
                             "  - {id: b, title: B, date: {after: a}}\n"
                             "  - {id: c, title: C, date: {during: d}}\n"
                             "  - {id: d, title: D, date: {before: c}}\n");
  const std::string text = render(l, "text");
  CHECK(count(text, "Undated") <= 1);
  CHECK(text.find("from 2015") != std::string::npos);  // after a: it begins once a can have ended
}

TEST_CASE("a span of weeks constrains by weeks: after it, no false contradiction", "[written][precision]") {
  const loaded l = load_yaml("reference: 2015-11-25\n"
                             "events:\n"
                             "  - {id: x, title: X, date: 2015-11-10}\n"
                             "  - {id: y, title: Y, date: from last week to next week, after: [x]}\n");
  CHECK(l.problems.empty());
}

TEST_CASE("days, units and shifts are counted on the writer's wall clock, across DST changes", "[written][zone]") {
  SECTION("a day the zone skipped does not exist") {
    date_context c;
    c.timezone = "Pacific/Apia";
    const date_result r = normalize_date("2011-12-30", c);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error->code == "invalid-date");
  }
  SECTION("a qualified time beside a DST gap still exists") {
    date_context c;
    c.timezone = "America/Chicago";
    CHECK(normalize_date("2015-03-08T03:00~", c).ok());
  }
  const loaded l = load_yaml("timezone: America/Chicago\n"
                             "events:\n"
                             "  - {id: x, title: X, date: 2015-03-07}\n"
                             "  - {id: y, title: Y, date: {after: x, by: 1 day}}\n"
                             "  - {id: a, title: A, date: 2015-10/2015-11, before: [b]}\n"
                             "  - {id: b, title: B, date: \"2015-11-01T00:30\"}\n"
                             "  - {id: z, title: Z, date: \"2015-12-31T23:30-06:00\"}\n");
  REQUIRE(l.problems.empty());  // a month ending at Chicago's midnight, not UTC's: no false contradiction
  const std::string text = render(l, "text");
  CHECK(text.find("8 Mar 2015   ") != std::string::npos);  // a day after 7 March, though the clocks changed
  // The explicit offset's wall clock heads it: 2015, December; the offset is Chicago's own, so named.
  CHECK(text.find("\n  Dec\n    31 Dec 2015 23:30 CST") != std::string::npos);
  CHECK(text.find("2016") == std::string::npos);
}

TEST_CASE("an interval whose ends are one unit is labelled as that unit", "[written][label]") {
  const loaded l = load_yaml("events:\n  - {id: a, title: A, date: 2015-03-22/2015-03-22}\n"
                             "  - {id: b, title: B, date: 2015/2015}\n");
  const std::string text = render(l, "text");
  CHECK(text.find("22 Mar 2015") != std::string::npos);
  CHECK(text.find("22–22") == std::string::npos);
  CHECK(text.find("2015 – 2015") == std::string::npos);
}
